import type { Kysely, Selectable } from 'kysely';
import type { ClosureStore } from '../../core/closure/closure-ports.ts';
import {
  CLOSURE_STEP_KINDS,
  type CaseStatus,
  type CaseType,
  type Closure,
  type ClosureStatus,
  type ClosureStep,
  type ClosureStepKind,
  type ClosureStepState,
  type CrackdownCase,
  type EvidenceFileRef,
  type OwnershipKind,
} from '../../core/closure/closure-types.ts';
import type { Database } from '../schema.ts';
import type { ClosureStepsTable, ClosuresTable, CrackdownCasesTable } from '../schema/closure-schema.ts';
import { escapeLike } from './region-store.ts';

const toClosure = (r: Selectable<ClosuresTable>): Closure => ({
  id: r.id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  capacityTPerYear: Number(r.capacity_t_per_year),
  reason: r.reason,
  basis: r.basis,
  attachedToExisting: Number(r.attached_to_existing) === 1,
  status: r.status as ClosureStatus,
  createdById: r.created_by_id,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const closureColumns = (c: Closure): ClosuresTable => ({
  id: c.id,
  mine_id: c.mineId,
  mine_name: c.mineName,
  region_path: c.regionPath,
  capacity_t_per_year: c.capacityTPerYear,
  reason: c.reason,
  basis: c.basis,
  attached_to_existing: c.attachedToExisting ? 1 : 0,
  status: c.status,
  created_by_id: c.createdById,
  created_by_name: c.createdByName,
  created_at: c.createdAt,
  closed_at: c.closedAt,
});

const toStep = (r: Selectable<ClosureStepsTable>): ClosureStep => ({
  closureId: r.closure_id,
  step: r.step as ClosureStepKind,
  state: r.state as ClosureStepState,
  evidence: r.evidence,
  file: r.file_json ? (JSON.parse(r.file_json) as EvidenceFileRef) : null,
  recordedById: r.recorded_by_id,
  recordedByName: r.recorded_by_name,
  recordedAt: r.recorded_at,
  verifiedById: r.verified_by_id,
  verifiedByName: r.verified_by_name,
  verifiedAt: r.verified_at,
  note: r.note,
});

const stepColumns = (s: ClosureStep): ClosureStepsTable => ({
  closure_id: s.closureId,
  step: s.step,
  seq: CLOSURE_STEP_KINDS.indexOf(s.step),
  state: s.state,
  evidence: s.evidence,
  file_json: s.file ? JSON.stringify(s.file) : null,
  recorded_by_id: s.recordedById,
  recorded_by_name: s.recordedByName,
  recorded_at: s.recordedAt,
  verified_by_id: s.verifiedById,
  verified_by_name: s.verifiedByName,
  verified_at: s.verifiedAt,
  note: s.note,
});

const toCase = (r: Selectable<CrackdownCasesTable>): CrackdownCase => ({
  id: r.id,
  type: r.type as CaseType,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  summary: r.summary,
  status: r.status as CaseStatus,
  evidence: JSON.parse(r.evidence_json) as CrackdownCase['evidence'],
  decisions: JSON.parse(r.decisions_json) as CrackdownCase['decisions'],
  openedById: r.opened_by_id,
  openedByName: r.opened_by_name,
  openedAt: r.opened_at,
  updatedAt: r.updated_at,
});

const caseColumns = (c: CrackdownCase): CrackdownCasesTable => ({
  id: c.id,
  type: c.type,
  mine_id: c.mineId,
  mine_name: c.mineName,
  region_path: c.regionPath,
  summary: c.summary,
  status: c.status,
  evidence_json: JSON.stringify(c.evidence),
  decisions_json: JSON.stringify(c.decisions),
  opened_by_id: c.openedById,
  opened_by_name: c.openedByName,
  opened_at: c.openedAt,
  updated_at: c.updatedAt,
});

export function createClosureStore(db: Kysely<Database>): ClosureStore {
  return {
    async insertClosure(c) {
      await db.insertInto('closures').values(closureColumns(c)).execute();
    },
    async updateClosure(c) {
      const { id, ...rest } = closureColumns(c);
      await db.updateTable('closures').set(rest).where('id', '=', id).execute();
    },
    async getClosure(id) {
      const r = await db.selectFrom('closures').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toClosure(r) : undefined;
    },
    async openClosureOfMine(mineId) {
      const r = await db
        .selectFrom('closures')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('status', '=', 'in_progress')
        .executeTakeFirst();
      return r ? toClosure(r) : undefined;
    },
    async listClosures(filter) {
      let q = db.selectFrom('closures').selectAll();
      if (filter.regionPath !== undefined)
        q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      if (filter.mineId !== undefined) q = q.where('mine_id', '=', filter.mineId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toClosure);
    },
    async insertSteps(steps) {
      if (steps.length > 0) await db.insertInto('closure_steps').values(steps.map(stepColumns)).execute();
    },
    async updateStep(s) {
      const { closure_id, step, ...rest } = stepColumns(s);
      await db
        .updateTable('closure_steps')
        .set(rest)
        .where('closure_id', '=', closure_id)
        .where('step', '=', step)
        .execute();
    },
    async listSteps(closureId) {
      const rows = await db
        .selectFrom('closure_steps')
        .selectAll()
        .where('closure_id', '=', closureId)
        .orderBy('seq')
        .execute();
      return rows.map(toStep);
    },
    async insertTarget(t) {
      await db
        .insertInto('closure_targets')
        .values({
          id: t.id,
          region_id: t.regionId,
          region_path: t.regionPath,
          region_name: t.regionName,
          deadline: t.deadline,
          mines_to_close: t.minesToClose,
          capacity_to_withdraw_t_per_year: t.capacityToWithdrawTPerYear,
          note: t.note,
          created_by_id: t.createdById,
          created_by_name: t.createdByName,
          created_at: t.createdAt,
        })
        .execute();
    },
    async listTargets(regionPath) {
      const rows = await db
        .selectFrom('closure_targets')
        .selectAll()
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .orderBy('deadline')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        regionId: r.region_id,
        regionPath: r.region_path,
        regionName: r.region_name,
        deadline: r.deadline,
        minesToClose: Number(r.mines_to_close),
        capacityToWithdrawTPerYear: Number(r.capacity_to_withdraw_t_per_year),
        note: r.note,
        createdById: r.created_by_id,
        createdByName: r.created_by_name,
        createdAt: r.created_at,
      }));
    },
    async upsertPolicyEntry(e) {
      const row = {
        mine_id: e.mineId,
        region_path: e.regionPath,
        reason: e.reason,
        source: e.source,
        listed_by_id: e.listedById,
        listed_by_name: e.listedByName,
        listed_at: e.listedAt,
      };
      const { mine_id: _m, ...rest } = row;
      await db
        .insertInto('closure_policy_list')
        .values(row)
        .onConflict((oc) => oc.column('mine_id').doUpdateSet(rest))
        .execute();
    },
    async listPolicyEntries(regionPath) {
      const rows = await db
        .selectFrom('closure_policy_list')
        .selectAll()
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .execute();
      return rows.map((r) => ({
        mineId: r.mine_id,
        regionPath: r.region_path,
        reason: r.reason,
        source: r.source,
        listedById: r.listed_by_id,
        listedByName: r.listed_by_name,
        listedAt: r.listed_at,
      }));
    },
    async insertTransformation(t) {
      await db
        .insertInto('closure_transformations')
        .values({
          id: t.id,
          closure_id: t.closureId,
          mine_id: t.mineId,
          region_path: t.regionPath,
          what: t.what,
          started_on: t.startedOn,
          jobs: t.jobs,
          note: t.note,
          recorded_by_id: t.recordedById,
          recorded_by_name: t.recordedByName,
          recorded_at: t.recordedAt,
        })
        .execute();
    },
    async listTransformations(closureId) {
      const rows = await db
        .selectFrom('closure_transformations')
        .selectAll()
        .where('closure_id', '=', closureId)
        .orderBy('started_on')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        closureId: r.closure_id,
        mineId: r.mine_id,
        regionPath: r.region_path,
        what: r.what,
        startedOn: r.started_on,
        jobs: Number(r.jobs),
        note: r.note,
        recordedById: r.recorded_by_id,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at,
      }));
    },
    async insertOwnership(o) {
      await db
        .insertInto('mine_ownership')
        .values({
          id: o.id,
          mine_id: o.mineId,
          region_path: o.regionPath,
          kind: o.kind,
          party: o.party,
          from_date: o.fromDate,
          to_date: o.toDate,
          contract_ref: o.contractRef,
          note: o.note,
          recorded_by_id: o.recordedById,
          recorded_by_name: o.recordedByName,
          recorded_at: o.recordedAt,
        })
        .execute();
    },
    async listOwnership(mineId) {
      const rows = await db
        .selectFrom('mine_ownership')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('from_date')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        mineId: r.mine_id,
        regionPath: r.region_path,
        kind: r.kind as OwnershipKind,
        party: r.party,
        fromDate: r.from_date,
        toDate: r.to_date,
        contractRef: r.contract_ref,
        note: r.note,
        recordedById: r.recorded_by_id,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at,
      }));
    },
    async insertCase(c) {
      await db.insertInto('crackdown_cases').values(caseColumns(c)).execute();
    },
    async updateCase(c) {
      const { id, ...rest } = caseColumns(c);
      await db.updateTable('crackdown_cases').set(rest).where('id', '=', id).execute();
    },
    async getCase(id) {
      const r = await db.selectFrom('crackdown_cases').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCase(r) : undefined;
    },
    async listCases(filter) {
      let q = db.selectFrom('crackdown_cases').selectAll();
      if (filter.regionPath !== undefined)
        q = q.where('region_path', 'like', `${escapeLike(filter.regionPath)}%`);
      if (filter.mineId !== undefined) q = q.where('mine_id', '=', filter.mineId);
      const rows = await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toCase);
    },

    async putPopulationYears(rows) {
      for (const r of rows) {
        await db
          .deleteFrom('mine_population_years')
          .where('region_id', '=', r.regionId)
          .where('year', '=', r.year)
          .execute();
        await db
          .insertInto('mine_population_years')
          .values({
            region_id: r.regionId,
            year: r.year,
            region_path: r.regionPath,
            mines: r.mines,
            small_mines: r.smallMines,
            capacity_t_per_year: r.capacityTPerYear,
            small_capacity_t_per_year: r.smallCapacityTPerYear,
            source: r.source,
          })
          .execute();
      }
    },
    async listPopulationYears(regionPath) {
      const rows = await db
        .selectFrom('mine_population_years')
        .selectAll()
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .orderBy('year')
        .orderBy('region_id')
        .execute();
      return rows.map((r) => ({
        regionId: r.region_id,
        regionPath: r.region_path,
        year: Number(r.year),
        mines: Number(r.mines),
        smallMines: Number(r.small_mines),
        capacityTPerYear: Number(r.capacity_t_per_year),
        smallCapacityTPerYear: Number(r.small_capacity_t_per_year),
        source: r.source,
      }));
    },
  };
}
