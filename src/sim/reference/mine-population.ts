/**
 * China's real coal-mine population (every mine's approved capacity and position, 2011–2023), read from
 * the reference data folder beside the repository: `../shared/refdata/china-coal-mines-2011-2023/`
 * (see its SOURCE.md: Tsinghua University's China_Mine_CH4_EF research data, positions rounded to 4
 * decimals, no names). The demo province, the country seed and the closure history are built from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One mine in one year, as the data file gives it. */
export interface ReferenceMine {
  year: number;
  /** Approved capacity in tonnes per year (the file's 10⁴ t/yr × 10,000, whole tonnes). */
  capacityTPerYear: number;
  longitude: number;
  latitude: number;
}

/** Rows left out, by reason; a bad row is counted, never fatal. */
export interface SkippedRows {
  /** No longitude or latitude, or one outside the Earth's range. */
  missingPosition: number;
  /** Capacity zero, negative or absent. */
  zeroCapacity: number;
  /** Wrong number of fields or an unreadable year or number. */
  malformed: number;
}

export interface MinePopulation {
  mines: ReferenceMine[];
  skipped: SkippedRows;
}

/** The data set's folder and file, relative to the reference data directory. */
export const MINE_POPULATION_FILE = 'china-coal-mines-2011-2023/mines-capacity-position-by-year.csv';
export const FIRST_DATA_YEAR = 2011;
export const LAST_DATA_YEAR = 2023;

const HEADER = ['year', 'capacity_10kt_per_year', 'longitude', 'latitude'] as const;

/** Thrown when the reference data is absent or its header is not the expected one. */
export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}

const num = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const t = s.trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
};

/**
 * Parses the CSV text (header `year,capacity_10kt_per_year,longitude,latitude`). Rows without a usable
 * position or with zero capacity are skipped and counted by reason.
 * @throws ReferenceDataError when the header is not the expected one.
 */
export function parseMinePopulationCsv(text: string): MinePopulation {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '')
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim());
  if (HEADER.some((h, i) => header[i] !== h)) {
    throw new ReferenceDataError(
      `The mine population file's header is "${lines[0] ?? ''}", expected "${HEADER.join(',')}".`,
    );
  }
  const skipped: SkippedRows = { missingPosition: 0, zeroCapacity: 0, malformed: 0 };
  const mines: ReferenceMine[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const f = line.split(',');
    const year = num(f[0]);
    if (f.length !== HEADER.length || year === null || !Number.isInteger(year)) {
      skipped.malformed++;
      continue;
    }
    const capacity = num(f[1]);
    const lon = num(f[2]);
    const lat = num(f[3]);
    if (lon === null || lat === null || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      skipped.missingPosition++;
      continue;
    }
    if (capacity === null || capacity <= 0) {
      skipped.zeroCapacity++;
      continue;
    }
    mines.push({ year, capacityTPerYear: Math.round(capacity * 10_000), longitude: lon, latitude: lat });
  }
  return { mines, skipped };
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * The reference data directory: the configured one (REDLINE_REFDATA_DIR), else `../shared/refdata`
 * beside the project root (the layout on every machine and in CI); a git worktree one level deeper
 * finds the same folder one more level up.
 */
export function resolveRefdataDir(configured: string | null): string {
  if (configured !== null) return resolve(configured);
  const beside = resolve(projectRoot, '../shared/refdata');
  const above = resolve(projectRoot, '../../shared/refdata');
  return !existsSync(beside) && existsSync(above) ? above : beside;
}

/**
 * Reads and parses the mine population file.
 * @throws ReferenceDataError naming the path and REDLINE_REFDATA_DIR when the file is absent.
 */
export function readMinePopulation(refdataDir: string): MinePopulation {
  const file = join(refdataDir, MINE_POPULATION_FILE);
  if (!existsSync(file)) {
    throw new ReferenceDataError(
      `The mine reference data is missing: ${file} does not exist. Clone the repository beside shared/ ` +
        `(so ../shared/refdata exists) or set REDLINE_REFDATA_DIR to the folder holding ` +
        `china-coal-mines-2011-2023/.`,
    );
  }
  return parseMinePopulationCsv(readFileSync(file, 'utf8'));
}

/** A longitude/latitude box (degrees, inclusive). */
export interface AreaBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * Named areas around real coal provinces (boxes, so they overlap neighbours: approximate). Guizhou and
 * Chongqing are the boxes of the data set's SOURCE.md; the others are drawn the same way.
 */
export const NAMED_AREAS: Readonly<Record<string, AreaBox>> = {
  guizhou: { minLon: 103.6, minLat: 24.6, maxLon: 109.6, maxLat: 29.2 },
  chongqing: { minLon: 105.3, minLat: 28.2, maxLon: 110.2, maxLat: 32.2 },
  shanxi: { minLon: 110.2, minLat: 34.6, maxLon: 114.6, maxLat: 40.7 },
  heilongjiang: { minLon: 121.2, minLat: 43.4, maxLon: 135.1, maxLat: 53.6 },
};

/**
 * An area from its name (`guizhou`) or a box `minLon,minLat,maxLon,maxLat`.
 * @throws ReferenceDataError for an unknown name or a malformed box.
 */
export function parseArea(spec: string): AreaBox {
  const named = NAMED_AREAS[spec.trim().toLowerCase()];
  if (named) return named;
  const parts = spec.split(',').map((s) => Number(s.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (
    parts.length !== 4 ||
    parts.some((v) => !Number.isFinite(v)) ||
    minLon! >= maxLon! ||
    minLat! >= maxLat!
  ) {
    throw new ReferenceDataError(
      `"${spec}" is neither a named area (${Object.keys(NAMED_AREAS).join(', ')}) nor a box minLon,minLat,maxLon,maxLat.`,
    );
  }
  return { minLon: minLon!, minLat: minLat!, maxLon: maxLon!, maxLat: maxLat! };
}

export const inArea = (m: Pick<ReferenceMine, 'longitude' | 'latitude'>, a: AreaBox): boolean =>
  m.longitude >= a.minLon && m.longitude <= a.maxLon && m.latitude >= a.minLat && m.latitude <= a.maxLat;

/**
 * The mines of one year (inside an area when given), in file order.
 * @throws ReferenceDataError for a year the file does not hold.
 */
export function minesOfYear(pop: MinePopulation, year: number, area?: AreaBox): ReferenceMine[] {
  const out = pop.mines.filter((m) => m.year === year && (area === undefined || inArea(m, area)));
  if (!pop.mines.some((m) => m.year === year)) {
    throw new ReferenceDataError(
      `The mine reference data has no year ${year} (it holds ${FIRST_DATA_YEAR}–${LAST_DATA_YEAR}).`,
    );
  }
  return out;
}
