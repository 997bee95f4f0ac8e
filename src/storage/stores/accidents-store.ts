import type { Kysely, Selectable } from 'kysely';
import type { AccidentGrade, ReportLevel } from '../../core/accidents/accident-grading.ts';
import type {
  Accident,
  AccidentReport,
  AccidentSupplement,
  AccountabilityAction,
  AccountabilityChain,
  AccountabilityRecord,
} from '../../core/accidents/accident-types.ts';
import type { AccidentFilter, AccidentStore } from '../../core/accidents/accidents-ports.ts';
import type { InvestigationState } from '../../core/accidents/investigation-machine.ts';
import type { Database } from '../schema.ts';
import type {
  AccidentSupplementsTable,
  AccidentsTable,
  AccountabilityTable,
} from '../schema/accidents-schema.ts';
import { precedingFacts } from './accidents-preceding-store.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

const toAccident = (r: Selectable<AccidentsTable>): Accident => ({
  id: r.id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  country: r.country,
  occurredAt: r.occurred_at,
  type: r.type,
  deaths: Number(r.deaths),
  missing: Number(r.missing),
  seriousInjuries: Number(r.serious_injuries),
  minorInjuries: Number(r.minor_injuries),
  directLossCny: Number(r.direct_loss_cny),
  grade: r.grade as AccidentGrade,
  regradedAt: r.regraded_at,
  description: r.description,
  source: r.source as Accident['source'],
  externalRef: r.external_ref,
  investigationState: r.investigation_state as InvestigationState,
  investigationDueOn: r.investigation_due_on,
  findings: r.findings,
  reportSubmittedAt: r.report_submitted_at,
  closedAt: r.closed_at,
  createdAt: r.created_at,
  createdById: r.created_by_id,
  createdByName: r.created_by_name,
});

const fromAccident = (a: Accident): AccidentsTable => ({
  id: a.id,
  mine_id: a.mineId,
  mine_name: a.mineName,
  region_path: a.regionPath,
  country: a.country,
  occurred_at: a.occurredAt,
  type: a.type,
  deaths: a.deaths,
  missing: a.missing,
  serious_injuries: a.seriousInjuries,
  minor_injuries: a.minorInjuries,
  direct_loss_cny: a.directLossCny,
  grade: a.grade,
  regraded_at: a.regradedAt,
  description: a.description,
  source: a.source,
  external_ref: a.externalRef,
  investigation_state: a.investigationState,
  investigation_due_on: a.investigationDueOn,
  findings: a.findings,
  report_submitted_at: a.reportSubmittedAt,
  closed_at: a.closedAt,
  created_at: a.createdAt,
  created_by_id: a.createdById,
  created_by_name: a.createdByName,
});

const toAccountability = (r: Selectable<AccountabilityTable>): AccountabilityRecord => ({
  id: r.id,
  accidentId: r.accident_id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  personName: r.person_name,
  post: r.post,
  chain: r.chain as AccountabilityChain,
  action: r.action as AccountabilityAction,
  decidedOn: r.decided_on,
  note: r.note,
  createdAt: r.created_at,
  createdById: r.created_by_id,
  createdByName: r.created_by_name,
});

const toSupplement = (r: Selectable<AccidentSupplementsTable>): AccidentSupplement => ({
  id: r.id,
  accidentId: r.accident_id,
  changedAt: r.changed_at,
  before: {
    deaths: Number(r.deaths_before),
    missing: Number(r.missing_before),
    seriousInjuries: Number(r.serious_injuries_before),
    directLossCny: Number(r.direct_loss_cny_before),
  },
  after: {
    deaths: Number(r.deaths_after),
    missing: Number(r.missing_after),
    seriousInjuries: Number(r.serious_injuries_after),
    directLossCny: Number(r.direct_loss_cny_after),
  },
  gradeBefore: r.grade_before as AccidentGrade,
  gradeAfter: r.grade_after as AccidentGrade,
  reason: r.reason,
  recordedAt: r.recorded_at,
  recordedById: r.recorded_by_id,
  recordedByName: r.recorded_by_name,
});

