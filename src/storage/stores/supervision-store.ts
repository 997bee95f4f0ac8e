import type { Kysely, Selectable } from 'kysely';
import type {
  CoverageFacts,
  SupervisionMineFilter,
  SupervisionStore,
} from '../../core/supervision/supervision-ports.ts';
import type {
  AssignmentKind,
  ChecklistItem,
  FindingGrade,
  FindingStatus,
  MinePlan,
  PlanMeasure,
  PlanState,
  SiteVisit,
  SupervisionGroup,
  VisitFinding,
  VisitorRole,
} from '../../core/supervision/supervision-types.ts';
import type { Database } from '../schema.ts';
import type {
  SupervisionFindingsTable,
  SupervisionPlansTable,
  SupervisionVisitsTable,
} from '../schema/supervision-schema.ts';
import { mineIdsOrNone } from './mine-ids.ts';
import { createPresenceStore } from './presence-store.ts';
import { escapeLike } from './region-store.ts';

const toPlan = (r: Selectable<SupervisionPlansTable>): MinePlan => ({
  mineId: r.mine_id,
  documentRef: r.document_ref,
  measures: JSON.parse(r.measures_json) as PlanMeasure[],
  state: r.state as PlanState,
  returnReason: r.return_reason,
  revision: r.revision,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toFinding = (r: Selectable<SupervisionFindingsTable>): VisitFinding => ({
  id: r.id,
  visitId: r.visit_id,
  mineId: r.mine_id,
  title: r.title,
  description: r.description,
  grade: r.grade as FindingGrade,
  category: r.category,
  location: r.location,
  status: r.status as FindingStatus,
  hazardId: r.hazard_id,
  reportedAt: r.reported_at,
  reportedBy: r.reported_by,
});

const toVisit = (r: Selectable<SupervisionVisitsTable>, findings: VisitFinding[]): SiteVisit => ({
  id: r.id,
  mineId: r.mine_id,
  visitorId: r.visitor_id,
  visitorName: r.visitor_name,
  visitorRole: r.visitor_role as VisitorRole,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationMinutes: r.duration_minutes,
  wentToSite: r.went_to_site === 1,
  wentUnderground: r.went_underground === 1,
  checklist: JSON.parse(r.checklist_json) as ChecklistItem[],
  notes: r.notes,
  byAssigned: r.by_assigned === 1,
  createdAt: r.created_at,
  findings,
});

export function createSupervisionStore(db: Kysely<Database>): SupervisionStore {
  /** The mine ids a filter selects, as a subquery (or the one id). */
  function mineIds(filter: SupervisionMineFilter) {
    let q = db.selectFrom('mines').select('mines.id');
    if (filter.regionPath !== undefined)
      q = q.where('mines.region_path', 'like', `${escapeLike(filter.regionPath)}%`);
    if (filter.mineId !== undefined) q = q.where('mines.id', '=', filter.mineId);
    if (filter.mineIds !== undefined) q = q.where('mines.id', 'in', mineIdsOrNone(filter.mineIds));
    return q;
  }

  async function findingsOf(visitIds: readonly string[]): Promise<Map<string, VisitFinding[]>> {
    const out = new Map<string, VisitFinding[]>();
    if (visitIds.length === 0) return out;
    const rows = await db
      .selectFrom('supervision_findings')
      .selectAll()
      .where('visit_id', 'in', [...visitIds])
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.visit_id) ?? [];
      list.push(toFinding(r));
      out.set(r.visit_id, list);
    }
    return out;
  }

  const groupsFrom = (rows: Array<Selectable<Database['supervision_group_members']>>) => {
    const groups = new Map<string, SupervisionGroup>();
    for (const r of rows) {
      const g = groups.get(r.mine_id) ?? {
        mineId: r.mine_id,
        members: [],
        assignedBy: r.assigned_by,
        assignedByName: r.assigned_by_name,
        assignedAt: r.assigned_at,
      };
      g.members.push({ userId: r.user_id, name: r.user_name, isLeader: r.is_leader === 1 });
      groups.set(r.mine_id, g);
    }
    for (const g of groups.values())
      g.members.sort((a, b) => Number(b.isLeader) - Number(a.isLeader) || a.name.localeCompare(b.name));
    return groups;
  };

  return {
    ...createPresenceStore(db),
    async getPlan(mineId) {
      const r = await db
        .selectFrom('supervision_plans')
        .selectAll()
        .where('mine_id', '=', mineId)
        .executeTakeFirst();
      return r && toPlan(r);
    },
    async savePlan(p) {
      const row: SupervisionPlansTable = {
        mine_id: p.mineId,
        document_ref: p.documentRef,
        measures_json: JSON.stringify(p.measures),
        state: p.state,
        return_reason: p.returnReason,
        revision: p.revision,
        submitted_at: p.submittedAt,
        submitted_by: p.submittedBy,
        decided_at: p.decidedAt,
        decided_by: p.decidedBy,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      };
      const { mine_id: _m, ...update } = row;
      await db
        .insertInto('supervision_plans')
        .values(row)
        .onConflict((oc) => oc.column('mine_id').doUpdateSet(update))
        .execute();
    },
    async deletePlan(mineId) {
      await db.deleteFrom('supervision_plans').where('mine_id', '=', mineId).execute();
    },
    async getResponsible(mineId) {
      const r = await db
        .selectFrom('supervision_responsible')
        .selectAll()
        .where('mine_id', '=', mineId)
        .executeTakeFirst();
      return (
        r && {
          mineId: r.mine_id,
          name: r.name,
          position: r.position,
          phone: r.phone,
          assignedBy: r.assigned_by,
          assignedByName: r.assigned_by_name,
          assignedAt: r.assigned_at,
        }
      );
    },
    async saveResponsible(p) {
      const update = {
        name: p.name,
        position: p.position,
        phone: p.phone,
        assigned_by: p.assignedBy,
        assigned_by_name: p.assignedByName,
        assigned_at: p.assignedAt,
      };
      await db
        .insertInto('supervision_responsible')
        .values({ mine_id: p.mineId, ...update })
        .onConflict((oc) => oc.column('mine_id').doUpdateSet(update))
        .execute();
    },
    async getGroup(mineId) {
      const rows = await db
        .selectFrom('supervision_group_members')
        .selectAll()
        .where('mine_id', '=', mineId)
        .execute();
      return groupsFrom(rows).get(mineId);
    },
    async saveGroup(g) {
      await db.deleteFrom('supervision_group_members').where('mine_id', '=', g.mineId).execute();
      if (g.members.length === 0) return;
      await db
        .insertInto('supervision_group_members')
        .values(
          g.members.map((m) => ({
            mine_id: g.mineId,
            user_id: m.userId,
            user_name: m.name,
            is_leader: m.isLeader ? 1 : 0,
            assigned_by: g.assignedBy,
            assigned_by_name: g.assignedByName,
            assigned_at: g.assignedAt,
          })),
        )
        .execute();
    },
    async getLeader(mineId) {
      const r = await db
        .selectFrom('supervision_leaders')
        .selectAll()
        .where('mine_id', '=', mineId)
        .executeTakeFirst();
      return (
        r && {
          mineId: r.mine_id,
          userId: r.user_id,
          name: r.user_name,
          assignedBy: r.assigned_by,
          assignedByName: r.assigned_by_name,
          assignedAt: r.assigned_at,
        }
      );
    },
    async saveLeader(l) {
      const update = {
        user_id: l.userId,
        user_name: l.name,
        assigned_by: l.assignedBy,
        assigned_by_name: l.assignedByName,
        assigned_at: l.assignedAt,
      };
      await db
        .insertInto('supervision_leaders')
        .values({ mine_id: l.mineId, ...update })
        .onConflict((oc) => oc.column('mine_id').doUpdateSet(update))
        .execute();
    },
    async appendHistory(e) {
      await db
        .insertInto('supervision_history')
        .values({
          id: e.id,
          mine_id: e.mineId,
          kind: e.kind,
          action: e.action,
          summary: e.summary,
          actor_id: e.actorId,
          actor_name: e.actorName,
          at: e.at,
        })
        .execute();
    },
    async listHistory(mineId) {
      const rows = await db
        .selectFrom('supervision_history')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        mineId: r.mine_id,
        kind: r.kind as AssignmentKind,
        action: r.action,
        summary: r.summary,
        actorId: r.actor_id,
        actorName: r.actor_name,
        at: r.at,
      }));
    },
    async coverageFacts(filter): Promise<CoverageFacts> {
      const [plans, responsible, members, leaders] = await Promise.all([
        db.selectFrom('supervision_plans').selectAll().where('mine_id', 'in', mineIds(filter)).execute(),
        db
          .selectFrom('supervision_responsible')
          .selectAll()
          .where('mine_id', 'in', mineIds(filter))
          .execute(),
        db
          .selectFrom('supervision_group_members')
          .selectAll()
          .where('mine_id', 'in', mineIds(filter))
          .execute(),
        db.selectFrom('supervision_leaders').selectAll().where('mine_id', 'in', mineIds(filter)).execute(),
      ]);
      return {
        plans: new Map(plans.map((r) => [r.mine_id, toPlan(r)])),
        responsible: new Map(
          responsible.map((r) => [
            r.mine_id,
            {
              mineId: r.mine_id,
              name: r.name,
              position: r.position,
              phone: r.phone,
              assignedBy: r.assigned_by,
              assignedByName: r.assigned_by_name,
              assignedAt: r.assigned_at,
            },
          ]),
        ),
        groups: groupsFrom(members),
        leaders: new Map(
          leaders.map((r) => [
            r.mine_id,
            {
              mineId: r.mine_id,
              userId: r.user_id,
              name: r.user_name,
              assignedBy: r.assigned_by,
              assignedByName: r.assigned_by_name,
              assignedAt: r.assigned_at,
            },
          ]),
        ),
      };
    },
    async assignedMineIds(userId) {
      const rows = await db
        .selectFrom('supervision_leaders')
        .select('mine_id')
        .where('user_id', '=', userId)
        .union(db.selectFrom('supervision_group_members').select('mine_id').where('user_id', '=', userId))
        .execute();
      return rows.map((r) => r.mine_id).sort();
    },
    async listAssignableUsers(roles) {
      if (roles.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .leftJoin('regions', 'regions.id', 'users.scope_region_id')
        .select([
          'users.id',
          'users.display_name',
          'users.role',
          'users.disabled',
          'users.scope_kind',
          'regions.path',
        ])
        .where('users.role', 'in', [...roles])
        .orderBy('users.display_name')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        role: r.role,
        disabled: r.disabled === 1,
        scopePath: r.scope_kind === 'region' ? r.path : null,
      }));
    },
    async insertVisit(v) {
      await db
        .insertInto('supervision_visits')
        .values({
          id: v.id,
          mine_id: v.mineId,
          visitor_id: v.visitorId,
          visitor_name: v.visitorName,
          visitor_role: v.visitorRole,
          started_at: v.startedAt,
          ended_at: v.endedAt,
          duration_minutes: v.durationMinutes,
          went_to_site: v.wentToSite ? 1 : 0,
          went_underground: v.wentUnderground ? 1 : 0,
          checklist_json: JSON.stringify(v.checklist),
          notes: v.notes,
          by_assigned: v.byAssigned ? 1 : 0,
          created_at: v.createdAt,
        })
        .execute();
      if (v.findings.length > 0) {
        await db
          .insertInto('supervision_findings')
          .values(
            v.findings.map((f) => ({
              id: f.id,
              visit_id: f.visitId,
              mine_id: f.mineId,
              title: f.title,
              description: f.description,
              grade: f.grade,
              category: f.category,
              location: f.location,
              status: f.status,
              hazard_id: f.hazardId,
              reported_at: f.reportedAt,
              reported_by: f.reportedBy,
            })),
          )
          .execute();
      }
    },
    async getVisit(id) {
      const r = await db.selectFrom('supervision_visits').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      return toVisit(r, (await findingsOf([r.id])).get(r.id) ?? []);
    },
    async listVisits(filter, limit) {
      const rows = await db
        .selectFrom('supervision_visits')
        .selectAll()
        .where('mine_id', 'in', mineIds(filter))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      const findings = await findingsOf(rows.map((r) => r.id));
      return rows.map((r) => toVisit(r, findings.get(r.id) ?? []));
    },
    async getFinding(id) {
      const r = await db
        .selectFrom('supervision_findings')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toFinding(r);
    },
    async updateFinding(f) {
      await db
        .updateTable('supervision_findings')
        .set({
          status: f.status,
          hazard_id: f.hazardId,
          reported_at: f.reportedAt,
          reported_by: f.reportedBy,
        })
        .where('id', '=', f.id)
        .execute();
    },
    async lastVisits(filter) {
      const rows = await db
        .selectFrom('supervision_visits')
        .select(['mine_id', 'visitor_id', (eb) => eb.fn.max('started_at').as('last')])
        .where('mine_id', 'in', mineIds(filter))
        .groupBy(['mine_id', 'visitor_id'])
        .execute();
      return rows.map((r) => ({ mineId: r.mine_id, visitorId: r.visitor_id, lastStartedAt: String(r.last) }));
    },
  };
}
