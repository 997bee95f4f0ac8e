import { useState } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Button } from '../../components/button.tsx';
import { ActionError, Select } from '../../components/form-kit.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { minePath } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import type { ExpertProfile, MineExpertise } from '../../api/generated/api-schema.ts';
import { mineApi } from './expertise-api.ts';
import { ProgressForm } from './expertise-forms.tsx';
import { AssessmentsCard, GuidanceCard, TrainingsCard } from './mine-expertise-cards.tsx';

/** One mine's expertise card: capability flag, experts, assessments, guidance, training, progress. */
export function MineExpertisePage({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const may = useCan();
  const card = useApiData<MineExpertise>(mineApi(mineId));
  const c = card.data;
  return (
    <section className="page" data-testid="expertise-mine-page" data-busy={card.isLoading ? 'true' : 'false'}>
      <div className="page-head">
        <Link to="/expertise">← {t('expertise.gas.title')}</Link>
        <h1 data-testid="expertise-mine-name">{c ? c.mine.name : '…'}</h1>
        {c && <Link to={minePath(c.mine.id)}>{t('expertise.mine.registry')}</Link>}
      </div>
      {card.error !== null && <ErrorBox error={card.error} onRetry={card.reload} />}
      {c && (
        <>
          <div className="kpis" data-testid="expertise-mine-summary">
            <div
              className={`kpi ${c.mine.hasGasControlCapability ? 'kpi-green' : 'kpi-danger'}`}
              data-testid="expertise-capability"
              data-value={c.mine.hasGasControlCapability ? 'true' : 'false'}
            >
              <div className="kpi-label">{t('expertise.mine.capability')}</div>
              <div className="kpi-value">
                {c.mine.hasGasControlCapability
                  ? t('expertise.mine.capable')
                  : t('expertise.mine.notCapable')}
              </div>
            </div>
            <div className="kpi" data-testid="expertise-mine-gas-class">
              <div className="kpi-label">{t('expertise.col.gasClass')}</div>
              <div className="kpi-value">{t(`expertise.gasClass.${c.mine.gasClass}`)}</div>
              <div className="kpi-sub">{c.mine.operator ?? ''}</div>
            </div>
          </div>
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
    </section>
  );
}

function AssignmentsCard({
  card,
  canAssign,
  onChanged,
}: {
  card: MineExpertise;
  canAssign: boolean;
  onChanged: () => void;
}) {
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
              <Button
                variant="ghost"
                size="small"
                testId="assignment-end"
                disabled={action.busy}
                onClick={() =>
                  void action.run('DELETE', `/api/expertise/assignments/${encodeURIComponent(a.id)}`)
                }
              >
                {t('expertise.assignment.end')}
              </Button>
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
            <Button
              variant="primary"
              size="small"
              testId="assignment-add"
              disabled={action.busy || expertId === ''}
              onClick={() =>
                void action.run('POST', '/api/expertise/assignments', { mineId: card.mine.id, expertId })
              }
            >
              {t('expertise.assign.action')}
            </Button>
          </div>
        </div>
      )}
      <ActionError action={action} testId="assignment-error" />
    </div>
  );
}

function ProgressCard({
  card,
  canRecord,
  onChanged,
}: {
  card: MineExpertise;
  canRecord: boolean;
  onChanged: () => void;
}) {
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
          {
            key: 'mech',
            header: t('expertise.progress.mechanised'),
            cell: (p) => p.mechanisedFaces,
            isNumeric: true,
          },
          {
            key: 'intel',
            header: t('expertise.progress.intelligent'),
            cell: (p) => p.intelligentFaces,
            isNumeric: true,
          },
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
