import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { FormCard } from '../../components/form-card.tsx';
import { Field, SelectField, TextAreaField } from '../../components/form-kit.tsx';
import type { PostFieldSpec } from '../../components/post-form.tsx';
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

export const GENERAL_PLAN_FIELDS: readonly PostFieldSpec[] = [
  { name: 'responsiblePerson', label: 'hazards.field.responsiblePerson', required: true },
  { name: 'measures', label: 'hazards.field.measures', kind: 'textarea', required: true },
  { name: 'deadline', label: 'hazards.field.deadline', kind: 'date', required: true },
];

export const MAJOR_PLAN_FIELDS: readonly PostFieldSpec[] = [
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

/** The report's text fields in order: the title (required), the description (a long text), where and what. */
const REPORT_TEXT_FIELDS = [
  { name: 'title', label: 'hazards.field.title', testId: 'hazard-report-title' },
  { name: 'description', label: 'hazards.field.description', testId: 'hazard-report-description' },
  { name: 'area', label: 'hazards.field.area', testId: 'hazard-report-area' },
  { name: 'equipment', label: 'hazards.field.equipment', testId: 'hazard-report-equipment' },
  { name: 'pointCode', label: 'hazards.field.pointCode', testId: 'hazard-report-point' },
] as const;

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
  const action = useAction();
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });
  const items = gradingItems(criteria.data);
  const submit = () => {
    void action.runWith(() =>
      request<{ hazard: { id: string } }>('POST', '/api/hazards', {
        body: { ...form, alarmId: draft?.alarmId ?? null },
      }).then((r) => afterCreate(prefill, `/hazards/${r.hazard.id}`)),
    );
  };
  return (
    <section
      className="page"
      data-testid="hazard-report-page"
      data-busy={action.busy || criteria.isLoading ? 'true' : 'false'}
    >
      <h1>{t('hazards.report')}</h1>
      <FormCard
        testId="hazard-report-form"
        action={action}
        onSubmit={submit}
        submitLabel={t('hazards.submit')}
        submitTestId="hazard-report-submit"
        errorTestId="hazard-report-error"
      >
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
        <SelectField
          label={t('hazards.field.source')}
          testId="hazard-report-source"
          value={form.source}
          onChange={(v) => set('source', v)}
          options={HAZARD_SOURCES}
          labelOf={(s) => t(`hazards.source.${s}`)}
        />
        <SelectField
          label={t('hazards.field.category')}
          testId="hazard-report-category"
          value={form.category}
          onChange={(v) => setForm({ ...form, category: v, grade: v === 'general' ? 'general' : 'major' })}
          options={['general', ...items.map((i) => i.id)]}
          labelOf={(id) => (id === 'general' ? t('hazards.general') : criterionText(id, i18n))}
        />
        <CriteriaEditionNotice grading={criteria.data?.grading} />
        <p data-testid="hazard-report-grade">{t(`hazards.grade.${form.grade}`)}</p>
        {REPORT_TEXT_FIELDS.map((f) => {
          const props = {
            label: t(f.label),
            testId: f.testId,
            value: form[f.name],
            required: f.name === 'title',
            onChange: (v: string) => set(f.name, v),
          };
          return f.name === 'description' ? (
            <TextAreaField key={f.name} {...props} />
          ) : (
            <Field key={f.name} {...props} />
          );
        })}
      </FormCard>
    </section>
  );
}
