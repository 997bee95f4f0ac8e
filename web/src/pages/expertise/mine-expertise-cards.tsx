import { useState } from 'react';
import { ActionButton } from '../../components/action-button.tsx';
import { ActionError, Input } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import type { CapabilityAssessment, GuidanceVisit } from '../../api/generated/api-schema.ts';
import { RecordsCard, type MineCardProps } from './expertise-common.tsx';
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
}: MineCardProps & { canSign: boolean; canDecide: boolean }) {
  const { t } = useI18n();
  const list = [...card.assessments].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
  return (
    <RecordsCard
      testId="assessments-card"
      title={t('expertise.assessment.title')}
      none={t('expertise.assessment.none')}
      records={list}
      renderRecord={(a) => <AssessmentItem key={a.id} a={a} canDecide={canDecide} onChanged={onChanged} />}
    >
      {canSign && card.mine.gasClass !== 'low' && <AssessmentForm mineId={card.mine.id} onDone={onChanged} />}
      {canSign && card.mine.gasClass === 'low' && (
        <p className="muted ex-pad">{t('expertise.assessment.lowGas')}</p>
      )}
    </RecordsCard>
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
            <ActionButton
              action={action}
              url={`${base}/approve`}
              variant="primary"
              testId="assessment-approve"
            >
              {t('expertise.assessment.approve')}
            </ActionButton>
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
              <ActionButton
                action={action}
                url={`${base}/withdraw`}
                body={{ reason }}
                testId="assessment-withdraw"
              >
                {t('expertise.assessment.withdraw')}
              </ActionButton>
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
}: MineCardProps & { canRecord: boolean; canReport: boolean }) {
  const { t } = useI18n();
  const list = [...card.guidance].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn));
  return (
    <RecordsCard
      testId="guidance-card"
      title={t('expertise.guidance.title')}
      none={t('expertise.guidance.none')}
      records={list}
      renderRecord={(v) => <GuidanceItem key={v.id} v={v} canReport={canReport} onChanged={onChanged} />}
    >
      {canRecord && <GuidanceForm mineId={card.mine.id} onDone={onChanged} />}
    </RecordsCard>
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
                  <ActionButton
                    action={action}
                    url={`/api/expertise/guidance/${encodeURIComponent(v.id)}/findings/${i}/hazard`}
                    testId="guidance-finding-report"
                  >
                    {t('expertise.guidance.makeHazard')}
                  </ActionButton>
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
export function TrainingsCard({ card, canRecord, onChanged }: MineCardProps & { canRecord: boolean }) {
  const { t } = useI18n();
  const list = [...card.trainings].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  return (
    <RecordsCard
      testId="trainings-card"
      title={t('expertise.training.title')}
      none={t('expertise.training.none')}
      records={list}
      renderRecord={(x) => (
        <li key={x.id} data-testid="training-row" data-training-id={x.id}>
          <strong className="tabular">{x.heldOn}</strong> {x.title} · {x.expertName}
          <div className="muted">
            {t('expertise.training.attendees', { n: x.attendees.length })}: {x.attendees.join('、')}
          </div>
        </li>
      )}
    >
      {canRecord && <TrainingForm mineId={card.mine.id} onDone={onChanged} />}
    </RecordsCard>
  );
}
