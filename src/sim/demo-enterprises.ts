/**
 * Ownership for the demo province: which enterprise owns which mine. A few group enterprises own
 * several mines through subsidiaries; most enterprises own one mine; some own a handful.
 */
import type { Enterprise } from '../core/registry/types.ts';
import { CREDIT_CODE_CHARS, DEMO_GROUPS, DEMO_PROVINCE_ID } from './demo-province-data.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What ownership needs to know about each mine, in registry order (grouped by county). */
export interface MineOwnershipInput {
  /** The place part of the mine's name (石门坎 for 石门坎煤矿); unique within the province. */
  place: string;
  countyId: string;
  countyName: string;
}

export interface DemoOwnership {
  /** Parents before subsidiaries. */
  enterprises: Enterprise[];
  /** The owner of each input mine, same order. */
  enterpriseIds: string[];
}

/** About 0.4 enterprises per mine (120 for 300), as in a province with many one-mine companies. */
const ENTERPRISES_PER_MINE = 0.4;
const SINGLE_MINE_OWNER_SHARE = 0.6;
/** Below this many mines the province has no groups: a handful of mines cannot fill three groups. */
const MIN_MINES_FOR_GROUPS = 40;
const GROUP_WEIGHTS = [5, 3, 2];

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the
 * earlier index), so a county with the larger share always gets the extra mine.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

function creditCode(random: SeededRandom, regionId: string): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += random.pick(CREDIT_CODE_CHARS);
  return `91${regionId}${body}`;
}

function enterpriseId(index: number): string {
  return `e-${String(index + 1).padStart(5, '0')}`;
}

/** Assigns every mine an owner and returns the enterprises, deterministic for a given random source. */
export function assignDemoOwnership(
  random: SeededRandom,
  mines: readonly MineOwnershipInput[],
): DemoOwnership {
  const n = mines.length;
  if (n === 0) return { enterprises: [], enterpriseIds: [] };
  const groupCount = n >= MIN_MINES_FOR_GROUPS ? DEMO_GROUPS.length : 0;
  const owners = Math.min(n, Math.max(1, Math.round(n * ENTERPRISES_PER_MINE) - groupCount));
  const singles = owners === n ? owners : Math.min(Math.round(owners * SINGLE_MINE_OWNER_SHARE), owners - 1);
  const multi = owners - singles;

  // Multi-mine owners get two mines each, then the rest in proportion to a skewed random weight.
  const extra = apportion(
    n - singles - 2 * multi,
    Array.from({ length: multi }, () => 1 / (0.15 + random.next())),
  );
  const sizes = random.shuffle([...Array.from({ length: singles }, () => 1), ...extra.map((e) => 2 + e)]);

  const enterprises: Enterprise[] = DEMO_GROUPS.slice(0, groupCount).map((g, i) => ({
    id: enterpriseId(i),
    name: g.name,
    creditCode: creditCode(random, DEMO_PROVINCE_ID),
    parentId: null,
  }));
  const enterpriseIds: string[] = [];
  // Half of the multi-mine owners are subsidiaries of a group; mines are grouped by county, so an
  // owner's consecutive mines sit in one county or its neighbour, as a real company's would.
  let subsidiariesLeft = groupCount > 0 ? Math.floor(multi / 2) : 0;
  let cursor = 0;
  for (const size of sizes) {
    const first = mines[cursor];
    if (first === undefined) break;
    const id = enterpriseId(enterprises.length);
    let parentId: string | null = null;
    let name: string;
    if (size > 1 && subsidiariesLeft > 0) {
      subsidiariesLeft--;
      const g = random.weighted(GROUP_WEIGHTS.slice(0, groupCount).map((w, i) => [i, w] as const));
      parentId = enterpriseId(g);
      name = `${DEMO_GROUPS[g]?.short ?? ''}${first.place}煤业有限公司`;
    } else if (size > 1) {
      name = `${first.countyName}${first.place}矿业有限责任公司`;
    } else {
      name = `${first.countyName}${first.place}煤业有限公司`;
    }
    const hasCode = parentId !== null || random.chance(0.9);
    enterprises.push({ id, name, creditCode: hasCode ? creditCode(random, first.countyId) : null, parentId });
    for (let k = 0; k < size; k++) enterpriseIds.push(id);
    cursor += size;
  }
  return { enterprises, enterpriseIds };
}