const fromSupplement = (s: AccidentSupplement): AccidentSupplementsTable => ({
  id: s.id,
  accident_id: s.accidentId,
  changed_at: s.changedAt,
  deaths_before: s.before.deaths,
  missing_before: s.before.missing,
  serious_injuries_before: s.before.seriousInjuries,
  direct_loss_cny_before: s.before.directLossCny,
  deaths_after: s.after.deaths,
  missing_after: s.after.missing,
  serious_injuries_after: s.after.seriousInjuries,
  direct_loss_cny_after: s.after.directLossCny,
  grade_before: s.gradeBefore,
  grade_after: s.gradeAfter,
  reason: s.reason,
  recorded_at: s.recordedAt,
  recorded_by_id: s.recordedById,
  recorded_by_name: s.recordedByName,
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
  return {
    async insert(a) {
      await db.insertInto('accidents').values(fromAccident(a)).execute();
    },
    async insertMany(rows) {
      for (let i = 0; i < rows.length; i += 200)
        if (rows.length > 0)
          await db
            .insertInto('accidents')
            .values(rows.slice(i, i + 200).map(fromAccident))
            .execute();
    },
    async update(a) {
      const { id, ...rest } = fromAccident(a);
      await db.updateTable('accidents').set(rest).where('id', '=', id).execute();
    },
    async get(id) {
      const r = await db.selectFrom('accidents').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toAccident(r) : undefined;
    },
    async list(filter, limit) {
      const rows = await filtered(filter)
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toAccident);
    },
    async count(filter) {
      const r = await filtered(filter)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insertReport(r) {
      await db
        .insertInto('accident_reports')
        .values({
          accident_id: r.accidentId,
          level: r.level,
          reported_at: r.reportedAt,
          recorded_at: r.recordedAt,
          recorded_by_id: r.recordedById,
          recorded_by_name: r.recordedByName,
          note: r.note,
        })
        .execute();
    },
    async listReports(accidentId) {
      const rows = await db
        .selectFrom('accident_reports')
        .selectAll()
        .where('accident_id', '=', accidentId)
        .orderBy('reported_at')
        .execute();
      return rows.map((r): AccidentReport => ({
        accidentId: r.accident_id,
        level: r.level as ReportLevel,
        reportedAt: r.reported_at,
        recordedAt: r.recorded_at,
        recordedById: r.recorded_by_id,
        recordedByName: r.recorded_by_name,
        note: r.note,
      }));
    },
    async insertSupplement(x) {
      await db.insertInto('accident_supplements').values(fromSupplement(x)).execute();
    },
    async listSupplements(accidentId) {
      const rows = await db
        .selectFrom('accident_supplements')
        .selectAll()
        .where('accident_id', '=', accidentId)
        .orderBy('changed_at')
        .orderBy('recorded_at')
        .orderBy('id')
        .execute();
      return rows.map(toSupplement);
    },
    async insertAccountability(r) {
      await db
        .insertInto('accountability_records')
        .values({
          id: r.id,
          accident_id: r.accidentId,
          mine_id: r.mineId,
          mine_name: r.mineName,
          region_path: r.regionPath,
          person_name: r.personName,
          post: r.post,
          chain: r.chain,
          action: r.action,
          decided_on: r.decidedOn,
          note: r.note,
          created_at: r.createdAt,
          created_by_id: r.createdById,
          created_by_name: r.createdByName,
        })
        .execute();
    },
    async listAccountability(f, limit) {
      let q = db.selectFrom('accountability_records').selectAll();
      if (f.regionPath !== undefined) q = q.where('region_path', 'like', `${escapeLike(f.regionPath)}%`);
      if (f.mineId !== undefined) q = q.where('mine_id', '=', f.mineId);
      if (f.accidentId !== undefined) q = q.where('accident_id', '=', f.accidentId);
      const rows = await q.orderBy('decided_on', 'desc').orderBy('id').limit(limit).execute();
      // Name matching in code, so that both engines compare the same way.
      const person = f.person?.trim();
      return rows.map(toAccountability).filter((r) => !person || r.personName.includes(person));
    },
    precedingFacts: (mineId, fromIso, toIso) => precedingFacts(db, mineId, fromIso, toIso),
  };
}
