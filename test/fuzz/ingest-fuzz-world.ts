/**
 * The world the MQTT and HTTP fuzz properties feed: a fresh in-memory SQLite database with a small
 * demo province, a started monitoring runtime, one mine with a methane and a CO point, and a clock
 * the runs move forward so that every good reading is newer than the last one stored.
 */
import { strict as assert } from 'node:assert';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { coPoint, createIngestWorld, methanePoint, type IngestWorld } from '../ingest/ingest-fixtures.ts';
import type { ExpectedReading, ReadingsContext } from './reading-arbitraries.ts';

/** One run's times: strictly increasing, whole seconds, never after the clock. */
export interface RunTimes {
  nowMs: number;
  nextTime(): number;
  /** Late data: older than every point's newest reading, never the same twice. */
  nextLateTime(): number;
  /** The windows of the times handed out in this run (from > to when none was). */
  range(): { fromMs: number; toMs: number; lateFromMs: number; lateToMs: number };
}

export interface IngestFuzzWorld {
  ingest: IngestWorld;
  mine: DemoMine;
  /** A mine the readings may not go to (another city: out of the county's scope). */
  otherMine: DemoMine;
  points: readonly string[];
  beginRun(): RunTimes;
  readingsContext(run: RunTimes, mineRequired: boolean): ReadingsContext;
  countReadings(): Promise<number>;
  /** The store holds exactly `expected` for the mine's points in the run's time windows. */
  assertStored(expected: readonly ExpectedReading[], run: RunTimes): Promise<void>;
  dispose(): Promise<void>;
}

/** Room for one run's readings ahead of the cursor (a run sends at most a few dozen). */
const RUN_WINDOW_MS = 10 * 60_000;

export async function createIngestFuzzWorld(): Promise<IngestFuzzWorld> {
  const ingest = await createIngestWorld();
  const { world, runtime } = ingest;
  const mine = ingest.officerMine;
  await ingest.definePoints(mine);
  const points = [methanePoint(mine.code), coPoint(mine.code)];
  // A first reading on every point, so that a reading older than it is refused as stale.
  const clock = world.clock;
  const first = await runtime.ingestReadings(
    mine.code,
    points.map((pointCode) => ({
      pointCode,
      sensorTypeName: '',
      location: '',
      value: 0.1,
      unit: '',
      statusBits: 0,
      dataTimeMs: clock.nowMs(),
    })),
  );
  assert.equal(first.accepted, points.length, 'the first readings were not stored');
  const firstReadingMs = clock.nowMs();
  let cursor = firstReadingMs;
  // Late readings go back from 30 days before the first one, a second apart.
  let lateCursor = cursor - 30 * 86_400_000;

  const pointIdOf = (code: string): number => {
    const id = runtime.engine.pointId(mine.id, code);
    if (id === undefined) throw new Error(`no point ${code}`);
    return id;
  };

  return {
    ingest,
    mine,
    otherMine: ingest.farMine,
    points,
    beginRun() {
      const first = cursor + 1000;
      const lateFirst = lateCursor + 1000;
      clock.set(new Date(cursor + RUN_WINDOW_MS).toISOString());
      const nowMs = clock.nowMs();
      return {
        nowMs,
        nextTime() {
          cursor += 1000;
          if (cursor > nowMs) throw new Error('a run handed out more times than its window holds');
          return cursor;
        },
        nextLateTime() {
          lateCursor += 1000;
          if (lateCursor >= firstReadingMs) throw new Error('no room left for late readings');
          return lateCursor;
        },
        range: () => ({ fromMs: first, toMs: cursor, lateFromMs: lateFirst, lateToMs: lateCursor }),
      };
    },
    readingsContext(run, mineRequired) {
      return {
        mineCode: mine.code,
        otherMineCode: ingest.farMine.code,
        points,
        mineRequired,
        nowMs: run.nowMs,
        nextTime: () => run.nextTime(),
        nextLateTime: () => run.nextLateTime(),
      };
    },
    countReadings: () => world.ports.monitoring.countReadings(),
    async assertStored(expected, run) {
      const { fromMs, toMs, lateFromMs, lateToMs } = run.range();
      for (const code of points) {
        const want = expected
          .filter((e) => e.point === code)
          .sort((a, b) => a.tsMs - b.tsMs)
          .map((e) => [e.tsMs, e.value]);
        const got = [
          await world.ports.monitoring.series(pointIdOf(code), lateFromMs, lateToMs, 'raw'),
          await world.ports.monitoring.series(pointIdOf(code), fromMs, toMs, 'raw'),
        ].flatMap((s) => s.t.map((t, i) => [t, s.v[i]]));
        assert.deepStrictEqual(got, want, `the readings stored for ${code} are not the good ones sent`);
      }
    },
    dispose: () => ingest.dispose(),
  };
}
