import { expect, it } from 'vitest';
import {
  advanceInvestigation,
  getAccident,
  recordAccident,
  recordReport,
} from '../../src/core/accidents/accident-use-cases.ts';
import {
  recordAccountability,
  viewAccountability,
} from '../../src/core/accidents/accountability-use-cases.ts';
import { importAccidents } from '../../src/core/accidents/import-use-case.ts';
import { precededBy } from '../../src/core/accidents/preceded-by.ts';
import type { Hazard } from '../../src/core/hazards/hazard-types.ts';
import { parseCsv } from '../../src/platform/tabular/read-table.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';
import { indexProvince } from '../http/http-kit.ts';
import { accidentAt, countyRecordsAt } from './accident-fixtures.ts';
import { MSHA_MAPPING, NIOSH_MAPPING, mshaCsv, nioshCsv } from './accident-mappings.ts';

const hazard = (mine: { id: string; name: string }, path: string, over: Partial<Hazard>): Hazard => ({
  id: 'hz-x',
  mineId: mine.id,
  mineName: mine.name,
  regionPath: path,
  source: 'inspection',
  grade: 'major',
  category: 'general',
  title: 'Gas drainage not up to standard',
  description: '',
  area: null,
  equipment: null,
  pointCode: null,
  state: 'rectifying',
  reportedAt: '2026-10-01T00:00:00.000Z',
  reportedBy: 'u',
  reportedByName: 'u',
  plan: null,
  originalDueDate: '2026-10-31',
  currentDueDate: '2026-10-31',
  escalation: 'none',
  equipmentRunningDays: 0,
  lastEquipmentCheckOn: null,
  closedAt: null,
  updatedAt: '2026-10-01T00:00:00.000Z',
  ...over,
});

