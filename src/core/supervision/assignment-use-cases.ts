import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import type { MineRow, Ports, Stores } from '../ports.ts';
import { assignedStamp, changeMineSupervision, loadMine, requireText } from './supervision-common.ts';
import type {
  AssignableUser,
  AssignmentHistoryEntry,
  LeaderAssignment,
  MinePlan,
  ResponsiblePerson,
  SupervisionGroup,
} from './supervision-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

const PHONE = /^[0-9+\-() ]{5,24}$/;
const MAX_GROUP = 30;

export interface ResponsibleInput {
  name: string;
  position: string;
  phone: string;
}

/** Sets (or replaces) the enterprise-side responsible person of a mine. */
export async function setResponsiblePerson(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: ResponsibleInput,
): Promise<ResponsiblePerson> {
  requirePermission(principal, 'supervision.responsible.set');
  const name = requireText(input.name, 'name', 'SUPERVISION_RESPONSIBLE_INVALID', 100);
  const position = requireText(input.position, 'position', 'SUPERVISION_RESPONSIBLE_INVALID', 100);
  const phone = input.phone.trim();
  if (!PHONE.test(phone)) {
    throw invalidInput(
      'SUPERVISION_RESPONSIBLE_INVALID',
      'phone must be a telephone number (digits, + - ( ) and spaces).',
      {
        field: 'phone',
      },
    );
  }
  return changeMineSupervision(deps, principal, mineId, async (tx, mine, now) => {
    const before = await tx.supervision.getResponsible(mine.id);
    const after: ResponsiblePerson = {
      mineId: mine.id,
      name,
      position,
      phone,
      ...assignedStamp(principal, now),
    };
    await tx.supervision.saveResponsible(after);
    const v = (p: ResponsiblePerson | undefined) =>
      p ? { name: p.name, position: p.position, phone: p.phone } : null;
    return {
      result: after,
      record: {
        kind: 'responsible',
        action: 'responsible.set',
        summary: `${name} (${position})`,
        before: v(before),
        after: v(after),
      },
    };
  });
}

/** The user, when it may be assigned to the mine in the given role; InvalidInput otherwise. */
function requireAssignable(
  users: ReadonlyMap<string, AssignableUser>,
  userId: string,
  role: 'leader' | 'group_member',
  mine: MineRow,
): AssignableUser {
  const user = users.get(userId);
  if (!user || user.disabled) {
    throw invalidInput('SUPERVISION_USER_NOT_FOUND', `No active user "${userId}".`, { userId });
  }
  if (user.role !== role) {
    throw invalidInput(
      'SUPERVISION_USER_WRONG_ROLE',
      `${user.displayName} is not a ${role}; only a ${role} can be assigned here.`,
      {
        userId,
        role: user.role,
      },
    );
  }
  if (user.scopePath === null || !mine.regionPath.startsWith(user.scopePath)) {
    throw invalidInput(
      'SUPERVISION_USER_OUT_OF_SCOPE',
      `${user.displayName}'s region does not include this mine.`,
      { userId },
    );
  }
  return user;
}

async function assignableById(stores: Pick<Stores, 'supervision'>): Promise<Map<string, AssignableUser>> {
  const users = await stores.supervision.listAssignableUsers(['leader', 'group_member']);
  return new Map(users.map((u) => [u.id, u]));
}

export interface GroupInput {
  leaderUserId: string;
  memberUserIds: readonly string[];
}

