import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringRuntime } from '../../src/monitoring/monitoring-runtime.ts';
import { createMonitoredWorld, runSongzao } from '../support/songzao.ts';
import { asSession, type Session, type World } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';

interface Bell {
  items: Array<{
    key: string;
    kind: string;
    ref: string;
    mineId: string | null;
    level: number | null;
    code: string | null;
  }>;
}

/**
 * Escalations in the bell: a critical incident nobody acknowledges goes up a level a minute (county →
 * city → province); it rings for the city and then the province regulator whose scope holds the mine,
 * not for the county (whose Today list has it already) nor another county; acknowledged, it stops.
 */
describe('notification bell: alarms escalated to my level', () => {
  let world: World;
  let runtime: MonitoringRuntime;
  let app: FastifyInstance;
  let sessions: Map<string, Session>;
  const T0 = Date.parse('2026-12-05T02:00:00Z');

  beforeAll(async () => {
    ({ world, runtime, app } = await createMonitoredWorld(24, T0));
    sessions = await loginAll(app, ['province', 'city', 'county', 'county2']);
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const bell = async (user: string) => {
    const r = await app.inject({ url: '/api/notifications', headers: asSession(sessions.get(user)!) });
    expect(r.statusCode, r.body).toBe(200);
    return r.json<Bell>().items.filter((i) => i.kind === 'escalation');
  };

  it('the Songzao incident escalates to the city, then the province; acknowledged, it leaves the bells', async () => {
    const mine = indexProvince(world).mineOf('officer');
    await runSongzao(world, runtime, mine, T0);
    world.clock.advance(3 * 60_000);
    await runtime.tick();

    const fire = (items: Bell['items']) => items.find((i) => i.code === 'incident_fire_pattern');
    for (const user of ['city', 'province']) {
      const item = fire(await bell(user));
      expect(item, user).toMatchObject({ mineId: mine.id, level: 2 });
    }
    expect(await bell('county')).toEqual([]);
    expect(await bell('county2')).toEqual([]);

    const id = fire(await bell('province'))!.ref;
    const ack = await app.inject({
      method: 'POST',
      url: `/api/alarms/${encodeURIComponent(id)}/acknowledge`,
      headers: asSession(sessions.get('county')!),
      payload: { comment: '已通知矿方撤人并停运皮带' },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    for (const user of ['city', 'province']) expect(fire(await bell(user)), user).toBeUndefined();
  });
});
