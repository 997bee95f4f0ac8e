import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { CheckField, Field, Input, Select, TextArea } from '../../components/form-kit.tsx';
import { FormCard } from '../../components/form-card.tsx';
import { choices, SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { useAction } from '../../components/use-action.ts';
import { criterionText } from '../hazards/criterion-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { addYears, today } from './expertise-api.ts';

interface FindingDraft {
  title: string;
  description: string;
  grade: 'major' | 'general';
  /** 'general', or the major-hazard criterion sub-item a major finding cites. */
  category: string;
}

const emptyFinding = (): FindingDraft => ({
  title: '',
  description: '',
  grade: 'general',
  category: 'general',
});

/** A gas expert records a guidance visit: date, findings (any number), recommendations. */
export function GuidanceForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [visitedOn, setVisitedOn] = useState(today());
  const [recommendations, setRecommendations] = useState('');
  const [findings, setFindings] = useState<FindingDraft[]>([emptyFinding()]);
  const criteriaData = useApiData<ApiAnswer<'/api/hazards/criteria'>>('/api/hazards/criteria');
  const criteria = criteriaData.data?.editions[0]?.items ?? [];
  const action = useAction(() => {
    setRecommendations('');
    setFindings([emptyFinding()]);
    onDone();
  });
  const setFinding = (i: number, patch: Partial<FindingDraft>) =>
    setFindings(findings.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const submit = () => {
    void action.run('POST', '/api/expertise/guidance', {
      mineId,
      visitedOn,
      recommendations,
      findings: findings.filter((f) => f.title.trim() !== ''),
    });
  };
  return (
    <FormCard
      testId="guidance-form"
      title={t('expertise.guidance.new')}
      isSubheading
      className="ex-form"
      action={action}
      onSubmit={submit}
      submitLabel={t('expertise.guidance.save')}
      submitTestId="guidance-save"
      errorTestId="guidance-error"
    >
      <div className="row">
        <Field
          label={t('expertise.guidance.visitedOn')}
          type="date"
          testId="guidance-date"
          value={visitedOn}
          onChange={setVisitedOn}
        />
      </div>
      {findings.map((f, i) => (
        <div className="row" key={i} data-testid="guidance-finding-input">
          <Input
            placeholder={t('expertise.guidance.findingTitle')}
            label={t('expertise.guidance.findingTitle')}
            testId={`guidance-finding-title-${i}`}
            value={f.title}
            onChange={(v) => setFinding(i, { title: v })}
          />
          <Select
            label={t('expertise.guidance.findingGrade')}
            testId={`guidance-finding-category-${i}`}
            value={f.category}
            onChange={(v) => setFinding(i, { category: v, grade: v === 'general' ? 'general' : 'major' })}
            options={['general', ...criteria.map((c) => c.id)]}
            labelOf={(id) =>
              id === 'general'
                ? t('expertise.grade.general')
                : `${t('expertise.grade.major')}: ${criterionText(id, i18n)}`
            }
          />
          <Input
            placeholder={t('expertise.guidance.findingText')}
            label={t('expertise.guidance.findingText')}
            testId={`guidance-finding-text-${i}`}
            value={f.description}
            onChange={(v) => setFinding(i, { description: v })}
          />
        </div>
      ))}
      <div className="row">
        <Button
          variant="ghost"
          size="small"
          testId="guidance-add-finding"
          onClick={() => setFindings([...findings, emptyFinding()])}
        >
          + {t('expertise.guidance.addFinding')}
        </Button>
      </div>
      <TextArea
        placeholder={t('expertise.guidance.recommendations')}
        label={t('expertise.guidance.recommendations')}
        testId="guidance-recommendations"
        value={recommendations}
        onChange={setRecommendations}
      />
    </FormCard>
  );
}

/** A record a gas expert adds on a mine's expertise card: its form, where it is posted, and how. */
interface MineRecord<T extends Record<string, string>> {
  spec: FormSpec;
  url: string;
  initial: () => T;
  /** The fields emptied once a record is saved (the others stay for the next one). */
  cleared: ReadonlyArray<keyof T & string>;
  /** The body beside `mineId` (the values as they are unless told). */
  toBody?: (values: T) => object;
}

/** The form of a MineRecord: posts the values with the mine, then empties `cleared` and calls `onDone`. */
function MineRecordForm<T extends Record<string, string>>({
  record,
  mineId,
  onDone,
}: {
  record: MineRecord<T>;
  mineId: string;
  onDone: () => void;
}) {
  const { form, action } = useSpecForm(record.initial, record.cleared, onDone);
  const submit = () => {
    void action.run('POST', record.url, { mineId, ...(record.toBody ?? ((v) => v))(form.values) });
  };
  return <SpecForm spec={record.spec} form={form} action={action} onSubmit={submit} isSubheading />;
}

const TRAINING: MineRecord<{ title: string; heldOn: string; attendees: string }> = {
  spec: {
    idPrefix: 'training',
    title: 'expertise.training.new',
    className: 'ex-form wf-form',
    submitLabel: 'expertise.training.save',
    submitTestId: 'training-save',
    fields: [
      { name: 'title', label: 'expertise.training.titleField' },
      { name: 'heldOn', label: 'expertise.col.date', kind: 'date', testId: 'training-date' },
      { name: 'attendees', label: 'expertise.training.attendeesHint', kind: 'textarea' },
    ],
  },
  url: '/api/expertise/trainings',
  initial: () => ({ title: '', heldOn: today(), attendees: '' }),
  cleared: ['title', 'attendees'],
  toBody: (v) => ({
    ...v,
    attendees: v.attendees
      .split(/[\n,，、]/)
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  }),
};

/** A gas expert records a training session and its attendees (one per line). */
export function TrainingForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  return <MineRecordForm record={TRAINING} mineId={mineId} onDone={onDone} />;
}

