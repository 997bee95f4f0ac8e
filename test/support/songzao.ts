import type { FastifyInstance } from 'fastify';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { createMonitoringRuntime } from '../../src/monitoring/monitoring-wiring.ts';
import { embeddedMonitoring } from '../../src/server/app.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { createProvinceSimulator } from '../../src/sim/monitoring/province-simulator.ts';
import { startScenario } from '../../src/sim/monitoring/scenarios.ts';
import { buildTestApp, createWorld, type World } from './world.ts';

/** The simulator's poll interval the scenario runs at. */
const POLL_MS = 30_000;

/**
 * Runs the Songzao scenario (belt fire pattern: belt running with its protection failed, smoke and CO
 * rising, people underground) on one mine through the runtime: five minutes of normal data, then six
 * of the scenario from `t0Ms`, the world's clock following the data.
 */
export async function runSongzao(
  world: World,
  runtime: MonitoringRuntime,
  mine: DemoMine,
  t0Ms: number,
): Promise<void> {
  const sim = createProvinceSimulator({ mines: [mine], seed: 5, startMs: t0Ms, intervalMs: POLL_MS });
  const layout = sim.layouts.get(mine.code)!;
  await runtime.definePoints(mine.code, layout.points);
  await runtime.defineAreas(mine.code, layout.areas);
  const run = async (fromMs: number, minutes: number) => {
    for (let t = fromMs; t <= fromMs + minutes * 60_000; t += POLL_MS) {
      world.clock.set(new Date(t).toISOString());
      const step = sim.step(t);
      for (const r of step.readings) await runtime.ingestReadings(r.mineCode, r.readings);
      for (const p of step.personnel) await runtime.ingestPersonnel(p.mineCode, p.positions, t);
    }
  };
  await run(t0Ms - 5 * 60_000, 4.5);
  startScenario(sim, 'songzao', mine.code, t0Ms);
  await run(t0Ms, 6);
}

/**
 * A SQLite world whose app runs the monitoring pipeline in-process (as `serve` does), its clock ten
 * minutes before `t0Ms`, sessions living a day (the scenario moves the clock on).
 */
export async function createMonitoredWorld(
  mineCount: number,
  t0Ms: number,
): Promise<{ world: World; runtime: MonitoringRuntime; app: FastifyInstance }> {
  const world = await createWorld('sqlite', mineCount);
  world.clock.set(new Date(t0Ms - 600_000).toISOString());
  const { runtime, hub } = createMonitoringRuntime(world.database, world.ports);
  await runtime.start();
  const app = await buildTestApp(world, {
    monitoring: embeddedMonitoring(runtime, hub),
    sessionTtlMs: 24 * 3_600_000,
  });
  return { world, runtime, app };
}