describeEachEngine('accidents service', (engine) => {
  const world = useWorld(engine, 40);

  it('records an accident with its computed grade, tracks the deadlines on the clock and flags the late level', async () => {
    const {
      county,
      mine,
      accident: a,
    } = await countyRecordsAt(world, '2026-12-05T08:00:00.000Z', (mine) =>
      accidentAt(mine, {
        occurredAt: '2026-12-05T07:30:00.000Z',
        type: 'gas explosion',
        deaths: 3,
        seriousInjuries: 2,
        minorInjuries: 4,
        directLossCny: 2_000_000,
      }),
    );
    expect(a.grade).toBe('larger');
    expect(a.investigationDueOn).toBe('2027-02-03');
    let d = await getAccident(world.ports, county, a.id);
    expect(d.reporting.map((s) => [s.level, s.status])).toEqual([
      ['county', 'due'],
      ['city', 'due'],
      ['province', 'due'],
    ]);
    world.clock.set('2026-12-05T09:00:00.000Z');
    await recordReport(world.ports, county, a.id, {
      level: 'county',
      reportedAt: '2026-12-05T08:45:00.000Z',
    });
    d = await getAccident(world.ports, county, a.id);
    expect(d.reporting.map((s) => s.status)).toEqual(['late', 'due', 'due']);
    expect(d.reporting[0]?.minutesLate).toBe(15);
    expect(d.hasLateReport).toBe(true);
    world.clock.set('2026-12-05T11:00:00.000Z');
    d = await getAccident(world.ports, county, a.id);
    expect(d.reporting[1]).toMatchObject({ deadline: '2026-12-05T10:45:00.000Z', status: 'overdue' });
    await expect(
      recordReport(world.ports, county, a.id, { level: 'national', reportedAt: '2026-12-05T10:00:00.000Z' }),
    ).rejects.toMatchObject({ code: 'ACCIDENT_REPORT_LEVEL_INVALID' });
    await expect(
      recordAccident(world.ports, await world.principal('officer2'), { ...a, mineId: mine.id }),
    ).rejects.toMatchObject({ code: 'MINE_NOT_FOUND' });

    await advanceInvestigation(world.ports, county, a.id, { event: 'extend' });
    await expect(advanceInvestigation(world.ports, county, a.id, { event: 'extend' })).rejects.toMatchObject({
      code: 'INVESTIGATION_TRANSITION_NOT_ALLOWED',
    });
    await expect(
      advanceInvestigation(world.ports, county, a.id, { event: 'submit_report' }),
    ).rejects.toMatchObject({
      code: 'INVESTIGATION_FINDINGS_REQUIRED',
    });
    d = await advanceInvestigation(world.ports, county, a.id, {
      event: 'submit_report',
      findings: 'Gas drainage failed',
    });
    expect(d.accident).toMatchObject({
      investigationState: 'reported',
      investigationDueOn: '2027-04-04',
      findings: 'Gas drainage failed',
    });
    const trail = await world.ports.audit.listByTarget('accident', a.id);
    expect(trail.map((e) => e.action).sort()).toEqual([
      'accident.investigation.extend',
      'accident.investigation.submit_report',
      'accident.record',
      'accident.report',
    ]);
  });

  it('shows what preceded it: a hazard left open before the accident stands out', async () => {
    const county = await world.principal('county');
    const p = indexProvince(world);
    const mine = p.mineOf('officer');
    const path = p.region(mine.regionId).path;
    await world.ports.hazards.insert(hazard(mine, path, { id: 'hz-open' }));
    await world.ports.hazards.insert(
      hazard(mine, path, {
        id: 'hz-closed',
        state: 'closed',
        closedAt: '2026-11-01T00:00:00.000Z',
        title: 'fixed',
      }),
    );
    await world.ports.hazards.insert(
      hazard(mine, path, {
        id: 'hz-old',
        state: 'closed',
        reportedAt: '2026-01-01T00:00:00.000Z',
        closedAt: '2026-02-01T00:00:00.000Z',
      }),
    );
    world.clock.set('2026-12-06T00:00:00.000Z');
    const a = await recordAccident(
      world.ports,
      county,
      accidentAt(mine, { occurredAt: '2026-12-05T20:00:00.000Z', type: 'roof fall', deaths: 1 }),
    );
    const t = await precededBy(world.ports, county, a.id);
    const hazards = t.items.filter((i) => i.kind === 'hazard');
    expect(hazards.map((h) => [h.id, h.isOpenAtAccident])).toEqual([
      ['hz-closed', false],
      ['hz-open', true],
    ]);
    expect(t.openHazards).toBe(1);
  });

  it('records accountability along the chain and shows it per official and per region', async () => {
    const county = await world.principal('county');
    const p = indexProvince(world);
    const mine = p.mineOf('officer');
    const a = await recordAccident(
      world.ports,
      county,
      accidentAt(mine, { occurredAt: '2026-12-04T20:00:00.000Z', type: 'flooding', seriousInjuries: 12 }),
    );
    const base = { decidedOn: '2026-12-10', post: '', note: '' };
    await recordAccountability(world.ports, county, a.id, {
      ...base,
      personName: '王强',
      post: '矿长',
      chain: 'enterprise',
      action: 'prosecution',
    });
    await recordAccountability(world.ports, county, a.id, {
      ...base,
      personName: '李明',
      post: '副县长',
      chain: 'government',
      action: 'demerit',
    });
    await recordAccountability(world.ports, county, a.id, {
      ...base,
      personName: '李明',
      post: '县委常委',
      chain: 'party',
      action: 'warning',
    });
    await expect(
      recordAccountability(world.ports, county, a.id, {
        ...base,
        personName: 'x',
        post: 'y',
        chain: 'party',
        action: 'warning',
        decidedOn: '2026-01-01',
      }),
    ).rejects.toMatchObject({ code: 'ACCOUNTABILITY_INVALID' });

    const person = await viewAccountability(world.ports, county, { person: '李明' });
    expect(person.byPerson).toEqual([
      { personName: '李明', posts: ['副县长', '县委常委'], chains: ['government', 'party'], records: 2 },
    ]);
    const region = await viewAccountability(world.ports, county, { regionId: mine.regionId });
    expect(region.byChain).toEqual({ enterprise: 1, regulator: 0, party: 1, government: 1 });
    const other = await viewAccountability(world.ports, await world.principal('county2'), {});
    expect(other.records).toEqual([]);
  });

  it('imports the MSHA sample: underground coal rows accepted, bad rows rejected with line and field, the rest skipped', async () => {
    const csv = mshaCsv();
    // Expected figures derived independently with the ingest CSV reader.
    const table = parseCsv(csv);
    const col = (name: string) => table.headers.indexOf(name);
    const ug = table.rows.filter(
      (r) => r[col('COAL_METAL_IND')] === 'C' && r[col('SUBUNIT')] === 'UNDERGROUND',
    );
    const unknown = (v: string | undefined) =>
      v === undefined || ['?', 'NO VALUE FOUND', ''].includes(v.trim());
    // ACCIDENT_TIME is a 24-hour hhmm number; MSHA's 9996–9999 and 2400 are not times of day.
    const badTime = (v: string | undefined) => {
      const n = Number(v);
      return !Number.isInteger(n) || Math.floor(n / 100) > 23 || n % 100 > 59;
    };
    const bad = ug.filter(
      (r) =>
        unknown(r[col('CLASSIFICATION')]) ||
        unknown(r[col('DEGREE_INJURY')]) ||
        badTime(r[col('ACCIDENT_TIME')]),
    );
    const fatal = ug.filter((r) => !bad.includes(r) && r[col('DEGREE_INJURY')] === 'FATALITY');
    expect(ug.length).toBe(603); // the figure SOURCE.md documents

    const result = await importAccidents(world.ports, await world.principal('province'), {
      fileName: 'us_data_2000.csv',
      csv,
      mapping: MSHA_MAPPING,
    });
    expect(result.rows).toBe(table.rows.length);
    expect(result.accepted).toBe(ug.length - bad.length);
    expect(result.rejected).toBe(bad.length);
    expect(result.skipped).toBe(table.rows.length - ug.length);
    expect(result.errors.length).toBeGreaterThanOrEqual(bad.length);
    for (const e of result.errors) {
      expect(['type', 'deaths', 'seriousInjuries', 'occurredTime']).toContain(e.field);
      expect(e.line).toBeGreaterThan(1);
    }
    expect(result.skippedReasons.reduce((s, r) => s + r.rows, 0)).toBe(result.skipped);

    const stored = await world.ports.accidents.list({ reference: true }, 10_000);
    expect(stored.filter((a) => a.externalRef?.startsWith('MSHA:'))).toHaveLength(result.accepted);
    expect(stored.filter((a) => a.externalRef?.startsWith('MSHA:') && a.deaths === 1)).toHaveLength(
      fatal.length,
    );
    expect(stored.every((a) => a.mineId === null && a.country === 'US')).toBe(true);
    // Register figures are untouched by the reference set.
    expect(await world.ports.accidents.count({ reference: false, regionPath: '/' })).toBe(3);
  });

  it('imports the NIOSH disasters (underground coal) and grades them by Order 493', async () => {
    const csv = nioshCsv();
    const table = parseCsv(csv.replace(/^\uFEFF/, ''));
    const col = (name: string) => table.headers.indexOf(name);
    const qualifying = table.rows.filter(
      (r) => r[col('Mine Type')]?.trim() === 'UG' && r[col('Mining Sector')] === 'Coal',
    );
    const atLeast30 = qualifying.filter((r) => Number(r[col('Killed')]) >= 30).length;
    const result = await importAccidents(world.ports, await world.principal('province'), {
      fileName: 'mining_disasters_fatalities.csv',
      csv,
      mapping: NIOSH_MAPPING,
    });
    expect(result.accepted + result.rejected).toBe(qualifying.length);
    expect(result.skipped).toBe(table.rows.length - qualifying.length);
    const niosh = (await world.ports.accidents.list({ reference: true }, 10_000)).filter((a) =>
      a.externalRef?.startsWith('NIOSH:'),
    );
    expect(niosh.filter((a) => a.grade === 'especially_major')).toHaveLength(atLeast30);
  });

  it('rejects a mapping that names a column the file lacks, storing nothing', async () => {
    const before = await world.ports.accidents.count({ reference: true });
    await expect(
      importAccidents(world.ports, await world.principal('province'), {
        fileName: 'x.csv',
        csv: 'a,b\n1,2\n',
        mapping: { ...NIOSH_MAPPING, columns: { occurredOn: 'Date', type: 'a' } },
      }),
    ).rejects.toMatchObject({ code: 'ACCIDENT_IMPORT_MAPPING_INVALID' });
    expect(await world.ports.accidents.count({ reference: true })).toBe(before);
  });
});
