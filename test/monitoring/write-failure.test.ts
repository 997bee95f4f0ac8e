import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import { cddyFile, methanePoint } from '../support/national-files.ts';
import { describeEachEngine } from '../support/engines.ts';
import { createWorld, type World } from '../support/world.ts';

/**
 * A write that fails must not leave the engine believing what the database does not hold: the
 * client's retry of an over-limit reading must still end with the reading and its alarm stored.
 */
describeEachEngine('a failed write and its retry', (engine) => {
  let world: World;
  let runtime: MonitoringRuntime;
  beforeEach(async () => {
    world = await createWorld(engine, 20);
    runtime = createMonitoringRuntime(world.database, world.ports).runtime;
    await runtime.start();
  });
  afterEach(() => world.dispose());

  const reading = (code: string, value: number, t: number) => ({
    pointCode: methanePoint(code),
    sensorTypeName: '甲烷',
    location: '1301工作面T1',
    value,
    unit: '%',
    statusBits: 0,
    dataTimeMs: t,
  });

  async function breakReadings(on: boolean) {
    const db = world.database.db;
    if (engine === 'sqlite') {
      if (on)
        await sql`create trigger refuse_readings before insert on readings_head begin select raise(abort, 'disk full'); end`.execute(
          db,
        );
      else await sql`drop trigger refuse_readings`.execute(db);
    } else if (on) {
      await sql`create function refuse_readings() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(
        db,
      );
      await sql`create trigger refuse_readings before insert on readings_head for each row execute function refuse_readings()`.execute(
        db,
      );
    } else {
      await sql`drop trigger refuse_readings on readings_head`.execute(db);
    }
  }

  /** The mine's points, defined through its CDDY file on the real ingest path. */
  const definePoints = async (mineCode: string) => {
    const f = cddyFile(mineCode);
    await ingestUploadFile(
      { runtime, store: world.ports.monitoring, ids: world.ports.ids, clock: world.clock },
      f.name,
      new TextEncoder().encode(f.text),
    );
  };

  it('keeps the alarm of an over-limit reading that first failed to store', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    await definePoints(mine.code);
    const t = world.clock.nowMs() - 60_000;
    await runtime.ingestReadings(mine.code, [reading(mine.code, 0.2, t)]);

    await breakReadings(true);
    await expect(runtime.ingestReadings(mine.code, [reading(mine.code, 1.3, t + 10_000)])).rejects.toThrow(
      /disk full/,
    );
    await breakReadings(false);

    // The gateway retries the same reading.
    const retry = await runtime.ingestReadings(mine.code, [reading(mine.code, 1.3, t + 10_000)]);
    expect(retry.accepted).toBe(1);
    const { items } = await world.ports.monitoring.searchAlarms({
      mineId: mine.id,
      rule: 'over_limit',
      offset: 0,
      limit: 5,
    });
    expect(items[0]).toMatchObject({ state: 'unack_active', value: 1.3 });
    const id = runtime.engine.pointId(mine.id, methanePoint(mine.code))!;
    expect((await world.ports.monitoring.series(id, 0, t + 20_000, 'raw')).v).toEqual([0.2, 1.3]);

    // A second retry of the same reading changes nothing.
    const again = await runtime.ingestReadings(mine.code, [reading(mine.code, 1.3, t + 10_000)]);
    expect(again).toMatchObject({ accepted: 0, alarmsChanged: 0 });
  });

  it('keeps on rebuild an alarm stored before its reading failed: the retry does not raise it twice', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing')!;
    await definePoints(mine.code);
    const t = world.clock.nowMs() - 60_000;
    await runtime.ingestReadings(mine.code, [reading(mine.code, 1.3, t)]);
    await runtime.ingestReadings(mine.code, [reading(mine.code, 0.2, t + 10_000)]);
    await breakReadings(true);
    await expect(runtime.ingestReadings(mine.code, [reading(mine.code, 1.4, t + 20_000)])).rejects.toThrow();
    await breakReadings(false);
    // The alarm of the failed 1.4 was stored (alarm changes go first); the rebuilt engine keeps it
    // rather than clearing it from the older 0.2 and raising it again on the retry.
    const alarmId = `${mine.id}|over_limit|${methanePoint(mine.code)}`;
    expect(runtime.engine.alarms.get(alarmId)).toMatchObject({ conditionActive: true, activations: 2 });
    const retry = await runtime.ingestReadings(mine.code, [reading(mine.code, 1.4, t + 20_000)]);
    expect(retry.accepted).toBe(1);
    expect(runtime.engine.alarms.get(alarmId)).toMatchObject({ conditionActive: true, activations: 2 });
    const id = runtime.engine.pointId(mine.id, methanePoint(mine.code))!;
    expect((await world.ports.monitoring.series(id, 0, t + 30_000, 'raw')).v).toEqual([1.3, 0.2, 1.4]);
    // The next reading under the limit clears it as usual.
    await runtime.ingestReadings(mine.code, [reading(mine.code, 0.3, t + 30_000)]);
    expect(runtime.engine.alarms.get(alarmId)?.conditionActive).toBe(false);
  });
});
