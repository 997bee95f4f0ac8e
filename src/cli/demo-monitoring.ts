import type { Ports } from '../core/ports.ts';
import type { MonitoringRuntime } from '../monitoring/monitoring-runtime.ts';
import type { ScenarioControl } from '../server/app.ts';
import {
  createProvinceSimulator,
  type ProvinceSimulator,
  type ProvinceStep,
} from '../sim/monitoring/province-simulator.ts';
import {
  SCENARIO_NAMES,
  SCENARIO_TIMELINES,
  startScenario,
  type ActiveScenario,
  type ScenarioName,
} from '../sim/monitoring/scenarios.ts';
import { conflict, invalidInput } from '../core/errors.ts';

export interface DemoMonitoring {
  scenarios: ScenarioControl;
  simulator: ProvinceSimulator;
  stop(): void;
}

/**
 * Drives the demo province's monitoring: lays out every mine's points and areas, then feeds one poll of
 * the simulator into the runtime every `intervalMs`, exactly as uploads would arrive. Scenarios are
 * overlays on the simulator; starting one feeds its mine at once, so its first signals show within a
 * second instead of at the next poll.
 */
export async function startDemoMonitoring(deps: {
  ports: Pick<Ports, 'mines' | 'clock'>;
  runtime: MonitoringRuntime;
  seed: number;
  intervalMs: number;
  log: (msg: string) => void;
}): Promise<DemoMonitoring> {
  const { items } = await deps.ports.mines.search(
    {},
    { offset: 0, limit: 1_000_000, sort: 'code', desc: false },
  );
  const now = deps.ports.clock.nowMs();
  const sim = createProvinceSimulator({
    mines: items,
    seed: deps.seed,
    startMs: now,
    intervalMs: deps.intervalMs,
    // A mine stopped by an order keeps its safety monitoring and positioning online (no production,
    // nobody underground): resumption acceptance checks exactly that (ADR 0009).
    standbyStatuses: ['suspended', 'resumption_review'],
  });
  for (const layout of sim.layouts.values()) {
    await deps.runtime.definePoints(layout.mineCode, layout.points);
    await deps.runtime.defineAreas(layout.mineCode, layout.areas);
  }
  const mineIdByCode = new Map(items.map((m) => [m.code, m]));
  const active: ActiveScenario[] = [];

  /** Mines obey the registry: a mine stopped or closed by an order stops its normal operation. */
  const followStatuses = () => {
    for (const m of items) {
      const status = deps.runtime.engine.mine(m.id)?.status;
      if (status !== undefined) sim.setMineStatus(m.code, status);
    }
  };

  const feed = async (step: ProvinceStep, only?: string) => {
    for (const r of step.readings) {
      if (only === undefined || r.mineCode === only)
        await deps.runtime.ingestReadings(r.mineCode, r.readings);
    }
    for (const p of step.personnel) {
      if (only === undefined || p.mineCode === only)
        await deps.runtime.ingestPersonnel(p.mineCode, p.positions, step.atMs);
    }
  };

  let busy = false;
  const timer = setInterval(() => {
    if (busy) return; // a slow poll is skipped rather than queued behind itself
    busy = true;
    followStatuses();
    feed(sim.step(deps.ports.clock.nowMs()))
      .catch((e: unknown) => deps.log(`simulator poll failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        busy = false;
      });
  }, deps.intervalMs);
  timer.unref();
  await feed(sim.step(now));

  const scenarios: ScenarioControl = {
    available: () =>
      SCENARIO_NAMES.map((name) => ({
        name,
        timeline: SCENARIO_TIMELINES[name].events.map((e) => ({
          offsetMs: e.offsetMs,
          what: `${e.zh} / ${e.en}`,
        })),
      })),
    active: () =>
      active.map((a) => ({
        name: a.name,
        mineId: mineIdByCode.get(a.mineCode)?.id ?? a.mineCode,
        mineName: mineIdByCode.get(a.mineCode)?.name ?? a.mineCode,
        startedAtMs: a.startMs,
      })),
    async start(name, mineId, isAllowed) {
      if (!(SCENARIO_NAMES as readonly string[]).includes(name)) {
        throw invalidInput('SCENARIO_UNKNOWN', `Unknown scenario "${name}".`);
      }
      const scenarioName = name as ScenarioName;
      const wanted = scenarioName === 'diaoshuidong' ? ['closed', 'closing'] : ['producing'];
      const busyMines = new Set(active.map((a) => a.mineCode));
      const candidates = items.filter(
        (m) =>
          (mineId === null ? wanted.includes(m.status) : m.id === mineId) &&
          isAllowed(m.id) &&
          !busyMines.has(m.code),
      );
      // Diaoshuidong happened in a closed mine: prefer one, then a closing one (whose data alone is no
      // activity until power comes back in the scenario's timeline, ADR 0014).
      const mine = [...candidates].sort((a, b) => wanted.indexOf(a.status) - wanted.indexOf(b.status))[0];
      if (!mine) {
        throw conflict(
          'SCENARIO_NO_MINE',
          `No ${wanted.join('/')} mine in your scope is free for "${name}".`,
        );
      }
      const at = deps.ports.clock.nowMs();
      const started = startScenario(sim, scenarioName, mine.code, at);
      active.push(started);
      deps.log(`scenario ${name} started at ${mine.name} (${mine.code})`);
      await feed(sim.step(at), mine.code);
      return {
        name,
        mineId: mine.id,
        mineName: mine.name,
        startedAtMs: started.startMs,
        timeline: started.events.map((e) => ({ offsetMs: e.offsetMs, what: `${e.zh} / ${e.en}` })),
      };
    },
  };

  return { scenarios, simulator: sim, stop: () => clearInterval(timer) };
}
