import { describe, expect, it } from 'vitest';
import { cddyFile, cdssFile, coPoint, methanePoint } from '../support/national-files.ts';
import { useWorld } from '../support/world.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';

/**
 * A mine's buffered upload, replayed an hour after the fact through the national files: every alarm is
 * raised and cleared at the data time of the reading that caused it, with the receipt time beside it,
 * and the console's KPIs (data time) do not count the replay as a flood happening now (issue 12).
 */
describe('alarm times are the data’s times', () => {
  const world = useWorld('sqlite', 40);
  const suite = useMonitoredApp(world, { users: ['county'], sessionTtlMs: 12 * 3_600_000 });
  const { send } = suite;
  const cst = (hhmmss: string) => Date.parse(`2026-12-05T${hhmmss}+08:00`);
  const get = (url: string) => suite.get(url, 'county');

  it('a replayed hour: raise, peak and clear at the readings’ times; received now; no flood now', async () => {
    const mine = world.province.mines.find((m) => m.status === 'producing' && m.regionId === '990102')!;
    await send(cddyFile(mine.code, '2026-12-05 08:00:00'));
    world.clock.set('2026-12-05T01:00:00Z'); // 09:00 CST: the files arrive an hour late
    const ch4 = methanePoint(mine.code);
    const co = coPoint(mine.code);
    const rows: Array<[string, [number, number]]> = [
      ['08:00:30', [0.3, 2]],
      ['08:01:00', [1.2, 3]],
      ['08:01:30', [1.4, 3]],
      ['08:02:00', [1.1, 3]],
      ['08:02:30', [0.4, 2]],
    ];
    for (const [time, [m, c]] of rows) {
      const r = await send(
        cdssFile(mine.code, `2026-12-05 ${time}`, [
          [ch4, m],
          [co, c],
        ]),
      );
      expect(r.outcome).toBe('stored');
    }
    const id = `${mine.id}|over_limit|${ch4}`;
    const res = await get(`/api/alarms/${encodeURIComponent(id)}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<{
      alarm: { firstRaisedMs: number; peakValue: number; peakMs: number; receivedMs: number; state: string };
      events: Array<{ cause: string; atMs: number; receivedMs: number }>;
    }>();
    expect(detail.alarm).toMatchObject({
      firstRaisedMs: cst('08:01:00'),
      peakValue: 1.4,
      peakMs: cst('08:01:30'),
      receivedMs: Date.parse('2026-12-05T01:00:00Z'),
      state: 'rtn_unack',
    });
    expect(detail.events.map((e) => [e.cause, e.atMs, e.receivedMs])).toEqual([
      ['cleared', cst('08:02:30'), Date.parse('2026-12-05T01:00:00Z')],
      ['raised', cst('08:01:00'), Date.parse('2026-12-05T01:00:00Z')],
    ]);
    // The KPIs count alarms by data time: nothing was raised in the last 10 minutes.
    const kpis = (await get('/api/alarms/kpis')).json<{ alarmsPer10MinPerMine: number; floods: unknown[] }>();
    expect(kpis.alarmsPer10MinPerMine).toBe(0);
    expect(kpis.floods).toEqual([]);
  });
});
