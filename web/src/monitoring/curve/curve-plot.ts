import uPlot from 'uplot';
import type { ThresholdKey } from '../../api/monitoring-types.ts';
import { cstStamp } from '../../format.ts';
import type { CurveData } from './curve-data.ts';

/** A horizontal line across the plot: an enforced threshold, or the mine's own (laxer) setting. */
export interface CurveLine {
  key: ThresholdKey;
  v: number;
  kind: 'cut' | 'alarm' | 'restore' | 'mine';
}

/** What the plot needs besides the data; read again on every draw, so it may change in place. */
export interface PlotSettings {
  lines: CurveLine[];
  isSwitch: boolean;
  /** The x range shown (ms); the scale is never taken from the data. */
  view: { fromMs: number; toMs: number };
  /** Called with the range the user selected by dragging across the plot. */
  onZoom: (fromMs: number, toMs: number) => void;
  /** Called with the index of the sample under the cursor (null when it leaves). */
  onHover: (idx: number | null) => void;
}

export const PLOT_HEIGHT = 200;

/** Colours come from the chart's CSS custom properties, so the stylesheet stays their one source. */
function colours(el: HTMLElement) {
  const css = getComputedStyle(el);
  const get = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    line: get('--curve-line', '#0b5cad'),
    band: get('--curve-band', 'rgba(11, 92, 173, 0.15)'),
    grid: get('--curve-grid', '#eceff2'),
    axis: get('--curve-axis', '#57606a'),
    cut: get('--thr-cut', '#c8102e'),
    alarm: get('--thr-alarm', '#d9480f'),
    restore: get('--thr-restore', '#1a7f37'),
    mine: get('--thr-mine', '#8c959f'),
  };
}

/** Axis labels in China Standard Time whatever the browser's zone: seconds, minutes or dates by the tick step. */
function cstTicks(_u: uPlot, splits: number[], _axis: number, _space: number, incr: number): string[] {
  let prevDay = '';
  return splits.map((ms) => {
    const stamp = cstStamp(ms);
    const day = stamp.slice(5, 10);
    if (incr >= 86_400_000) return day;
    const time = incr < 60_000 ? stamp.slice(11, 19) : stamp.slice(11, 16);
    const label = prevDay !== '' && day !== prevDay ? `${day} ${time}` : time;
    prevDay = day;
    return label;
  });
}

/** Threshold lines drawn over the series: power cut solid, alarm dashed, restore dotted, the mine's own faint. */
function thresholdPlugin(settings: () => PlotSettings, c: ReturnType<typeof colours>): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const line of settings().lines) {
          const y = Math.round(u.valToPos(line.v, 'y', true)) + 0.5;
          if (y < bbox.top || y > bbox.top + bbox.height) continue;
          ctx.strokeStyle = c[line.kind];
          ctx.lineWidth = line.kind === 'mine' ? 1 : 1.5 * uPlot.pxRatio;
          ctx.setLineDash(
            line.kind === 'alarm'
              ? [6 * uPlot.pxRatio, 4 * uPlot.pxRatio]
              : line.kind === 'restore' || line.kind === 'mine'
                ? [2 * uPlot.pxRatio, 3 * uPlot.pxRatio]
                : [],
          );
          ctx.beginPath();
          ctx.moveTo(bbox.left, y);
          ctx.lineTo(bbox.left + bbox.width, y);
          ctx.stroke();
        }
        ctx.restore();
      },
    },
  };
}

/** y range: the data and the enforced thresholds, padded; a switch point's 0/1 with a margin. */
function yRange(settings: () => PlotSettings) {
  return (_u: uPlot, dataMin: number | null, dataMax: number | null): uPlot.Range.MinMax => {
    const s = settings();
    if (s.isSwitch) return [-0.15, 1.15];
    const values = [dataMin, dataMax, ...s.lines.filter((l) => l.kind !== 'mine').map((l) => l.v)].filter(
      (v): v is number => v !== null && Number.isFinite(v),
    );
    let lo = values.length === 0 ? 0 : Math.min(...values);
    let hi = values.length === 0 ? 1 : Math.max(...values);
    if (lo >= 0 && lo < (hi - lo) * 0.6) lo = 0;
    const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
    hi += pad;
    if (lo !== 0) lo -= pad;
    return [lo, hi];
  };
}

/**
 * Builds the uPlot chart of one point in `el`: time in ms on x (ticks in China Standard Time), the value
 * (a step line for a switch point) and, for aggregated data, the minute's min–max as a band; the
 * thresholds as lines. Dragging across the plot selects a range for `onZoom` (the chart does not zoom
 * itself: the caller loads that range at its resolution and sets the view).
 */
export function createPlot(el: HTMLElement, width: number, settings: () => PlotSettings): uPlot {
  const c = colours(el);
  const font = '11px system-ui, sans-serif';
  const opts: uPlot.Options = {
    width,
    height: PLOT_HEIGHT,
    ms: 1,
    tzDate: (ts) => uPlot.tzDate(new Date(ts), 'Asia/Shanghai'),
    legend: { show: false },
    cursor: {
      drag: { x: true, y: false, setScale: false, dist: 8 },
      bind: { dblclick: () => () => null },
      points: { size: 7 },
    },
    scales: {
      x: { time: true, auto: false, range: () => [settings().view.fromMs, settings().view.toMs] },
      y: { range: yRange(settings) },
    },
    axes: [
      {
        stroke: c.axis,
        font,
        grid: { stroke: c.grid, width: 1 },
        ticks: { show: false },
        values: cstTicks,
        size: 30,
      },
      { stroke: c.axis, font, grid: { stroke: c.grid, width: 1 }, ticks: { show: false }, size: 44 },
    ],
    series: [
      {},
      {
        stroke: c.line,
        width: 1.5,
        spanGaps: false,
        points: { show: false },
        ...(settings().isSwitch ? { paths: uPlot.paths.stepped?.({ align: 1 }) } : {}),
      },
      { stroke: 'transparent', width: 0, points: { show: false } },
      { stroke: 'transparent', width: 0, points: { show: false } },
    ],
    bands: [{ series: [3, 2], fill: c.band }],
    plugins: [thresholdPlugin(settings, c)],
    hooks: {
      setSelect: [
        (u) => {
          const { left, width: w } = u.select;
          if (w < 2) return;
          const from = u.posToVal(left, 'x');
          const to = u.posToVal(left + w, 'x');
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          settings().onZoom(Math.round(from), Math.round(to));
        },
      ],
      setCursor: [(u) => settings().onHover(u.cursor.idx ?? null)],
    },
  };
  return new uPlot(opts, [[], [], [], []], el);
}

/** The data as uPlot wants it: a null after every gap so the line breaks there. */
export function plotData(data: CurveData): uPlot.AlignedData {
  return [data.t, data.v, data.min, data.max];
}
