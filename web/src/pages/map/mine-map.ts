import type { MapMine } from '../../api/generated/api-schema.ts';

/**
 * Pure geometry for the offline mine map: no tile server or boundary file is reachable from a regulator's
 * network, so each district/county is drawn as the padded convex hull of its own mines' positions.
 */

type Point = readonly [number, number];

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull of points (Andrew's monotone chain), counter-clockwise, without repeating the first. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (unique.length < 3) return unique;
  const lower: Point[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0)
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...unique].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0)
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * A closed ring around the points, `padDeg` away from them: an octagon around each point, then the hull
 * of all of those (so one or two mines still get an area, and no mine sits on the outline).
 */
export function paddedOutline(points: readonly Point[], padDeg = 0.03): Array<[number, number]> {
  const around: Point[] = [];
  for (const [x, y] of points) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      around.push([x + padDeg * Math.cos(a), y + padDeg * Math.sin(a)]);
    }
  }
  const hull = convexHull(around).map(([x, y]) => [x, y] as [number, number]);
  if (hull.length > 0) hull.push([hull[0]![0], hull[0]![1]]);
  return hull;
}

/** One GeoJSON feature per region that has mines on the map, named by the region. */
export function regionOutlines(mines: readonly MapMine[]) {
  const byRegion = new Map<string, { name: string; points: Point[] }>();
  for (const m of mines) {
    const entry = byRegion.get(m.regionId) ?? { name: m.regionName, points: [] };
    entry.points.push([m.longitude, m.latitude]);
    byRegion.set(m.regionId, entry);
  }
  return {
    type: 'FeatureCollection' as const,
    features: [...byRegion.entries()].map(([id, { name, points }]) => ({
      type: 'Feature' as const,
      id,
      properties: { name },
      geometry: { type: 'Polygon' as const, coordinates: [paddedOutline(points)] },
    })),
  };
}
