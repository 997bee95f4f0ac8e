import { useEffect, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { request, withQuery } from '../api/api-client.ts';
import type { ThresholdKey } from '../api/monitoring-types.ts';
import type { MonitoringPoint, PointSeries as SeriesResponse } from '../api/generated/api-schema.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useI18n, type Lang } from '../i18n/i18n-context.tsx';
import { formatMs, formatValue, sensorTypeLabel } from './monitoring-format.ts';
import { ReadingsExport } from './readings-export.tsx';

export const CHART_WINDOW_MS = 30 * 60_000;
const HEIGHT = 190;
const MARGIN = { top: 10, right: 74, bottom: 22, left: 46 };

interface Series {
  resolution: 'raw' | '1m';
  t: number[];
  v: number[];
  min: number[] | null;
  max: number[] | null;
}

export interface LiveSample {
  t: number;
  v: number;
  s: number;
}

const THRESHOLD_STYLE: Readonly<Record<ThresholdKey, { cls: string }>> = {
  upperPowerCut: { cls: 'thr-cut' },
  upperAlarm: { cls: 'thr-alarm' },
  upperPowerRestore: { cls: 'thr-restore' },
  lowerPowerRestore: { cls: 'thr-restore' },
  lowerAlarm: { cls: 'thr-alarm' },
  lowerPowerCut: { cls: 'thr-cut' },
};
const THRESHOLD_ORDER: readonly ThresholdKey[] = [
  'upperPowerCut',
  'upperAlarm',
  'upperPowerRestore',
  'lowerPowerRestore',
  'lowerAlarm',
  'lowerPowerCut',
];

/** 1-2-5 steps: about `count` ticks between lo and hi. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toFixed(10)));
  return ticks;
}

const timeFormats = new Map<Lang, Intl.DateTimeFormat>();
function timeFormat(lang: Lang): Intl.DateTimeFormat {
  let f = timeFormats.get(lang);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
    timeFormats.set(lang, f);
  }
  return f;
}

/** Which band a value is in against the enforced thresholds. */
export function valueTone(point: MonitoringPoint, v: number | null): 'cut' | 'alarm' | 'ok' | 'none' {
  if (v === null || !Number.isFinite(v)) return 'none';
  const th = point.thresholds;
  if (
    (th.upperPowerCut !== null && v >= th.upperPowerCut) ||
    (th.lowerPowerCut !== null && v <= th.lowerPowerCut)
  )
    return 'cut';
  if ((th.upperAlarm !== null && v >= th.upperAlarm) || (th.lowerAlarm !== null && v <= th.lowerAlarm))
    return 'alarm';
  return 'ok';
}

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The last 30 minutes of one point as an SVG line: loaded from the series endpoint, extended by the
 * live readings, with the enforced alarm / power-cut / restore thresholds as horizontal lines (and
 * the mine's own setting, faint, where it is laxer). Switch points are drawn as steps.
 */
export function PointChart(props: {
  mineId: string;
  point: MonitoringPoint;
  latest: LiveSample | undefined;
  now: number;
  resyncKey: number;
  onClose?: () => void;
}) {
  const { t, lang } = useI18n();
  const { point, latest, now } = props;
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const [boxRef, width] = useWidth();
  const { mineId } = props;

  useEffect(() => {
    const controller = new AbortController();
    const toMs = Date.now();
    const url = withQuery(`/api/mines/${encodeURIComponent(mineId)}/points/${point.id}/series`, {
      fromMs: toMs - CHART_WINDOW_MS,
      toMs,
    });
    request<SeriesResponse>('GET', url, { signal: controller.signal }).then(
      (res) => {
        setSeries({ resolution: res.resolution, t: res.t, v: res.v, min: res.min, max: res.max });
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, [mineId, point.id, props.resyncKey]);

  // Live samples are appended in order; older ones (already in the series) are ignored.
  useEffect(() => {
    if (latest === undefined || !Number.isFinite(latest.v)) return;
    setSeries((prev) => {
      if (prev === null) return prev;
      const last = prev.t[prev.t.length - 1];
      if (last !== undefined && latest.t <= last) return prev;
      // Samples that have left the window (with a minute's margin) are dropped as new ones arrive.
      const cutoff = latest.t - CHART_WINDOW_MS - 60_000;
      let from = 0;
      while (from < prev.t.length && (prev.t[from] ?? 0) < cutoff) from++;
      return {
        ...prev,
        t: [...prev.t.slice(from), latest.t],
        v: [...prev.v.slice(from), latest.v],
        min: prev.min === null ? null : [...prev.min.slice(from), latest.v],
        max: prev.max === null ? null : [...prev.max.slice(from), latest.v],
      };
    });
  }, [latest]);

  const isSwitch = point.valueType === 'KG';
  const x1 = now;
  const x0 = now - CHART_WINDOW_MS;
  const plotW = Math.max(80, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;

  const geometry = useMemo(() => {
    const idx: number[] = [];
    if (series !== null)
      for (let i = 0; i < series.t.length; i++) if ((series.t[i] ?? 0) >= x0 - 60_000) idx.push(i);
    const values = idx.map((i) => series?.v[i] ?? 0);
    const lows = series?.min === null || series === null ? values : idx.map((i) => series.min?.[i] ?? 0);
    const highs = series?.max === null || series === null ? values : idx.map((i) => series.max?.[i] ?? 0);
    const thresholds = THRESHOLD_ORDER.flatMap((key) => {
      const v = point.thresholds[key];
      return v === null ? [] : [{ key, v }];
    });
    let lo: number;
    let hi: number;
    if (isSwitch) {
      lo = -0.15;
      hi = 1.15;
    } else {
      const all = [...lows, ...highs, ...thresholds.map((th) => th.v)].filter((v) => Number.isFinite(v));
      lo = all.length === 0 ? 0 : Math.min(...all);
      hi = all.length === 0 ? 1 : Math.max(...all);
      if (lo >= 0 && lo < (hi - lo) * 0.6) lo = 0;
      const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
      hi += pad;
      if (lo !== 0) lo -= pad;
    }
    const sx = (tm: number) => MARGIN.left + ((tm - x0) / (x1 - x0)) * plotW;
    const sy = (v: number) => MARGIN.top + (1 - (v - lo) / (hi - lo)) * plotH;
    const gapMs = series?.resolution === '1m' ? 3 * 60_000 : 2 * 60_000;
    let path = '';
    let band = '';
    let prevT: number | null = null;
    let prevY: number | null = null;
    for (const i of idx) {
      const tm = series?.t[i] ?? 0;
      const v = series?.v[i] ?? 0;
      const x = sx(Math.max(tm, x0));
      const y = sy(v);
      if (prevT === null || tm - prevT > gapMs) path += `M${x.toFixed(1)},${y.toFixed(1)}`;
      else if (isSwitch) path += `H${x.toFixed(1)}V${y.toFixed(1)}`;
      else path += `L${x.toFixed(1)},${y.toFixed(1)}`;
      prevT = tm;
      prevY = y;
    }
    if (isSwitch && prevT !== null && prevY !== null) path += `H${sx(x1).toFixed(1)}`;
    if (series !== null && series.min !== null && series.max !== null && idx.length > 1) {
      const top = idx.map(
        (i) => `${sx(Math.max(series.t[i] ?? 0, x0)).toFixed(1)},${sy(series.max?.[i] ?? 0).toFixed(1)}`,
      );
      const bottom = idx
        .map((i) => `${sx(Math.max(series.t[i] ?? 0, x0)).toFixed(1)},${sy(series.min?.[i] ?? 0).toFixed(1)}`)
        .reverse();
      band = `M${top.join('L')}L${bottom.join('L')}Z`;
    }
    const mineLines = THRESHOLD_ORDER.flatMap((key) => {
      const mv = point.mineThresholds[key];
      const ev = point.thresholds[key];
      return mv === null || mv === ev || mv < lo || mv > hi ? [] : [{ key, v: mv }];
    });
    return { idx, lo, hi, sx, sy, path, band, thresholds, mineLines };
  }, [series, x0, x1, plotW, plotH, isSwitch, point.thresholds, point.mineThresholds]);

  // Threshold labels sit right of the plot; labels closer than a line height are pushed apart.
  const labelY: number[] = [];
  {
    const order = geometry.thresholds.map((th, i) => ({ i, y: geometry.sy(th.v) })).sort((a, b) => a.y - b.y);
    let prev = -Infinity;
    for (const o of order) {
      const y = Math.max(o.y, prev + 11);
      labelY[o.i] = y;
      prev = y;
    }
  }
  const yTicks = isSwitch ? [0, 1] : niceTicks(geometry.lo, geometry.hi, 4);
  const xTicks: number[] = [];
  for (let tm = Math.ceil(x0 / 300_000) * 300_000; tm <= x1; tm += 300_000) xTicks.push(tm);
  const lastIndex = geometry.idx[geometry.idx.length - 1];
  const lastValue = lastIndex === undefined ? null : (series?.v[lastIndex] ?? null);
  const lastT = lastIndex === undefined ? null : (series?.t[lastIndex] ?? null);
  const tone = valueTone(point, lastValue);

  let hover: { x: number; y: number; t: number; v: number } | null = null;
  if (hoverX !== null && series !== null && geometry.idx.length > 0) {
    const tm = x0 + ((hoverX - MARGIN.left) / plotW) * (x1 - x0);
    let best = geometry.idx[0] ?? 0;
    for (const i of geometry.idx)
      if (Math.abs((series.t[i] ?? 0) - tm) < Math.abs((series.t[best] ?? 0) - tm)) best = i;
    const bt = series.t[best] ?? 0;
    const bv = series.v[best] ?? 0;
    hover = { x: geometry.sx(Math.max(bt, x0)), y: geometry.sy(bv), t: bt, v: bv };
  }
  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    setHoverX(x >= MARGIN.left && x <= MARGIN.left + plotW ? x : null);
  };
  const thresholdLabel = (key: ThresholdKey) => t(`threshold.short.${key}`);

  return (
    <div
      className={`chart chart-${tone}`}
      data-testid="point-chart"
      data-point-id={point.id}
      data-sensor-type={point.sensorType}
      data-resolution={series?.resolution ?? ''}
      data-samples={geometry.idx.length}
      data-busy={series === null && error === null ? 'true' : 'false'}
    >
      <div className="chart-head">
        <span className="chart-type">{sensorTypeLabel(point, lang)}</span>
        <span className="chart-loc" title={point.location}>
          {point.location}
        </span>
        <span className="mono muted chart-code" title={point.pointCode}>
          {point.pointCode}
        </span>
        <span className="chart-spacer" />
        <span
          className={`chart-value tone-${tone}`}
          data-testid="point-chart-value"
          data-value={lastValue ?? ''}
        >
          {lastValue === null ? '—' : formatValue(lastValue, lang)}
          <span className="chart-unit">{point.unit}</span>
        </span>
        {props.onClose !== undefined && (
          <button
            type="button"
            className="chart-close"
            onClick={props.onClose}
            aria-label={t('chart.close')}
            title={t('chart.close')}
          >
            ×
          </button>
        )}
      </div>
      {error !== null && <ErrorBox error={error} />}
      <div className="chart-box" ref={boxRef}>
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={t('chart.aria', { point: point.pointCode, location: point.location })}
          onMouseMove={onMove}
          onMouseLeave={() => setHoverX(null)}
        >
          <rect x={MARGIN.left} y={MARGIN.top} width={plotW} height={plotH} className="chart-plot" />
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotW}
                y1={geometry.sy(v)}
                y2={geometry.sy(v)}
                className="chart-grid"
              />
              <text x={MARGIN.left - 6} y={geometry.sy(v) + 3.5} className="chart-tick" textAnchor="end">
                {formatValue(v, lang)}
              </text>
            </g>
          ))}
          {xTicks.map((tm) => (
            <g key={`x${tm}`}>
              <line
                x1={geometry.sx(tm)}
                x2={geometry.sx(tm)}
                y1={MARGIN.top}
                y2={MARGIN.top + plotH}
                className="chart-grid"
              />
              <text x={geometry.sx(tm)} y={HEIGHT - 6} className="chart-tick" textAnchor="middle">
                {timeFormat(lang).format(tm)}
              </text>
            </g>
          ))}
          {geometry.mineLines.map(({ key, v }) => (
            <g key={`m${key}`} data-mine-threshold={key} data-value={v}>
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotW}
                y1={geometry.sy(v)}
                y2={geometry.sy(v)}
                className="thr-mine"
              />
              <text
                x={MARGIN.left + plotW - 4}
                y={geometry.sy(v) - 3}
                className="thr-mine-label"
                textAnchor="end"
              >
                {t('chart.mineSetting', { what: thresholdLabel(key), v: formatValue(v, lang) })}
              </text>
            </g>
          ))}
          {geometry.band !== '' && <path d={geometry.band} className="chart-band" />}
          {geometry.thresholds.map(({ key, v }, i) => (
            <g key={key} data-threshold={key} data-value={v} className={THRESHOLD_STYLE[key].cls}>
              <line
                x1={MARGIN.left}
                x2={MARGIN.left + plotW}
                y1={geometry.sy(v)}
                y2={geometry.sy(v)}
                className="thr-line"
              />
              <text x={MARGIN.left + plotW + 4} y={(labelY[i] ?? geometry.sy(v)) + 3.5} className="thr-label">
                {thresholdLabel(key)} {formatValue(v, lang)}
              </text>
            </g>
          ))}
          <path d={geometry.path} className={`chart-line tone-${tone}`} />
          {lastValue !== null && lastT !== null && (
            <circle
              cx={geometry.sx(Math.max(lastT, x0))}
              cy={geometry.sy(lastValue)}
              r={3}
              className={`chart-dot tone-${tone}`}
            />
          )}
          {hover !== null && (
            <g className="chart-hover">
              <line x1={hover.x} x2={hover.x} y1={MARGIN.top} y2={MARGIN.top + plotH} />
              <circle cx={hover.x} cy={hover.y} r={3.5} />
            </g>
          )}
          {series !== null && geometry.idx.length === 0 && (
            <text
              x={MARGIN.left + plotW / 2}
              y={MARGIN.top + plotH / 2}
              textAnchor="middle"
              className="chart-nodata"
            >
              {t('chart.noData')}
            </text>
          )}
        </svg>
        {hover !== null && (
          <div
            className="chart-tip"
            style={{ left: Math.min(hover.x + 8, width - 150), top: MARGIN.top + 4 }}
          >
            <span className="tabular">{formatMs(hover.t)}</span>
            <span className="strong">
              {formatValue(hover.v, lang)} {point.unit}
            </span>
          </div>
        )}
      </div>
      <ReadingsExport mineId={mineId} pointId={point.id} pointCode={point.pointCode} />
    </div>
  );
}
