import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { ApiAnswer } from '../api/api-client.ts';
import type { MineRow, MonitoringPoint, PersonnelArea } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useNow, useThrottled } from '../live/use-live-feed.ts';
import { AlarmEvidencePanel } from './alarm-evidence-panel.tsx';
import { LiveIndicator } from './alarm-table.tsx';
import { useMineLive } from './mine-live.tsx';
import { CO_TYPE, formatDuration, formatShortMs, METHANE_TYPES } from './monitoring-format.ts';
import { PersonnelPanel } from './personnel-panel.tsx';
import type { LiveSample } from './point-values.ts';
import { PointsTable } from './points-table.tsx';
import './mine-monitoring.css';

/** The curve and its chart library (uPlot) load only when a mine's monitoring is shown. */
const PointChart = lazy(async () => ({ default: (await import('./point-chart.tsx')).PointChart }));

type PointsResponse = ApiAnswer<'/api/mines/{id}/points'>;
const MAX_CHARTS = 4;

export { MineAlarms } from './mine-alarms.tsx';

/** The default charts: the first methane and the first CO point. */
function defaultSelection(points: readonly MonitoringPoint[]): number[] {
  const sorted = [...points].sort((a, b) => (a.pointCode < b.pointCode ? -1 : 1));
  const methane = sorted.find((p) => METHANE_TYPES.has(p.sensorType));
  const co = sorted.find((p) => p.sensorType === CO_TYPE);
  return [methane, co].flatMap((p) => (p === undefined ? [] : [p.id]));
}

/**
 * Live monitoring for a mine: curves of the chosen points, people underground, and every measuring
 * point grouped by sensor type with its latest value, status and thresholds.
 */
export function MineMonitoring({ mine }: { mine: MineRow }) {
  const { t } = useI18n();
  const now = useNow(1_000);
  const points = useApiData<PointsResponse>(`/api/mines/${encodeURIComponent(mine.id)}/points`);
  const [latest, setLatest] = useState<ReadonlyMap<number, LiveSample>>(new Map());
  const [livePeople, setLivePeople] = useState<{ underground: number; areas: PersonnelArea[] } | null>(null);
  const [chosen, setChosen] = useState<number[] | null>(null);
  const [resyncKey, setResyncKey] = useState(0);
  const reloadPoints = useThrottled(points.reload, 10_000);

  const liveState = useMineLive({
    onReadings: (r) => {
      setLatest((prev) => {
        const next = new Map(prev);
        for (const p of r.points) {
          const old = next.get(p.id);
          if (old === undefined || p.t >= old.t) next.set(p.id, { t: p.t, v: p.v, s: p.s });
        }
        return next;
      });
    },
    onPersonnel: (p) => setLivePeople({ underground: p.underground, areas: p.areas }),
    onResync: () => {
      setResyncKey((k) => k + 1);
      reloadPoints();
    },
  });

  const pointList = useMemo(() => points.data?.points ?? [], [points.data]);
  const selected = chosen ?? defaultSelection(pointList);
  const byId = useMemo(() => new Map(pointList.map((p) => [p.id, p])), [pointList]);
  const toggle = useCallback(
    (id: number) => {
      setChosen((prev) => {
        const cur = prev ?? defaultSelection(pointList);
        if (cur.includes(id)) return cur.filter((x) => x !== id);
        return [id, ...cur].slice(0, MAX_CHARTS);
      });
    },
    [pointList],
  );
  const lastDataMs = Math.max(
    0,
    ...[...latest.values()].map((s) => s.t),
    ...pointList.map((p) => p.lastTsMs ?? 0),
  );

  return (
    <section
      className="mine-monitoring"
      data-testid="mine-monitoring"
      data-busy={points.isLoading ? 'true' : 'false'}
    >
      <div className="section-head">
        <h2>{t('mineMon.title')}</h2>
        <LiveIndicator state={liveState} />
        {lastDataMs > 0 && (
          <span
            className={now - lastDataMs > 5 * 60_000 ? 'text-danger small' : 'muted small'}
            data-testid="monitoring-last-data"
          >
            {t('mineMon.lastData', {
              time: formatShortMs(lastDataMs, now),
              ago: formatDuration(now - lastDataMs, t),
            })}
          </span>
        )}
      </div>
      {points.error !== null && <ErrorBox error={points.error} onRetry={points.reload} />}
      <div className="monitor-grid">
        <div className="charts" data-testid="point-charts">
          {selected.length === 0 && pointList.length > 0 && (
            <div className="card chart-empty muted">{t('mineMon.charts.none')}</div>
          )}
          {selected.map((id) => {
            const p = byId.get(id);
            return p === undefined ? null : (
              <Suspense
                key={id}
                fallback={<div className="card chart-empty muted">{t('curve.loading')}</div>}
              >
                <PointChart
                  mineId={mine.id}
                  point={p}
                  latest={latest.get(id)}
                  now={now}
                  resyncKey={resyncKey}
                  onClose={() => toggle(id)}
                />
              </Suspense>
            );
          })}
          {selected.length > 0 && (
            <div className="muted small chart-hint">{t('mineMon.charts.hint', { n: MAX_CHARTS })}</div>
          )}
        </div>
        <PersonnelPanel
          mineId={mine.id}
          status={mine.status}
          resyncKey={resyncKey}
          live={livePeople}
          now={now}
        />
      </div>
      {points.data !== null && (
        <PointsTable
          points={pointList}
          latest={latest}
          selected={selected}
          now={Math.floor(now / 10_000) * 10_000}
          onToggle={toggle}
        />
      )}
      <AlarmEvidencePanel mineId={mine.id} />
    </section>
  );
}
