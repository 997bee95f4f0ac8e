import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { request, withQuery } from '../api/api-client.ts';
import { THRESHOLD_KEYS, type ThresholdKey } from '../api/monitoring-types.ts';
import type { MonitoringPoint, PointSeries } from '../api/generated/api-schema.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CurveLegend, CurveTools } from './curve/curve-controls.tsx';
import {
  curveOf,
  lastSample,
  LIVE_SPAN_MS,
  withLiveSample,
  type CurveData,
  type CurveView,
} from './curve/curve-data.ts';
import { createPlot, plotData, type CurveLine, type PlotSettings } from './curve/curve-plot.ts';
import { formatMs, formatValue, sensorTypeLabel } from './monitoring-format.ts';
import { valueTone, type LiveSample } from './point-values.ts';
import { ReadingsExport } from './readings-export.tsx';
import './point-chart.css';

/** The shortest range a drag can zoom into. */
const MIN_SPAN_MS = 60_000;
/** Above this span the server answers aggregates (points.routes.ts); a live curve of them is reloaded each minute. */
const RAW_SPAN_MS = 6 * 3_600_000;

const LINE_KIND: Readonly<Record<ThresholdKey, CurveLine['kind']>> = {
  upperPowerCut: 'cut',
  upperAlarm: 'alarm',
  upperPowerRestore: 'restore',
  lowerPowerRestore: 'restore',
  lowerAlarm: 'alarm',
  lowerPowerCut: 'cut',
};

/** The enforced thresholds, and the mine's own settings where they differ from them (drawn faint). */
function linesOf(point: MonitoringPoint): CurveLine[] {
  const enforced = THRESHOLD_KEYS.flatMap((key) => {
    const v = point.thresholds[key];
    return v === null ? [] : [{ key, v, kind: LINE_KIND[key] }];
  });
  const mine = THRESHOLD_KEYS.flatMap((key) => {
    const v = point.mineThresholds[key];
    return v === null || v === point.thresholds[key] ? [] : [{ key, v, kind: 'mine' as const }];
  });
  return [...enforced, ...mine];
}

