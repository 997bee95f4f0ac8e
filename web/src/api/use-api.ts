import { useCallback, useEffect, useState } from 'react';
import { request } from './api-client.ts';

interface Loaded<T> {
  /** The URL and reload generation this answer belongs to. */
  key: string;
  data: T | null;
  error: unknown;
}

export interface ApiData<T> {
  /** The latest answer, kept while a newer URL loads so tables do not flicker. */
  data: T | null;
  /** The error for the current URL, if its request failed. */
  error: unknown;
  /** True until the answer for the current URL has arrived; derived in render, so never stale. */
  isLoading: boolean;
  reload: () => void;
}

/** GETs `url` (skipped when null) and re-fetches whenever it changes. */
export function useApiData<T>(url: string | null): ApiData<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const key = `${generation} ${url}`;
    const controller = new AbortController();
    request<T>('GET', url, { signal: controller.signal }).then(
      (data) => setLoaded({ key, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded((prev) => ({ key, data: prev?.data ?? null, error }));
      },
    );
    return () => controller.abort();
  }, [url, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const isCurrent = loaded !== null && loaded.key === `${generation} ${url}`;
  return {
    data: loaded?.data ?? null,
    error: isCurrent ? loaded.error : null,
    isLoading: url !== null && !isCurrent,
    reload,
  };
}
