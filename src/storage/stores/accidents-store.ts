import type { Kysely } from 'kysely';
import type * as AccidentTypes from '../../core/accidents/accident-types.ts';
import type { AccidentFilter, AccidentStore } from '../../core/accidents/accidents-ports.ts';
import type { Database } from '../schema.ts';
import { asIs, defineCodec, num, type Composite } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { precedingFacts } from './accidents-preceding-store.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

const accidentCodec = defineCodec<AccidentTypes.Accident, Database['accidents']>()({
  ...asIs('id mineId mineName regionPath country occurredAt type'),
  deaths: ['deaths', num],
  missing: ['missing', num],
  seriousInjuries: ['serious_injuries', num],
  minorInjuries: ['minor_injuries', num],
  directLossCny: ['direct_loss_cny', num],
  ...asIs(
    'grade regradedAt description source externalRef investigationState investigationDueOn findings reportSubmittedAt closedAt createdAt createdById createdByName',
  ),
});

const reportCodec = defineCodec<AccidentTypes.AccidentReport, Database['accident_reports']>()({
  ...asIs('accidentId level reportedAt recordedAt recordedById recordedByName note'),
});

const accountabilityCodec = defineCodec<
  AccidentTypes.AccountabilityRecord,
  Database['accountability_records']
>()({
  ...asIs(
    'id accidentId mineId mineName regionPath personName post chain action decidedOn note createdAt createdById createdByName',
  ),
});

/** A supplement's figures on one side of the change: four columns suffixed `_before` or `_after`. */
const figures = (
  side: 'before' | 'after',
): Composite<Database['accident_supplements'], AccidentTypes.SupplementFigures> => ({
  columns: [`deaths_${side}`, `missing_${side}`, `serious_injuries_${side}`, `direct_loss_cny_${side}`],
  decode: (r) => ({
    deaths: Number(r[`deaths_${side}`]),
    missing: Number(r[`missing_${side}`]),
    seriousInjuries: Number(r[`serious_injuries_${side}`]),
    directLossCny: Number(r[`direct_loss_cny_${side}`]),
  }),
  encode: (f) => ({
    [`deaths_${side}`]: f.deaths,
    [`missing_${side}`]: f.missing,
    [`serious_injuries_${side}`]: f.seriousInjuries,
    [`direct_loss_cny_${side}`]: f.directLossCny,
  }),
});

const supplementCodec = defineCodec<AccidentTypes.AccidentSupplement, Database['accident_supplements']>()({
  ...asIs('id accidentId changedAt'),
  before: figures('before'),
  after: figures('after'),
  ...asIs('gradeBefore gradeAfter reason recordedAt recordedById recordedByName'),
});

export function createAccidentStore(db: Kysely<Database>): AccidentStore {
  const filtered = (f: AccidentFilter) => {
    let q = db.selectFrom('accidents');
    if (f.reference === true) q = q.where('mine_id', 'is', null);
    if (f.reference === false) q = q.where('mine_id', 'is not', null);
    if (f.regionPath !== undefined) q = q.where('region_path', 'like', `${escapeLike(f.regionPath)}%`);
    if (f.mineId !== undefined) q = q.where('mine_id', '=', f.mineId);
    if (f.mineIds !== undefined) q = q.where('mine_id', 'in', mineIdsOrNone(f.mineIds));
    if (f.fromIso !== undefined) q = q.where('occurred_at', '>=', f.fromIso);
    if (f.toIso !== undefined) q = q.where('occurred_at', '<=', f.toIso);
    return q;
  };
  const accidents = recordTable(db, 'accidents', accidentCodec);
  const reports = recordTable(db, 'accident_reports', reportCodec);
  const supplements = recordTable(db, 'accident_supplements', supplementCodec);
  const accountability = recordTable(db, 'accountability_records', accountabilityCodec);
  return {
    insert: accidents.insert,
    insertMany: (rows) => accidents.insertMany(rows),
    update: accidents.update,
    get: accidents.get,
    async list(filter, limit) {
      const rows = await filtered(filter)
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(accidentCodec.decode);
    },
    async count(filter) {
      const r = await filtered(filter)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    insertReport: reports.insert,
    listReports: (accidentId) => reports.list({ accident_id: accidentId }, ['reported_at']),
    insertSupplement: supplements.insert,
    listSupplements: (accidentId) =>
      supplements.list({ accident_id: accidentId }, ['changed_at', 'recorded_at', 'id']),
    insertAccountability: accountability.insert,
    async listAccountability(f, limit) {
      let q = db.selectFrom('accountability_records').selectAll();
      if (f.regionPath !== undefined) q = q.where('region_path', 'like', `${escapeLike(f.regionPath)}%`);
      if (f.mineId !== undefined) q = q.where('mine_id', '=', f.mineId);
      if (f.accidentId !== undefined) q = q.where('accident_id', '=', f.accidentId);
      const rows = await q.orderBy('decided_on', 'desc').orderBy('id').limit(limit).execute();
      // Name matching in code, so that both engines compare the same way.
      const person = f.person?.trim();
      return rows.map(accountabilityCodec.decode).filter((r) => !person || r.personName.includes(person));
    },
    precedingFacts: (mineId, fromIso, toIso) => precedingFacts(db, mineId, fromIso, toIso),
  };
}
