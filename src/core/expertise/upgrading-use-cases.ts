import { requireInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited, recordAudit } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { getMine } from '../registry/mine-use-cases.ts';
import { computeCapacityWithdrawn, type CapacityWithdrawn } from './capacity-withdrawn.ts';
import { dateOf, regionFilter, requireDate, requireText } from './expertise-common.ts';
import type { Merger, ProgressRecord, UpgradeTarget } from './expertise-types.ts';
import { progressOverTime, type ProgressPoint } from './upgrading-progress.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

const nonNegativeInt = (v: number, field: string): number => {
  if (!Number.isInteger(v) || v < 0 || v > 1000) {
    throw invalidInput('EXPERTISE_PROGRESS_INVALID', `${field} is a whole number from 0 to 1000.`, { field });
  }
  return v;
};

/** Records a mine's mechanisation / intelligent-mining state as of a date. */
export async function recordProgress(
  deps: Deps,
  principal: Principal,
  input: {
    mineId: string;
    recordedOn: string;
    mechanisedFaces: number;
    intelligentFaces: number;
    remoteMonitoring: boolean;
  },
): Promise<ProgressRecord> {
  requirePermission(principal, 'upgrade.record');
  const recordedOn = requireDate(input.recordedOn, 'recordedOn', 'EXPERTISE_PROGRESS_INVALID');
  const mechanisedFaces = nonNegativeInt(input.mechanisedFaces, 'mechanisedFaces');
  const intelligentFaces = nonNegativeInt(input.intelligentFaces, 'intelligentFaces');
  if (intelligentFaces > mechanisedFaces) {
    throw invalidInput(
      'EXPERTISE_PROGRESS_INVALID',
      'An intelligent working face is also mechanised: intelligentFaces ≤ mechanisedFaces.',
    );
  }
  const now = deps.clock.nowIso();
  if (recordedOn > dateOf(now))
    throw invalidInput('EXPERTISE_PROGRESS_INVALID', 'recordedOn lies in the future.');
  return deps.transaction(['mines', 'expertise', 'audit'], async (tx) => {
    const mine = await getMine(tx, principal, input.mineId);
    const p: ProgressRecord = {
      id: deps.ids.next('exp'),
      mineId: mine.id,
      recordedOn,
      mechanisedFaces,
      intelligentFaces,
      remoteMonitoring: input.remoteMonitoring,
      recordedBy: principal.userId,
      createdAt: now,
    };
    return writeAudited(tx, principal, now, p, (r) => tx.expertise.insertProgress(r), {
      action: 'expertise.progress.record',
      targetType: 'mine',
      targetId: mine.id,
    });
  });
}

/** Sets a region's upgrading targets (intelligent faces; capacity to withdraw, t/yr) and their date. */
export async function setUpgradeTarget(
  deps: Deps,
  principal: Principal,
  regionId: string,
  input: { intelligentFaces: number | null; capacityWithdrawnTPerYear: number | null; dueOn: string },
): Promise<UpgradeTarget> {
  requirePermission(principal, 'upgrade.manage');
  const dueOn = requireDate(input.dueOn, 'dueOn', 'EXPERTISE_TARGET_INVALID');
  for (const [field, v] of [
    ['intelligentFaces', input.intelligentFaces],
    ['capacityWithdrawnTPerYear', input.capacityWithdrawnTPerYear],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0 || v > 1_000_000_000)) {
      throw invalidInput('EXPERTISE_TARGET_INVALID', `${field} is a whole non-negative number.`, { field });
    }
  }
  const now = deps.clock.nowIso();
  return deps.transaction(['regions', 'expertise', 'audit'], async (tx) => {
    const region = await tx.regions.get(regionId);
    if (!region || principal.scope.kind === 'mine')
      throw notFound('REGION_NOT_FOUND', `No region "${regionId}" in your scope.`);
    requireInScope(principal, { regionPath: region.path }, 'REGION', regionId);
    const before = await tx.expertise.getTarget(regionId);
    const t: UpgradeTarget = { regionId, ...input, dueOn, setBy: principal.userId, setAt: now };
    return writeAudited(tx, principal, now, t, (r) => tx.expertise.saveTarget(r), {
      action: 'expertise.target.set',
      targetType: 'region',
      targetId: regionId,
      before,
    });
  });
}

