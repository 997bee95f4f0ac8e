import { memo, useCallback, useEffect, useMemo, useState, type MouseEvent } from 'react';
import { withQuery, type ApiAnswer } from '../api/api-client.ts';
import type {
  AlarmView,
  MineRow,
  MineStatus,
  MonitoringPoint,
  PersonnelArea,
} from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { formatCount } from '../format.ts';
import { areaTypeLabel } from './area-type.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useNow, useThrottled } from '../live/use-live-feed.ts';
import { AlarmDetailPanel } from './alarm-detail.tsx';
import { AlarmEvidencePanel } from './alarm-evidence-panel.tsx';
import { AlarmTable, LiveIndicator } from './alarm-table.tsx';
import { findingText } from './alarm-text.ts';
import { useMineLive } from './mine-live.tsx';
import {
  CO_TYPE,
  describeStatus,
  formatDuration,
  formatMs,
  formatShortMs,
  formatValue,
  METHANE_TYPES,
  sensorTypeLabel,
} from './monitoring-format.ts';
import { PointChart, valueTone, type LiveSample } from './point-chart.tsx';
import { stateMatches, useAlarmList } from './use-alarm-list.ts';

type PersonnelResponse = ApiAnswer<'/api/mines/{id}/personnel'>;
type PointsResponse = ApiAnswer<'/api/mines/{id}/points'>;

/** Statuses in which nobody may be underground (capability 3). */
const MUST_BE_EMPTY: ReadonlySet<MineStatus> = new Set([
  'suspended',
  'resumption_review',
  'closing',
  'closed',
]);
const MAX_CHARTS = 4;

/** The mine's standing alarms, live, with the same detail panel (and acknowledge) as the console. */
export function MineAlarms({ mineId }: { mineId: string }) {
  const { t, lang } = useI18n();
  const now = useNow(5_000);
  const list = useAlarmList(withQuery('/api/alarms', { mineId, state: 'active', pageSize: 100 }), (a) =>
    a.mineId === mineId ? stateMatches('active', a.state) : false,
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailRefresh, setDetailRefresh] = useState(0);
  const { apply, reload } = list;
  const liveState = useMineLive({
    onAlarm: (alarm) => {
      if (alarm.mineId !== mineId) return;
      apply(alarm);
      if (alarm.id === selectedId) setDetailRefresh((n) => n + 1);
    },
    onResync: reload,
  });
  const select = useCallback((id: string) => setSelectedId((cur) => (cur === id ? null : id)), []);
  const close = useCallback(() => setSelectedId(null), []);
  const onChanged = useCallback((a: AlarmView) => apply(a, { flash: false }), [apply]);
  const items = list.items ?? [];
  const critical = items.filter((a) => a.priority === 'critical').length;

  return (
    <section
      className={critical > 0 ? 'card mine-alarms has-critical' : 'card mine-alarms'}
      data-testid="mine-alarms"
      data-count={list.items === null ? undefined : items.length}
      data-busy={list.isLoading ? 'true' : 'false'}
    >
      <header className="card-head">
        <h2>{t('mineMon.alarms.title')}</h2>
        {list.items !== null && (
          <span className={items.length > 0 ? 'count-badge danger' : 'count-badge'}>
            {formatCount(items.length, lang)}
          </span>
        )}
        <LiveIndicator state={liveState} />
      </header>
      {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.items !== null && (
        <AlarmTable
          alarms={items}
          selectedId={selectedId}
          flashes={list.flashes}
          showMine={false}
          now={now}
          onSelect={select}
          testId="mine-alarm-table"
          isBusy={list.isLoading}
          emptyText={t('mineMon.alarms.none')}
        />
      )}
      {selectedId !== null && (
        <AlarmDetailPanel
          key={selectedId}
          alarmId={selectedId}
          refreshKey={detailRefresh}
          now={now}
          onClose={close}
          onAlarmChanged={onChanged}
        />
      )}
    </section>
  );
}

