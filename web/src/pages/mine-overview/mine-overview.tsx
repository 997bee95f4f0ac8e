import type { MineOverview, MineRow, Permission } from '../../api/generated/api-schema.ts';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import { followUpPath } from '../follow-up/prefill.ts';
import { supervisionMinePath } from '../supervision/supervision-paths.ts';
import { OverviewCards } from './overview-cards.tsx';
import './mine-overview.css';

interface MineAction {
  id: string;
  permission: Permission;
  label: string;
  to: string;
  primary?: boolean;
}

/** What a user may do about this mine from its page: only the actions their role holds are shown. */
function MineActions({ mine }: { mine: MineRow }) {
  const { t } = useI18n();
  const may = useCan();
  const actions: MineAction[] = [
    {
      id: 'report-hazard',
      permission: 'hazard.report',
      label: t('overview.action.reportHazard'),
      to: followUpPath('/hazards/new', { mine: mine.id }),
      primary: true,
    },
    {
      id: 'issue-order',
      permission: 'order.issue',
      label: t('overview.action.issueOrder'),
      to: followUpPath('/orders', { mine: mine.id }),
    },
    {
      id: 'open-case',
      permission: 'case.manage',
      label: t('overview.action.openCase'),
      to: followUpPath('/closure/cases', { mine: mine.id }),
    },
    {
      id: 'record-visit',
      permission: 'supervision.visit.record',
      label: t('overview.action.recordVisit'),
      to: supervisionMinePath(mine.id),
    },
    {
      id: 'assign',
      permission: 'supervision.assign',
      label: t('overview.action.assign'),
      to: supervisionMinePath(mine.id),
    },
    {
      id: 'record-accident',
      permission: 'accident.record',
      label: t('overview.action.recordAccident'),
      to: '/accidents',
    },
    {
      id: 'alarms',
      permission: 'alarm.read',
      label: t('overview.action.alarms'),
      to: withQuery('/alarms', { mineId: mine.id }),
    },
  ];
  const offered = actions.filter((a) => may(a.permission));
  return (
    <nav className="ov-actions" aria-label={t('overview.actions')} data-testid="mine-actions">
      {offered.map((a) => (
        <Link
          key={a.id}
          to={a.to}
          className={a.primary === true ? 'btn btn-primary' : 'btn'}
          data-testid={`mine-action-${a.id}`}
        >
          {a.label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * The mine's 360° view: the actions the user may take, then one card per module (hazards, orders,
 * supervision, risk, live alarms, closure, accidents, cases) from GET /api/mines/:id/overview.
 */
export function MineOverviewPanel({ mine }: { mine: MineRow }) {
  const { t } = useI18n();
  const overview = useApiData<MineOverview>(`/api/mines/${encodeURIComponent(mine.id)}/overview`);
  return (
    <section
      id="overview"
      className="ov"
      data-testid="mine-overview"
      data-busy={overview.isLoading ? 'true' : 'false'}
    >
      <div className="ov-head">
        <h2>{t('overview.title')}</h2>
        {overview.data !== null && (
          <span className="muted small">
            {t('overview.asOf', { time: formatDateTime(overview.data.asOf) })}
          </span>
        )}
      </div>
      <MineActions mine={mine} />
      {overview.error !== null && <ErrorBox error={overview.error} onRetry={overview.reload} />}
      {overview.data === null && overview.error === null && (
        <div className="muted loading-line">{t('app.loading')}</div>
      )}
      {overview.data !== null && <OverviewCards overview={overview.data} mineId={mine.id} />}
    </section>
  );
}

/** In-page links to the page's parts: the overview, the monitoring tab and the records. */
export function MinePageNav() {
  const { t } = useI18n();
  return (
    <nav className="tabs ov-tabs" aria-label={t('overview.nav')} data-testid="mine-page-nav">
      <a href="#overview" data-testid="mine-tab-overview">
        {t('overview.nav.overview')}
      </a>
      <a href="#monitoring" data-testid="mine-tab-monitoring">
        {t('overview.nav.monitoring')}
      </a>
      <a href="#records" data-testid="mine-tab-records">
        {t('overview.nav.records')}
      </a>
    </nav>
  );
}