/** Loads the view's range from the series endpoint (raw readings or aggregates, by span). */
function useCurve(mineId: string, pointId: number, view: CurveView, reloadKey: string) {
  const [data, setData] = useState<CurveData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);
  useEffect(() => {
    const controller = new AbortController();
    const toMs = view.toMs ?? Date.now();
    const url = withQuery(`/api/mines/${encodeURIComponent(mineId)}/points/${pointId}/series`, {
      fromMs: toMs - view.spanMs,
      toMs,
    });
    setLoading(true);
    request<PointSeries>('GET', url, { signal: controller.signal }).then(
      (res) => {
        setData(curveOf(res));
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [mineId, pointId, view.spanMs, view.toMs, reloadKey]);
  return { data, setData, error, isLoading };
}

/**
 * A point's curve drawn by uPlot: by default the last 30 minutes, extended by the live readings; a
 * longer period, a range dragged across the plot, or a step earlier/later loads that range at the
 * resolution the server picks (raw readings up to 6 h, per-minute aggregates up to 3 days, per-hour
 * beyond, the aggregates with their min–max band). The enforced alarm / power-cut / restore thresholds are lines with a legend; times are
 * China Standard Time.
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
  const { mineId, point, latest, now } = props;
  const [view, setView] = useState<CurveView>({ spanMs: LIVE_SPAN_MS, toMs: null });
  const isLive = view.toMs === null;
  const minuteTick = isLive && view.spanMs > RAW_SPAN_MS ? Math.floor(now / 60_000) : 0;
  const curve = useCurve(mineId, point.id, view, `${props.resyncKey}/${minuteTick}`);
  const { data, setData } = curve;
  const [hoverIdx, setHoverIdx] = useState<number | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const plotRef = useRef<uPlot | null>(null);
  const toMs = view.toMs ?? now;
  const fromMs = toMs - view.spanMs;
  const lines = linesOf(point);
  const settings: PlotSettings = {
    lines,
    isSwitch: point.valueType === 'KG',
    view: { fromMs, toMs },
    onZoom: (from, to) => {
      const span = Math.max(MIN_SPAN_MS, to - from);
      setView({ spanMs: span, toMs: Math.min(Date.now(), from + span) });
    },
    onHover: setHoverIdx,
  };
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  // The plot is made once per chart and follows the box's width (390 px phones included).
  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const plot = createPlot(box, Math.max(200, box.clientWidth), () => settingsRef.current);
    plotRef.current = plot;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== plot.width) plot.setSize({ width: w, height: plot.height });
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, []);

  useEffect(() => {
    const plot = plotRef.current;
    if (plot === null || data === null) return;
    plot.setData(plotData(data), false);
  }, [data]);

  useEffect(() => {
    plotRef.current?.setScale('x', { min: fromMs, max: toMs });
  }, [fromMs, toMs, data]);

  // Live readings are appended to a live raw curve; those older than its window (and a minute) drop off.
  useEffect(() => {
    if (latest === undefined || view.toMs !== null) return;
    setData((prev) => (prev === null ? prev : withLiveSample(prev, latest, latest.t - view.spanMs - 60_000)));
  }, [latest, view.toMs, view.spanMs, setData]);

  const last = lastSample(data);
  const headValue = isLive ? (latest?.v ?? last?.v ?? null) : (last?.v ?? null);
  const tone = valueTone(point, headValue);
  const hover =
    hoverIdx === null || data === null
      ? null
      : { t: data.t[hoverIdx], v: data.v[hoverIdx], min: data.min[hoverIdx], max: data.max[hoverIdx] };

  return (
    <div
      className={`chart chart-${tone}`}
      data-testid="point-chart"
      data-point-id={point.id}
      data-sensor-type={point.sensorType}
      data-resolution={data?.resolution ?? ''}
      data-samples={data?.samples ?? 0}
      data-live={isLive ? 'true' : 'false'}
      data-span-ms={view.spanMs}
      data-busy={curve.isLoading ? 'true' : 'false'}
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
          data-value={headValue ?? ''}
        >
          {headValue === null ? '—' : formatValue(headValue, lang)}
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
      <CurveTools view={view} resolution={data?.resolution ?? null} onView={setView} />
      {curve.error !== null && <ErrorBox error={curve.error} />}
      <div className="chart-box">
        <div
          ref={boxRef}
          className="chart-plot"
          role="img"
          aria-label={t('curve.aria', { point: point.pointCode, location: point.location })}
        />
        {data !== null && data.samples === 0 && !curve.isLoading && (
          <div className="chart-nodata">{t('curve.noData')}</div>
        )}
      </div>
      <div className="chart-readout muted small" data-testid="chart-readout">
        {hover !== null && hover.t !== undefined && hover.v !== null && hover.v !== undefined ? (
          <>
            <span className="tabular">{t('curve.hover', { time: formatMs(hover.t) })}</span>{' '}
            <span className="strong">
              {formatValue(hover.v, lang)} {point.unit}
            </span>
            {hover.min !== null &&
              hover.max !== null &&
              hover.min !== undefined &&
              hover.max !== undefined && (
                <span className="tabular">
                  {' '}
                  ({formatValue(hover.min, lang)}–{formatValue(hover.max, lang)})
                </span>
              )}
          </>
        ) : (
          <span className="tabular">{t('curve.range', { from: formatMs(fromMs), to: formatMs(toMs) })}</span>
        )}
      </div>
      <CurveLegend lines={lines} resolution={data?.resolution ?? 'raw'} unit={point.unit} />
      <ReadingsExport mineId={mineId} pointId={point.id} pointCode={point.pointCode} />
    </div>
  );
}
