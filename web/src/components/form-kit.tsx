import { useState, type CSSProperties, type ReactNode } from 'react';
import { Button } from './button.tsx';
import { ErrorBox } from './error-box.tsx';
import type { Action } from './use-action.ts';

export interface InputProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'tel' | 'url';
  min?: number | string;
  max?: number | string;
  step?: string;
  /** The control's width in px. */
  width?: number;
  placeholder?: string;
  /** The accessible name when no visible label stands next to it (Field gives one). */
  label?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  required?: boolean;
  minLength?: number;
  maxLength?: number;
}

/** A text, number or date control (`className="input"`) that hands back its value. */
export function Input({ value, onChange, testId, type = 'text', width, label, ...rest }: InputProps) {
  const style: CSSProperties | undefined = width === undefined ? undefined : { width };
  return (
    <input
      {...rest}
      className="input"
      type={type}
      style={style}
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A search box above a list, named by its placeholder (`className` places it: `filter-q`, `point-filter`). */
export function SearchInput({
  label,
  className,
  value,
  onChange,
  testId,
}: Pick<InputProps, 'value' | 'onChange' | 'testId'> & { label: string; className: string }) {
  return (
    <input
      className={`input ${className}`}
      type="search"
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}

/** A multi-line text control. */
export function TextArea({
  value,
  onChange,
  testId,
  placeholder,
  label,
  required,
}: Pick<InputProps, 'value' | 'onChange' | 'testId' | 'placeholder' | 'label' | 'required'>) {
  return (
    <textarea
      className="input wf-textarea"
      aria-label={label}
      required={required}
      data-testid={testId}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * One form field: its label above the control, then its validation message when there is one (announced,
 * `${testId}-message`). The label element wraps the control, so the control is named by it.
 */
export function FieldShell({
  label,
  message,
  testId,
  wide,
  children,
}: {
  label: ReactNode;
  message?: string | null;
  /** The control's test id (the message's is `${testId}-message`). */
  testId: string;
  /** Spans the whole row of a form grid (a long text). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={wide === true ? 'field field-wide' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      <FieldMessage message={message} testId={testId} />
    </label>
  );
}

/** A control's validation message when there is one (announced; `${testId}-message`). */
export function FieldMessage({ message, testId }: { message?: string | null; testId: string }) {
  return message ? (
    <span className="field-message" role="alert" data-testid={`${testId}-message`}>
      {message}
    </span>
  ) : null;
}

/** A labelled input: the label, then the control, then the validation message when there is one. */
export function Field({
  label,
  message,
  ...input
}: Omit<InputProps, 'label'> & { label: ReactNode; message?: string | null }) {
  return (
    <FieldShell label={label} message={message} testId={input.testId}>
      <Input {...input} />
    </FieldShell>
  );
}

/** A labelled multi-line text, across the whole form row. */
export function TextAreaField({
  label,
  message,
  ...input
}: Pick<InputProps, 'value' | 'onChange' | 'testId' | 'placeholder' | 'required'> & {
  label: ReactNode;
  message?: string | null;
}) {
  return (
    <FieldShell label={label} message={message} testId={input.testId} wide>
      <TextArea {...input} />
    </FieldShell>
  );
}

/** A labelled select (see Select); `children` stand after the options (e.g. RegionOptions). */
export function SelectField<T>({
  label,
  message,
  ...select
}: Omit<SelectProps<T>, 'label'> & { label: ReactNode; message?: string | null }) {
  return (
    <FieldShell label={label} message={message} testId={select.testId}>
      <Select {...select} />
    </FieldShell>
  );
}

export interface SelectProps<T> {
  value: string;
  onChange: (value: string) => void;
  options?: readonly T[] | undefined;
  labelOf?: (option: T) => ReactNode;
  keyOf?: (option: T) => string;
  placeholder?: ReactNode;
  /** The accessible name when no visible label stands next to it (else a text placeholder names it). */
  label?: string;
  testId: string;
  required?: boolean;
  /** Options after `options` (e.g. a tree of regions). */
  children?: ReactNode;
}

/**
 * A select over `options`: an empty first option (value '') when `placeholder` is given, then one option per
 * item (`keyOf` defaults to the item itself for string items).
 */
export function Select<T>({
  value,
  onChange,
  options,
  labelOf = (o) => String(o),
  keyOf = (o) => String(o),
  placeholder,
  label,
  testId,
  required,
  children,
}: SelectProps<T>) {
  return (
    <select
      className="select"
      aria-label={label ?? (typeof placeholder === 'string' && placeholder !== '' ? placeholder : undefined)}
      data-testid={testId}
      required={required}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options?.map((o) => (
        <option key={keyOf(o)} value={keyOf(o)}>
          {labelOf(o)}
        </option>
      ))}
      {children}
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
    <label className="check-field">
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
    <Button variant="primary" type="submit" testId={testId} disabled={action.busy}>
      {children}
    </Button>
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
      <div className="form-actions">
        <SubmitButton action={action} testId={submitTestId}>
          {children}
        </SubmitButton>
      </div>
      <ActionError action={action} testId={errorTestId} />
    </>
  );
}

/** A form's text values, and the props that bind one of them to its control. */
export interface FormFields<T extends Record<string, string>> {
  values: T;
  /** `value`, `onChange` and `testId` for the control of `name`. */
  bind: (
    name: keyof T & string,
    testId: string,
  ) => { value: string; onChange: (v: string) => void; testId: string };
  /** Changes some values (e.g. clears them after a successful submit). */
  set: (patch: Partial<T>) => void;
}

/** The state of a form's text fields in one place, instead of one `useState` per field. */
export function useFormFields<T extends Record<string, string>>(initial: T | (() => T)): FormFields<T> {
  const [values, setValues] = useState<T>(initial);
  const set = (patch: Partial<T>) => setValues((v) => ({ ...v, ...patch }));
  return {
    values,
    set,
    bind: (name, testId) => ({
      value: values[name] ?? '',
      onChange: (v: string) => set({ [name]: v } as Partial<T>),
      testId,
    }),
  };
}
