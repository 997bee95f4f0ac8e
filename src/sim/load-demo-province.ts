import { createUser } from '../core/access/accounts.ts';
import type { ClosureTarget, PopulationYear } from '../core/closure/closure-types.ts';
import type { PasswordHasher, Ports } from '../core/ports.ts';
import type { Mine } from '../core/registry/types.ts';
import type { DemoProvince } from './demo-province.ts';
import { demoAssignments } from './demo-supervision.ts';

/** The actor recorded in the audit trail for what the seeder writes. */
export const SEED_ACTOR = { id: 'system:seed', name: 'seed' } as const;

/**
 * Writes a generated province through the stores: regions, enterprises and mines in one transaction
 * (each mine's registration audited), then the demo users with the given passwords, then (unless told not
 * to) the demo's leader and group assignments.
 */
export async function loadDemoProvince(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'> & { hasher: PasswordHasher },
  province: DemoProvince,
  passwords: Readonly<Record<string, string>>,
  options: { withoutAssignments?: boolean } = {},
): Promise<{ regions: number; mines: number; users: number }> {
  const now = deps.clock.nowIso();
  const pathOf = new Map(province.regions.map((r) => [r.id, r.path]));
  await deps.transaction(['mines', 'regions', 'enterprises', 'orders', 'audit'], async (tx) => {
    for (const r of province.regions) await tx.regions.insert(r);
    for (const e of province.enterprises) await tx.enterprises.insert(e);
    for (const m of province.mines) {
      const mine: Mine = { ...m, createdAt: now, updatedAt: now };
      const path = pathOf.get(m.regionId);
      if (path === undefined) throw new Error(`Demo mine ${m.code} points at unknown region ${m.regionId}.`);
      await tx.mines.insert(mine, path);
      await tx.audit.append(
        {
          actorId: SEED_ACTOR.id,
          actorName: SEED_ACTOR.name,
          action: 'mine.register',
          targetType: 'mine',
          targetId: mine.id,
          before: null,
          after: { code: mine.code, name: mine.name, status: mine.status, regionId: mine.regionId },
        },
        now,
      );
      // A mine generated in review has its pending application on file (applied when it entered review),
      // so the 复产验收 page lists it with its step, as every mine in review must be.
      if (mine.status === 'resumption_review') {
        await tx.orders.insertResumption({
          id: deps.ids.next('res'),
          mineId: mine.id,
          mineName: mine.name,
          regionPath: path,
          gasClass: mine.gasClass,
          appliedAt: mine.statusSince,
          appliedById: SEED_ACTOR.id,
          appliedByName: SEED_ACTOR.name,
          status: 'pending',
          decidedAt: null,
          decidedById: null,
          decidedByName: null,
          decisionReason: null,
          noticeDate: null,
          noticeRef: null,
          resumesTo: 'producing',
        });
      }
    }
  });
  for (const u of province.users) {
    const password = passwords[u.username];
    if (password === undefined) throw new Error(`No password given for demo user ${u.username}.`);
    await createUser(deps, SEED_ACTOR, { ...u, password });
  }
  if (!options.withoutAssignments) await loadDemoAssignments(deps, province);
  return { regions: province.regions.length, mines: province.mines.length, users: province.users.length };
}

/**
 * Assigns the demo's leaders and group members to their mines (demoAssignments), each mine's leader and
 * group audited as the seeder and written to the mine's supervision history.
 */
async function loadDemoAssignments(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'>,
  province: DemoProvince,
): Promise<void> {
  const now = deps.clock.nowIso();
  const byMine = new Map<string, { leader: string | null; group: string[] }>();
  for (const a of demoAssignments(province)) {
    const m = byMine.get(a.mineId) ?? { leader: null, group: [] };
    if (a.role === 'leader') m.leader ??= a.username;
    else m.group.push(a.username);
    byMine.set(a.mineId, m);
  }
  await deps.transaction(['users', 'supervision', 'audit'], async (tx) => {
    const users = new Map<string, { id: string; name: string }>();
    const user = async (username: string) => {
      const known = users.get(username);
      if (known) return known;
      const u = await tx.users.getByUsername(username);
      if (!u) throw new Error(`Demo user ${username} was not created.`);
      const v = { id: u.id, name: u.displayName };
      users.set(username, v);
      return v;
    };
    const seeded = { assignedBy: SEED_ACTOR.id, assignedByName: SEED_ACTOR.name, assignedAt: now };
    for (const [mineId, m] of byMine) {
      const changes: Array<{ kind: 'leader' | 'group'; summary: string; after: unknown }> = [];
      if (m.leader !== null) {
        const u = await user(m.leader);
        await tx.supervision.saveLeader({ mineId, userId: u.id, name: u.name, ...seeded });
        changes.push({ kind: 'leader', summary: u.name, after: { userId: u.id } });
      }
      if (m.group.length > 0) {
        const members = await Promise.all(m.group.map(user));
        await tx.supervision.saveGroup({
          mineId,
          members: members.map((u, i) => ({ userId: u.id, name: u.name, isLeader: i === 0 })),
          ...seeded,
        });
        changes.push({
          kind: 'group',
          summary: `${members[0]?.name ?? ''} +${members.length - 1}`,
          after: { leader: members[0]?.id ?? null, members: members.map((u) => u.id) },
        });
      }
      for (const c of changes) {
        const action = `${c.kind}.set`;
        await tx.audit.append(
          {
            actorId: SEED_ACTOR.id,
            actorName: SEED_ACTOR.name,
            action: `supervision.${action}`,
            targetType: 'mine',
            targetId: mineId,
            before: null,
            after: c.after,
          },
          now,
        );
        await tx.supervision.appendHistory({
          id: deps.ids.next('sah'),
          mineId,
          kind: c.kind,
          action,
          summary: c.summary,
          actorId: SEED_ACTOR.id,
          actorName: SEED_ACTOR.name,
          at: now,
        });
      }
    }
  });
}

/**
 * Writes the closure programme's history (district populations per year) and its seeded district
 * targets in one transaction, audited as the seeder: one entry for the history, one per target.
 */
export async function loadClosureHistory(
  deps: Pick<Ports, 'clock' | 'transaction'>,
  rows: readonly PopulationYear[],
  targets: readonly ClosureTarget[],
): Promise<{ rows: number; targets: number }> {
  const now = deps.clock.nowIso();
  await deps.transaction(['closure', 'audit'], async (tx) => {
    await tx.closure.putPopulationYears(rows);
    const years = rows.map((r) => r.year);
    await tx.audit.append(
      {
        actorId: SEED_ACTOR.id,
        actorName: SEED_ACTOR.name,
        action: 'closure.history.seed',
        targetType: 'region',
        targetId: rows[0]?.regionPath.split('/')[1] ?? '',
        before: null,
        after: {
          rows: rows.length,
          fromYear: Math.min(...years),
          toYear: Math.max(...years),
          source: rows[0]?.source ?? null,
        },
      },
      now,
    );
    for (const t of targets) {
      await tx.closure.insertTarget(t);
      await tx.audit.append(
        {
          actorId: SEED_ACTOR.id,
          actorName: SEED_ACTOR.name,
          action: 'closure.target.set',
          targetType: 'region',
          targetId: t.regionId,
          before: null,
          after: { ...t },
        },
        now,
      );
    }
  });
  return { rows: rows.length, targets: targets.length };
}
