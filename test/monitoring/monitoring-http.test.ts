import { describe, expect, it } from 'vitest';
import { cddyFile, cdssFile, coPoint, methanePoint, ryssFile } from '../support/national-files.ts';
import { useWorld } from '../support/world.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';
import { indexProvince } from '../http/http-kit.ts';

describe('monitoring over HTTP', () => {
  const world = useWorld('sqlite', 40);
  const suite = useMonitoredApp(world, { users: ['province', 'county', 'county2', 'officer', 'viewer'] });
  const { app, send, get, post } = suite;
  const officerMine = () => indexProvince(world).mineOf('officer');
  const acknowledge = (alarmId: string, who: string, comment: string) =>
    post(`/api/alarms/${encodeURIComponent(alarmId)}/acknowledge`, who, { comment });

  it('lists a raised alarm to the county and the mine, never to another county', async () => {
    const mine = officerMine();
    await send(cddyFile(mine.code));
    await send(cdssFile(mine.code, '2026-12-05 08:00:10', [[methanePoint(mine.code), 1.6]]));
    const county = (await get('/api/alarms', 'county')).json<{
      items: Array<{ rule: string; priority: string; mineId: string }>;
    }>();
    expect(county.items.filter((a) => a.mineId === mine.id).map((a) => [a.rule, a.priority])).toEqual(
      expect.arrayContaining([
        ['power_cut_level', 'critical'],
        ['over_limit', 'high'],
      ]),
    );
    // Critical first.
    expect(county.items[0]!.priority).toBe('critical');
    expect((await get('/api/alarms', 'officer')).json<{ total: number }>().total).toBeGreaterThanOrEqual(2);
    const other = (await get('/api/alarms', 'county2')).json<{ items: Array<{ mineId: string }> }>();
    expect(other.items.some((a) => a.mineId === mine.id)).toBe(false);
  });

  it('acknowledges with a comment; the history shows who and why; a viewer may not', async () => {
    const mine = officerMine();
    const { items } = (await get(`/api/alarms?mineId=${mine.id}&rule=over_limit`, 'county')).json<{
      items: Array<{ id: string }>;
    }>();
    const id = items[0]!.id;
    const noComment = await acknowledge(id, 'officer', '');
    expect(noComment.json<{ error: { code: string } }>().error.code).toBe('ALARM_ACK_COMMENT_REQUIRED');
    const denied = await acknowledge(id, 'viewer', '看到了');
    expect(denied.statusCode).toBe(403);
    const ok = await acknowledge(id, 'officer', '已撤出工作面人员，加强通风');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      alarm: { state: 'ack_active', lastComment: '已撤出工作面人员，加强通风' },
    });
    const detail = (await get(`/api/alarms/${encodeURIComponent(id)}`, 'county')).json<{
      events: Array<{ toState: string; actor: string | null; comment: string | null }>;
    }>();
    expect(detail.events[0]).toMatchObject({ toState: 'ack_active', comment: '已撤出工作面人员，加强通风' });
    expect(detail.events.at(-1)).toMatchObject({ toState: 'unack_active', actor: null });
    const twice = await acknowledge(id, 'county', 'again');
    expect(twice.statusCode).toBe(409);
    const out = await acknowledge(id, 'county2', '越权');
    expect(out.statusCode).toBe(404);
  });

  it('shelves for a limited time with a reason, and refuses an unbounded shelve', async () => {
    const mine = officerMine();
    const { items } = (await get(`/api/alarms?mineId=${mine.id}&rule=power_cut_level`, 'county')).json<{
      items: Array<{ id: string }>;
    }>();
    const id = encodeURIComponent(items[0]!.id);
    expect(
      (await post(`/api/alarms/${id}/shelve`, 'county', { reason: '传感器标校', minutes: 0 })).statusCode,
    ).toBe(400);
    const ok = await post(`/api/alarms/${id}/shelve`, 'county', { reason: '传感器标校', minutes: 30 });
    expect(ok.json()).toMatchObject({ alarm: { state: 'shelved' } });
    expect((await get('/api/alarms?state=shelved', 'county')).json<{ total: number }>().total).toBe(1);
    const back = await post(`/api/alarms/${id}/unshelve`, 'county', {});
    expect(back.json()).toMatchObject({ alarm: { state: 'unack_active' } });
  });

  it('shows points with enforced thresholds, the curve, and people underground', async () => {
    const mine = officerMine();
    await send(
      cdssFile(mine.code, '2026-12-05 08:00:20', [
        [methanePoint(mine.code), 0.4],
        [coPoint(mine.code), 3],
      ]),
    );
    await send(ryssFile(mine.code, '2026-12-05 08:00:20', 4));
    const { points } = (await get(`/api/mines/${mine.id}/points`, 'officer')).json<{
      points: Array<{
        id: number;
        pointCode: string;
        sensorTypeName: string;
        thresholds: { upperAlarm: number | null };
        lastValue: number | null;
      }>;
    }>();
    const ch4 = points.find((p) => p.pointCode === methanePoint(mine.code))!;
    expect(ch4).toMatchObject({ sensorTypeName: '环境瓦斯', lastValue: 0.4, thresholds: { upperAlarm: 1 } });
    const series = (
      await get(
        `/api/mines/${mine.id}/points/${ch4.id}/series?fromMs=0&toMs=${Date.parse('2026-12-06')}`,
        'officer',
      )
    ).json<{ resolution: string; v: number[]; min: number[]; max: number[] }>();
    // Decades: per hour (the readings of 08:00 CST in one hour: their mean, min and max).
    expect(series).toMatchObject({ resolution: '1h', min: [0.4], max: [1.6] });
    expect(series.v[0]).toBeCloseTo(1, 12);
    const days = (
      await get(
        `/api/mines/${mine.id}/points/${ch4.id}/series?fromMs=${Date.parse('2026-12-04T00:00:00Z')}&toMs=${Date.parse('2026-12-06T00:00:00Z')}`,
        'officer',
      )
    ).json<{ resolution: string; min: number[]; max: number[] }>();
    expect(days).toMatchObject({ resolution: '1m' });
    expect(Math.min(...days.min)).toBe(0.4);
    expect(Math.max(...days.max)).toBe(1.6);
    const raw = (
      await get(
        `/api/mines/${mine.id}/points/${ch4.id}/series?fromMs=${Date.parse('2026-12-05T00:00:00Z')}&toMs=${Date.parse('2026-12-05T01:00:00Z')}`,
        'officer',
      )
    ).json<{ resolution: string; v: number[] }>();
    expect(raw).toMatchObject({ resolution: 'raw', v: [1.6, 0.4] });
    const people = (await get(`/api/mines/${mine.id}/personnel`, 'officer')).json<{ underground: number }>();
    expect(people.underground).toBe(4);
    const other = world.province.mines.find((m) => m.regionId === '990102' && m.id !== mine.id)!;
    expect((await get(`/api/mines/${other.id}/points`, 'officer')).statusCode).toBe(404);
  });

  it('a stop order through the API raises the people-underground alarm at once', async () => {
    const mine = world.province.mines.find(
      (m) => m.status === 'producing' && m.regionId === '990102' && m.id !== officerMine().id,
    )!;
    await send(ryssFile(mine.code, '2026-12-05 08:00:30', 6));
    expect((await get(`/api/alarms?mineId=${mine.id}`, 'county')).json<{ total: number }>().total).toBe(0);
    const order = await post(`/api/mines/${mine.id}/transitions`, 'county', {
      event: 'suspend',
      reason: '全县停产整顿',
      basis: '示安监〔2026〕5号',
    });
    expect(order.statusCode).toBe(200);
    const { items } = (await get(`/api/alarms?mineId=${mine.id}`, 'county')).json<{
      items: Array<{ rule: string; priority: string }>;
    }>();
    expect(items[0]).toMatchObject({ rule: 'people_in_stopped_mine', priority: 'critical' });
  });

  it('computes the alarm KPIs for the console', async () => {
    const k = (await get('/api/alarms/kpis', 'county')).json<{
      activeByPriority: Record<string, number>;
      priorityLast24h: Record<string, number>;
      unacknowledged: number;
    }>();
    expect(k.priorityLast24h.critical).toBeGreaterThanOrEqual(1);
    expect(k.priorityLast24h.high).toBeGreaterThanOrEqual(1);
    expect(typeof k.unacknowledged).toBe('number');
  });

  it('streams alarm changes over Server-Sent Events to those whose scope covers them, and no one else', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    const mine = world.province.mines.find((m) => m.status === 'closed')!;
    const ctrl = new AbortController();
    const open = async (who: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/live`, {
        headers: { cookie: suite.as(who).cookie },
        signal: ctrl.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const stream = { text: '' };
      const done = (async () => {
        try {
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) return;
            stream.text += new TextDecoder().decode(value as Uint8Array);
          }
        } catch {
          // aborted at the end of the test
        }
      })();
      return { stream, done };
    };
    const county = await open('province');
    const other = await open('officer');
    try {
      await send(ryssFile(mine.code, '2026-12-05 08:01:00', 3));
      for (let i = 0; i < 50 && !county.stream.text.includes('people_in_stopped_mine'); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(county.stream.text).toContain('event: alarm');
      expect(county.stream.text).toMatch(
        /"rule":"people_in_stopped_mine".*"priority":"critical"|"priority":"critical".*"rule":"people_in_stopped_mine"/,
      );
      expect(other.stream.text).toContain(': connected');
      expect(other.stream.text).not.toContain(mine.id);
    } finally {
      ctrl.abort();
      await Promise.all([county.done, other.done]);
    }
  });
});
