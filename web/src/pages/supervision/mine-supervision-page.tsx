import { useState } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { formatDateTime } from '../../format.ts';
import { supervisionChangeText } from '../workflow-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useCan } from '../../session/session-context.tsx';
import type { SupervisionCard } from '../../api/generated/api-schema.ts';
import { AssignmentCard, PlanCard, ResponsibleCard } from './supervision-forms.tsx';
import { LeaderShiftsCard } from './leader-shifts-card.tsx';
import { VisitForm, VisitList } from './visit-panel.tsx';
import { CoverageLink } from './coverage-link.tsx';
import './supervision.css';

/** One mine's supervision card: plan, responsible person, group, leader, history, site visits. */
export function MineSupervisionPage({ mineId }: { mineId: string }) {
  const { t, has } = useI18n();
  const card = useApiData<SupervisionCard>(`/api/supervision/mines/${encodeURIComponent(mineId)}`);
  const [generation, setGeneration] = useState(0);
  const may = useCan();
  const c = card.data;
  return (
    <PageFrame
      testId="supervision-mine-page"
      isBusy={card.isLoading}
      before={<CoverageLink />}
      title={c ? `${c.mine.name} · ${c.mine.regionName}` : '…'}
      titleTestId="supervision-mine-name"
    >
      {card.error !== null && <ErrorBox error={card.error} onRetry={card.reload} />}
      {c && (
        <div className="sv-grid" key={`${c.mine.id}-${c.history.length}`}>
          <PlanCard
            card={c}
            canWrite={may('supervision.plan.write')}
            canApprove={may('supervision.plan.approve')}
            onChanged={card.reload}
          />
          <ResponsibleCard card={c} canSet={may('supervision.responsible.set')} onChanged={card.reload} />
          <AssignmentCard card={c} canAssign={may('supervision.assign')} onChanged={card.reload} />
          <LeaderShiftsCard mineId={c.mine.id} />
          <div className="card" data-testid="supervision-history">
            <div className="card-head">
              <h2>{t('supervision.history')}</h2>
            </div>
            <ul>
              {c.history.map((h) => (
                <li key={h.id}>
                  <span className="tabular">{formatDateTime(h.at)}</span> {h.actorName}:{' '}
                  {supervisionChangeText(h.action, h.summary, { t, has })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {c && may('supervision.visit.record') && (
        <VisitForm mineId={c.mine.id} onRecorded={() => setGeneration((g) => g + 1)} />
      )}
      {c && (
        <VisitList mineId={c.mine.id} canReport={may('supervision.finding.report')} generation={generation} />
      )}
    </PageFrame>
  );
}
