import { useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../../api/api-client.ts';
import type { MessageKey } from '../../i18n/i18n-context.tsx';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useAction } from '../../components/use-action.ts';
import { criterionText } from './criterion-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import {
  hazardSourceValues as HAZARD_SOURCES,
  type HazardGrade,
  type HazardSource,
} from '../../api/generated/api-schema.ts';
import { CriteriaEditionNotice, gradingItems, type CriteriaResponse } from './criteria-edition.tsx';
import { afterCreate } from '../follow-up/after-create.ts';
import type { Prefill } from '../follow-up/prefill.ts';

export interface FieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'textarea' | 'date' | 'number';
  required?: boolean;
}

/** A small form that posts its fields (as JSON) and reports success or the server's error. */
export function ActionForm({
  testId,
  title,
  fields,
  url,
  submitLabel,
  onDone,
  toBody,
}: {
  testId: string;
  title: MessageKey;
  fields: readonly FieldSpec[];
  url: string;
  submitLabel: MessageKey;
  onDone: () => void;
  toBody?: (values: Record<string, string>) => object;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({});
  const { busy, error, runWith } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runWith(() =>
      request('POST', url, { body: toBody ? toBody(values) : values }).then(() => {
        setValues({});
        onDone();
      }),
    );
  };
  return (
    <form
      className="card hazard-form"
      data-testid={testId}
      data-busy={busy ? 'true' : 'false'}
      onSubmit={submit}
    >
      <h3>{t(title)}</h3>
      {fields.map((f) => (
        <Field key={f.name} label={t(f.label)}>
          {f.kind === 'textarea' ? (
            <textarea
              name={f.name}
              data-testid={`${testId}-${f.name}`}
              value={values[f.name] ?? ''}
              required={f.required}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          ) : (
            <input
              name={f.name}
              type={f.kind ?? 'text'}
              data-testid={`${testId}-${f.name}`}
              value={values[f.name] ?? ''}
              required={f.required}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {error !== null && <ErrorBox error={error} testId={`${testId}-error`} />}
      <button type="submit" disabled={busy} data-testid={`${testId}-submit`}>
        {t(submitLabel)}
      </button>
    </form>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export const GENERAL_PLAN_FIELDS: readonly FieldSpec[] = [
  { name: 'responsiblePerson', label: 'hazards.field.responsiblePerson', required: true },
  { name: 'measures', label: 'hazards.field.measures', kind: 'textarea', required: true },
  { name: 'deadline', label: 'hazards.field.deadline', kind: 'date', required: true },
];

export const MAJOR_PLAN_FIELDS: readonly FieldSpec[] = [
  ...GENERAL_PLAN_FIELDS,
  { name: 'fundsCny', label: 'hazards.field.fundsCny', kind: 'number', required: true },
  { name: 'contingencyPlan', label: 'hazards.field.contingencyPlan', kind: 'textarea', required: true },
  { name: 'objectives', label: 'hazards.field.objectives', kind: 'textarea', required: true },
  { name: 'methods', label: 'hazards.field.methods', kind: 'textarea', required: true },
  { name: 'materials', label: 'hazards.field.materials', kind: 'textarea', required: true },
  { name: 'responsibleBody', label: 'hazards.field.responsibleBody', required: true },
  { name: 'requirements', label: 'hazards.field.requirements', kind: 'textarea', required: true },
  { name: 'safetyMeasures', label: 'hazards.field.safetyMeasures', kind: 'textarea', required: true },
];

/** The plan body: numbers as numbers, empty fields left out (the server names what is missing). */
export function planBody(values: Record<string, string>): object {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v.trim() === '') continue;
    out[k] = k === 'fundsCny' ? Number(v) : v;
  }
  return out;
}

/** Report a hazard: the officer's own mine, or any mine in a regulator's or inspector's scope. */
export function HazardReportPage({ prefill }: { prefill?: Prefill }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = useSession();
  const ownMine = session.user.scope.kind === 'mine' ? session.user.scope.mineId : null;
  const draft = prefill?.draft ?? null;
  const [mine, setMine] = useState<PickedMine | null>(prefill?.mine ?? null);
  const criteria = useApiData<CriteriaResponse>('/api/hazards/criteria');
  const [form, setForm] = useState({
    mineId: ownMine ?? prefill?.mine?.id ?? '',
    source: (draft === null ? 'self_check' : 'alarm') as HazardSource,
    grade: 'general' as HazardGrade,
    category: 'general',
    title: draft?.title ?? '',
    description: draft?.description ?? '',
    area: '',
    equipment: '',
    pointCode: draft?.pointCode ?? '',
  });
  const { busy, error, runWith } = useAction();
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });
  const items = gradingItems(criteria.data);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runWith(() =>
      request<{ hazard: { id: string } }>('POST', '/api/hazards', {
        body: { ...form, alarmId: draft?.alarmId ?? null },
      }).then((r) => afterCreate(prefill, `/hazards/${r.hazard.id}`)),
    );
  };
  return (
    <section
      className="page"
      data-testid="hazard-report-page"
      data-busy={busy || criteria.isLoading ? 'true' : 'false'}
    >
      <h1>{t('hazards.report')}</h1>
      <form className="card hazard-form" data-testid="hazard-report-form" onSubmit={submit}>
        {!ownMine && (
          <MinePicker
            value={mine}
            onChange={(m) => {
              setMine(m);
              set('mineId', m?.id ?? '');
            }}
            label={t('hazards.field.mine')}
            testId="hazard-report-mine"
          />
        )}
        <Field label={t('hazards.field.source')}>
          <select
            data-testid="hazard-report-source"
            value={form.source}
            onChange={(e) => set('source', e.target.value)}
          >
            {HAZARD_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`hazards.source.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('hazards.field.category')}>
          <select
            data-testid="hazard-report-category"
            value={form.category}
            onChange={(e) =>
              setForm({
                ...form,
                category: e.target.value,
                grade: e.target.value === 'general' ? 'general' : 'major',
              })
            }
          >
            <option value="general">{t('hazards.general')}</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {criterionText(i.id, i18n)}
              </option>
            ))}
          </select>
        </Field>
        <CriteriaEditionNotice grading={criteria.data?.grading} />
        <p data-testid="hazard-report-grade">{t(`hazards.grade.${form.grade}`)}</p>
        <Field label={t('hazards.field.title')}>
          <input
            data-testid="hazard-report-title"
            value={form.title}
            required
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
        <Field label={t('hazards.field.description')}>
          <textarea
            data-testid="hazard-report-description"
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        <Field label={t('hazards.field.area')}>
          <input
            data-testid="hazard-report-area"
            value={form.area}
            onChange={(e) => set('area', e.target.value)}
          />
        </Field>
        <Field label={t('hazards.field.equipment')}>
          <input
            data-testid="hazard-report-equipment"
            value={form.equipment}
            onChange={(e) => set('equipment', e.target.value)}
          />
        </Field>
        <Field label={t('hazards.field.pointCode')}>
          <input
            data-testid="hazard-report-point"
            value={form.pointCode}
            onChange={(e) => set('pointCode', e.target.value)}
          />
        </Field>
        {error !== null && <ErrorBox error={error} testId="hazard-report-error" />}
        <button type="submit" disabled={busy} data-testid="hazard-report-submit">
          {t('hazards.submit')}
        </button>
      </form>
    </section>
  );
}
