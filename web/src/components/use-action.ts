import { useState } from 'react';
import { request } from '../api/api-client.ts';

export interface Action {
  /** True while the call is under way (disable the button that started it). */
  busy: boolean;
  /** The last call's error (shown with ErrorBox), or null. */
  error: unknown;
  /** Sends one API call; true when it succeeded (then `onDone` has run). */
  run: (method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<boolean>;
  /** Runs any async work under the same busy flag and error. */
  runWith: (work: () => Promise<unknown>) => Promise<boolean>;
  /** Shows an error found before any call (e.g. a file that is too big). */
  fail: (error: unknown) => void;
}

/** Runs one action for a button or form: busy flag, error, and a callback when it succeeded. */
export function useAction(onDone: () => void = () => {}): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const runWith = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    runWith,
    run: (method, url, body) => runWith(() => request(method, url, body === undefined ? {} : { body })),
    fail: setError,
  };
}
