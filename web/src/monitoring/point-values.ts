import type { MonitoringPoint } from '../api/generated/api-schema.ts';

/** A reading of one point as the live feed brings it: time, value, status bits. */
export interface LiveSample {
  t: number;
  v: number;
  s: number;
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
