import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import {
  CheckField,
  Field,
  Input,
  Select,
  SelectField,
  TextArea,
  TextAreaField,
  useFormFields,
} from '../../components/form-kit.tsx';
import { FormCard } from '../../components/form-card.tsx';
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

/** A gas expert records a training session and its attendees (one per line). */
export function TrainingForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({ title: '', heldOn: today(), attendees: '' });
  const action = useAction(() => {
    f.set({ title: '', attendees: '' });
    onDone();
  });
  const submit = () => {
    void action.run('POST', '/api/expertise/trainings', {
      mineId,
      title: f.values.title,
      heldOn: f.values.heldOn,
      attendees: f.values.attendees
        .split(/[\n,，、]/)
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    });
  };
  return (
    <FormCard
      testId="training-form"
      title={t('expertise.training.new')}
      isSubheading
      className="ex-form wf-form"
      action={action}
      onSubmit={submit}
      submitLabel={t('expertise.training.save')}
      submitTestId="training-save"
      errorTestId="training-error"
    >
      <Field label={t('expertise.training.titleField')} {...f.bind('title', 'training-title')} />
      <Field label={t('expertise.col.date')} type="date" {...f.bind('heldOn', 'training-date')} />
      <TextAreaField
        label={t('expertise.training.attendeesHint')}
        {...f.bind('attendees', 'training-attendees')}
      />
    </FormCard>
  );
}

/** A gas expert signs a capability assessment (it counts once a regulator approves it). */
export function AssessmentForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({
    assessedOn: today(),
    validUntil: addYears(today(), 1),
    conclusion: 'capable',
    summary: '',
  });
  const action = useAction(() => {
    f.set({ summary: '' });
    onDone();
  });
  const submit = () => {
    void action.run('POST', '/api/expertise/assessments', { mineId, ...f.values });
  };
  return (
    <FormCard
      testId="assessment-form"
      title={t('expertise.assessment.new')}
      isSubheading
      className="ex-form wf-form wf-form-3"
      action={action}
      onSubmit={submit}
      submitLabel={t('expertise.assessment.sign')}
      submitTestId="assessment-sign"
      errorTestId="assessment-error"
    >
      <Field
        label={t('expertise.assessment.assessedOn')}
        type="date"
        {...f.bind('assessedOn', 'assessment-date')}
      />
      <Field
        label={t('expertise.assessment.validUntil')}
        type="date"
        {...f.bind('validUntil', 'assessment-valid-until')}
      />
      <SelectField
        label={t('expertise.assessment.conclusion')}
        options={['capable', 'not_capable'] as const}
        labelOf={(c) => t(`expertise.conclusion.${c}`)}
        {...f.bind('conclusion', 'assessment-conclusion')}
      />
      <TextAreaField label={t('expertise.assessment.summary')} {...f.bind('summary', 'assessment-summary')} />
    </FormCard>
  );
}

/** The mine's officer or a regulator records mechanised / intelligent faces and remote monitoring. */
export function ProgressForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({ recordedOn: today(), mechanised: '0', intelligent: '0' });
  const [remote, setRemote] = useState(false);
  const action = useAction(onDone);
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
    <FormCard
      testId="progress-form"
      className="ex-form form-row"
      action={action}
      onSubmit={submit}
      submitLabel={t('expertise.progress.save')}
      submitTestId="progress-save"
      errorTestId="progress-error"
    >
      <Field label={t('expertise.col.date')} type="date" {...f.bind('recordedOn', 'progress-date')} />
      <Field
        label={t('expertise.progress.mechanised')}
        type="number"
        min={0}
        {...f.bind('mechanised', 'progress-mechanised')}
      />
      <Field
        label={t('expertise.progress.intelligent')}
        type="number"
        min={0}
        {...f.bind('intelligent', 'progress-intelligent')}
      />
      <CheckField
        label={t('expertise.progress.remote')}
        testId="progress-remote"
        checked={remote}
        onChange={setRemote}
      />
    </FormCard>
  );
}
