import { Fragment, useState, type ComponentProps, type ReactNode } from 'react';
import { request } from '../api/api-client.ts';
import { useI18n, type MessageKey } from '../i18n/i18n-context.tsx';
import { FormCard } from './form-card.tsx';
import { Field, SelectField, TextAreaField, useFormFields, type FormFields } from './form-kit.tsx';
import { RegionField } from './region-field.tsx';
import { useAction, type Action } from './use-action.ts';

/** One field of a form declared as data: its value is the text kept under `name`. */
export interface PostFieldSpec {
  name: string;
  label: MessageKey;
  /** The control: a text input unless told (`number` has min 0; `datetime` is a local date and time). */
  kind?: 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'region' | 'select';
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  required?: boolean;
  /** The control's test id, when it is not `${idPrefix}-${name}`. */
  testId?: string;
  /** The input's step (`any` for a decimal number, `1` for seconds in a time). */
  step?: string;
  /** The input's width in px. */
  width?: number;
  placeholder?: string;
  /** Rewrites what is typed before it is kept (e.g. to upper case). */
  normalize?: (typed: string) => string;
  /** Shows the field only when this holds of the form's values. */
  shownWhen?: (values: Readonly<Record<string, string>>) => boolean;
}

/**
 * A form declared as data: its heading, fields and submit button. Test ids: `${idPrefix}-form` (unless
 * `testId` says), then `${idPrefix}-${field}`, `-submit` and `-error`.
 */
export interface FormSpec {
  idPrefix: string;
  testId?: string;
  title?: MessageKey;
  /** The form's class (`card wf-form` unless told). */
  className?: string;
  submitLabel: MessageKey;
  /** The submit button's test id, when it is not `${idPrefix}-submit`. */
  submitTestId?: string;
  fields: readonly PostFieldSpec[];
}

/** The options of a select field: each value, labelled by its message. */
export function choices<V extends string>(
  values: readonly V[],
  labelOf: (value: V) => MessageKey,
): PostFieldSpec['options'] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}

/** The text values of a form and how to change some of them (what `useFormFields` gives). */
export interface SpecValues<T extends Record<string, string>> {
  values: T;
  set: (patch: Partial<T>) => void;
}

/**
 * A spec form's values and its action: once a call succeeds, the `cleared` fields are emptied (the others,
 * e.g. a date, stay for the next entry) and `onDone` runs.
 */
export function useSpecForm<T extends Record<string, string>>(
  initial: T | (() => T),
  cleared: ReadonlyArray<keyof T & string>,
  onDone: () => void = () => {},
): { form: FormFields<T>; action: Action } {
  const form = useFormFields(initial);
  const action = useAction(() => {
    form.set(Object.fromEntries(cleared.map((name) => [name, ''])) as Partial<T>);
    onDone();
  });
  return { form, action };
}

/**
 * A FormCard whose fields are rendered from `spec.fields`, bound to `form`; `lead` stands before them (e.g. a
 * mine picker) and `children` after them (a checkbox, the answer to a submit).
 */
export function SpecForm<T extends Record<string, string>>({
  spec,
  form,
  lead,
  children,
  ...card
}: Pick<ComponentProps<typeof FormCard>, 'action' | 'onSubmit' | 'isSubheading' | 'after'> & {
  spec: FormSpec;
  form: SpecValues<T>;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { idPrefix } = spec;
  const control = (f: PostFieldSpec): ReactNode => {
    const common = {
      label: t(f.label),
      testId: f.testId ?? `${idPrefix}-${f.name}`,
      required: f.required,
      onChange: (v: string) => form.set({ [f.name]: f.normalize ? f.normalize(v) : v } as Partial<T>),
    };
    const value = form.values[f.name] ?? (f.kind === 'select' ? f.options?.[0]?.value : undefined) ?? '';
    if (f.kind === 'textarea') return <TextAreaField {...common} value={value} />;
    if (f.kind === 'region') return <RegionField {...common} value={value} />;
    if (f.kind === 'select')
      return (
        <SelectField
          {...common}
          value={value}
          options={f.options ?? []}
          keyOf={(o) => o.value}
          labelOf={(o) => t(o.label)}
        />
      );
    return (
      <Field
        {...common}
        type={f.kind === 'datetime' ? 'datetime-local' : (f.kind ?? 'text')}
        min={f.kind === 'number' ? 0 : undefined}
        step={f.step}
        width={f.width}
        placeholder={f.placeholder}
        value={value}
      />
    );
  };
  return (
    <FormCard
      {...card}
      testId={spec.testId ?? `${idPrefix}-form`}
      title={spec.title === undefined ? undefined : t(spec.title)}
      className={spec.className}
      submitLabel={t(spec.submitLabel)}
      submitTestId={spec.submitTestId ?? `${idPrefix}-submit`}
      errorTestId={`${idPrefix}-error`}
    >
      {lead}
      {spec.fields
        .filter((f) => f.shownWhen?.(form.values) ?? true)
        .map((f) => (
          <Fragment key={f.name}>{control(f)}</Fragment>
        ))}
      {children}
    </FormCard>
  );
}

/**
 * A form described by its fields, posting them as JSON (numbers as numbers, blanks left out; or as `toBody`
 * makes them). Test ids: the form's, `${testId}-${field}`, `-submit` and `-error`; `data-busy` while posting.
 */
export function PostForm({
  testId,
  title,
  fields,
  url,
  submitLabel,
  onDone,
  extra,
  toBody,
}: {
  testId: string;
  title: MessageKey;
  fields: readonly PostFieldSpec[];
  url: string;
  submitLabel: MessageKey;
  onDone: () => void;
  extra?: Record<string, string>;
  /** Builds the body from the fields' values instead (the default trims, drops blanks, reads numbers). */
  toBody?: (values: Record<string, string>) => object;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const action = useAction();
  const submit = () => {
    const body: Record<string, string | number> = { ...extra };
    for (const f of fields) {
      const v = (values[f.name] ?? f.options?.[0]?.value ?? '').trim();
      if (v === '') continue;
      body[f.name] = f.kind === 'number' ? Number(v) : v;
    }
    void action.runWith(() =>
      request('POST', url, { body: toBody ? toBody(values) : body }).then(() => {
        setValues({});
        onDone();
      }),
    );
  };
  return (
    <SpecForm
      spec={{ testId, idPrefix: testId, title, submitLabel, fields }}
      form={{ values, set: (patch) => setValues({ ...values, ...patch } as Record<string, string>) }}
      action={action}
      onSubmit={submit}
    />
  );
}
