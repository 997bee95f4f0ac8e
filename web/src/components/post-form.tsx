import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../api/api-client.ts';
import { useI18n, type MessageKey } from '../i18n/i18n-context.tsx';
import { Field, FormFooter, SelectField, TextAreaField } from './form-kit.tsx';
import { RegionField } from './region-field.tsx';
import { useAction } from './use-action.ts';

export interface PostFieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'textarea' | 'date' | 'number' | 'region' | 'select';
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  required?: boolean;
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
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const action = useAction();
  const set = (name: string, v: string) => setValues({ ...values, [name]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
  const field = (f: PostFieldSpec): ReactNode => {
    const common = {
      label: t(f.label),
      testId: `${testId}-${f.name}`,
      required: f.required,
      onChange: (v: string) => set(f.name, v),
    };
    if (f.kind === 'textarea') return <TextAreaField {...common} value={values[f.name] ?? ''} />;
    if (f.kind === 'region') return <RegionField {...common} value={values[f.name] ?? ''} />;
    if (f.kind === 'select')
      return (
        <SelectField
          {...common}
          value={values[f.name] ?? f.options?.[0]?.value ?? ''}
          options={f.options ?? []}
          keyOf={(o) => o.value}
          labelOf={(o) => t(o.label)}
        />
      );
    return (
      <Field
        {...common}
        type={f.kind ?? 'text'}
        min={f.kind === 'number' ? 0 : undefined}
        value={values[f.name] ?? ''}
      />
    );
  };
  return (
    <form
      className="card wf-form"
      data-testid={testId}
      data-busy={action.busy ? 'true' : 'false'}
      onSubmit={submit}
    >
      <h2>{t(title)}</h2>
      {fields.map((f) => (
        <Fragment key={f.name}>{field(f)}</Fragment>
      ))}
      <FormFooter action={action} submitTestId={`${testId}-submit`} errorTestId={`${testId}-error`}>
        {t(submitLabel)}
      </FormFooter>
    </form>
  );
}
