import type { PointDefinition } from '../core/monitoring/upload-file/point-definition-records.ts';
import type { PersonnelArea, PersonPosition } from '../core/monitoring/upload-file/personnel-records.ts';
import type { PointReading } from '../core/monitoring/upload-file/safety-monitoring-records.ts';

/**
 * Message bodies on the stream: JSON. Readings travel as compact rows `[point, value, status, time]`
 * (what the engine judges; the file's descriptive columns are not carried). Only the gateway writes
 * these and only workers read them, so a body that does not decode is a bug, reported as such.
 */

type ReadingRow = [string, number | null, number, number];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeReadings(readings: readonly PointReading[]): Uint8Array {
  const rows: ReadingRow[] = new Array<ReadingRow>(readings.length);
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i]!;
    rows[i] = [r.pointCode, r.value, r.statusBits, r.dataTimeMs];
  }
  return encoder.encode(JSON.stringify(rows));
}

export function decodeReadings(body: Uint8Array): PointReading[] {
  const rows = JSON.parse(decoder.decode(body)) as unknown;
  if (!Array.isArray(rows)) throw new Error('readings body is not an array');
  return rows.map((row: unknown) => {
    if (!Array.isArray(row) || row.length !== 4)
      throw new Error('a readings row is not [point, value, status, time]');
    const [pointCode, value, statusBits, dataTimeMs] = row as ReadingRow;
    return { pointCode, value, statusBits, dataTimeMs, sensorTypeName: '', location: '', unit: '' };
  });
}

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T>(body: Uint8Array): T {
  return JSON.parse(decoder.decode(body)) as T;
}

export interface PersonnelBody {
  snapshotMs: number;
  positions: PersonPosition[];
}

export type PointsBody = PointDefinition[];
export type AreasBody = PersonnelArea[];
export interface MineBody {
  mineId: string;
}
