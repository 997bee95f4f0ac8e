import type { MineRow } from '../ports.ts';

/** How a per-mine table (supervision coverage, the visit KPI, the risk ranking) names its mine. */
export interface MineListing {
  mineId: string;
  code: string;
  name: string;
  regionId: string;
  regionName: string;
}

export function mineListing(m: MineRow): MineListing {
  return {
    mineId: m.id,
    code: m.code,
    name: m.name,
    regionId: m.regionId,
    regionName: m.regionName,
  };
}

/** Closed mines are no longer supervised: the others, and how many closed ones were left out. */
export function supervisedMines(mines: readonly MineRow[]): { open: MineRow[]; excludedClosed: number } {
  const open = mines.filter((m) => m.status !== 'closed');
  return { open, excludedClosed: mines.length - open.length };
}
