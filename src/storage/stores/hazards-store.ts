import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
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
  ProgressReport,
  ProposalKind,
  ProposalState,
  RectificationPlan,
  SelfCheckReport,
  SupervisionListing,
} from '../../core/hazards/hazard-types.ts';
import type { Database } from '../schema.ts';
import type {
  HazardEventsTable,
  HazardEvidenceTable,
  HazardListingsTable,
  HazardProgressTable,
  HazardProposalsTable,
  HazardSelfChecksTable,
  HazardsTable,
} from '../schema/hazards-schema.ts';
import { defineCodec, json, jsonOrNull, num, text, textOrNull } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

const hazardCodec = defineCodec<Hazard, HazardsTable>()({
  id: 'id',
  mineId: 'mine_id',
  mineName: 'mine_name',
  regionPath: 'region_path',
  source: ['source', text<HazardSource>()],
  grade: ['grade', text<HazardGrade>()],
  category: 'category',
  title: 'title',
  description: 'description',
  area: 'area',
  equipment: 'equipment',
  pointCode: 'point_code',
  state: ['state', text<HazardState>()],
  reportedAt: 'reported_at',
  reportedBy: 'reported_by',
  reportedByName: 'reported_by_name',
  plan: ['plan_json', jsonOrNull<RectificationPlan>()],
  originalDueDate: 'original_due_date',
  currentDueDate: 'current_due_date',
  escalation: ['escalation', text<EscalationLevel>()],
  equipmentRunningDays: ['equipment_running_days', num],
  lastEquipmentCheckOn: 'last_equipment_check_on',
  closedAt: 'closed_at',
  updatedAt: 'updated_at',
});

const eventCodec = defineCodec<HazardEvent, HazardEventsTable>()({
  id: 'id',
  hazardId: 'hazard_id',
  at: 'at',
  kind: 'kind',
  fromState: ['from_state', textOrNull<HazardState>()],
  toState: ['to_state', textOrNull<HazardState>()],
  actorId: 'actor_id',
  actorName: 'actor_name',
  note: 'note',
  details: ['details_json', jsonOrNull<Record<string, unknown>>()],
});

const evidenceCodec = defineCodec<HazardEvidence, HazardEvidenceTable>()({
  id: 'id',
  hazardId: 'hazard_id',
  mineId: 'mine_id',
  sha256: 'sha256',
  fileName: 'file_name',
  contentType: 'content_type',
  sizeBytes: ['size_bytes', num],
  uploadedBy: 'uploaded_by',
  uploadedByName: 'uploaded_by_name',
  uploadedAt: 'uploaded_at',
});

const listingCodec = defineCodec<SupervisionListing, HazardListingsTable>()({
  id: 'id',
  hazardId: 'hazard_id',
  notice: 'notice',
  issuedBy: 'issued_by',
  issuedByName: 'issued_by_name',
  issuedAt: 'issued_at',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
});

const progressCodec = defineCodec<ProgressReport, HazardProgressTable>()({
  id: 'id',
  listingId: 'listing_id',
  hazardId: 'hazard_id',
  text: 'text',
  by: 'by_id',
  byName: 'by_name',
  at: 'at',
});

const proposalCodec = defineCodec<HazardProposal, HazardProposalsTable>()({
  id: 'id',
  kind: ['kind', text<ProposalKind>()],
  mineId: 'mine_id',
  mineName: 'mine_name',
  regionPath: 'region_path',
  hazardIds: ['hazard_ids_json', json<string[]>()],
  basis: 'basis',
  state: ['state', text<ProposalState>()],
  createdAt: 'created_at',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  note: 'note',
});

const selfCheckCodec = defineCodec<SelfCheckReport, HazardSelfChecksTable>()({
  id: 'id',
  mineId: 'mine_id',
  regionPath: 'region_path',
  quarter: 'quarter',
  signer: 'signer',
  summary: 'summary',
  evidenceId: 'evidence_id',
  filedBy: 'filed_by',
  filedByName: 'filed_by_name',
  filedAt: 'filed_at',
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
  const hazards = recordTable(db, 'hazards', hazardCodec);
  const events = recordTable(db, 'hazard_events', eventCodec);
  const evidence = recordTable(db, 'hazard_evidence', evidenceCodec);
  const listings = recordTable(db, 'hazard_listings', listingCodec);
  const progress = recordTable(db, 'hazard_progress', progressCodec);
  const proposals = recordTable(db, 'hazard_proposals', proposalCodec);
  const selfChecks = recordTable(db, 'hazard_self_checks', selfCheckCodec);
  return {
    insert: hazards.insert,
    update: hazards.update,
    get: hazards.get,
    async list(filter, limit) {
      const rows = await db
        .selectFrom('hazards')
        .selectAll()
        .where((eb) => whereFilter(eb, filter))
        .orderBy('reported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(hazardCodec.decode);
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
      return rows.map(hazardCodec.decode);
    },

    insertEvent: events.insert,
    listEvents: (hazardId) => events.list({ hazard_id: hazardId }, ['at', 'id']),

    insertEvidence: evidence.insert,
    getEvidence: evidence.get,
    listEvidence: (hazardId) => evidence.list({ hazard_id: hazardId }, ['uploaded_at', 'id']),

    insertListing: listings.insert,
    async updateListing(l) {
      await db
        .updateTable('hazard_listings')
        .set({ closed_at: l.closedAt, closed_by: l.closedBy })
        .where('id', '=', l.id)
        .execute();
    },
    activeListing: (hazardId) => listings.find({ hazard_id: hazardId, closed_at: null }),
    listListings: (hazardId) => listings.list({ hazard_id: hazardId }, ['issued_at']),
    insertProgress: progress.insert,
    listProgress: (hazardId) => progress.list({ hazard_id: hazardId }, ['at', 'id']),

    insertProposal: proposals.insert,
    updateProposal: proposals.update,
    getProposal: proposals.get,
    async listProposals(f) {
      let q = db.selectFrom('hazard_proposals').selectAll();
      if (f.regionPath !== undefined) q = q.where('region_path', 'like', `${escapeLike(f.regionPath)}%`);
      if (f.mineId !== undefined) q = q.where('mine_id', '=', f.mineId);
      if (f.state !== undefined) q = q.where('state', '=', f.state);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1000).execute();
      return rows.map(proposalCodec.decode);
    },
    openProposal: (mineId, kind) => proposals.find({ mine_id: mineId, kind, state: 'open' }),

    insertSelfCheck: selfChecks.insert,
    getSelfCheck: (mineId, quarter) => selfChecks.find({ mine_id: mineId, quarter }),
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