/** Records a merger of mines into a larger enterprise; each mine's operator at the time is its old operator. */
export async function recordMerger(
  deps: Deps,
  principal: Principal,
  input: { enterpriseName: string; mergedOn: string; mineIds: readonly string[] },
): Promise<Merger> {
  requirePermission(principal, 'upgrade.manage');
  const enterpriseName = requireText(input.enterpriseName, 'enterpriseName', 'EXPERTISE_MERGER_INVALID', 200);
  const mergedOn = requireDate(input.mergedOn, 'mergedOn', 'EXPERTISE_MERGER_INVALID');
  const ids = [...new Set(input.mineIds)];
  if (ids.length === 0) throw invalidInput('EXPERTISE_MERGER_INVALID', 'A merger names at least one mine.');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'expertise', 'audit'], async (tx) => {
    const mines = [];
    for (const id of ids) mines.push(await getMine(tx, principal, id));
    const m: Merger = {
      id: deps.ids.next('exm'),
      enterpriseName,
      mergedOn,
      mines: mines.map((x) => ({ mineId: x.id, oldOperator: x.operator })),
      recordedBy: principal.userId,
      recordedByName: principal.displayName,
      createdAt: now,
    };
    if (m.mines.every((x) => x.oldOperator === enterpriseName)) {
      throw conflict('EXPERTISE_MERGER_NO_CHANGE', `The mines are already run by ${enterpriseName}.`);
    }
    await tx.expertise.insertMerger(m);
    for (const x of mines)
      await recordAudit(tx, principal, now, {
        action: 'expertise.merger.record',
        targetType: 'mine',
        targetId: x.id,
        after: m,
      });
    return m;
  });
}

export interface MergerView extends Merger {
  mineViews: Array<{
    mineId: string;
    mineName: string;
    oldOperator: string | null;
    operatorNow: string | null;
    falseIntegration: boolean;
  }>;
  /** True when any merged mine is still run by its old operator. */
  questionable: boolean;
}

/** A merger is "on paper" for a mine whose operator after the merger is still its old operator. */
export function isFalseIntegration(oldOperator: string | null, operatorNow: string | null): boolean {
  return oldOperator !== null && operatorNow !== null && oldOperator.trim() === operatorNow.trim();
}

export interface UpgradingView {
  regionId: string | null;
  progress: ProgressPoint[];
  target: UpgradeTarget | null;
  capacity: CapacityWithdrawn;
  mergers: MergerView[];
}

/** A region's upgrading: progress over time vs target, capacity withdrawn per district vs target, mergers. */
export async function getUpgrading(
  deps: Pick<Ports, 'mines' | 'regions' | 'expertise'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<UpgradingView> {
  requirePermission(principal, 'expertise.read');
  const filter = await regionFilter(deps, principal, regionId);
  const page = await deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'name', desc: false });
  const mineById = new Map(page.items.map((m) => [m.id, m]));
  const targetRegion = regionId ?? (principal.scope.kind === 'region' ? principal.scope.regionId : null);
  const region = targetRegion === null ? undefined : await deps.regions.get(targetRegion);
  const districts = region
    ? (await deps.regions.listUnder(region.path)).filter((r) => r.level === 'county')
    : [];
  const [target, progress, mergers] = await Promise.all([
    targetRegion === null ? undefined : deps.expertise.getTarget(targetRegion),
    deps.expertise.listProgress(filter),
    deps.expertise.listMergers(filter),
  ]);
  return {
    regionId: targetRegion,
    progress: progressOverTime(progress),
    target: target ?? null,
    capacity: computeCapacityWithdrawn(page.items, districts, target?.capacityWithdrawnTPerYear ?? null),
    mergers: mergers.map((m) => {
      const mineViews = m.mines
        .filter((x) => mineById.has(x.mineId))
        .map((x) => {
          const mine = mineById.get(x.mineId);
          const operatorNow = mine?.operator ?? null;
          return {
            mineId: x.mineId,
            mineName: mine?.name ?? x.mineId,
            oldOperator: x.oldOperator,
            operatorNow,
            falseIntegration: isFalseIntegration(x.oldOperator, operatorNow),
          };
        });
      return { ...m, mineViews, questionable: mineViews.some((v) => v.falseIntegration) };
    }),
  };
}
