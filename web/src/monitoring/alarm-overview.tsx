import { useEffect, useMemo } from 'react';
import { withQuery, type ApiAnswer } from '../api/api-client.ts';
import type { MineAlarmBadge as MineAlarmOverview, MineStatus } from '../api/generated/api-schema.ts';
import { useApiData, type ApiData } from '../api/use-api.ts';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import './alarm-overview.css';

type AlarmOverviewResponse = ApiAnswer<'/api/overview/alarms'>;

const POLL_MS = 30_000;

/** `/api/overview/alarms` for a region (the user's scope when ''), refreshed every 30 s. */
export function useAlarmOverviewData(regionId: string): ApiData<AlarmOverviewResponse> {
  const overview = useApiData<AlarmOverviewResponse>(withQuery('/api/overview/alarms', { regionId }));
  const { reload } = overview;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return overview;
}

/** The overview as a map by mine id (empty while loading or when the endpoint fails). */
export function useAlarmOverview(regionId: string): ReadonlyMap<string, MineAlarmOverview> {
  const { data } = useAlarmOverviewData(regionId);
  return useMemo(() => new Map((data?.mines ?? []).map((m) => [m.mineId, m])), [data]);
}

const STOPPED: ReadonlySet<MineStatus> = new Set(['suspended', 'resumption_review', 'closing', 'closed']);

/** A mine's standing alarms as compact counts by priority, linking to the console filtered to the mine. */
export function MineAlarmBadge({ overview: o, status }: { overview: MineAlarmOverview; status: MineStatus }) {
  const { t, lang } = useI18n();
  const parts = (['critical', 'high', 'medium', 'low'] as const).filter((p) => o[p] > 0);
  const peopleInStopped = STOPPED.has(status) && o.underground > 0;
  // The overview also lists mines only for their people underground: nothing to flag in a producing one.
  if (parts.length === 0 && o.unacknowledged === 0 && !peopleInStopped) return null;
  const title = [
    ...parts.map((p) => `${t(`priority.${p}`)} ${o[p]}`),
    t('overview.unacknowledged', { n: o.unacknowledged }),
    t('overview.underground', { n: o.underground }),
  ].join(' · ');
  return (
    <Link
      to={withQuery('/alarms', { mineId: o.mineId })}
      className={o.critical > 0 ? 'abadge abadge-critical' : 'abadge'}
      data-testid="mine-alarm-badge"
      data-critical={o.critical}
      data-high={o.high}
      data-medium={o.medium}
      data-low={o.low}
      data-unacknowledged={o.unacknowledged}
      data-underground={o.underground}
      title={title}
      onClick={(e) => e.stopPropagation()}
    >
      {parts.map((p) => (
        <span key={p} className={`abadge-seg abadge-${p}`}>
          {t(`priority.short.${p}`)}
          {formatCount(o[p], lang)}
        </span>
      ))}
      {o.unacknowledged > 0 && <span className="unack-dot" aria-hidden="true" />}
      {peopleInStopped && (
        <span className="abadge-seg abadge-people">
          {t('overview.peopleShort', { n: formatCount(o.underground, lang) })}
        </span>
      )}
    </Link>
  );
}

/** The dashboard tile: how many mines have a standing critical alarm; links to the console. */
export function CriticalMinesKpi({ regionId }: { regionId: string }) {
  const { t, lang } = useI18n();
  const { data, error } = useAlarmOverviewData(regionId);
  const mines = data?.mines ?? [];
  const critical = mines.filter((m) => m.critical > 0).length;
  const unacknowledged = mines.filter((m) => m.unacknowledged > 0).length;
  const isKnown = data !== null && error === null;
  return (
    <Link
      to={withQuery('/alarms', { regionId, priority: 'critical' })}
      className={critical > 0 ? 'kpi kpi-danger kpi-link kpi-critical-alarm' : 'kpi kpi-link'}
      data-testid="kpi-critical-mines"
      data-value={isKnown ? critical : undefined}
    >
      <div className="kpi-label">{t('dash.kpi.criticalMines')}</div>
      <div className="kpi-value">{isKnown ? formatCount(critical, lang) : '—'}</div>
      <div className="kpi-sub">
        {isKnown ? t('dash.kpi.criticalMinesSub', { n: formatCount(unacknowledged, lang) }) : ''}
      </div>
    </Link>
  );
}