function Thresholds({ th }: { th: MonitoringPoint['thresholds'] }) {
  const { lang } = useI18n();
  const f = (v: number | null, op: string) => (v === null ? '' : `${op}${formatValue(v, lang)}`);
  return (
    <>
      <td className="num thr-cell thr-alarm-cell">
        {f(th.upperAlarm, '≥')}
        {th.upperAlarm !== null && th.lowerAlarm !== null && ' '}
        {f(th.lowerAlarm, '≤')}
      </td>
      <td className="num thr-cell thr-cut-cell">
        {f(th.upperPowerCut, '≥')}
        {th.upperPowerCut !== null && th.lowerPowerCut !== null && ' '}
        {f(th.lowerPowerCut, '≤')}
      </td>
      <td className="num thr-cell">
        {f(th.upperPowerRestore, '<')}
        {th.upperPowerRestore !== null && th.lowerPowerRestore !== null && ' '}
        {f(th.lowerPowerRestore, '>')}
      </td>
    </>
  );
}

function SettingFinding({ findings }: { findings: readonly string[] }) {
  const i18n = useI18n();
  const texts = findings.map((f) => findingText(f, i18n));
  return (
    <details
      className="finding"
      data-testid="setting-finding"
      data-count={findings.length}
      onClick={(e: MouseEvent) => e.stopPropagation()}
    >
      <summary title={texts.join('\n')}>{i18n.t('mineMon.finding', { n: findings.length })}</summary>
      <ul className="finding-list">
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </details>
  );
}

interface PointRowProps {
  point: MonitoringPoint;
  latest: LiveSample | undefined;
  isSelected: boolean;
  now: number;
  onToggle: (id: number) => void;
}

const PointRow = memo(function PointRow({ point, latest, isSelected, now, onToggle }: PointRowProps) {
  const { t, lang } = useI18n();
  const value = latest?.v ?? point.lastValue;
  const ts = latest?.t ?? point.lastTsMs;
  const status = describeStatus(latest?.s ?? point.lastStatus, t);
  const tone = valueTone(point, value);
  const isStale = ts !== null && now - ts > 5 * 60_000;
  const isKg = point.valueType === 'KG';
  return (
    <tr
      className={isSelected ? 'point-row selected' : 'point-row'}
      data-testid="point-row"
      data-point-id={point.id}
      data-sensor-type={point.sensorType}
      data-tone={tone}
      data-selected={isSelected ? 'true' : 'false'}
      aria-selected={isSelected}
      tabIndex={0}
      onClick={() => onToggle(point.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onToggle(point.id);
        }
      }}
    >
      <td className="mono nowrap">
        <span className={isSelected ? 'chart-mark on' : 'chart-mark'} aria-hidden="true" />
        {point.pointCode}
      </td>
      <td className="ellipsis point-loc" title={point.location}>
        {point.location}
      </td>
      <td className={`num nowrap point-value tone-${tone}`} data-value={value ?? ''}>
        {value === null
          ? '—'
          : isKg
            ? t(value === 0 ? 'mineMon.kg.off' : 'mineMon.kg.on', { v: value })
            : formatValue(value, lang)}
        {!isKg && value !== null && <span className="unit">{point.unit}</span>}
      </td>
      <td className={isStale ? 'tabular nowrap text-danger' : 'tabular nowrap muted'} title={formatMs(ts)}>
        {ts === null ? '—' : formatShortMs(ts, now)}
      </td>
      <td className="nowrap">
        {status.labels.length === 0 ? (
          status.tone === 'none' ? (
            <span className="muted">—</span>
          ) : (
            <span className="pstatus pstatus-ok">{t('pointStatus.normal')}</span>
          )
        ) : (
          <span className={`pstatus pstatus-${status.tone}`}>{status.labels.join(' · ')}</span>
        )}
      </td>
      <Thresholds th={point.thresholds} />
      <td>{point.settingFindings.length > 0 && <SettingFinding findings={point.settingFindings} />}</td>
    </tr>
  );
});

