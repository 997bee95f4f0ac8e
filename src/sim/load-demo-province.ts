import { createUser } from '../core/access/accounts.ts';
import type { ClosureTarget, PopulationYear } from '../core/closure/closure-types.ts';
import type { PasswordHasher, Ports } from '../core/ports.ts';
import type { Mine } from '../core/registry/types.ts';
import type { DemoProvince } from './demo-province.ts';

/** The actor recorded in the audit trail for what the seeder writes. */
export const SEED_ACTOR = { id: 'system:seed', name: 'seed' } as const;

/**
 * Writes a generated province through the stores: regions, enterprises and mines in one transaction
 * (each mine's registration audited), then the demo users with the given passwords.
 */
export async function loadDemoProvince(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'> & { hasher: PasswordHasher },
  province: DemoProvince,
  passwords: Readonly<Record<string, string>>,
): Promise<{ regions: number; mines: number; users: number }> {
  const now = deps.clock.nowIso();
  const pathOf = new Map(province.regions.map((r) => [r.id, r.path]));
  await deps.transaction(async (tx) => {
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
  return { regions: province.regions.length, mines: province.mines.length, users: province.users.length };
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
  await deps.transaction(async (tx) => {
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
