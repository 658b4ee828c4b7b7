import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** The state of a request made by `useApi`. */
export interface ApiState<T> {
  data: T | undefined;
  /** The last failure (an ApiError from the request layer), cleared by the next success. */
  error: unknown;
  loading: boolean;
  /** Runs the request again (after a change the page made). */
  reload: () => void;
}

/**
 * Loads data for a page: runs `load` when `deps` change (cancelling the previous run's signal) and on
 * `reload()`. Answers of superseded runs are dropped, so fast filter changes never show stale rows.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
