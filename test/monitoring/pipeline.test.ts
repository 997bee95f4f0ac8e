import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { changeMineStatus } from '../../src/core/registry/mine-use-cases.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createWorld, type World } from '../support/world.ts';
import { cddyFile, ryssFile } from '../support/national-files.ts';

const cddy = (mineCode: string) => cddyFile(mineCode).text;
const cdss = (mineCode: string, time: string, rows: Array<[string, string, number, number]>) =>
  `${mineCode};测试煤矿;${time}~` +
  rows.map(([code, name, v, s]) => `${code};${name};位置;${v};单位;${s};${time}~`).join('') +
  '||';

describeEachEngine('monitoring pipeline', (engine) => {
  let world: World;
  let runtime: MonitoringRuntime;
  const enc = new TextEncoder();
  const ingest = (name: string, text: string) =>
    ingestUploadFile(
      { runtime, store: world.ports.monitoring, ids: world.ports.ids, clock: world.clock },
      name,
      enc.encode(text),
    );

  beforeEach(async () => {
    world = await createWorld(engine, 30);
    runtime = createMonitoringRuntime(world.database, world.ports).runtime;
    await runtime.start();
  });
  afterEach(async () => {
    await world.dispose();
  });

  const producing = () =>
    world.province.mines.find((m) => m.status === 'producing' && m.regionId === '990102')!;

  it('stores point definitions, readings and raises then clears a methane over-limit alarm', async () => {
    const mine = producing();
    const def = await ingest(`${mine.code}_CDDY_20261205080000.txt`, cddy(mine.code));
    expect(def).toMatchObject({ outcome: 'stored', accepted: 3, rejected: [] });

    const ch4 = `${mine.code}01MN000101`;
    const r1 = await ingest(
      `${mine.code}_CDSS_20261205080010.txt`,
      cdss(mine.code, '2026-12-05 08:00:10', [[ch4, '甲烷', 1.2, 0]]),
    );
    expect(r1).toMatchObject({ outcome: 'stored', accepted: 1 });
    const { items } = await world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 });
    expect(items.map((a) => [a.rule, a.state])).toContainEqual(['over_limit', 'unack_active']);

    await ingest(
      `${mine.code}_CDSS_20261205080020.txt`,
      cdss(mine.code, '2026-12-05 08:00:20', [[ch4, '甲烷', 0.3, 0]]),
    );
    const after = await world.ports.monitoring.searchAlarms({
      mineId: mine.id,
      rule: 'over_limit',
      offset: 0,
      limit: 10,
    });
    expect(after.items[0]).toMatchObject({ state: 'rtn_unack', conditionActive: false });
    expect(await world.ports.monitoring.countReadings()).toBe(2);
    const series = await world.ports.monitoring.series(
      runtime.engine.pointId(mine.id, ch4)!,
      0,
      Date.parse('2027-01-01'),
      'raw',
    );
    expect(series.v).toEqual([1.2, 0.3]);
  });

  it('keeps the good lines of a file with a malformed one and says why the bad one was refused', async () => {
    const mine = producing();
    await ingest(`${mine.code}_CDDY_20261205080000.txt`, cddy(mine.code));
    const ch4 = `${mine.code}01MN000101`;
    const co = `${mine.code}01MN000401`;
    const text =
      `${mine.code};测试煤矿;2026-12-05 08:00:10~` +
      `${ch4};甲烷;位置;0.21;%;0;2026-12-05 08:00:10~` +
      `${co};一氧化碳;位置;not-a-number;ppm;0;2026-12-05 08:00:10~` +
      `${mine.code}01MN999999;未知;位置;1;%;0;2026-12-05 08:00:10~||`;
    const r = await ingest(`${mine.code}_CDSS_20261205080010.txt`, text);
    expect(r.outcome).toBe('stored');
    expect(r.accepted).toBe(1);
    expect(r.rejected).toHaveLength(2);
    expect(r.rejected[0]).toMatchObject({ line: 3 });
    expect(r.rejected[0]!.reason).toMatch(/number/i);
    expect(r.rejected[1]).toMatchObject({ line: 4, field: 'pointCode' });
    expect(r.rejected[1]!.reason).toMatch(/unknown point/);
    expect(await world.ports.monitoring.countReadings()).toBe(1);
  });

  it('a re-sent file does not duplicate readings', async () => {
    const mine = producing();
    await ingest(`${mine.code}_CDDY_20261205080000.txt`, cddy(mine.code));
    const f = cdss(mine.code, '2026-12-05 08:00:10', [[`${mine.code}01MN000101`, '甲烷', 0.2, 0]]);
    await ingest(`${mine.code}_CDSS_20261205080010.txt`, f);
    await ingest(`${mine.code}_CDSS_20261205080010.txt`, f);
    expect(await world.ports.monitoring.countReadings()).toBe(1);
  });

  it('people underground in a closed mine raise the critical alarm at once, audited', async () => {
    const mine = world.province.mines.find((m) => m.status === 'closed')!;
    const card = `${mine.code}00001`;
    const area = `${mine.code}0001`;
    const station = `${area}000001`;
    const ryss =
      `${mine.code};已关闭煤矿;2026-12-05 08:00:00~` +
      `${card};张三;1;2026-12-05 07:50:00;;${area};2026-12-05 07:55:00;${station};2026-12-05 07:55:00;三八制;1.5;正常;0;0;${station}&2026-12-05 07:55:00~||`;
    const r = await ingest(`${mine.code}_RYSS_20261205080000.txt`, ryss);
    expect(r).toMatchObject({ outcome: 'stored', accepted: 1 });
    const { items } = await world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 });
    expect(items[0]).toMatchObject({
      rule: 'people_in_stopped_mine',
      priority: 'critical',
      state: 'unack_active',
    });
    const audit = await world.ports.audit.listByTarget('alarm', items[0]!.id);
    expect(audit[0]).toMatchObject({ action: 'alarm.raised', actorName: 'monitoring' });
  });

  it('people who entered and never exited count as underground whatever the flag the mine writes', async () => {
    const mine = world.province.mines.find((m) => m.status === 'closed')!;
    const f = ryssFile(mine.code, '2026-12-05 08:00:00', 3, '2026-12-05 07:50:00', '2');
    expect(await ingest(f.name, f.text)).toMatchObject({ outcome: 'stored', accepted: 3 });
    const { items } = await world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 });
    expect(items[0]).toMatchObject({ rule: 'people_in_stopped_mine', priority: 'critical', value: 3 });
    expect(runtime.engine.personnel.underground(mine.id)).toHaveLength(3);
  });

  it('a stop order on a mine with people underground raises the alarm without new data', async () => {
    const mine = producing();
    const card = `${mine.code}00001`;
    const area = `${mine.code}0001`;
    const ryss =
      `${mine.code};煤矿;2026-12-05 08:00:00~` +
      `${card};李四;1;2026-12-05 07:50:00;;${area};2026-12-05 07:55:00;;;三八制;;正常;0;0;~||`;
    await ingest(`${mine.code}_RYSS_20261205080000.txt`, ryss);
    expect((await world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 })).total).toBe(
      0,
    );
    await changeMineStatus(world.ports, await world.principal('county'), mine.id, {
      event: 'suspend',
      reason: '全市停产',
    });
    await runtime.refreshMine(mine.id);
    const { items } = await world.ports.monitoring.searchAlarms({ mineId: mine.id, offset: 0, limit: 10 });
    expect(items[0]).toMatchObject({ rule: 'people_in_stopped_mine', priority: 'critical' });
  });

  it('retention deletes raw readings past their period and keeps the recent ones', async () => {
    const mine = producing();
    await ingest(`${mine.code}_CDDY_20261205080000.txt`, cddy(mine.code));
    const ch4 = `${mine.code}01MN000101`;
    const day = 86_400_000;
    const now = world.clock.nowMs();
    const at = (value: number, dataTimeMs: number) => ({
      pointCode: ch4,
      sensorTypeName: '',
      location: '',
      value,
      unit: '%',
      statusBits: 0,
      dataTimeMs,
    });
    // Received now, a reading older than the raw retention is refused with its reason …
    const refused = await runtime.ingestReadings(mine.code, [at(0.1, now - 120 * day)]);
    expect(refused.rejected[0]!.reason).toMatch(/^READING_TIME_TOO_OLD/);
    // … so the old row is one received back then (the receiving clock moved back 120 days).
    world.clock.set(new Date(now - 120 * day + 60_000).toISOString());
    await runtime.ingestReadings(mine.code, [at(0.1, now - 120 * day)]);
    world.clock.set(new Date(now).toISOString());
    await runtime.ingestReadings(mine.code, [at(0.2, now - 10 * day)]);
    const deleted = await runtime.purgeOld(100, 1100);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const id = runtime.engine.pointId(mine.id, ch4)!;
    expect((await world.ports.monitoring.series(id, 0, now, 'raw')).v).toEqual([0.2]);
  });

  it('refuses a file whose header names another mine than its file name', async () => {
    const mine = producing();
    const r = await ingest(`${mine.code}_CDDY_20261205080000.txt`, cddy('990102999999'));
    expect(r.outcome).toBe('rejected');
    expect(r.reason).toMatch(/MINE_CODE_MISMATCH/);
  });
});
