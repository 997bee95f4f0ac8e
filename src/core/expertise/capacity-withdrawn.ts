import type { MineStatus, Region } from '../registry/types.ts';

/**
 * Capacity withdrawn by the closure programme, in t/yr: the approved capacity of mines whose status is
 * `closed`, per district (county) and in total, with `closing` mines shown separately (on their way out,
 * not yet withdrawn). Computed from the registry so it does not depend on how closures are recorded.
 */
export interface CapacityMine {
  regionId: string;
  status: MineStatus;
  approvedCapacityTPerYear: number;
}

export interface DistrictCapacity {
  regionId: string;
  name: string;
  nameEn: string;
  closedMines: number;
  withdrawnTPerYear: number;
  closingMines: number;
  closingTPerYear: number;
}

export interface CapacityWithdrawn {
  districts: DistrictCapacity[];
  total: { closedMines: number; withdrawnTPerYear: number; closingMines: number; closingTPerYear: number };
  targetTPerYear: number | null;
  /** withdrawn ÷ target in percent (one decimal), null without a target. */
  percentOfTarget: number | null;
  /** t/yr still to withdraw (never negative), null without a target. */
  remainingTPerYear: number | null;
}

/** Sums capacity per county of `districts` (mines outside them are ignored). */
export function computeCapacityWithdrawn(
  mines: readonly CapacityMine[],
  districts: readonly Region[],
  targetTPerYear: number | null,
): CapacityWithdrawn {
  const rows = new Map<string, DistrictCapacity>(
    districts.map((d) => [
      d.id,
      {
        regionId: d.id,
        name: d.name,
        nameEn: d.nameEn,
        closedMines: 0,
        withdrawnTPerYear: 0,
        closingMines: 0,
        closingTPerYear: 0,
      },
    ]),
  );
  for (const m of mines) {
    const row = rows.get(m.regionId);
    if (!row) continue;
    if (m.status === 'closed') {
      row.closedMines += 1;
      row.withdrawnTPerYear += m.approvedCapacityTPerYear;
    } else if (m.status === 'closing') {
      row.closingMines += 1;
      row.closingTPerYear += m.approvedCapacityTPerYear;
    }
  }
  const list = [...rows.values()].sort(
    (a, b) => b.withdrawnTPerYear - a.withdrawnTPerYear || a.regionId.localeCompare(b.regionId),
  );
  const total = list.reduce(
    (t, r) => ({
      closedMines: t.closedMines + r.closedMines,
      withdrawnTPerYear: t.withdrawnTPerYear + r.withdrawnTPerYear,
      closingMines: t.closingMines + r.closingMines,
      closingTPerYear: t.closingTPerYear + r.closingTPerYear,
    }),
    { closedMines: 0, withdrawnTPerYear: 0, closingMines: 0, closingTPerYear: 0 },
  );
  const hasTarget = targetTPerYear !== null && targetTPerYear > 0;
  return {
    districts: list,
    total,
    targetTPerYear,
    percentOfTarget: hasTarget ? Math.round((total.withdrawnTPerYear / targetTPerYear) * 1000) / 10 : null,
    remainingTPerYear: hasTarget ? Math.max(0, targetTPerYear - total.withdrawnTPerYear) : null,
  };
}
