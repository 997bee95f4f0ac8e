/**
 * Point definitions sent as a JSON array instead of a CDDY file: the CDDY record's fields by name
 * (see PointDefinition), with the optional ones defaulting to "not set". Each element is checked on
 * its own; a bad one is refused with its number and the others are defined.
 */
import { z } from 'zod';
import { VALUE_TYPES } from '../../core/monitoring/sensor-code-tables.ts';
import {
  parseSensorRelations,
  type PointDefinition,
} from '../../core/monitoring/upload-file/point-definition-records.ts';
import { parseReadingTime, type RawItem } from './json-readings.ts';

const optionalNumber = z.number().finite().nullable().default(null);
const text = z.string().max(200).default('');

const pointDefinitionSchema = z.object({
  pointCode: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'expected a code of 1–64 letters/digits'),
  systemCode: z
    .string()
    .regex(/^\d{2}$/, 'expected 2 digits (01 safety monitoring, 02 gas drainage)')
    .default('01'),
  substationCode: z.string().max(64).default(''),
  sensorTypeCode: z
    .string()
    .regex(/^\d{4}$/, 'expected a 4-digit sensor type code (0001 methane, 0004 CO, …)'),
  valueType: z.enum(VALUE_TYPES as [string, ...string[]]),
  unit: text,
  rangeHigh: optionalNumber,
  rangeLow: optionalNumber,
  upperAlarm: optionalNumber,
  upperAlarmRelease: optionalNumber,
  lowerAlarm: optionalNumber,
  lowerAlarmRelease: optionalNumber,
  upperPowerCut: optionalNumber,
  upperPowerRestore: optionalNumber,
  lowerPowerCut: optionalNumber,
  lowerPowerRestore: optionalNumber,
  onText: text,
  offText: text,
  location: text,
  x: optionalNumber,
  y: optionalNumber,
  z: optionalNumber,
  /** 传感器关联关系 in the CDDY syntax (`REL-pointCode-device:REL-pointCode◇…`). */
  relations: z.string().max(2000).default(''),
  /** When the definition took effect: ISO-8601 with offset or epoch ms; defaults to receipt time. */
  ts: z.union([z.string(), z.number()]).optional(),
});

export type PointDefinitionItem =
  { ok: true; item: number; definition: PointDefinition } | { ok: false; item: number; reason: string };

/** Validates one element of a JSON point-definition array. */
export function readPointDefinitionItem(raw: RawItem, nowMs: number): PointDefinitionItem {
  if (raw.parseError !== undefined) return { ok: false, item: raw.item, reason: raw.parseError };
  const parsed = pointDefinitionSchema.safeParse(raw.value);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? `"${i.path.join('.')}"` : 'item'}: ${i.message}`)
      .join('; ');
    return { ok: false, item: raw.item, reason };
  }
  const { ts, relations, valueType, ...rest } = parsed.data;
  let dataTimeMs = nowMs;
  if (ts !== undefined) {
    const t = parseReadingTime(ts, nowMs);
    if ('reason' in t) return { ok: false, item: raw.item, reason: t.reason };
    dataTimeMs = t.ms;
  }
  return {
    ok: true,
    item: raw.item,
    definition: {
      ...rest,
      valueType: valueType as PointDefinition['valueType'],
      relations: parseSensorRelations(relations),
      dataTimeMs,
    },
  };
}
