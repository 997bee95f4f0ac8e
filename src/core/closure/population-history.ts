/**
 * The closure programme's history: a region's mine population year by year (summed over its
 * districts), and what disappeared between consecutive years. A mine that is in one year's population
 * and not in the next counts as closed; the data set names no mine, so closures are the net decrease
 * of the count (a year that gained mines closed none, as far as the record can tell).
 */
import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import type { Ports } from '../ports.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import type { PopulationYear } from './closure-types.ts';

export interface PopulationHistoryYear {
  year: number;
  mines: number;
  smallMines: number;
  capacityTPerYear: number;
  smallCapacityTPerYear: number;
  /** Net decrease since the year before (0 when the count grew); null for the first year. */
  closed: number | null;
  smallClosed: number | null;
  /** Net capacity withdrawn from mines below 300 kt/yr since the year before; null for the first year. */
  smallCapacityWithdrawnTPerYear: number | null;
}

export interface PopulationHistory {
  years: PopulationHistoryYear[];
  /** The sources of the rows, each once. */
  sources: string[];
  /** First to last year: mines and small mines that disappeared (net), when there are two years or more. */
  reduction: { fromYear: number; toYear: number; mines: number; smallMines: number } | null;
}

/** Sums district rows per year and derives the year-on-year closures. Pure. */
export function summarisePopulation(rows: readonly PopulationYear[]): PopulationHistory {
  const byYear = new Map<number, PopulationHistoryYear>();
  for (const r of rows) {
    const y = byYear.get(r.year) ?? {
      year: r.year,
      mines: 0,
      smallMines: 0,
      capacityTPerYear: 0,
      smallCapacityTPerYear: 0,
      closed: null,
      smallClosed: null,
      smallCapacityWithdrawnTPerYear: null,
    };
    y.mines += r.mines;
    y.smallMines += r.smallMines;
    y.capacityTPerYear += r.capacityTPerYear;
    y.smallCapacityTPerYear += r.smallCapacityTPerYear;
    byYear.set(r.year, y);
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  years.forEach((y, i) => {
    const prev = years[i - 1];
    if (prev === undefined || prev.year !== y.year - 1) return;
    y.closed = Math.max(0, prev.mines - y.mines);
    y.smallClosed = Math.max(0, prev.smallMines - y.smallMines);
    y.smallCapacityWithdrawnTPerYear = Math.max(0, prev.smallCapacityTPerYear - y.smallCapacityTPerYear);
  });
  const first = years[0];
  const last = years.at(-1);
  return {
    years,
    sources: [...new Set(rows.map((r) => r.source))],
    reduction:
      first && last && last.year > first.year
        ? {
            fromYear: first.year,
            toYear: last.year,
            mines: first.mines - last.mines,
            smallMines: first.smallMines - last.smallMines,
          }
        : null,
  };
}

/**
 * The mine population history of a region in the caller's scope (default: the scope's region; a
 * mine-scoped user sees the mine's district).
 */
export async function getPopulationHistory(
  deps: Pick<Ports, 'mines' | 'regions' | 'closure'>,
  p: Principal,
  regionId: string | undefined,
): Promise<PopulationHistory> {
  requirePermission(p, 'closure.read');
  const filter = await scopedMineFilter(deps, p, regionId);
  let path = filter.regionPath;
  if (path === undefined)
    path = (await deps.mines.get(p.scope.kind === 'mine' ? p.scope.mineId : ''))?.regionPath ?? '\u0000';
  return summarisePopulation(await deps.closure.listPopulationYears(path));
}
