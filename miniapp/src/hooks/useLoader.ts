import { useCallback, useEffect, useRef, useState } from 'react';
import type { Loaded } from '../services/cache';
import { toApiError, type ApiError } from '../services/request';

/** What a page renders from a load through the weak-network cache. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T; offline: boolean; savedAt: number }
  | { status: 'error'; error: ApiError };

/**
 * Runs `load` (a `loadWithCache`-based service call) when `key` changes and on `reload()`, and keeps the
 * page's state: loading, ready (fresh, or the stored copy with `offline`), or error. Answers of an older
 * key that arrive late are dropped. A reload keeps what is shown until the new answer arrives.
 */
export function useLoader<T>(
  key: string | null,
  load: () => Promise<Loaded<T>>,
): LoadState<T> & { reload: (quiet?: boolean) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (keepShown: boolean) => {
    const mine = ++seq.current;
    if (!keepShown) setState({ status: 'loading' });
    try {
      const r = await loadRef.current();
      if (mine === seq.current) setState({ status: 'ready', data: r.data, offline: r.offline, savedAt: r.savedAt });
    } catch (e) {
      if (mine === seq.current) setState({ status: 'error', error: toApiError(e) });
    }
  }, []);

  useEffect(() => {
    if (key !== null) void run(false);
  }, [key, run]);

  /** Loads again; `quiet` keeps the current content on screen meanwhile (a refresh, not a retry). */
  const reload = useCallback((quiet = false) => void run(quiet), [run]);
  return { ...state, reload };
}
