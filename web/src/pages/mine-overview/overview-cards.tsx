import type { ReactNode } from 'react';
import { withQuery } from '../../api/api-client.ts';
import type { MineOverview } from '../../api/generated/api-schema.ts';
import { cstStamp, formatCount, formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { supervisionMinePath } from '../supervision/supervision-paths.ts';

type Sections = MineOverview;

/** One section of the 360° page: a title, a one-line summary, up to five lines and a link to the full place. */
function OverviewCard({
  id,
  summary,
  to,
  children,
}: {
  /** The section (its title is `overview.section.${id}`, its test ids `overview-${id}…`). */
  id: 'hazards' | 'orders' | 'supervision' | 'risk' | 'alarms' | 'closure' | 'accidents' | 'cases';
  summary: ReactNode;
  to: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card ov-card" data-testid={`overview-${id}`}>
      <header className="card-head">
        <h2>{t(`overview.section.${id}`)}</h2>
        <Link to={to} className="ov-all" data-testid={`overview-${id}-all`}>
          {t('overview.all')}
        </Link>
      </header>
      <div className="ov-summary" data-testid={`overview-${id}-summary`}>
        {summary}
      </div>
      {children}
    </section>
  );
}

const at = (ms: number) => cstStamp(ms).slice(0, 16);

function HazardsCard({ data }: { data: NonNullable<Sections['hazards']> }) {
  const { t, lang } = useI18n();
  return (
    <OverviewCard
      id="hazards"
      to="/hazards"
      summary={
        data.open === 0
          ? t('overview.hazards.none')
          : t('overview.hazards.counts', {
              open: formatCount(data.open, lang),
              overdue: formatCount(data.overdue, lang),
              major: formatCount(data.openMajor, lang),
            })
      }
    >
      <ul className="ov-list">
        {data.items.map((h) => (
          <li key={h.id} data-testid="overview-hazard" data-overdue={String(h.isOverdue)}>
            <Link to={`/hazards/${encodeURIComponent(h.id)}`}>{h.title}</Link>
            <span className="ov-sub">
              {h.grade === 'major' && <span className="tag tag-danger">{t('hazards.grade.major')}</span>}
              {t(`hazards.state.${h.state}`)} ·{' '}
              {h.dueOn === null ? t('overview.hazards.noDue') : t('overview.hazards.due', { date: h.dueOn })}
              {h.isOverdue && <span className="tag tag-danger">{t('overview.hazards.overdue')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

function OrdersCard({ data }: { data: NonNullable<Sections['orders']> }) {
  const { t } = useI18n();
  const all = [...data.inForce, ...data.scheduled];
  return (
    <OverviewCard id="orders" to="/orders" summary={all.length === 0 ? t('overview.orders.none') : null}>
      <ul className="ov-list">
        {all.map((o) => (
          <li key={o.id} data-testid="overview-order" data-status={o.status}>
            <Link to={`/orders/order/${encodeURIComponent(o.id)}`}>{o.number}</Link>
            <span className="ov-sub">
              {t(`orders.kind.${o.kind}`)} · {t(`orders.status.${o.status}`)} ·{' '}
              {t(o.status === 'scheduled' ? 'overview.orders.scheduled' : 'overview.orders.since', {
                time: formatDateTime(o.effectiveAt),
              })}
              {o.evacuateBy !== null && (
                <> · {t('overview.orders.evacuate', { time: formatDateTime(o.evacuateBy) })}</>
              )}
            </span>
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

function SupervisionCard({ data, mineId }: { data: NonNullable<Sections['supervision']>; mineId: string }) {
  const { t, lang } = useI18n();
  const none = <span className="text-danger">{t('overview.sup.none')}</span>;
  return (
    <OverviewCard
      id="supervision"
      to={supervisionMinePath(mineId)}
      summary={
        data.gaps.length === 0 ? (
          t('overview.sup.complete')
        ) : (
          <span className="text-danger" data-testid="overview-gaps" data-gaps={data.gaps.join(' ')}>
            {t('overview.sup.gaps')}: {data.gaps.map((g) => t(`supervision.gap.${g}`)).join('、')}
          </span>
        )
      }
    >
      <dl className="ov-facts">
        <dt>{t('overview.sup.plan')}</dt>
        <dd>{data.planState === null ? none : t(`supervision.plan.state.${data.planState}`)}</dd>
        <dt>{t('overview.sup.responsible')}</dt>
        <dd>{data.responsibleName ?? none}</dd>
        <dt>{t('overview.sup.group')}</dt>
        <dd>
          {data.groupSize === 0
            ? none
            : data.groupLeaderName === null
              ? t('overview.sup.groupNoLeader', { n: formatCount(data.groupSize, lang) })
              : t('overview.sup.groupValue', {
                  name: data.groupLeaderName,
                  n: formatCount(data.groupSize, lang),
                })}
        </dd>
        <dt>{t('overview.sup.leader')}</dt>
        <dd>{data.leaderName ?? none}</dd>
      </dl>
      <h3 className="ov-h3">{t('overview.sup.visits')}</h3>
      {data.visits.length === 0 ? (
        <p className="muted">{t('overview.sup.noVisits')}</p>
      ) : (
        <ul className="ov-list">
          {data.visits.map((v) => (
            <li key={v.id} data-testid="overview-visit">
              <span className="tabular">{formatDateTime(v.startedAt)}</span> {v.visitorName}
              <span className="ov-sub">
                {t(`role.${v.visitorRole}`)}
                {v.wentUnderground && <> · {t('overview.sup.underground')}</>}
                {v.findings > 0 && <> · {t('overview.sup.findings', { n: formatCount(v.findings, lang) })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </OverviewCard>
  );
}

function RiskCard({ data }: { data: Sections['risk'] }) {
  const { t, lang } = useI18n();
  if (data === null)
    return <OverviewCard id="risk" to="/briefing/risk" summary={t('overview.risk.notRanked')} />;
  const shown = data.factors.filter((f) => f.points > 0 || f.noData).sort((a, b) => b.points - a.points);
  return (
    <OverviewCard
      id="risk"
      to="/briefing/risk"
      summary={
        <>
          <strong data-testid="overview-risk-score" data-value={data.score}>
            {t('overview.risk.score', { score: String(data.score) })}
          </strong>{' '}
          · {t('overview.risk.rank', { rank: formatCount(data.rank, lang), of: formatCount(data.of, lang) })}
        </>
      }
    >
      <ul className="ov-list" data-testid="overview-risk-factors">
        {shown.map((f) => (
          <li key={f.id} data-factor={f.id}>
            {t(`briefing.risk.factor.${f.id}`)}
            <span className="ov-sub">
              {f.noData ? t('briefing.risk.noData') : t('overview.risk.points', { n: String(f.points) })}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('overview.risk.window', { days: String(data.windowDays) })}</p>
    </OverviewCard>
  );
}

function AlarmsCard({ data, mineId }: { data: Sections['alarms']; mineId: string }) {
  const { t, lang } = useI18n();
  const to = withQuery('/alarms', { mineId });
  if (data === null) return <OverviewCard id="alarms" to={to} summary={t('overview.alarms.noMonitoring')} />;
  return (
    <OverviewCard
      id="alarms"
      to={to}
      summary={
        data.open === 0
          ? t('overview.alarms.none')
          : t('overview.alarms.counts', {
              open: formatCount(data.open, lang),
              unack: formatCount(data.unacknowledged, lang),
              incidents: formatCount(data.incidents, lang),
            })
      }
    >
      <ul className="ov-list">
        {data.items.map((a) => (
          <li key={a.id} data-testid="overview-alarm" data-priority={a.priority}>
            <Link to={withQuery('/alarms', { mineId, alarm: a.id })}>
              {a.isIncident && <span className="tag tag-danger">{t('overview.alarms.incident')}</span>}
              {t(`alarmRule.${a.rule}`)}
            </Link>
            <span className="ov-sub">
              {t(`priority.${a.priority}`)} · {t(`alarmState.${a.state}`)}
              {a.location !== null && <> · {a.location}</>} ·{' '}
              {t('overview.alarms.since', { time: at(a.atMs) })}
            </span>
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

function ClosureCard({ data }: { data: NonNullable<Sections['closure']> }) {
  const { t } = useI18n();
  const c = data.current;
  return (
    <OverviewCard
      id="closure"
      to={c === null ? '/closure' : `/closure/${encodeURIComponent(c.id)}`}
      summary={
        c === null ? (
          t('overview.closure.none')
        ) : (
          <>
            {t(`closure.status.${c.status}`)} ·{' '}
            {t('overview.closure.steps', { done: String(c.stepsVerified), total: String(c.stepsTotal) })}
          </>
        )
      }
    />
  );
}

function AccidentsCard({ data }: { data: NonNullable<Sections['accidents']> }) {
  const { t, lang } = useI18n();
  return (
    <OverviewCard
      id="accidents"
      to="/accidents"
      summary={
        data.total === 0
          ? t('overview.accidents.none')
          : t('overview.accidents.count', { n: formatCount(data.total, lang) })
      }
    >
      <ul className="ov-list">
        {data.items.map((a) => (
          <li key={a.id} data-testid="overview-accident">
            <Link to={`/accidents/${encodeURIComponent(a.id)}`}>{formatDate(a.occurredAt)}</Link>
            <span className="ov-sub">
              {t(`accidents.grade.${a.grade}`)} ·{' '}
              {t('overview.accidents.deaths', { n: formatCount(a.deaths, lang) })} ·{' '}
              {t(`accidents.inv.${a.investigationState}`)}
            </span>
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

function CasesCard({ data }: { data: NonNullable<Sections['cases']> }) {
  const { t, lang } = useI18n();
  return (
    <OverviewCard
      id="cases"
      to="/closure/cases"
      summary={
        data.items.length === 0
          ? t('overview.cases.none')
          : t('overview.cases.open', { n: formatCount(data.open, lang) })
      }
    >
      <ul className="ov-list">
        {data.items.map((c) => (
          <li key={c.id} data-testid="overview-case" data-status={c.status}>
            <Link to={`/closure/cases/${encodeURIComponent(c.id)}`}>{t(`closure.case.${c.type}`)}</Link>
            <span className="ov-sub">
              {t(`closure.caseStatus.${c.status}`)} · {formatDate(c.openedAt)} · {c.summary}
            </span>
          </li>
        ))}
      </ul>
    </OverviewCard>
  );
}

/** The 360° page's sections, each only when the role may read it (the server answers null otherwise). */
export function OverviewCards({ overview, mineId }: { overview: MineOverview; mineId: string }) {
  const o = overview;
  return (
    <div className="ov-grid" data-testid="mine-overview-cards">
      <AlarmsCard data={o.alarms} mineId={mineId} />
      {o.hazards !== null && <HazardsCard data={o.hazards} />}
      {o.orders !== null && <OrdersCard data={o.orders} />}
      {o.supervision !== null && <SupervisionCard data={o.supervision} mineId={mineId} />}
      {o.risk !== null && <RiskCard data={o.risk} />}
      {o.closure !== null && <ClosureCard data={o.closure} />}
      {o.accidents !== null && <AccidentsCard data={o.accidents} />}
      {o.cases !== null && <CasesCard data={o.cases} />}
    </div>
  );
}
