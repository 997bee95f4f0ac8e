import { hasPermission, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { listCases } from '../closure/case-use-cases.ts';
import { listHazards } from '../hazards/hazard-queries.ts';
import { listOrders } from '../orders/order-use-cases.ts';
import type { Ports } from '../ports.ts';
import { listMines, scopedMineFilter } from '../registry/mine-use-cases.ts';

/** Results per group: the top bar shows a short list, not a page. */
export const SEARCH_GROUP_LIMIT = 8;
export const SEARCH_MIN_CHARS = 1;

export type PersonRole = 'responsible' | 'leader' | 'group_member';

export interface SearchResults {
  query: string;
  mines: Array<{ id: string; code: string; name: string; regionName: string; regionNameEn: string }>;
  /** People named on a mine's supervision: its responsible person, its leader, its group's members. */
  people: Array<{ name: string; role: PersonRole; mineId: string; mineName: string }>;
  hazards: Array<{ id: string; title: string; mineName: string; state: string; grade: string }>;
  orders: Array<{ id: string; number: string; kind: string; status: string }>;
  cases: Array<{ id: string; summary: string; mineName: string; type: string; status: string }>;
}

const matches = (text: string | null | undefined, needle: string) =>
  text !== null && text !== undefined && text.toLowerCase().includes(needle);

/**
 * The top bar's search: mines by code or name, people by name, hazards by title, orders by number,
 * crackdown cases by summary or mine — each group through its module's own list use case, so the
 * results never reach past the caller's scope; a group the role may not read is left empty.
 */
export async function searchEverything(
  deps: Pick<Ports, 'mines' | 'regions' | 'hazards' | 'orders' | 'closure' | 'supervision' | 'clock'>,
  p: Principal,
  query: string,
): Promise<SearchResults> {
  requirePermission(p, 'region.read');
  const q = query.trim();
  const needle = q.toLowerCase();
  const empty: SearchResults = { query: q, mines: [], people: [], hazards: [], orders: [], cases: [] };
  if (q.length < SEARCH_MIN_CHARS) return empty;
  const may = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(p.role, permission);
  const top = <T>(xs: T[]) => xs.slice(0, SEARCH_GROUP_LIMIT);

  const mines = may('mine.read')
    ? (await listMines(deps, p, { q, page: 1, pageSize: SEARCH_GROUP_LIMIT, sort: 'name', desc: false }))
        .items
    : [];
  const hazards = may('hazard.read')
    ? (await listHazards(deps, p, { text: q, limit: SEARCH_GROUP_LIMIT })).items
    : [];
  const orders = may('order.read')
    ? top((await listOrders(deps, p, {})).filter((o) => matches(o.number, needle)))
    : [];
  const cases = may('case.read')
    ? top((await listCases(deps, p)).filter((c) => matches(c.summary, needle) || matches(c.mineName, needle)))
    : [];
  return {
    query: q,
    mines: mines.map((m) => ({
      id: m.id,
      code: m.code,
      name: m.name,
      regionName: m.regionName,
      regionNameEn: m.regionNameEn,
    })),
    people: may('supervision.read') ? await searchPeople(deps, p, needle) : [],
    hazards: hazards.map((h) => ({
      id: h.id,
      title: h.title,
      mineName: h.mineName,
      state: h.state,
      grade: h.grade,
    })),
    orders: orders.map((o) => ({ id: o.id, number: o.number, kind: o.kind, status: o.status })),
    cases: cases.map((c) => ({
      id: c.id,
      summary: c.summary,
      mineName: c.mineName,
      type: c.type,
      status: c.status,
    })),
  };
}

/** The people on the supervision of the mines in scope whose name holds the needle. */
async function searchPeople(
  deps: Pick<Ports, 'mines' | 'regions' | 'supervision'>,
  p: Principal,
  needle: string,
): Promise<SearchResults['people']> {
  const scope = await scopedMineFilter(deps, p, undefined);
  const facts = await deps.supervision.coverageFacts({ regionPath: scope.regionPath, mineId: scope.mineId });
  const found: Array<{ name: string; role: PersonRole; mineId: string }> = [];
  for (const r of facts.responsible.values())
    if (matches(r.name, needle)) found.push({ name: r.name, role: 'responsible', mineId: r.mineId });
  for (const l of facts.leaders.values())
    if (matches(l.name, needle)) found.push({ name: l.name, role: 'leader', mineId: l.mineId });
  for (const g of facts.groups.values())
    for (const m of g.members)
      if (matches(m.name, needle)) found.push({ name: m.name, role: 'group_member', mineId: g.mineId });
  const people: SearchResults['people'] = [];
  for (const f of found.slice(0, SEARCH_GROUP_LIMIT)) {
    const mine = await deps.mines.get(f.mineId);
    if (mine) people.push({ ...f, mineName: mine.name });
  }
  return people;
}
