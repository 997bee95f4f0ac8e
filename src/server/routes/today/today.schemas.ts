import { z } from 'zod';
import {
  TODAY_KINDS,
  type TodayItem,
  type TodaySection,
  type TodayView,
} from '../../../core/today/today-use-cases.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of GET /api/today, tied to the core's types. */

export const todayKindSchema = namedEnum(TODAY_KINDS, 'TodayKind');

export const todayItemSchema = component<TodayItem>()('TodayItem', {
  kind: todayKindSchema,
  ref: z.string(),
  ...fields.nullableStrings('mineId', 'mineName', 'mineCode', 'title', 'dueOn'),
  atMs: z.number().nullable(),
  code: z.string().nullable(),
  count: z.number().nullable(),
});

export const todaySectionSchema = shaped<TodaySection>()(
  z
    .object({ kind: todayKindSchema, total: z.number().int(), items: z.array(todayItemSchema) })
    .meta({ id: 'TodaySection' }),
);

export const todayViewSchema = shaped<TodayView>()(
  z
    .object({ asOf: z.string(), today: z.string(), sections: z.array(todaySectionSchema) })
    .meta({ id: 'TodayResponse' }),
);
