import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import {
  ActionError,
  CheckField,
  Field,
  FormFooter,
  Input,
  Select,
  SelectField,
  SubmitButton,
  TextArea,
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
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today());
  const [attendees, setAttendees] = useState('');
  const action = useAction(() => {
    setTitle('');
    setAttendees('');
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/trainings', {
      mineId,
      title,
      heldOn,
      attendees: attendees
        .split(/[\n,，、]/)
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    });
  };
  return (
    <form className="ex-form" data-testid="training-form" onSubmit={submit}>
      <h3>{t('expertise.training.new')}</h3>
      <div className="row">
        <Input
          placeholder={t('expertise.training.titleField')}
          testId="training-title"
          value={title}
          onChange={setTitle}
        />
        <Input type="date" testId="training-date" value={heldOn} onChange={setHeldOn} />
      </div>
      <TextArea
        placeholder={t('expertise.training.attendeesHint')}
        label={t('expertise.training.attendeesHint')}
        testId="training-attendees"
        value={attendees}
        onChange={setAttendees}
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
  const [assessedOn, setAssessedOn] = useState(today());
  const [validUntil, setValidUntil] = useState(addYears(today(), 1));
  const [conclusion, setConclusion] = useState<'capable' | 'not_capable'>('capable');
  const [summary, setSummary] = useState('');
  const action = useAction(() => {
    setSummary('');
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/assessments', {
      mineId,
      assessedOn,
      validUntil,
      conclusion,
      summary,
    });
  };
  return (
    <form className="ex-form" data-testid="assessment-form" onSubmit={submit}>
      <h3>{t('expertise.assessment.new')}</h3>
      <div className="row">
        <Field
          label={t('expertise.assessment.assessedOn')}
          type="date"
          testId="assessment-date"
          value={assessedOn}
          onChange={setAssessedOn}
        />
        <Field
          label={t('expertise.assessment.validUntil')}
          type="date"
          testId="assessment-valid-until"
          value={validUntil}
          onChange={setValidUntil}
        />
        <SelectField
          label={t('expertise.assessment.conclusion')}
          testId="assessment-conclusion"
          value={conclusion}
          onChange={(v) => setConclusion(v === 'not_capable' ? 'not_capable' : 'capable')}
          options={['capable', 'not_capable'] as const}
          labelOf={(c) => t(`expertise.conclusion.${c}`)}
        />
      </div>
      <TextArea
        placeholder={t('expertise.assessment.summary')}
        label={t('expertise.assessment.summary')}
        testId="assessment-summary"
        value={summary}
        onChange={setSummary}
      />
      <FormFooter action={action} submitTestId="assessment-sign" errorTestId="assessment-error">
        {t('expertise.assessment.sign')}
      </FormFooter>
    </form>
  );
}

/** The mine's officer or a regulator records mechanised / intelligent faces and remote monitoring. */
export function ProgressForm({ mineId, onDone }: { mineId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [recordedOn, setRecordedOn] = useState(today());
  const [mechanised, setMechanised] = useState('0');
  const [intelligent, setIntelligent] = useState('0');
  const [remote, setRemote] = useState(false);
  const action = useAction(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run('POST', '/api/expertise/progress', {
      mineId,
      recordedOn,
      mechanisedFaces: Number(mechanised),
      intelligentFaces: Number(intelligent),
      remoteMonitoring: remote,
    });
  };
  return (
    <form className="ex-form" data-testid="progress-form" onSubmit={submit}>
      <div className="row">
        <Field
          label={t('expertise.col.date')}
          type="date"
          testId="progress-date"
          value={recordedOn}
          onChange={setRecordedOn}
        />
        <Field
          label={t('expertise.progress.mechanised')}
          type="number"
          min={0}
          width={70}
          testId="progress-mechanised"
          value={mechanised}
          onChange={setMechanised}
        />
        <Field
          label={t('expertise.progress.intelligent')}
          type="number"
          min={0}
          width={70}
          testId="progress-intelligent"
          value={intelligent}
          onChange={setIntelligent}
        />
        <CheckField
          label={t('expertise.progress.remote')}
          testId="progress-remote"
          checked={remote}
          onChange={setRemote}
        />
        <SubmitButton action={action} testId="progress-save">
          {t('expertise.progress.save')}
        </SubmitButton>
      </div>
      <ActionError action={action} testId="progress-error" />
    </form>
  );
}