function PointsTable({
  points,
  latest,
  selected,
  now,
  onToggle,
}: {
  points: readonly MonitoringPoint[];
  latest: ReadonlyMap<number, LiveSample>;
  selected: readonly number[];
  now: number;
  onToggle: (id: number) => void;
}) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [onlyAbnormal, setOnlyAbnormal] = useState(false);
  const needle = q.trim().toLowerCase();
  const shown = points.filter((p) => {
    if (needle !== '' && !`${p.pointCode} ${p.location} ${p.sensorTypeName}`.toLowerCase().includes(needle))
      return false;
    if (!onlyAbnormal) return true;
    const l = latest.get(p.id);
    const bits = l?.s ?? p.lastStatus ?? 0;
    return bits !== 0 || valueTone(p, l?.v ?? p.lastValue) !== 'ok' || p.settingFindings.length > 0;
  });
  const groups = new Map<string, MonitoringPoint[]>();
  for (const p of [...shown].sort((a, b) =>
    a.sensorType < b.sensorType ? -1 : a.sensorType > b.sensorType ? 1 : a.pointCode < b.pointCode ? -1 : 1,
  )) {
    const g = groups.get(p.sensorType);
    if (g === undefined) groups.set(p.sensorType, [p]);
    else g.push(p);
  }
  const findings = points.filter((p) => p.settingFindings.length > 0).length;
  return (
    <section className="card" data-testid="points-section">
      <header className="card-head">
        <h2>{t('mineMon.points.title')}</h2>
        <span className="muted">{t('mineMon.points.count', { n: formatCount(points.length, lang) })}</span>
        {findings > 0 && (
          <span className="tag tag-danger" data-testid="setting-finding-count" data-value={findings}>
            {t('mineMon.points.findings', { n: findings })}
          </span>
        )}
        <span className="card-head-spacer" />
        <input
          className="input point-filter"
          type="search"
          placeholder={t('mineMon.points.filter')}
          aria-label={t('mineMon.points.filter')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="point-filter"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={onlyAbnormal}
            onChange={(e) => setOnlyAbnormal(e.target.checked)}
            data-testid="point-filter-abnormal"
          />
          {t('mineMon.points.onlyAbnormal')}
        </label>
      </header>
      <div className="table-wrap points-wrap">
        <table className="table points-table" data-testid="points-table">
          <thead>
            <tr>
              <th>{t('mineMon.col.code')}</th>
              <th>{t('mineMon.col.location')}</th>
              <th className="num">{t('mineMon.col.value')}</th>
              <th>{t('mineMon.col.time')}</th>
              <th>{t('mineMon.col.status')}</th>
              <th className="num">{t('mineMon.col.alarm')}</th>
              <th className="num">{t('mineMon.col.cut')}</th>
              <th className="num">{t('mineMon.col.restore')}</th>
              <th>{t('mineMon.col.setting')}</th>
            </tr>
          </thead>
          {shown.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={9} className="empty">
                  {points.length === 0 ? t('mineMon.points.none') : t('mineMon.points.noneMatch')}
                </td>
              </tr>
            </tbody>
          )}
          {[...groups.entries()].map(([type, group]) => (
            <tbody key={type} className="point-group-body">
              <tr className="point-group" data-testid="point-group" data-sensor-type={type}>
                <th colSpan={9}>
                  {sensorTypeLabel(group[0] ?? { sensorType: type, sensorTypeName: '' }, lang)}
                  <span className="point-group-count">{group.length}</span>
                </th>
              </tr>
              {group.map((p) => (
                <PointRow
                  key={p.id}
                  point={p}
                  latest={latest.get(p.id)}
                  isSelected={selected.includes(p.id)}
                  now={now}
                  onToggle={onToggle}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

function areaRank(a: PersonnelArea): number {
  if (/限制|restricted/i.test(a.areaType) && a.count > 0) return 0;
  if (a.approved !== null && a.count > a.approved) return 1;
  return 2;
}

function PersonnelPanel({
  mineId,
  status,
  resyncKey,
  live,
  now,
}: {
  mineId: string;
  status: MineStatus;
  resyncKey: number;
  live: { underground: number; areas: PersonnelArea[] } | null;
  now: number;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const personnel = useApiData<PersonnelResponse>(`/api/mines/${encodeURIComponent(mineId)}/personnel`);
  const { reload } = personnel;
  useEffect(() => {
    if (resyncKey > 0) reload();
  }, [resyncKey, reload]);
  const data = personnel.data;
  const underground = live?.underground ?? data?.underground ?? null;
  const areas = live?.areas ?? data?.areas ?? [];
  const approvedMax = data?.approvedMax ?? 0;
  const mustBeEmpty = MUST_BE_EMPTY.has(status);
  const isCritical = mustBeEmpty && underground !== null && underground > 0;
  const isOver = approvedMax > 0 && underground !== null && underground > approvedMax;
  const areaNames = new Map(areas.map((a) => [a.areaCode, a.areaName]));
  const sortedAreas = [...areas].sort((a, b) => areaRank(a) - areaRank(b) || b.count - a.count);
  const people = [...(data?.people ?? [])].sort(
    (a, b) => (a.enteredMineAtMs ?? 0) - (b.enteredMineAtMs ?? 0),
  );

  return (
    <section
      className={isCritical ? 'card personnel critical' : isOver ? 'card personnel over' : 'card personnel'}
      data-testid="personnel-panel"
      data-busy={personnel.isLoading ? 'true' : 'false'}
    >
      <header className="card-head">
        <h2>{t('mineMon.people.title')}</h2>
        {data !== null && data.snapshotMs !== null && (
          <span className="muted small">
            {t('mineMon.people.snapshot', { time: formatShortMs(data.snapshotMs, now) })}
          </span>
        )}
      </header>
      {personnel.error !== null && <ErrorBox error={personnel.error} onRetry={reload} />}
      <div className="people-total">
        <span
          className="people-total-value"
          data-testid="personnel-total"
          data-value={underground ?? undefined}
        >
          {underground === null ? '—' : formatCount(underground, lang)}
        </span>
        <span className="people-total-unit">{t('mineMon.people.unit')}</span>
        <span className="people-total-max">
          {approvedMax > 0 && t('mineMon.people.max', { n: formatCount(approvedMax, lang) })}
        </span>
      </div>
      {isCritical && (
        <div className="people-alert" role="alert" data-testid="personnel-stopped-alert">
          {t('mineMon.people.mustBeEmpty', { status: t(`status.${status}`) })}
        </div>
      )}
      {!isCritical && isOver && <div className="people-alert">{t('mineMon.people.over')}</div>}
      <div className="table-wrap">
        <table className="table people-areas" data-testid="personnel-areas">
          <thead>
            <tr>
              <th>{t('mineMon.people.area')}</th>
              <th className="num">{t('mineMon.people.count')}</th>
              <th className="num">{t('mineMon.people.approved')}</th>
            </tr>
          </thead>
          <tbody>
            {sortedAreas.length === 0 && (
              <tr>
                <td colSpan={3} className="empty">
                  {t('mineMon.people.noAreas')}
                </td>
              </tr>
            )}
            {sortedAreas.map((a) => {
              const rank = areaRank(a);
              return (
                <tr
                  key={a.areaCode}
                  className={
                    rank === 0
                      ? 'area-restricted'
                      : rank === 1
                        ? 'area-over'
                        : a.count === 0
                          ? 'area-empty'
                          : ''
                  }
                  data-testid="personnel-area-row"
                  data-area-code={a.areaCode}
                  data-count={a.count}
                >
                  <td>
                    {a.areaName}
                    <span className="cell-sub area-type">{areaTypeLabel(a.areaType, i18n)}</span>
                  </td>
                  <td className="num strong">{formatCount(a.count, lang)}</td>
                  <td className="num muted">{a.approved === null ? '—' : formatCount(a.approved, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {people.length > 0 && (
        <details className="people-list" data-testid="personnel-people">
          <summary>{t('mineMon.people.list', { n: formatCount(people.length, lang) })}</summary>
          <div className="table-wrap people-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('mineMon.people.name')}</th>
                  <th>{t('mineMon.people.card')}</th>
                  <th>{t('mineMon.people.where')}</th>
                  <th>{t('mineMon.people.since')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.cardCode} data-testid="personnel-person-row">
                    <td className="nowrap">
                      {p.name}
                      {p.isMineLeader && <span className="tag tag-leader">{t('mineMon.people.leader')}</span>}
                    </td>
                    <td className="mono">{p.cardCode}</td>
                    <td className="nowrap">
                      {p.areaCode === null ? '—' : (areaNames.get(p.areaCode) ?? p.areaCode)}
                    </td>
                    <td className="nowrap tabular" title={formatMs(p.enteredMineAtMs)}>
                      {p.enteredMineAtMs === null ? '—' : formatDuration(now - p.enteredMineAtMs, t)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

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
              <PointChart
                key={id}
                mineId={mine.id}
                point={p}
                latest={latest.get(id)}
                now={now}
                resyncKey={resyncKey}
                onClose={() => toggle(id)}
              />
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
