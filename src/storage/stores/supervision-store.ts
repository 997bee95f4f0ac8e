import type { Kysely } from 'kysely';
import type { CoverageFacts, SupervisionStore } from '../../core/supervision/supervision-ports.ts';
import type * as SupervisionTypes from '../../core/supervision/supervision-types.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, json, num } from '../row-codec.ts';
import { minesMatching } from './mine-ids.ts';
import { createPresenceStore } from './presence-store.ts';
import { newestFirst, recordTable } from './record-table.ts';

const planCodec = defineCodec<SupervisionTypes.MinePlan, Database['supervision_plans']>()({
  ...asIs('mineId documentRef'),
  measures: ['measures_json', json<SupervisionTypes.PlanMeasure[]>()],
  ...asIs('state returnReason revision submittedAt submittedBy decidedAt decidedBy createdAt updatedAt'),
});

const responsibleCodec = defineCodec<
  SupervisionTypes.ResponsiblePerson,
  Database['supervision_responsible']
>()({
  ...asIs('mineId name position phone assignedBy assignedByName assignedAt'),
});

const leaderCodec = defineCodec<SupervisionTypes.LeaderAssignment, Database['supervision_leaders']>()({
  ...asIs('mineId userId'),
  name: 'user_name',
  ...asIs('assignedBy assignedByName assignedAt'),
});

/** A group is stored one row per member, each row repeating who assigned the group and when. */
type GroupMemberRow = Omit<SupervisionTypes.SupervisionGroup, 'members'> & SupervisionTypes.GroupMember;

const memberCodec = defineCodec<GroupMemberRow, Database['supervision_group_members']>()({
  ...asIs('mineId userId'),
  name: 'user_name',
  isLeader: ['is_leader', bool],
  ...asIs('assignedBy assignedByName assignedAt'),
});

const historyCodec = defineCodec<SupervisionTypes.AssignmentHistoryEntry, Database['supervision_history']>()({
  ...asIs('id mineId kind action summary actorId actorName at'),
});

/** A visit's own row; its findings are rows of their own table. */
const visitCodec = defineCodec<
  Omit<SupervisionTypes.SiteVisit, 'findings'>,
  Database['supervision_visits']
>()({
  ...asIs('id mineId visitorId visitorName visitorRole startedAt endedAt'),
  durationMinutes: ['duration_minutes', num],
  wentToSite: ['went_to_site', bool],
  wentUnderground: ['went_underground', bool],
  checklist: ['checklist_json', json<SupervisionTypes.ChecklistItem[]>()],
  notes: 'notes',
  byAssigned: ['by_assigned', bool],
  createdAt: 'created_at',
});

const findingCodec = defineCodec<SupervisionTypes.VisitFinding, Database['supervision_findings']>()({
  ...asIs(
    'id visitId mineId title description grade category location status hazardId reportedAt reportedBy',
  ),
});

/** Members grouped by mine, the leader first, then by name. */
function groupsOf(rows: readonly GroupMemberRow[]): Map<string, SupervisionTypes.SupervisionGroup> {
  const groups = new Map<string, SupervisionTypes.SupervisionGroup>();
  for (const { mineId, userId, name, isLeader, ...assigned } of rows) {
    const g = groups.get(mineId) ?? { mineId, members: [], ...assigned };
    g.members.push({ userId, name, isLeader });
    groups.set(mineId, g);
  }
  for (const g of groups.values())
    g.members.sort((a, b) => Number(b.isLeader) - Number(a.isLeader) || a.name.localeCompare(b.name));
  return groups;
}

const byMine = <T extends { mineId: string }>(records: readonly T[]) =>
  new Map(records.map((r) => [r.mineId, r]));

export function createSupervisionStore(db: Kysely<Database>): SupervisionStore {
  const plans = recordTable(db, 'supervision_plans', planCodec, ['mine_id']);
  const responsible = recordTable(db, 'supervision_responsible', responsibleCodec, ['mine_id']);
  const members = recordTable(db, 'supervision_group_members', memberCodec);
  const leaders = recordTable(db, 'supervision_leaders', leaderCodec, ['mine_id']);
  const history = recordTable(db, 'supervision_history', historyCodec);
  const visits = recordTable(db, 'supervision_visits', visitCodec);
  const findings = recordTable(db, 'supervision_findings', findingCodec);

  async function withFindings(
    rows: Omit<SupervisionTypes.SiteVisit, 'findings'>[],
  ): Promise<SupervisionTypes.SiteVisit[]> {
    const all =
      rows.length === 0 ? [] : await findings.list({ visit_id: { in: rows.map((v) => v.id) } }, ['id']);
    return rows.map((v) => ({ ...v, findings: all.filter((f) => f.visitId === v.id) }));
  }

  return {
    ...createPresenceStore(db),
    getPlan: (mineId) => plans.find({ mine_id: mineId }),
    savePlan: plans.upsert,
    deletePlan: (mineId) => plans.remove({ mine_id: mineId }),
    getResponsible: (mineId) => responsible.find({ mine_id: mineId }),
    saveResponsible: responsible.upsert,
    async getGroup(mineId) {
      return groupsOf(await members.list({ mine_id: mineId }, [])).get(mineId);
    },
    async saveGroup({ members: list, ...assigned }) {
      await members.remove({ mine_id: assigned.mineId });
      await members.insertMany(list.map((m) => ({ ...assigned, ...m })));
    },
    getLeader: (mineId) => leaders.find({ mine_id: mineId }),
    saveLeader: leaders.upsert,
    appendHistory: history.insert,
    listHistory: (mineId) => history.list({ mine_id: mineId }, newestFirst('at')),
    async coverageFacts(filter): Promise<CoverageFacts> {
      const ofMines = { mine_id: { in: minesMatching(db, filter) } };
      const [planRows, responsibleRows, memberRows, leaderRows] = await Promise.all([
        plans.list(ofMines, []),
        responsible.list(ofMines, []),
        members.list(ofMines, []),
        leaders.list(ofMines, []),
      ]);
      return {
        plans: byMine(planRows),
        responsible: byMine(responsibleRows),
        groups: groupsOf(memberRows),
        leaders: byMine(leaderRows),
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
      await visits.insert(v);
      await findings.insertMany(v.findings);
    },
    async getVisit(id) {
      const v = await visits.get(id);
      return v && (await withFindings([v]))[0];
    },
    async listVisits(filter, limit) {
      const rows = await visits.list(
        { mine_id: { in: minesMatching(db, filter) } },
        newestFirst('started_at'),
        limit,
      );
      return withFindings(rows);
    },
    getFinding: findings.get,
    /** Only what reporting a finding as a hazard changes. */
    updateFinding: (f) => findings.update(f, ['status', 'hazard_id', 'reported_at', 'reported_by']),
    async lastVisits(filter) {
      const rows = await db
        .selectFrom('supervision_visits')
        .select(['mine_id', 'visitor_id', (eb) => eb.fn.max('started_at').as('last')])
        .where('mine_id', 'in', minesMatching(db, filter))
        .groupBy(['mine_id', 'visitor_id'])
        .execute();
      return rows.map((r) => ({ mineId: r.mine_id, visitorId: r.visitor_id, lastStartedAt: String(r.last) }));
    },
  };
}
