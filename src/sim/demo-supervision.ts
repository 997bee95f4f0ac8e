import type { DemoProvince } from './demo-province.ts';

/** One demo assignment: a leader on contact duty (包保领导) or a supervision group member for a mine. */
export interface DemoAssignment {
  mineId: string;
  username: string;
  role: 'leader' | 'group_member';
}

/**
 * Who the demo's leaders and group members supervise, so the demo shows coverage and the leader's narrowed
 * scope: each region-scoped leader and group member gets the mines of their region that are not closed,
 * except every third one by code (left as a gap for the coverage page to list) — but always the mines that
 * a demo safety officer works at (the access tests' targets).
 */
export function demoAssignments(
  province: Pick<DemoProvince, 'regions' | 'mines' | 'users'>,
): DemoAssignment[] {
  const paths = new Map(province.regions.map((r) => [r.id, r.path]));
  const officerMines = new Set(
    province.users.flatMap((u) => (u.scope.kind === 'mine' ? [u.scope.mineId] : [])),
  );
  const out: DemoAssignment[] = [];
  for (const u of province.users) {
    const role = u.role;
    if ((role !== 'leader' && role !== 'group_member') || u.scope.kind !== 'region') continue;
    const scopePath = paths.get(u.scope.regionId) ?? '\u0000';
    const mines = province.mines
      .filter((m) => m.status !== 'closed' && (paths.get(m.regionId) ?? '').startsWith(scopePath))
      .sort((a, b) => a.code.localeCompare(b.code));
    mines.forEach((m, i) => {
      if (i % 3 !== 2 || officerMines.has(m.id)) out.push({ mineId: m.id, username: u.username, role });
    });
  }
  return out;
}
