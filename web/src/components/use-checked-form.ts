import { useState } from 'react';

/** A form's text values whose problems show only once it has been submitted. */
export interface CheckedForm<V extends Record<string, string>> {
  values: V;
  setValues: (values: V) => void;
  /** The change handler of one field. */
  set: (name: keyof V) => (value: string) => void;
  /** The message of a field: its problem, once the form has been submitted. */
  messageOf: <K extends string>(problems: Partial<Record<K, string>>) => (name: K) => string | null;
  /** On submit: shows the problems from now on; true when there are none. */
  check: (problems: object) => boolean;
  /** Starts again from `values`, with no message shown. */
  reset: (values: V) => void;
}

/** The values and the "show problems after the first submit" rule of a validated form. */
export function useCheckedForm<V extends Record<string, string>>(initial: V | (() => V)): CheckedForm<V> {
  const [values, setValues] = useState<V>(initial);
  const [isChecked, setChecked] = useState(false);
  return {
    values,
    setValues,
    set: (name) => (value) => setValues({ ...values, [name]: value }),
    messageOf: (problems) => (name) => (isChecked ? (problems[name] ?? null) : null),
    check: (problems) => {
      setChecked(true);
      return Object.keys(problems).length === 0;
    },
    reset: (next) => {
      setChecked(false);
      setValues(next);
    },
  };
}
