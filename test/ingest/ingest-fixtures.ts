import type { FastifyInstance } from 'fastify';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { parseUploadFile } from '../../src/core/monitoring/upload-file/upload-file-parser.ts';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring } from '../../src/server/app.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { useFixture } from '../support/suite-fixture.ts';
import { createWorld, type World } from '../support/world.ts';

/** National-format files written by hand, as a mine's KJ system sends them (domain reference §1). */

export const methanePoint = (mineCode: string): string => `${mineCode}01MN000101`;
export const coPoint = (mineCode: string): string => `${mineCode}01MN000401`;

/** CDDY: a methane point (alarm 1.0 %, power cut 1.5 %) and a CO point (alarm 24 ppm). */
export function cddyText(mineCode: string, time = '2026-12-05 08:00:00'): string {
  const point = (code: string, type: string, unit: string, alarm: string, cut: string, loc: string) =>
    `${code};01;001;${type};MN;${unit};4;0;${alarm};${alarm};;;${cut};${alarm};;;;;${loc};0;0;0;;${time}~`;
  return (
    `${mineCode};测试煤矿;KJ95X;煤矿安全监控系统;测试厂家;2027-01-01;${time}~` +
    point(methanePoint(mineCode), '0001', '%CH4', '1.0', '1.5', '1301工作面回风隅角') +
    point(coPoint(mineCode), '0004', 'ppm', '24', '', '主运输皮带巷') +
    '||'
  );
}

/** CDSS: one reading per row at `time` (China Standard Time wall clock). */
export function cdssText(
  mineCode: string,
  time: string,
  rows: Array<[point: string, value: number | string]>,
): string {
  return (
    `${mineCode};测试煤矿;${time}~` +
    rows.map(([code, v]) => `${code};甲烷;回风巷;${v};%;0;${time}~`).join('') +
    '||'
  );
}

/** `yyyyMMddHHmmss` of a `yyyy-MM-dd HH:mm:ss` time, for file names. */
export const compact = (time: string): string => time.replace(/[-: ]/g, '');

export const fileName = (mineCode: string, type: string, time: string): string =>
  `${mineCode}_${type}_${compact(time)}.txt`;

export interface IngestWorld {
  world: World;
  runtime: MonitoringRuntime;
  /** The mine safety officer `officer`'s mine (in the `county` user's county). */
  officerMine: DemoMine;
  /** Another mine in the same county. */
  neighbour: DemoMine;
  /** `officer2`'s mine, in another city. */
  farMine: DemoMine;
  buildApp(withMonitoring?: boolean): Promise<FastifyInstance>;
  /** Defines the CDDY points of the mine through the runtime. */
  definePoints(mine: DemoMine): Promise<void>;
  dispose(): Promise<void>;
}

/** A fresh SQLite world with a started runtime. */
export async function createIngestWorld(mineCount = 30): Promise<IngestWorld> {
  const world = await createWorld('sqlite', mineCount);
  const { runtime, hub } = createMonitoringRuntime(world.database, world.ports);
  await runtime.start();
  const mineOf = (username: string) => {
    const scope = world.province.users.find((u) => u.username === username)?.scope;
    const mine = world.province.mines.find((m) => scope?.kind === 'mine' && m.id === scope.mineId);
    if (!mine) throw new Error(`no mine for ${username}`);
    return mine;
  };
  const officerMine = mineOf('officer');
  const neighbour = world.province.mines.find(
    (m) => m.regionId === officerMine.regionId && m.id !== officerMine.id,
  );
  if (!neighbour) throw new Error('the officer mine has no neighbour in its county');
  const apps: FastifyInstance[] = [];
  return {
    world,
    runtime,
    officerMine,
    neighbour,
    farMine: mineOf('officer2'),
    async buildApp(withMonitoring = true) {
      const app = await buildApp({
        ports: world.ports,
        hasher: argon2Hasher,
        secrets: cryptoSecrets,
        config: { sessionTtlMs: 3_600_000, cookieSecure: false },
        ...(withMonitoring ? { monitoring: embeddedMonitoring(runtime, hub) } : {}),
      });
      apps.push(app);
      return app;
    },
    async definePoints(mine) {
      const parsed = parseUploadFile(fileName(mine.code, 'CDDY', '2026-12-05 08:00:00'), cddyText(mine.code));
      if (!parsed.ok || parsed.file.type !== 'CDDY') throw new Error('bad test CDDY');
      await runtime.definePoints(mine.code, parsed.file.records);
    },
    async dispose() {
      for (const app of apps) await app.close();
      await world.dispose();
    },
  };
}

/** A log for the doors under test that says nothing. */
export const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The ingest world of a describe block: one for all its tests, or a fresh one for each (`each`). */
export function useIngestWorld(options: { each?: boolean } = {}): IngestWorld {
  return useFixture(
    () => createIngestWorld(),
    (w) => w.dispose(),
    options,
  );
}
