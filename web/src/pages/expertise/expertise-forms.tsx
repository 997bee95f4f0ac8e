import { useState, type FormEvent } from 'react';
import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { addYears, today } from './expertise-api.ts';
import { useAction } from './expertise-common.tsx';

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
  const { t } = useI18n();
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
      <label className="row">
        {t('expertise.guidance.visitedOn')}
        <input
          className="input"
          type="date"
          data-testid="guidance-date"
          value={visitedOn}
          onChange={(e) => setVisitedOn(e.target.value)}
        />
      </label>
      {findings.map((f, i) => (
        <div className="row" key={i} data-testid="guidance-finding-input">
          <input
            className="input"
            data-testid={`guidance-finding-title-${i}`}
            placeholder={t('expertise.guidance.findingTitle')}
            value={f.title}
            onChange={(e) => setFinding(i, { title: e.target.value })}
          />
          <select
            className="select"
            style={{ maxWidth: 260 }}
            data-testid={`guidance-finding-category-${i}`}
            value={f.category}
            onChange={(e) =>
              setFinding(i, {
                category: e.target.value,
                grade: e.target.value === 'general' ? 'general' : 'major',
              })
            }
          >
            <option value="general">{t('expertise.grade.general')}</option>
            {criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {t('expertise.grade.major')}: {c.source} — {c.textEn}
              </option>
            ))}
          </select>
          <input
            className="input"
            data-testid={`guidance-finding-text-${i}`}
            placeholder={t('expertise.guidance.findingText')}
            value={f.description}
            onChange={(e) => setFinding(i, { description: e.target.value })}
          />
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          data-testid="guidance-add-finding"
          onClick={() => setFindings([...findings, emptyFinding()])}
        >
          + {t('expertise.guidance.addFinding')}
        </button>
      </div>
      <textarea
        className="input"
        data-testid="guidance-recommendations"
        placeholder={t('expertise.guidance.recommendations')}
        value={recommendations}
        onChange={(e) => setRecommendations(e.target.value)}
      />
      <div className="row">
        <button
          className="btn btn-primary btn-small"
          type="submit"
          data-testid="guidance-save"
          disabled={action.busy}
        >
          {t('expertise.guidance.save')}
        </button>
      </div>
      {action.error !== null && <ErrorBox error={action.error} testId="guidance-error" />}
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
        <input
          className="input"
          data-testid="training-title"
          placeholder={t('expertise.training.titleField')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <input
          className="input"
          type="date"
          data-testid="training-date"
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
        />
      </div>
      <textarea
        className="input"
        data-testid="training-attendees"
        placeholder={t('expertise.training.attendeesHint')}
        value={attendees}
        onChange={(e) => setAttendees(e.target.value)}
      />
      <div className="row">
        <button
          className="btn btn-primary btn-small"
          type="submit"
          data-testid="training-save"
          disabled={action.busy}
        >
          {t('expertise.training.save')}
        </button>
      </div>
      {action.error !== null && <ErrorBox error={action.error} testId="training-error" />}
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
        <label>
          {t('expertise.assessment.assessedOn')}{' '}
          <input
            className="input"
            type="date"
            data-testid="assessment-date"
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
        </label>
        <label>
          {t('expertise.assessment.validUntil')}{' '}
          <input
            className="input"
            type="date"
            data-testid="assessment-valid-until"
            value={validUntil}
            onChange={(e) => setValidUntil(e.target.value)}
          />
        </label>
        <select
          className="select"
          data-testid="assessment-conclusion"
          value={conclusion}
          onChange={(e) => setConclusion(e.target.value === 'not_capable' ? 'not_capable' : 'capable')}
        >
          <option value="capable">{t('expertise.conclusion.capable')}</option>
          <option value="not_capable">{t('expertise.conclusion.not_capable')}</option>
        </select>
      </div>
      <textarea
        className="input"
        data-testid="assessment-summary"
        placeholder={t('expertise.assessment.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <div className="row">
        <button
          className="btn btn-primary btn-small"
          type="submit"
          data-testid="assessment-sign"
          disabled={action.busy}
        >
          {t('expertise.assessment.sign')}
        </button>
      </div>
      {action.error !== null && <ErrorBox error={action.error} testId="assessment-error" />}
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
        <input
          className="input"
          type="date"
          data-testid="progress-date"
          value={recordedOn}
          onChange={(e) => setRecordedOn(e.target.value)}
        />
        <label>
          {t('expertise.progress.mechanised')}{' '}
          <input
            className="input"
            type="number"
            min={0}
            style={{ width: 70 }}
            data-testid="progress-mechanised"
            value={mechanised}
            onChange={(e) => setMechanised(e.target.value)}
          />
        </label>
        <label>
          {t('expertise.progress.intelligent')}{' '}
          <input
            className="input"
            type="number"
            min={0}
            style={{ width: 70 }}
            data-testid="progress-intelligent"
            value={intelligent}
            onChange={(e) => setIntelligent(e.target.value)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="progress-remote"
            checked={remote}
            onChange={(e) => setRemote(e.target.checked)}
          />{' '}
          {t('expertise.progress.remote')}
        </label>
        <button
          className="btn btn-primary btn-small"
          type="submit"
          data-testid="progress-save"
          disabled={action.busy}
        >
          {t('expertise.progress.save')}
        </button>
      </div>
      {action.error !== null && <ErrorBox error={action.error} testId="progress-error" />}
    </form>
  );
}
