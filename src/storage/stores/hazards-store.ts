import { type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { HazardFilter, HazardStore } from '../../core/hazards/hazards-ports.ts';
import type {
  EscalationLevel,
  Hazard,
  HazardEvent,
  HazardEvidence,
  HazardGrade,
  HazardProposal,
  HazardSource,
  HazardState,
  ProposalKind,
  RectificationPlan,
  SelfCheckReport,
  SupervisionListing,
} from '../../core/hazards/hazard-types.ts';
import type { Database } from '../schema.ts';
import type { HazardProposalsTable, HazardsTable } from '../schema/hazards-schema.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

const toHazard = (r: Selectable<HazardsTable>): Hazard => ({
  id: r.id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  source: r.source as HazardSource,
  grade: r.grade as HazardGrade,
  category: r.category,
  title: r.title,
  description: r.description,
  area: r.area,
  equipment: r.equipment,
  pointCode: r.point_code,
  state: r.state as HazardState,
  reportedAt: r.reported_at,
  reportedBy: r.reported_by,
  reportedByName: r.reported_by_name,
  plan: r.plan_json === null ? null : (JSON.parse(r.plan_json) as RectificationPlan),
  originalDueDate: r.original_due_date,
  currentDueDate: r.current_due_date,
  escalation: r.escalation as EscalationLevel,
  equipmentRunningDays: Number(r.equipment_running_days),
  lastEquipmentCheckOn: r.last_equipment_check_on,
  closedAt: r.closed_at,
  updatedAt: r.updated_at,
});

const hazardColumns = (h: Hazard): HazardsTable => ({
  id: h.id,
  mine_id: h.mineId,
  mine_name: h.mineName,
  region_path: h.regionPath,
  source: h.source,
  grade: h.grade,
  category: h.category,
  title: h.title,
  description: h.description,
  area: h.area,
  equipment: h.equipment,
  point_code: h.pointCode,
  state: h.state,
  reported_at: h.reportedAt,
  reported_by: h.reportedBy,
  reported_by_name: h.reportedByName,
  plan_json: h.plan === null ? null : JSON.stringify(h.plan),
  original_due_date: h.originalDueDate,
  current_due_date: h.currentDueDate,
  escalation: h.escalation,
  equipment_running_days: h.equipmentRunningDays,
  last_equipment_check_on: h.lastEquipmentCheckOn,
  closed_at: h.closedAt,
  updated_at: h.updatedAt,
});

const toProposal = (r: Selectable<HazardProposalsTable>): HazardProposal => ({
  id: r.id,
  kind: r.kind as ProposalKind,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionPath: r.region_path,
  hazardIds: JSON.parse(r.hazard_ids_json) as string[],
  basis: r.basis,
  state: r.state as HazardProposal['state'],
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  note: r.note,
});

const proposalColumns = (p: HazardProposal): HazardProposalsTable => ({
  id: p.id,
  kind: p.kind,
  mine_id: p.mineId,
  mine_name: p.mineName,
  region_path: p.regionPath,
  hazard_ids_json: JSON.stringify(p.hazardIds),
  basis: p.basis,
  state: p.state,
  created_at: p.createdAt,
  decided_by: p.decidedBy,
  decided_at: p.decidedAt,
  note: p.note,
});

type Eb = ExpressionBuilder<Database, 'hazards'>;

function whereFilter(eb: Eb, f: HazardFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (f.regionPath !== undefined) parts.push(eb('region_path', 'like', `${escapeLike(f.regionPath)}%`));
  if (f.mineId !== undefined) parts.push(eb('mine_id', '=', f.mineId));
  if (f.mineIds !== undefined) parts.push(eb('mine_id', 'in', mineIdsOrNone(f.mineIds)));
  if (f.state !== undefined) parts.push(eb('state', '=', f.state));
  if (f.grade !== undefined) parts.push(eb('grade', '=', f.grade));
  if (f.openOnly || f.overdueOn !== undefined) parts.push(eb('state', '<>', 'closed'));
  if (f.overdueOn !== undefined) parts.push(eb('current_due_date', '<', f.overdueOn));
  if (f.text !== undefined && f.text.trim() !== '') {
    const like = `%${escapeLike(f.text.trim().toLowerCase())}%`;
    parts.push(eb(eb.fn('lower', ['title']), 'like', like));
  }
  return eb.and(parts);
}

export function createHazardStore(db: Kysely<Database>): HazardStore {
  return {
    async insert(h) {
      await db.insertInto('hazards').values(hazardColumns(h)).execute();
    },
    async update(h) {
      const { id: _id, ...rest } = hazardColumns(h);
      await db.updateTable('hazards').set(rest).where('id', '=', h.id).execute();
    },
    async get(id) {
      const r = await db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toHazard(r);
    },
    async list(filter, limit) {
      const rows = await db
        .selectFrom('hazards')
        .selectAll()
        .where((eb) => whereFilter(eb, filter))
        .orderBy('reported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toHazard);
    },
    async countByState(filter, today) {
      const rows = await db
        .selectFrom('hazards')
        .select((eb) => [
          'state',
          eb.fn.countAll<number | string>().as('total'),
          eb.fn
            .sum<number | string | null>(
              eb
                .case()
                .when(eb.and([eb('state', '<>', 'closed'), eb('current_due_date', '<', today)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('overdue'),
        ])
        .where((eb) => whereFilter(eb, filter))
        .groupBy('state')
        .execute();
      return rows.map((r) => ({
        state: r.state as HazardState,
        total: Number(r.total),
        overdue: Number(r.overdue ?? 0),
      }));
    },
    async listMajorSince(mineId, sinceIso) {
      const rows = await db
        .selectFrom('hazards')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('grade', '=', 'major')
        .where('reported_at', '>=', sinceIso)
        .orderBy('reported_at')
        .execute();
      return rows.map(toHazard);
    },

    async insertEvent(e) {
      await db
        .insertInto('hazard_events')
        .values({
          id: e.id,
          hazard_id: e.hazardId,
          at: e.at,
          kind: e.kind,
          from_state: e.fromState,
          to_state: e.toState,
          actor_id: e.actorId,
          actor_name: e.actorName,
          note: e.note,
          details_json: e.details === null ? null : JSON.stringify(e.details),
        })
        .execute();
    },
    async listEvents(hazardId) {
      const rows = await db
        .selectFrom('hazard_events')
        .selectAll()
        .where('hazard_id', '=', hazardId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r): HazardEvent => ({
        id: r.id,
        hazardId: r.hazard_id,
        at: r.at,
        kind: r.kind,
        fromState: r.from_state as HazardState | null,
        toState: r.to_state as HazardState | null,
        actorId: r.actor_id,
        actorName: r.actor_name,
        note: r.note,
        details: r.details_json === null ? null : (JSON.parse(r.details_json) as Record<string, unknown>),
      }));
    },

    async insertEvidence(e) {
      await db
        .insertInto('hazard_evidence')
        .values({
          id: e.id,
          hazard_id: e.hazardId,
          mine_id: e.mineId,
          sha256: e.sha256,
          file_name: e.fileName,
          content_type: e.contentType,
          size_bytes: e.sizeBytes,
          uploaded_by: e.uploadedBy,
          uploaded_by_name: e.uploadedByName,
          uploaded_at: e.uploadedAt,
        })
        .execute();
    },
    async getEvidence(id) {
      const r = await db.selectFrom('hazard_evidence').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toEvidence(r);
    },
    async listEvidence(hazardId) {
      const rows = await db
        .selectFrom('hazard_evidence')
        .selectAll()
        .where('hazard_id', '=', hazardId)
        .orderBy('uploaded_at')
        .orderBy('id')
        .execute();
      return rows.map(toEvidence);
    },

    async insertListing(l) {
      await db.insertInto('hazard_listings').values(listingColumns(l)).execute();
    },
    async updateListing(l) {
      await db
        .updateTable('hazard_listings')
        .set({ closed_at: l.closedAt, closed_by: l.closedBy })
        .where('id', '=', l.id)
        .execute();
    },
    async activeListing(hazardId) {
      const r = await db
        .selectFrom('hazard_listings')
        .selectAll()
        .where('hazard_id', '=', hazardId)
        .where('closed_at', 'is', null)
        .executeTakeFirst();
      return r && toListing(r);
    },
    async listListings(hazardId) {
      const rows = await db
        .selectFrom('hazard_listings')
        .selectAll()
        .where('hazard_id', '=', hazardId)
        .orderBy('issued_at')
        .execute();
      return rows.map(toListing);
    },
    async insertProgress(p) {
      await db
        .insertInto('hazard_progress')
        .values({
          id: p.id,
          listing_id: p.listingId,
          hazard_id: p.hazardId,
          text: p.text,
          by_id: p.by,
          by_name: p.byName,
          at: p.at,
        })
        .execute();
    },
    async listProgress(hazardId) {
      const rows = await db
        .selectFrom('hazard_progress')
        .selectAll()
        .where('hazard_id', '=', hazardId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        listingId: r.listing_id,
        hazardId: r.hazard_id,
        text: r.text,
        by: r.by_id,
        byName: r.by_name,
        at: r.at,
      }));
    },

    async insertProposal(p) {
      await db.insertInto('hazard_proposals').values(proposalColumns(p)).execute();
    },
    async updateProposal(p) {
      const { id: _id, ...rest } = proposalColumns(p);
      await db.updateTable('hazard_proposals').set(rest).where('id', '=', p.id).execute();
    },
    async getProposal(id) {
      const r = await db.selectFrom('hazard_proposals').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toProposal(r);
    },
    async listProposals(f) {
      let q = db.selectFrom('hazard_proposals').selectAll();
      if (f.regionPath !== undefined) q = q.where('region_path', 'like', `${escapeLike(f.regionPath)}%`);
      if (f.mineId !== undefined) q = q.where('mine_id', '=', f.mineId);
      if (f.state !== undefined) q = q.where('state', '=', f.state);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
      return rows.map(toProposal);
    },
    async openProposal(mineId, kind) {
      const r = await db
        .selectFrom('hazard_proposals')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('kind', '=', kind)
        .where('state', '=', 'open')
        .executeTakeFirst();
      return r && toProposal(r);
    },

    async insertSelfCheck(r) {
      await db
        .insertInto('hazard_self_checks')
        .values({
          id: r.id,
          mine_id: r.mineId,
          region_path: r.regionPath,
          quarter: r.quarter,
          signer: r.signer,
          summary: r.summary,
          evidence_id: r.evidenceId,
          filed_by: r.filedBy,
          filed_by_name: r.filedByName,
          filed_at: r.filedAt,
        })
        .execute();
    },
    async getSelfCheck(mineId, quarter) {
      const r = await db
        .selectFrom('hazard_self_checks')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('quarter', '=', quarter)
        .executeTakeFirst();
      if (!r) return undefined;
      const out: SelfCheckReport = {
        id: r.id,
        mineId: r.mine_id,
        regionPath: r.region_path,
        quarter: r.quarter,
        signer: r.signer,
        summary: r.summary,
        evidenceId: r.evidence_id,
        filedBy: r.filed_by,
        filedByName: r.filed_by_name,
        filedAt: r.filed_at,
      };
      return out;
    },
    async listSelfCheckMineIds(quarter, regionPath) {
      const rows = await db
        .selectFrom('hazard_self_checks')
        .select('mine_id')
        .where('quarter', '=', quarter)
        .where('region_path', 'like', `${escapeLike(regionPath)}%`)
        .execute();
      return rows.map((r) => r.mine_id);
    },
  };
}

function toEvidence(r: Selectable<Database['hazard_evidence']>): HazardEvidence {
  return {
    id: r.id,
    hazardId: r.hazard_id,
    mineId: r.mine_id,
    sha256: r.sha256,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    uploadedBy: r.uploaded_by,
    uploadedByName: r.uploaded_by_name,
    uploadedAt: r.uploaded_at,
  };
}

function toListing(r: Selectable<Database['hazard_listings']>): SupervisionListing {
  return {
    id: r.id,
    hazardId: r.hazard_id,
    notice: r.notice,
    issuedBy: r.issued_by,
    issuedByName: r.issued_by_name,
    issuedAt: r.issued_at,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}

function listingColumns(l: SupervisionListing): Database['hazard_listings'] {
  return {
    id: l.id,
    hazard_id: l.hazardId,
    notice: l.notice,
    issued_by: l.issuedBy,
    issued_by_name: l.issuedByName,
    issued_at: l.issuedAt,
    closed_at: l.closedAt,
    closed_by: l.closedBy,
  };
}
