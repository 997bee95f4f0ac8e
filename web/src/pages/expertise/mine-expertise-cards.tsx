import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { ActionError, Input } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import type { CapabilityAssessment, GuidanceVisit, MineExpertise } from '../../api/generated/api-schema.ts';
import { AssessmentForm, GuidanceForm, TrainingForm } from './expertise-forms.tsx';

const STATE_BADGE: Record<CapabilityAssessment['state'], string> = {
  signed: 'ex-badge ex-badge-warn',
  approved: 'ex-badge ex-badge-ok',
  withdrawn: 'ex-badge',
  expired: 'ex-badge ex-badge-bad',
};

/** Capability assessments: an expert signs, a regulator approves or withdraws. */
export function AssessmentsCard({
  card,
  canSign,
  canDecide,
  onChanged,
}: {
  card: MineExpertise;
  canSign: boolean;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const list = [...card.assessments].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
  return (
    <div className="card" data-testid="assessments-card">
      <div className="card-head">
        <h2>{t('expertise.assessment.title')}</h2>
      </div>
      {list.length === 0 && <p className="muted ex-pad">{t('expertise.assessment.none')}</p>}
      <ul className="ex-list">
        {list.map((a) => (
          <AssessmentItem key={a.id} a={a} canDecide={canDecide} onChanged={onChanged} />
        ))}
      </ul>
      {canSign && card.mine.gasClass !== 'low' && <AssessmentForm mineId={card.mine.id} onDone={onChanged} />}
      {canSign && card.mine.gasClass === 'low' && (
        <p className="muted ex-pad">{t('expertise.assessment.lowGas')}</p>
      )}
    </div>
  );
}

function AssessmentItem({
  a,
  canDecide,
  onChanged,
}: {
  a: CapabilityAssessment;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction(onChanged);
  const base = `/api/expertise/assessments/${encodeURIComponent(a.id)}`;
  const canWithdraw = canDecide && (a.state === 'signed' || a.state === 'approved');
  return (
    <li
      data-testid="assessment-row"
      data-assessment-id={a.id}
      data-state={a.state}
      data-conclusion={a.conclusion}
    >
      <span className={STATE_BADGE[a.state]} data-testid="assessment-state">
        {t(`expertise.assessment.state.${a.state}`)}
      </span>
      <strong>{t(`expertise.conclusion.${a.conclusion}`)}</strong>{' '}
      <span className="tabular">
        {a.assessedOn} → {a.validUntil}
      </span>
      <div className="muted">
        {t('expertise.assessment.signedBy', { name: a.expertName, at: formatDateTime(a.signedAt) })}
        {a.decidedAt && ` · ${t('expertise.assessment.decidedAt', { at: formatDateTime(a.decidedAt) })}`}
      </div>
      <div>{a.summary}</div>
      {a.reason && (
        <div className="muted" data-testid="assessment-reason">
          {t('expertise.assessment.reason', { reason: a.reason })}
        </div>
      )}
      {(canWithdraw || (canDecide && a.state === 'signed')) && (
        <div className="filters">
          {canDecide && a.state === 'signed' && (
            <Button
              variant="primary"
              size="small"
              testId="assessment-approve"
              disabled={action.busy}
              onClick={() => void action.run('POST', `${base}/approve`)}
            >
              {t('expertise.assessment.approve')}
            </Button>
          )}
          {canWithdraw && (
            <>
              <Input
                placeholder={t('expertise.assessment.withdrawReason')}
                label={t('expertise.assessment.withdrawReason')}
                testId="assessment-withdraw-reason"
                value={reason}
                onChange={setReason}
              />
              <Button
                size="small"
                testId="assessment-withdraw"
                disabled={action.busy}
                onClick={() => void action.run('POST', `${base}/withdraw`, { reason })}
              >
                {t('expertise.assessment.withdraw')}
              </Button>
            </>
          )}
        </div>
      )}
      <ActionError action={action} testId="assessment-action-error" />
    </li>
  );
}

/** Guidance visits with their findings; a regulator turns a finding into a hazard. */
export function GuidanceCard({
  card,
  canRecord,
  canReport,
  onChanged,
}: {
  card: MineExpertise;
  canRecord: boolean;
  canReport: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const list = [...card.guidance].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));
  return (
    <div className="card" data-testid="guidance-card">
      <div className="card-head">
        <h2>{t('expertise.guidance.title')}</h2>
      </div>
      {list.length === 0 && <p className="muted ex-pad">{t('expertise.guidance.none')}</p>}
      <ul className="ex-list">
        {list.map((v) => (
          <GuidanceItem key={v.id} v={v} canReport={canReport} onChanged={onChanged} />
        ))}
      </ul>
      {canRecord && <GuidanceForm mineId={card.mine.id} onDone={onChanged} />}
    </div>
  );
}

function GuidanceItem({
  v,
  canReport,
  onChanged,
}: {
  v: GuidanceVisit;
  canReport: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction(onChanged);
  return (
    <li data-testid="guidance-row" data-visit-id={v.id}>
      <strong className="tabular">{v.visitedOn}</strong> · {v.expertName}
      <div>
        {t('expertise.guidance.recommendations')}: {v.recommendations}
      </div>
      {v.findings.length > 0 && (
        <ol>
          {v.findings.map((f, i) => (
            <li key={i} data-testid="guidance-finding" data-index={i} data-hazard-id={f.hazardId ?? ''}>
              <span className={f.grade === 'major' ? 'ex-badge ex-badge-bad' : 'ex-badge'}>
                {t(`expertise.grade.${f.grade}`)}
              </span>
              {f.title}
              {f.description && <span className="muted"> — {f.description}</span>}{' '}
              {f.hazardId !== null ? (
                <Link to={`/hazards/${encodeURIComponent(f.hazardId)}`} data-testid="guidance-finding-hazard">
                  {t('expertise.guidance.hazardLink', { id: f.hazardId })}
                </Link>
              ) : (
                canReport && (
                  <Button
                    size="small"
                    testId="guidance-finding-report"
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(
                        'POST',
                        `/api/expertise/guidance/${encodeURIComponent(v.id)}/findings/${i}/hazard`,
                      )
                    }
                  >
                    {t('expertise.guidance.makeHazard')}
                  </Button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
      <ActionError action={action} testId="guidance-report-error" />
    </li>
  );
}

/** Training sessions held at the mine and who attended. */
export function TrainingsCard({
  card,
  canRecord,
  onChanged,
}: {
  card: MineExpertise;
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const list = [...card.trainings].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <div className="card" data-testid="trainings-card">
      <div className="card-head">
        <h2>{t('expertise.training.title')}</h2>
      </div>
      {list.length === 0 && <p className="muted ex-pad">{t('expertise.training.none')}</p>}
      <ul className="ex-list">
        {list.map((x) => (
          <li key={x.id} data-testid="training-row" data-training-id={x.id}>
            <strong className="tabular">{x.heldOn}</strong> {x.title} · {x.expertName}
            <div className="muted">
              {t('expertise.training.attendees', { n: x.attendees.length })}: {x.attendees.join('、')}
            </div>
          </li>
        ))}
      </ul>
      {canRecord && <TrainingForm mineId={card.mine.id} onDone={onChanged} />}
    </div>
  );
}
