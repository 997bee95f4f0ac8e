import { memo, useState, type MouseEvent } from 'react';
import type { MonitoringPoint } from '../api/generated/api-schema.ts';
import { SearchInput } from '../components/form-kit.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { findingText } from './alarm-text.ts';
import {
  describeStatus,
  formatMs,
  formatShortMs,
  formatValue,
  sensorTypeLabel,
} from './monitoring-format.ts';
import { valueTone, type LiveSample } from './point-values.ts';
import './points-table.css';

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

/**
 * Every measuring point of a mine grouped by sensor type, with its latest value, status, thresholds
 * and setting findings; a filter, and a click that adds or removes the point's curve.
 */
export function PointsTable({
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
        <SearchInput
          className="point-filter"
          label={t('mineMon.points.filter')}
          value={q}
          onChange={setQ}
          testId="point-filter"
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
