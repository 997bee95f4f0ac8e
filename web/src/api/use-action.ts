import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  /** The last failure (an ApiError for the ErrorBox), or null. */
  error: unknown;
  /** Runs `work` once at a time: busy while it runs, its failure kept in `error`. */
  run(work: () => Promise<void>): Promise<void>;
}

/** The busy / error / try-catch-finally of a form's submit or a button's action, in one place. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
