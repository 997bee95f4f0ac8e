import type { CSSProperties, ReactNode } from 'react';
import { ErrorBox } from './error-box.tsx';
import type { Action } from './use-action.ts';

export interface InputProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'tel';
  min?: number;
  step?: string;
  /** The control's width in px. */
  width?: number;
  placeholder?: string;
}

/** A text, number or date control (`className="input"`) that hands back its value. */
export function Input({ value, onChange, testId, type = 'text', min, step, width, placeholder }: InputProps) {
  const style: CSSProperties | undefined = width === undefined ? undefined : { width };
  return (
    <input
      className="input"
      type={type}
      min={min}
      step={step}
      style={style}
      placeholder={placeholder}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A multi-line text control. */
export function TextArea({
  value,
  onChange,
  testId,
  placeholder,
}: Pick<InputProps, 'value' | 'onChange' | 'testId' | 'placeholder'>) {
  return (
    <textarea
      className="input"
      data-testid={testId}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A labelled input: the label, then the control, then the validation message when there is one. */
export function Field({
  label,
  message,
  ...input
}: InputProps & { label: ReactNode; message?: string | null }) {
  return (
    <label>
      {label} <Input {...input} />
      {message ? (
        <span className="field-message" role="alert" data-testid={`${input.testId}-message`}>
          {message}
        </span>
      ) : null}
    </label>
  );
}

/**
 * A select over `options`: an empty first option (value '') when `placeholder` is given, then one option per
 * item (`keyOf` defaults to the item itself for string items).
 */
export function Select<T>({
  value,
  onChange,
  options,
  labelOf,
  keyOf = (o) => String(o),
  placeholder,
  label,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  options: readonly T[] | undefined;
  labelOf: (option: T) => ReactNode;
  keyOf?: (option: T) => string;
  placeholder?: ReactNode;
  /** The accessible name when no visible label stands next to it. */
  label?: string;
  testId: string;
}) {
  return (
    <select
      className="select"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((o) => (
        <option key={keyOf(o)} value={keyOf(o)}>
          {labelOf(o)}
        </option>
      ))}
    </select>
  );
}

/** A labelled checkbox. */
export function CheckField({
  label,
  checked,
  onChange,
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  return (
    <label>
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}

/** The form's submit button, disabled while its action runs. */
export function SubmitButton({
  action,
  testId,
  children,
}: {
  action: Pick<Action, 'busy'>;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button className="btn btn-primary btn-small" type="submit" data-testid={testId} disabled={action.busy}>
      {children}
    </button>
  );
}

/** The action's error panel, when its last call failed. */
export function ActionError({ action, testId }: { action: Pick<Action, 'error'>; testId: string }) {
  return action.error !== null ? <ErrorBox error={action.error} testId={testId} /> : null;
}

/** The end of a form: a row with the submit button, then the action's error. */
export function FormFooter({
  action,
  submitTestId,
  errorTestId,
  children,
}: {
  action: Pick<Action, 'busy' | 'error'>;
  submitTestId: string;
  errorTestId: string;
  children: ReactNode;
}) {
  return (
    <>
      <div className="row">
        <SubmitButton action={action} testId={submitTestId}>
          {children}
        </SubmitButton>
      </div>
      <ActionError action={action} testId={errorTestId} />
    </>
  );
}