/** Replaces a mine's supervision group: group-member users, one of them its leader. */
export async function setSupervisionGroup(
  deps: Deps,
  principal: Principal,
  mineId: string,
  input: GroupInput,
): Promise<SupervisionGroup> {
  requirePermission(principal, 'supervision.assign');
  const ids = [...new Set([input.leaderUserId, ...input.memberUserIds])];
  if (ids.length > MAX_GROUP) {
    throw invalidInput('SUPERVISION_GROUP_INVALID', `A group has at most ${MAX_GROUP} members.`);
  }
  return changeMineSupervision(deps, principal, mineId, async (tx, mine, now) => {
    const users = await assignableById(tx);
    const members = ids.map((id) => {
      const u = requireAssignable(users, id, 'group_member', mine);
      return { userId: u.id, name: u.displayName, isLeader: u.id === input.leaderUserId };
    });
    const before = await tx.supervision.getGroup(mine.id);
    const after: SupervisionGroup = { mineId: mine.id, members, ...assignedStamp(principal, now) };
    await tx.supervision.saveGroup(after);
    const v = (g: SupervisionGroup | undefined) =>
      g
        ? {
            leader: g.members.find((m) => m.isLeader)?.userId ?? null,
            members: g.members.map((m) => m.userId),
          }
        : null;
    const leaderName = members.find((m) => m.isLeader)?.name ?? '';
    return {
      result: after,
      record: {
        kind: 'group',
        action: 'group.set',
        summary: `${leaderName} +${members.length - 1}`,
        before: v(before),
        after: v(after),
      },
    };
  });
}

/** Assigns (or replaces) a mine's leader on contact duty (a user with role "leader" whose region covers it). */
export async function setContactLeader(
  deps: Deps,
  principal: Principal,
  mineId: string,
  userId: string,
): Promise<LeaderAssignment> {
  requirePermission(principal, 'supervision.assign');
  return changeMineSupervision(deps, principal, mineId, async (tx, mine, now) => {
    const user = requireAssignable(await assignableById(tx), userId, 'leader', mine);
    const before = await tx.supervision.getLeader(mine.id);
    const after: LeaderAssignment = {
      mineId: mine.id,
      userId: user.id,
      name: user.displayName,
      ...assignedStamp(principal, now),
    };
    await tx.supervision.saveLeader(after);
    return {
      result: after,
      record: {
        kind: 'leader',
        action: 'leader.set',
        summary: user.displayName,
        before: before ? { userId: before.userId } : null,
        after: { userId: after.userId },
      },
    };
  });
}

/** The leaders and group members who may be assigned to the mine (their region covers it). */
export async function listAssignmentCandidates(
  deps: Pick<Ports, 'mines' | 'supervision'>,
  principal: Principal,
  mineId: string,
): Promise<{ leaders: AssignableUser[]; groupMembers: AssignableUser[] }> {
  requirePermission(principal, 'supervision.assign');
  const mine = await loadMine(deps, principal, mineId);
  const users = (await deps.supervision.listAssignableUsers(['leader', 'group_member'])).filter(
    (u) => !u.disabled && u.scopePath !== null && mine.regionPath.startsWith(u.scopePath),
  );
  return {
    leaders: users.filter((u) => u.role === 'leader'),
    groupMembers: users.filter((u) => u.role === 'group_member'),
  };
}

export interface SupervisionCard {
  mine: { id: string; code: string; name: string; status: string; regionName: string };
  plan: MinePlan | null;
  responsible: ResponsiblePerson | null;
  group: SupervisionGroup | null;
  leader: LeaderAssignment | null;
  history: AssignmentHistoryEntry[];
}

/** A mine's supervision card: its four assignments and their history. */
export async function getSupervisionCard(
  deps: Pick<Ports, 'mines' | 'supervision'>,
  principal: Principal,
  mineId: string,
): Promise<SupervisionCard> {
  requirePermission(principal, 'supervision.read');
  const mine = await loadMine(deps, principal, mineId);
  const [plan, responsible, group, leader, history] = await Promise.all([
    deps.supervision.getPlan(mine.id),
    deps.supervision.getResponsible(mine.id),
    deps.supervision.getGroup(mine.id),
    deps.supervision.getLeader(mine.id),
    deps.supervision.listHistory(mine.id),
  ]);
  return {
    mine: { id: mine.id, code: mine.code, name: mine.name, status: mine.status, regionName: mine.regionName },
    plan: plan ?? null,
    responsible: responsible ?? null,
    group: group ?? null,
    leader: leader ?? null,
    history,
  };
}
