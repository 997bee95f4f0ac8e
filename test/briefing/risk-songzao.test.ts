import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { createMonitoredWorld, runSongzao } from '../support/songzao.ts';
import { asSession, loginAs, type Session, type World } from '../support/world.ts';

interface RiskAnswer {
  items: Array<{
    mineId: string;
    rank: number;
    score: number;
    urgency: string;
    incidents: Array<{ rule: string }>;
    factors: Array<{ id: string; points: number }>;
  }>;
}

/**
 * Issue 16: the Songzao scenario (belt running with its protection failed, smoke and CO rising, people
 * underground) on the mine that ranked lowest puts it first in the province's risk ranking, named by
 * its incident — "a mine with a belt fire in progress cannot rank 139th".
 */
describe('risk ranking with the Songzao scenario running', () => {
  let world: World;
  let runtime: MonitoringRuntime;
  let app: FastifyInstance;
  let session: Session;
  const T0 = Date.parse('2026-12-05T02:00:00Z'); // 10:00 CST, a production shift

  beforeAll(async () => {
    ({ world, runtime, app } = await createMonitoredWorld(40, T0));
    session = await loginAs(app, 'province');
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const ranking = async () => {
    const r = await app.inject({ url: '/api/briefing/risk', headers: asSession(session) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<RiskAnswer>();
  };

  it('the mine with the belt fire in progress ranks first, explained by the incident', async () => {
    const before = await ranking();
    const producing = new Set(world.province.mines.filter((m) => m.status === 'producing').map((m) => m.id));
    // The producing mine ranked lowest: nothing on paper puts it near the top.
    const quiet = before.items.filter((r) => producing.has(r.mineId)).at(-1)!;
    expect(quiet.rank).toBeGreaterThan(10);
    expect(quiet.urgency).toBe('none');
    const mine = world.province.mines.find((m) => m.id === quiet.mineId)!;

    await runSongzao(world, runtime, mine, T0);

    const after = await ranking();
    const top = after.items[0]!;
    expect(top).toMatchObject({ mineId: mine.id, rank: 1, urgency: 'live_incident' });
    expect(top.incidents.map((i) => i.rule)).toContain('incident_fire_pattern');
    expect(top.factors.find((f) => f.id === 'live_incident')?.points).toBeGreaterThan(0);
    // Above every mine scored on paper, however high its points.
    expect(after.items.slice(1).every((r) => r.urgency !== 'live_incident')).toBe(true);
  });
});