const ASSESSMENT: MineRecord<{
  assessedOn: string;
  validUntil: string;
  conclusion: string;
  summary: string;
}> = {
  spec: {
    idPrefix: 'assessment',
    title: 'expertise.assessment.new',
    className: 'ex-form wf-form wf-form-3',
    submitLabel: 'expertise.assessment.sign',
    submitTestId: 'assessment-sign',
    fields: [
      {
        name: 'assessedOn',
        label: 'expertise.assessment.assessedOn',
        kind: 'date',
        testId: 'assessment-date',
      },
      {
        name: 'validUntil',
        label: 'expertise.assessment.validUntil',
        kind: 'date',
        testId: 'assessment-valid-until',
      },
      {
        name: 'conclusion',
        label: 'expertise.assessment.conclusion',
        kind: 'select',
        options: choices(['capable', 'not_capable'], (c) => `expertise.conclusion.${c}`),
      },
      { name: 'summary', label: 'expertise.assessment.summary', kind: 'textarea' },
    ],
  },
  url: '/api/expertise/assessments',
  initial: () => ({
    assessedOn: today(),
    validUntil: addYears(today(), 1),
    conclusion: 'capable',
    summary: '',
  }),
  cleared: ['summary'],
};

/** A gas expert signs a capability assessment (it counts once a regulator approves it). */
export function AssessmentForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  return <MineRecordForm record={ASSESSMENT} mineId={mineId} onDone={onDone} />;
}

const PROGRESS_FORM: FormSpec = {
  idPrefix: 'progress',
  className: 'ex-form form-row',
  submitLabel: 'expertise.progress.save',
  submitTestId: 'progress-save',
  fields: [
    { name: 'recordedOn', label: 'expertise.col.date', kind: 'date', testId: 'progress-date' },
    { name: 'mechanised', label: 'expertise.progress.mechanised', kind: 'number' },
    { name: 'intelligent', label: 'expertise.progress.intelligent', kind: 'number' },
  ],
};

/** The mine's officer or a regulator records mechanised / intelligent faces and remote monitoring. */
export function ProgressForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { form: f, action } = useSpecForm(
    { recordedOn: today(), mechanised: '0', intelligent: '0' },
    [],
    onDone,
  );
  const [remote, setRemote] = useState(false);
  const submit = () => {
    void action.run('POST', '/api/expertise/progress', {
      mineId,
      recordedOn: f.values.recordedOn,
      mechanisedFaces: Number(f.values.mechanised),
      intelligentFaces: Number(f.values.intelligent),
      remoteMonitoring: remote,
    });
  };
  return (
    <SpecForm spec={PROGRESS_FORM} form={f} action={action} onSubmit={submit}>
      <CheckField
        label={t('expertise.progress.remote')}
        testId="progress-remote"
        checked={remote}
        onChange={setRemote}
      />
    </SpecForm>
  );
}
