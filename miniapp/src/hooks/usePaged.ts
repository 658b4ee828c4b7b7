import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@gongkai/shared';
import type { Loaded } from '../services/cache';
import { toApiError, type ApiError } from '../services/request';

/** What a paged list page renders. */
export interface PagedState<T> {
  /** Every item loaded so far, in server order. */
  items: T[];
  total: number;
  /** The first page is loading (nothing to show yet). */
  loading: boolean;
  /** A further page is loading (the list stays on screen). */
  loadingMore: boolean;
  /** The last load failed (first page: nothing to show; later page: shown under the list). */
  error: ApiError | null;
  /** Everything the server has is loaded. */
  done: boolean;
  /** The first page came from the weak-network cache. */
  offline: boolean;
  savedAt: number;
}

/**
 * A list read page by page (infinite scroll): loads page 1 when `key` changes, `more()` loads the next one
 * (ignored while loading or when done), `reload()` starts again. `load` may go through the weak-network cache
 * (`Loaded`) or not (a plain `Page`). Answers for an older key are dropped.
 */
export function usePaged<T>(key: string | null, load: (page: number) => Promise<Loaded<Page<T>> | Page<T>>) {
  const empty: PagedState<T> = { items: [], total: 0, loading: key !== null, loadingMore: false, error: null, done: false, offline: false, savedAt: 0 };
  const [state, setState] = useState<PagedState<T>>(empty);
  const seq = useRef(0);
  const page = useRef(0);
  const busy = useRef(false);
  const loaded = useRef(0);
  const done = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (n: number, mine: number) => {
    busy.current = true;
    setState((s) => ({ ...s, loading: n === 1, loadingMore: n > 1, error: null }));
    try {
      const r = await loadRef.current(n);
      if (mine !== seq.current) return;
      const body = 'data' in r ? r.data : r;
      const meta = 'data' in r ? { offline: r.offline, savedAt: r.savedAt } : { offline: false, savedAt: Date.now() };
      page.current = n;
      loaded.current = (n === 1 ? 0 : loaded.current) + body.items.length;
      done.current = body.items.length === 0 || loaded.current >= body.total;
      const isDone = done.current;
      setState((s) => ({
        items: n === 1 ? body.items : [...s.items, ...body.items],
        total: body.total,
        loading: false,
        loadingMore: false,
        error: null,
        done: isDone,
        ...(n === 1 ? meta : { offline: s.offline || meta.offline, savedAt: s.savedAt }),
      }));
    } catch (e) {
      if (mine === seq.current) setState((s) => ({ ...s, loading: false, loadingMore: false, error: toApiError(e) }));
    } finally {
      if (mine === seq.current) busy.current = false;
    }
  }, []);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    page.current = 0;
    loaded.current = 0;
    done.current = false;
    setState((s) => ({ ...s, items: [], total: 0, done: false }));
    void fetchPage(1, mine);
  }, [fetchPage]);

  useEffect(() => {
    if (key !== null) reload();
  }, [key, reload]);

  const more = useCallback(() => {
    if (busy.current || done.current || page.current === 0) return;
    void fetchPage(page.current + 1, seq.current);
  }, [fetchPage]);

  return { ...state, more, reload };
}
