import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import {
  CheckField,
  Field,
  FormFooter,
  Input,
  Select,
  SelectField,
  TextArea,
  TextAreaField,
  useFormFields,
} from '../../components/form-kit.tsx';
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/guidance', {
      mineId,
      visitedOn,
      recommendations,
      findings: findings.filter((f) => f.title.trim() !== ''),
    });
  };
  return (
    <form className="ex-form" data-testid="guidance-form" onSubmit={submit}>
      <h3>{t('expertise.guidance.new')}</h3>
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
      <FormFooter action={action} submitTestId="guidance-save" errorTestId="guidance-error">
        {t('expertise.guidance.save')}
      </FormFooter>
    </form>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
    <form className="ex-form wf-form" data-testid="training-form" onSubmit={submit}>
      <h3>{t('expertise.training.new')}</h3>
      <Field label={t('expertise.training.titleField')} {...f.bind('title', 'training-title')} />
      <Field label={t('expertise.col.date')} type="date" {...f.bind('heldOn', 'training-date')} />
      <TextAreaField
        label={t('expertise.training.attendeesHint')}
        {...f.bind('attendees', 'training-attendees')}
      />
      <FormFooter action={action} submitTestId="training-save" errorTestId="training-error">
        {t('expertise.training.save')}
      </FormFooter>
    </form>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/assessments', { mineId, ...f.values });
  };
  return (
    <form className="ex-form wf-form wf-form-3" data-testid="assessment-form" onSubmit={submit}>
      <h3>{t('expertise.assessment.new')}</h3>
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
      <FormFooter action={action} submitTestId="assessment-sign" errorTestId="assessment-error">
        {t('expertise.assessment.sign')}
      </FormFooter>
    </form>
  );
}

/** The mine's officer or a regulator records mechanised / intelligent faces and remote monitoring. */
export function ProgressForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const f = useFormFields({ recordedOn: today(), mechanised: '0', intelligent: '0' });
  const [remote, setRemote] = useState(false);
  const action = useAction(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/progress', {
      mineId,
      recordedOn: f.values.recordedOn,
      mechanisedFaces: Number(f.values.mechanised),
      intelligentFaces: Number(f.values.intelligent),
      remoteMonitoring: remote,
    });
  };
  return (
    <form className="ex-form form-row" data-testid="progress-form" onSubmit={submit}>
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
      <FormFooter action={action} submitTestId="progress-save" errorTestId="progress-error">
        {t('expertise.progress.save')}
      </FormFooter>
    </form>
  );
}
