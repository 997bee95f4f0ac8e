import { describe, expect, it } from 'vitest';
import { indexProvince } from '../http/http-kit.ts';
import { ryssFile } from '../support/national-files.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';
import { useWorld } from '../support/world.ts';

/**
 * "Stopped" means stopped until acceptance is approved: a mine that applies for resumption
 * (suspended → resumption_review) must not step out of its watch (issue 12, the resumption loophole).
 */
describe('a mine under resumption review is still a stopped mine', () => {
  const world = useWorld('sqlite', 40);
  const { send, get, post } = useMonitoredApp(world, { users: ['county', 'officer'] });
  type Alarm = { rule: string; priority: string; state: string; conditionActive: boolean };
  const alarmsOf = async (mineId: string) =>
    (await get(`/api/alarms?mineId=${mineId}&state=all`, 'county')).json<{ items: Alarm[] }>().items;

  it('people underground stay a critical, active alarm when the suspended mine applies for resumption', async () => {
    const mine = indexProvince(world).mineOf('officer');
    if (mine.status !== 'suspended') {
      const suspend = await post(`/api/mines/${mine.id}/transitions`, 'county', {
        event: 'suspend',
        reason: '停产整顿',
        basis: '示安监〔2026〕9号',
      });
      expect(suspend.statusCode).toBe(200);
    }
    await send(ryssFile(mine.code, '2026-12-05 08:00:20', 19));
    const before = (await alarmsOf(mine.id)).find((a) => a.rule === 'people_in_stopped_mine');
    expect(before).toMatchObject({ priority: 'critical', state: 'unack_active', conditionActive: true });

    const applied = await post('/api/orders/resumptions', 'officer', { mineId: mine.id, note: '整改完成' });
    expect(applied.statusCode).toBe(201);
    const mineNow = (await get(`/api/mines/${mine.id}`, 'county')).json<{ mine: { status: string } }>();
    expect(mineNow.mine.status).toBe('resumption_review');

    // Before the fix this alarm went to "returned" (rtn_unack) the moment the mine applied.
    const after = (await alarmsOf(mine.id)).find((a) => a.rule === 'people_in_stopped_mine');
    expect(after).toMatchObject({ priority: 'critical', state: 'unack_active', conditionActive: true });

    // A new snapshot while the application is pending is still judged as a stopped mine.
    await send(ryssFile(mine.code, '2026-12-05 08:01:20', 19));
    const still = (await alarmsOf(mine.id)).find((a) => a.rule === 'people_in_stopped_mine');
    expect(still).toMatchObject({ conditionActive: true });
  });
});
