import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { escapeLike } from './region-store.ts';

/**
 * The values of a `mine_id IN (…)` filter: a leader's or group member's assigned mines (see
 * core/access `assignedMineIds`). An empty list matches nothing (SQL has no empty IN list; no id is
 * empty, and PostgreSQL refuses a NUL in text), and the list is never longer than one user's assignments.
 */
export function mineIdsOrNone(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [''];
}

/** The mine filter the modules' list screens share: a region subtree, one mine, or a set of mines. */
export interface MineFilter {
  regionPath?: string;
  mineId?: string;
  mineIds?: readonly string[];
}

/** The ids of the mines a filter covers, as a subquery for `mine_id IN (…)`. */
export function minesMatching(db: Kysely<Database>, filter: MineFilter) {
  let q = db.selectFrom('mines').select('mines.id');
  if (filter.regionPath !== undefined)
    q = q.where('mines.region_path', 'like', `${escapeLike(filter.regionPath)}%`);
  if (filter.mineId !== undefined) q = q.where('mines.id', '=', filter.mineId);
  if (filter.mineIds !== undefined) q = q.where('mines.id', 'in', mineIdsOrNone(filter.mineIds));
  return q;
}
