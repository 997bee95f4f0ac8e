import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { HazardFilter, HazardStore } from '../../core/hazards/hazards-ports.ts';
import type {
  Hazard,
  HazardEvent,
  HazardEvidence,
  HazardProposal,
  HazardState,
  ProgressReport,
  RectificationPlan,
  SelfCheckReport,
  SupervisionListing,
} from '../../core/hazards/hazard-types.ts';
import type { Database } from '../schema.ts';
import { asIs, defineCodec, json, jsonOrNull, num } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { countWhen, isOverdue } from './sql-counts.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { escapeLike } from './region-store.ts';

const hazardCodec = defineCodec<Hazard, Database['hazards']>()({
  ...asIs(
    'id mineId mineName regionPath source grade category title description area equipment pointCode state reportedAt reportedBy reportedByName',
  ),
  plan: ['plan_json', jsonOrNull<RectificationPlan>()],
  ...asIs('originalDueDate currentDueDate escalation'),
  equipmentRunningDays: ['equipment_running_days', num],
  ...asIs('lastEquipmentCheckOn closedAt updatedAt'),
});

const eventCodec = defineCodec<HazardEvent, Database['hazard_events']>()({
  ...asIs('id hazardId at kind fromState toState actorId actorName note'),
  details: ['details_json', jsonOrNull<Record<string, unknown>>()],
});

const evidenceCodec = defineCodec<HazardEvidence, Database['hazard_evidence']>()({
  ...asIs('id hazardId mineId sha256 fileName contentType'),
  sizeBytes: ['size_bytes', num],
  ...asIs('uploadedBy uploadedByName uploadedAt'),
});

const listingCodec = defineCodec<SupervisionListing, Database['hazard_listings']>()({
  ...asIs('id hazardId notice issuedBy issuedByName issuedAt closedAt closedBy'),
});

const progressCodec = defineCodec<ProgressReport, Database['hazard_progress']>()({
  ...asIs('id listingId hazardId text'),
  by: 'by_id',
  ...asIs('byName at'),
});

const proposalCodec = defineCodec<HazardProposal, Database['hazard_proposals']>()({
  ...asIs('id kind mineId mineName regionPath'),
  hazardIds: ['hazard_ids_json', json<string[]>()],
  ...asIs('basis state createdAt decidedBy decidedAt note'),
});

const selfCheckCodec = defineCodec<SelfCheckReport, Database['hazard_self_checks']>()({
  ...asIs('id mineId regionPath quarter signer summary evidenceId filedBy filedByName filedAt'),
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
          countWhen(eb, isOverdue(eb, today)).as('overdue'),
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
    updateListing: (l) => listings.update(l, ['closed_at', 'closed_by']),
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
