/**
 * The values of a `mine_id IN (…)` filter: a leader's or group member's assigned mines (see
 * core/access `assignedMineIds`). An empty list matches nothing (SQL has no empty IN list; no id is
 * empty, and PostgreSQL refuses a NUL in text), and the list is never longer than one user's assignments.
 */
export function mineIdsOrNone(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [''];
}
