/**
 * Regions drawn around real mine positions: deterministic k-means (k-means++ start from a seeded
 * random source, Lloyd iterations to a fixed point) groups mines into cities, and each city's mines
 * into districts/counties. The data has no administrative boundaries, so the regions are clusters of
 * position, named from the demo vocabulary (see ADR 0008).
 */
import { PLACE_FIRST, PLACE_LAST } from '../demo-province-data.ts';
import { createSeededRandom, type SeededRandom } from '../seeded-random.ts';

export interface Position {
  longitude: number;
  latitude: number;
}

export interface Cluster {
  centre: Position;
  /** Indices into the input, ascending. */
  members: number[];
}

const MAX_ITERATIONS = 100;

function distance2(a: Position, b: Position, lonScale: number): number {
  const dx = (a.longitude - b.longitude) * lonScale;
  const dy = a.latitude - b.latitude;
  return dx * dx + dy * dy;
}

function centroid(points: readonly Position[], members: readonly number[]): Position {
  let lon = 0;
  let lat = 0;
  for (const i of members) {
    lon += points[i]!.longitude;
    lat += points[i]!.latitude;
  }
  return { longitude: lon / members.length, latitude: lat / members.length };
}

/**
 * Groups positions into at most `k` clusters (fewer when there are fewer distinct positions), by
 * distance on a local equirectangular projection. Deterministic for the same input and seed. Clusters
 * come largest first (ties: west to east, then south to north).
 */
export function clusterPositions(points: readonly Position[], k: number, seed: number): Cluster[] {
  if (points.length === 0 || k < 1) return [];
  const meanLat = points.reduce((s, p) => s + p.latitude, 0) / points.length;
  const lonScale = Math.cos((meanLat * Math.PI) / 180);
  const random = createSeededRandom(seed);
  const centres = seedCentres(points, k, lonScale, random);
  let assignment = new Array<number>(points.length).fill(-1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    const next = points.map((p, i) => {
      const best = nearestIndex(p, centres, lonScale);
      if (best !== assignment[i]) changed = true;
      return best;
    });
    assignment = next;
    if (!changed) break;
    centres.forEach((_, j) => {
      const members = assignment.flatMap((a, i) => (a === j ? [i] : []));
      if (members.length > 0) centres[j] = centroid(points, members);
    });
  }
  const clusters: Cluster[] = centres
    .map((_, j) => assignment.flatMap((a, i) => (a === j ? [i] : [])))
    .filter((members) => members.length > 0)
    .map((members) => ({ centre: centroid(points, members), members }));
  return clusters.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      a.centre.longitude - b.centre.longitude ||
      a.centre.latitude - b.centre.latitude,
  );
}

/** k-means++: the first centre at random, each next one drawn in proportion to its squared distance. */
function seedCentres(
  points: readonly Position[],
  k: number,
  lonScale: number,
  random: SeededRandom,
): Position[] {
  const first = points[Math.floor(random.next() * points.length)]!;
  const centres: Position[] = [{ ...first }];
  const nearest = points.map((p) => distance2(p, first, lonScale));
  while (centres.length < k) {
    const total = nearest.reduce((s, d) => s + d, 0);
    if (total === 0) break; // every point sits on a centre already
    let r = random.next() * total;
    let chosen = nearest.findIndex((d) => (r -= d) < 0);
    if (chosen < 0) chosen = nearest.findLastIndex((d) => d > 0);
    const c = points[chosen]!;
    centres.push({ ...c });
    points.forEach((p, i) => {
      nearest[i] = Math.min(nearest[i]!, distance2(p, c, lonScale));
    });
  }
  return centres;
}

/** The index of the nearest centre (equirectangular distance at the position's latitude). */
export function nearestCentre(p: Position, centres: readonly Position[]): number {
  return nearestIndex(p, centres, Math.cos((p.latitude * Math.PI) / 180));
}

/** The index of the centre nearest `p` (-1 when there is none), longitudes scaled by `lonScale`. */
function nearestIndex(p: Position, centres: readonly Position[], lonScale: number): number {
  let best = -1;
  let bestD = Infinity;
  centres.forEach((c, j) => {
    const d = distance2(p, c, lonScale);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  });
  return best;
}

// ---- names ----------------------------------------------------------------------------------------

/** Pinyin of the demo vocabulary's syllables, for the regions' English names. */
const PINYIN: Readonly<Record<string, string>> = {
  石: 'shi',
  白: 'bai',
  黑: 'hei',
  青: 'qing',
  红: 'hong',
  黄: 'huang',
  马: 'ma',
  龙: 'long',
  虎: 'hu',
  鹰: 'ying',
  大: 'da',
  小: 'xiao',
  新: 'xin',
  老: 'lao',
  高: 'gao',
  上: 'shang',
  下: 'xia',
  东: 'dong',
  西: 'xi',
  南: 'nan',
  北: 'bei',
  中: 'zhong',
  金: 'jin',
  银: 'yin',
  铁: 'tie',
  铜: 'tong',
  松: 'song',
  柏: 'bai',
  杨: 'yang',
  柳: 'liu',
  桃: 'tao',
  李: 'li',
  梨: 'li',
  竹: 'zhu',
  茶: 'cha',
  花: 'hua',
  水: 'shui',
  火: 'huo',
  风: 'feng',
  云: 'yun',
  雾: 'wu',
  月: 'yue',
  沙: 'sha',
  土: 'tu',
  门: 'men',
  坎: 'kan',
  岭: 'ling',
  坝: 'ba',
  沟: 'gou',
  湾: 'wan',
  坪: 'ping',
  冲: 'chong',
  坡: 'po',
  山: 'shan',
  河: 'he',
  溪: 'xi',
  田: 'tian',
  场: 'chang',
  寨: 'zhai',
  庄: 'zhuang',
  林: 'lin',
  塘: 'tang',
  堡: 'bao',
  岩: 'yan',
  洞: 'dong',
  垭: 'ya',
  槽: 'cao',
  井: 'jing',
  桥: 'qiao',
  湖: 'hu',
  坳: 'ao',
  口: 'kou',
  滩: 'tan',
  峰: 'feng',
  关: 'guan',
  寺: 'si',
  院: 'yuan',
  营: 'ying',
  屯: 'tun',
  园: 'yuan',
};

/** Pinyin of a two-syllable name, with the apostrophe before a vowel-initial syllable (Shi'ao). */
export function pinyinOf(name: string): string {
  const syllables = [...name].map((c) => PINYIN[c] ?? c);
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Unique two-syllable region names (石门, 黄坪), deterministic for a random source. */
export function createRegionNamer(random: SeededRandom): () => string {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; ; attempt++) {
      const name = random.pick(PLACE_FIRST) + random.pick(PLACE_LAST);
      if (!used.has(name) || attempt > 200) {
        used.add(name);
        return name;
      }
    }
  };
}
