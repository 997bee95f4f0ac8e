import { useState } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionButton } from '../../components/action-button.tsx';
import { KpiTiles } from '../../components/kpi-tiles.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { ActionError, Select } from '../../components/form-kit.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { minePath } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import type { ExpertProfile, MineExpertise, ProgressRecord } from '../../api/generated/api-schema.ts';
import { mineApi } from './expertise-api.ts';
import { facesColumns, type MineCardProps } from './expertise-common.tsx';
import { ProgressForm } from './expertise-forms.tsx';
import { AssessmentsCard, GuidanceCard, TrainingsCard } from './mine-expertise-cards.tsx';

/** One mine's expertise card: capability flag, experts, assessments, guidance, training, progress. */
export function MineExpertisePage({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const may = useCan();
  const card = useApiData<MineExpertise>(mineApi(mineId));
  const c = card.data;
  return (
    <PageFrame
      testId="expertise-mine-page"
      isBusy={card.isLoading}
      before={<Link to="/expertise">← {t('expertise.gas.title')}</Link>}
      title={c ? c.mine.name : '…'}
      titleTestId="expertise-mine-name"
      actions={c && <Link to={minePath(c.mine.id)}>{t('expertise.mine.registry')}</Link>}
    >
      {card.error !== null && <ErrorBox error={card.error} onRetry={card.reload} />}
      {c && (
        <>
          <KpiTiles
            testId="expertise-mine-summary"
            tiles={[
              {
                testId: 'expertise-capability',
                label: t('expertise.mine.capability'),
                value: c.mine.hasGasControlCapability
                  ? t('expertise.mine.capable')
                  : t('expertise.mine.notCapable'),
                tone: c.mine.hasGasControlCapability ? 'kpi-green' : 'kpi-danger',
                attributes: { 'data-value': c.mine.hasGasControlCapability ? 'true' : 'false' },
              },
              {
                testId: 'expertise-mine-gas-class',
                label: t('expertise.col.gasClass'),
                value: t(`expertise.gasClass.${c.mine.gasClass}`),
                sub: <div className="kpi-sub">{c.mine.operator ?? ''}</div>,
              },
            ]}
          />
          <p className="muted" data-testid="expertise-capability-evidence">
            {c.mine.gasControlEvidence
              ? t('expertise.mine.evidence', {
                  evidence: c.mine.gasControlEvidence,
                  on: c.mine.gasControlCertifiedOn ?? '—',
                })
              : t('expertise.mine.noEvidence')}
          </p>
          <div className="ex-grid" key={`${c.assessments.length}-${c.guidance.length}-${c.trainings.length}`}>
            <AssignmentsCard card={c} canAssign={may('expertise.assign')} onChanged={card.reload} />
            <AssessmentsCard
              card={c}
              canSign={may('expertise.assess')}
              canDecide={may('expertise.approve')}
              onChanged={card.reload}
            />
            <GuidanceCard
              card={c}
              canRecord={may('expertise.guide')}
              canReport={may('expertise.finding.report')}
              onChanged={card.reload}
            />
            <TrainingsCard card={c} canRecord={may('expertise.guide')} onChanged={card.reload} />
            <ProgressCard card={c} canRecord={may('upgrade.record')} onChanged={card.reload} />
          </div>
        </>
      )}
    </PageFrame>
  );
}

function AssignmentsCard({ card, canAssign, onChanged }: MineCardProps & { canAssign: boolean }) {
  const { t } = useI18n();
  const experts = useApiData<{ items: ExpertProfile[] }>(canAssign ? '/api/expertise/experts' : null);
  const [expertId, setExpertId] = useState('');
  const action = useAction(onChanged);
  const active = card.assignments.filter((a) => a.endedAt === null);
  const ended = card.assignments.filter((a) => a.endedAt !== null);
  return (
    <div className="card" data-testid="assignments-card">
      <div className="card-head">
        <h2>{t('expertise.assignment.title')}</h2>
      </div>
      {active.length === 0 && (
        <p className="ex-pad">
          <span className="ex-badge ex-badge-bad">{t('expertise.gap.no_expert')}</span>
        </p>
      )}
      <ul className="ex-list">
        {active.map((a) => (
          <li key={a.id} data-testid="assignment-row" data-expert-id={a.expertId} data-assignment-id={a.id}>
            <strong>{a.expertName}</strong>{' '}
            <span className="muted">
              {t('expertise.assignment.since', { at: formatDateTime(a.assignedAt) })}
            </span>{' '}
            {canAssign && (
              <ActionButton
                action={action}
                method="DELETE"
                url={`/api/expertise/assignments/${encodeURIComponent(a.id)}`}
                variant="ghost"
                testId="assignment-end"
              >
                {t('expertise.assignment.end')}
              </ActionButton>
            )}
          </li>
        ))}
        {ended.map((a) => (
          <li key={a.id} className="muted" data-testid="assignment-ended-row">
            {a.expertName} · {formatDateTime(a.assignedAt)} – {formatDateTime(a.endedAt)}
          </li>
        ))}
      </ul>
      {canAssign && (
        <div className="ex-form">
          <div className="row">
            <Select
              testId="assignment-expert"
              value={expertId}
              onChange={setExpertId}
              placeholder={t('expertise.assign.choose')}
              options={experts.data?.items}
              keyOf={(x) => x.userId}
              labelOf={(x) =>
                x.specialities.length > 0 ? `${x.displayName} (${x.specialities.join('、')})` : x.displayName
              }
            />
            <ActionButton
              action={action}
              url="/api/expertise/assignments"
              body={{ mineId: card.mine.id, expertId }}
              isBlocked={expertId === ''}
              variant="primary"
              testId="assignment-add"
            >
              {t('expertise.assign.action')}
            </ActionButton>
          </div>
        </div>
      )}
      <ActionError action={action} testId="assignment-error" />
    </div>
  );
}

function ProgressCard({ card, canRecord, onChanged }: MineCardProps & { canRecord: boolean }) {
  const { t } = useI18n();
  const list = [...card.progress].sort(
    (a, b) => b.recordedOn.localeCompare(a.recordedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div className="card" data-testid="mine-progress-card">
      <div className="card-head">
        <h2>{t('expertise.progress.title')}</h2>
      </div>
      <DataTable
        columns={[
          { key: 'on', header: t('expertise.col.date'), cell: (p) => p.recordedOn, className: 'tabular' },
          ...facesColumns<ProgressRecord>(t),
          {
            key: 'remote',
            header: t('expertise.progress.remote'),
            cell: (p) => (p.remoteMonitoring ? '✓' : '—'),
          },
        ]}
        rows={list}
        rowKey={(p) => p.id}
        rowAttributes={() => ({ 'data-testid': 'mine-progress-row' })}
        empty={t('expertise.progress.none')}
        pageSize={20}
      />
      {canRecord && <ProgressForm mineId={card.mine.id} onDone={onChanged} />}
    </div>
  );
}
