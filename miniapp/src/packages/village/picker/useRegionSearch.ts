import { useEffect, useState } from 'react';
import type { RegionSearchItem } from '@gongkai/shared';
import { searchRegions } from '../../../services/regions';
import { toApiError, type ApiError } from '../../../services/request';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Hits asked for per search. */
export const SEARCH_LIMIT = 20;

/** The search box's state. */
export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; q: string }
  | { status: 'done'; q: string; items: RegionSearchItem[] }
  | { status: 'error'; q: string; error: ApiError };

/**
 * Instant region search: runs `GET /regions/search` for `text` once typing pauses for
 * `SEARCH_DEBOUNCE_MS`; an answer for text that has changed since is dropped, so results never jump
 * back to an older query.
 */
export function useRegionSearch(text: string, delayMs = SEARCH_DEBOUNCE_MS): SearchState {
  const q = text.trim();
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (!q) {
      setState({ status: 'idle' });
      return undefined;
    }
    let live = true;
    setState({ status: 'searching', q });
    const timer = setTimeout(() => {
      searchRegions(q, { limit: SEARCH_LIMIT }).then(
        (items) => live && setState({ status: 'done', q, items }),
        (e: unknown) => live && setState({ status: 'error', q, error: toApiError(e) }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, delayMs]);

  return state;
}
