import type { PointSeries } from '../../api/generated/api-schema.ts';
import type { LiveSample } from '../point-values.ts';

export type Resolution = PointSeries['resolution'];

/** The period a curve opens on, and goes back to when it returns to live. */
export const LIVE_SPAN_MS = 30 * 60_000;

/** What a curve shows: `spanMs` ending now (live, following the feed) or ending at `toMs`. */
export interface CurveView {
  spanMs: number;
  toMs: number | null;
}

/**
 * A curve as drawn: columns of equal length, with a null sample inserted after every gap (so the line
 * breaks there); min/max are null where the data are raw readings.
 */
export interface CurveData {
  resolution: Resolution;
  t: number[];
  v: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
  /** Real samples (the inserted gap markers not counted). */
  samples: number;
}

/** A silence longer than this breaks the line: a few reporting periods, or a few aggregates. */
const GAP_MS: Readonly<Record<Resolution, number>> = {
  raw: 2 * 60_000,
  '1m': 3 * 60_000,
  '1h': 3 * 3_600_000,
};

/** The series endpoint's answer as a curve, with its gaps marked. */
export function curveOf(res: PointSeries): CurveData {
  const out: CurveData = { resolution: res.resolution, t: [], v: [], min: [], max: [], samples: 0 };
  const gap = GAP_MS[res.resolution];
  for (let i = 0; i < res.t.length; i++) {
    const t = res.t[i] ?? 0;
    const prev = out.t[out.t.length - 1];
    if (prev !== undefined && t - prev > gap) pushSample(out, prev + 1, null, null, null);
    const v = res.v[i] ?? null;
    pushSample(out, t, v, res.min?.[i] ?? null, res.max?.[i] ?? null);
    out.samples++;
  }
  return out;
}

function pushSample(
  out: CurveData,
  t: number,
  v: number | null,
  min: number | null,
  max: number | null,
): void {
  out.t.push(t);
  out.v.push(v);
  out.min.push(min);
  out.max.push(max);
}

/**
 * A raw curve with a live reading appended (a copy); readings older than the curve's last are
 * already in it and leave it unchanged, as do aggregated curves (they are reloaded instead).
 * Samples older than `keepFromMs` are dropped so a live curve does not grow without end.
 */
export function withLiveSample(data: CurveData, sample: LiveSample, keepFromMs: number): CurveData {
  if (data.resolution !== 'raw' || !Number.isFinite(sample.v)) return data;
  const last = data.t[data.t.length - 1];
  if (last !== undefined && sample.t <= last) return data;
  let from = 0;
  while (from < data.t.length && (data.t[from] ?? 0) < keepFromMs) from++;
  const out: CurveData = {
    resolution: data.resolution,
    t: data.t.slice(from),
    v: data.v.slice(from),
    min: data.min.slice(from),
    max: data.max.slice(from),
    samples: 0,
  };
  if (last !== undefined && sample.t - last > GAP_MS.raw) pushSample(out, last + 1, null, null, null);
  pushSample(out, sample.t, sample.v, null, null);
  out.samples = out.v.filter((v) => v !== null).length;
  return out;
}

/** The last real sample of a curve, if any. */
export function lastSample(data: CurveData | null): { t: number; v: number } | null {
  if (data === null) return null;
  for (let i = data.t.length - 1; i >= 0; i--) {
    const v = data.v[i];
    if (v !== null && v !== undefined) return { t: data.t[i] ?? 0, v };
  }
  return null;
}
