import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import type { CapacityBand, Ports } from '../ports.ts';
import { scopedMineFilter } from './mine-use-cases.ts';
import { GAS_CLASSES, MINE_STATUSES, type GasClass, type MineStatus, type Region } from './types.ts';

export const CAPACITY_BANDS: readonly CapacityBand[] = ['lt300k', '300k_900k', '900k_3m', 'ge3m'];

export interface RegionDashboard {
  region: Region;
  totals: { mines: number; capacityTPerYear: number; smallMines: number };
  byStatus: Record<MineStatus, number>;
  byGasClass: Record<GasClass, number>;
  capacityBands: Array<{ band: CapacityBand; count: number }>;
  byDistrict: Array<{
    region: Region;
    total: number;
    smallMines: number;
    byStatus: Record<MineStatus, number>;
  }>;
  /** High-gas and outburst mines without certified gas-control capability (capability 9). */
  highGasWithoutCapability: number;
}

const zeroStatuses = (): Record<MineStatus, number> =>
  Object.fromEntries(MINE_STATUSES.map((s) => [s, 0])) as Record<MineStatus, number>;

/** Counts for the region dashboard: a region (default: the caller's scope) and its districts/counties. */
export async function buildRegionDashboard(
  deps: Pick<Ports, 'mines' | 'regions'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<RegionDashboard> {
  requirePermission(principal, 'mine.read');
  const filter = await scopedMineFilter(deps, principal, regionId);
  let region: Region | undefined;
  if (filter.mineId !== undefined) {
    const mine = await deps.mines.get(filter.mineId);
    region = mine && (await deps.regions.get(mine.regionId));
  } else {
    const id = regionId ?? (principal.scope.kind === 'region' ? principal.scope.regionId : undefined);
    region = id === undefined ? undefined : await deps.regions.get(id);
  }
  if (!region) throw new Error('Scope region vanished: the user record points at a missing region.');

  const [{ rows }, regions] = await Promise.all([
    deps.mines.counts(filter),
    deps.regions.listUnder(region.path),
  ]);
  const byStatus = zeroStatuses();
  const byGasClass = Object.fromEntries(GAS_CLASSES.map((g) => [g, 0])) as Record<GasClass, number>;
  const bands = new Map<CapacityBand, number>(CAPACITY_BANDS.map((b) => [b, 0]));
  const districts = new Map<
    string,
    { total: number; smallMines: number; byStatus: Record<MineStatus, number> }
  >();
  let mines = 0;
  let capacity = 0;
  let small = 0;
  let highGasWithout = 0;
  for (const r of rows) {
    mines += r.mines;
    capacity += r.capacityTPerYear;
    if (r.small) small += r.mines;
    byStatus[r.status] += r.mines;
    byGasClass[r.gasClass] += r.mines;
    bands.set(r.band, (bands.get(r.band) ?? 0) + r.mines);
    // Closed mines no longer count against the gas-control rule.
    if (r.gasClass !== 'low' && !r.hasGasControlCapability && r.status !== 'closed')
      highGasWithout += r.mines;
    let d = districts.get(r.countyId);
    if (!d) {
      d = { total: 0, smallMines: 0, byStatus: zeroStatuses() };
      districts.set(r.countyId, d);
    }
    d.total += r.mines;
    if (r.small) d.smallMines += r.mines;
    d.byStatus[r.status] += r.mines;
  }
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const byDistrict = [...districts.entries()]
    .flatMap(([id, d]) => {
      const reg = regionById.get(id);
      return reg ? [{ region: reg, ...d }] : [];
    })
    .sort((a, b) => a.region.id.localeCompare(b.region.id));
  return {
    region,
    totals: { mines, capacityTPerYear: capacity, smallMines: small },
    byStatus,
    byGasClass,
    capacityBands: CAPACITY_BANDS.map((band) => ({ band, count: bands.get(band) ?? 0 })),
    byDistrict,
    highGasWithoutCapability: highGasWithout,
  };
}
