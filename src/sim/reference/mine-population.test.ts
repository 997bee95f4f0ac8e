import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MINE_POPULATION_FILE,
  minesOfYear,
  parseArea,
  parseMinePopulationCsv,
  readMinePopulation,
  ReferenceDataError,
} from './mine-population.ts';

const CSV = [
  'year,capacity_10kt_per_year,longitude,latitude',
  '2019,15,105.1,26.5',
  '2019,0,105.2,26.6', // zero capacity
  '2019,,105.2,26.6', // no capacity
  '2019,9,,26.6', // no longitude
  '2019,9,105.3,', // no latitude
  '2019,9,205.3,26.1', // longitude off the Earth
  '2019,4.126272102,105.4,26.7',
  'twenty,9,105.3,26.1', // unreadable year
  '2019,9,105.3', // a field short
  '',
  '2020,300,110.5,37.9',
].join('\r\n');

describe('the mine population file', () => {
  it('keeps good rows, converting 10⁴ t/yr to whole tonnes, and counts bad ones by reason', () => {
    const pop = parseMinePopulationCsv(CSV);
    expect(pop.mines).toEqual([
      { year: 2019, capacityTPerYear: 150_000, longitude: 105.1, latitude: 26.5 },
      { year: 2019, capacityTPerYear: 41_263, longitude: 105.4, latitude: 26.7 },
      { year: 2020, capacityTPerYear: 3_000_000, longitude: 110.5, latitude: 37.9 },
    ]);
    expect(pop.skipped).toEqual({ missingPosition: 3, zeroCapacity: 2, malformed: 2 });
  });

  it('refuses a file whose header is not the expected one, naming it', () => {
    expect(() => parseMinePopulationCsv('year,capacity,lon,lat\n2019,1,2,3')).toThrow(
      /header is "year,capacity,lon,lat"/,
    );
  });

  it('selects one year inside an area; an absent year is a clear error', () => {
    const pop = parseMinePopulationCsv(CSV);
    expect(minesOfYear(pop, 2019, parseArea('guizhou'))).toHaveLength(2);
    expect(minesOfYear(pop, 2019, parseArea('105.0,26.0,105.2,27.0'))).toHaveLength(1);
    expect(minesOfYear(pop, 2020)).toHaveLength(1);
    expect(() => minesOfYear(pop, 2031)).toThrow(/no year 2031/);
  });

  it('accepts named areas and boxes, and rejects anything else', () => {
    expect(parseArea('Guizhou')).toEqual({ minLon: 103.6, minLat: 24.6, maxLon: 109.6, maxLat: 29.2 });
    expect(() => parseArea('atlantis')).toThrow(ReferenceDataError);
    expect(() => parseArea('106,27,105,28')).toThrow(/minLon,minLat,maxLon,maxLat/);
  });

  it('names the missing file and REDLINE_REFDATA_DIR when the data is absent, and reads it when present', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refdata-'));
    try {
      expect(() => readMinePopulation(dir)).toThrow(/REDLINE_REFDATA_DIR/);
      mkdirSync(join(dir, 'china-coal-mines-2011-2023'));
      writeFileSync(join(dir, MINE_POPULATION_FILE), CSV);
      expect(readMinePopulation(dir).mines).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
