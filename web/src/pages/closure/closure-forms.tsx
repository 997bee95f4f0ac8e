import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../../api/api-client.ts';
import { Field, FormFooter, SelectField, TextAreaField } from '../../components/form-kit.tsx';
import { RegionField } from '../../components/region-field.tsx';
import { useAction } from '../../components/use-action.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n-context.tsx';

export interface PostFieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'textarea' | 'date' | 'number' | 'region' | 'select';
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  required?: boolean;
}

/** A small form that posts its fields as JSON (numbers as numbers, blanks left out) and reports errors. */
export function PostForm({
  testId,
  title,
  fields,
  url,
  submitLabel,
  onDone,
  extra,
}: {
  testId: string;
  title: MessageKey;
  fields: readonly PostFieldSpec[];
  url: string;
  submitLabel: MessageKey;
  onDone: () => void;
  extra?: Record<string, string>;
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
      request('POST', url, { body }).then(() => {
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

/** A regulator sets a district target: mines to close and capacity to withdraw by a deadline. */
export function TargetForm({ onDone }: { onDone: () => void }) {
  return (
    <PostForm
      testId="closure-target-new"
      title="closure.target.new"
      url="/api/closure/targets"
      submitLabel="closure.target.add"
      onDone={onDone}
      fields={[
        { name: 'regionId', label: 'closure.target.region', kind: 'region', required: true },
        { name: 'deadline', label: 'closure.target.deadline', kind: 'date', required: true },
        { name: 'minesToClose', label: 'closure.target.mines', kind: 'number', required: true },
        {
          name: 'capacityToWithdrawTPerYear',
          label: 'closure.target.capacity',
          kind: 'number',
          required: true,
        },
        { name: 'note', label: 'closure.note', kind: 'textarea' },
      ]}
    />
  );
}

/** A regulator names a mine on the policy closure list. */
export function PolicyListForm({ onDone }: { onDone: () => void }) {
  return (
    <PostForm
      testId="closure-policy-new"
      title="closure.policy.new"
      url="/api/closure/policy-list"
      submitLabel="closure.policy.add"
      onDone={onDone}
      fields={[
        { name: 'mineId', label: 'closure.mineId', required: true },
        { name: 'reason', label: 'closure.reason', kind: 'textarea', required: true },
        { name: 'source', label: 'closure.policy.source', required: true },
      ]}
    />
  );
}

/** A regulator records what the exited mine became. */
export function TransformationForm({ closureId, onDone }: { closureId: string; onDone: () => void }) {
  return (
    <PostForm
      testId="closure-transformation-new"
      title="closure.transformation.new"
      url={`/api/closure/closures/${encodeURIComponent(closureId)}/transformations`}
      submitLabel="closure.transformation.add"
      onDone={onDone}
      fields={[
        { name: 'what', label: 'closure.transformation.what', required: true },
        { name: 'startedOn', label: 'closure.transformation.startedOn', kind: 'date', required: true },
        { name: 'jobs', label: 'closure.transformation.jobs', kind: 'number', required: true },
        { name: 'note', label: 'closure.note', kind: 'textarea' },
      ]}
    />
  );
}
