import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../support/engines.ts';
import {
  cddyFile,
  cdssFile,
  coPoint,
  fzdyFile,
  fzssFile,
  methanePoint,
  personnelAlarmFile,
  ycbjFile,
} from '../support/national-files.ts';
import { useMonitoredApp } from '../support/monitored-app.ts';
import { useWorld } from '../support/world.ts';
import { indexProvince } from '../http/http-kit.ts';

/** Evidence beyond the mine's word (issue 12 step 5): the files Redline used to parse and throw away. */
describeEachEngine('evidence files: the mine’s own alarms, its feeds, its personnel alarms', (engine) => {
  const world = useWorld(engine, 30);
  // 09:00 CST: the files of 08:00–08:20 are all in.
  beforeAll(() => world.clock.set('2026-12-05T01:00:00Z'));
  const { send, get } = useMonitoredApp(world, { users: ['county', 'county2'] });
  const officerMine = () => indexProvince(world).mineOf('officer');
  const PERIOD = 'from=2026-12-05T07:00:00%2B08:00&to=2026-12-05T09:00:00%2B08:00';

  it('YCBJ: stored; an alarm the mine never reported is hidden; a record without handling lowers its rate', async () => {
    const mine = officerMine();
    const ch4 = methanePoint(mine.code);
    const co = coPoint(mine.code);
    await send(cddyFile(mine.code));
    // Redline sees methane over its alarm level 08:00:10–08:10:10 and CO over 24 ppm from 08:05:10.
    await send(
      cdssFile(mine.code, '2026-12-05 08:00:10', [
        [ch4, 1.2],
        [co, 3],
      ]),
    );
    await send(
      cdssFile(mine.code, '2026-12-05 08:05:10', [
        [ch4, 1.2],
        [co, 40],
      ]),
    );
    await send(
      cdssFile(mine.code, '2026-12-05 08:10:10', [
        [ch4, 0.3],
        [co, 40],
      ]),
    );
    // The mine reports the methane episode, with no handling measure, and never the CO one.
    const ycbj = ycbjFile(mine.code, '2026-12-05 08:15:00', [
      { pointCode: ch4, code: '001', start: '2026-12-05 08:00:12', end: '2026-12-05 08:10:05', max: 1.2 },
    ]);
    expect(await send(ycbj)).toMatchObject({ outcome: 'stored', type: 'YCBJ', accepted: 1, rejected: [] });

    const res = await get(`/api/mines/${mine.id}/alarm-evidence?${PERIOD}`, 'county');
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      redlineCount: number;
      mineCount: number;
      hiddenCount: number;
      unhandledCount: number;
      handlingRate: number | null;
      hidden: Array<{ pointCode: string; rule: string }>;
    }>();
    expect(body).toMatchObject({
      redlineCount: 2,
      mineCount: 1,
      hiddenCount: 1,
      unhandledCount: 1,
      handlingRate: 0,
    });
    expect(body.hidden.map((h) => [h.pointCode, h.rule])).toEqual([[co, 'over_limit']]);

    // The mine re-sends the record with what it did: the stored record is updated, not doubled.
    const handled = ycbjFile(mine.code, '2026-12-05 08:20:00', [
      {
        pointCode: ch4,
        code: '001',
        start: '2026-12-05 08:00:12',
        end: '2026-12-05 08:10:05',
        max: 1.2,
        measures: '停止作业、撤出人员、加强通风',
        enteredAt: '2026-12-05 08:18:00',
        enteredBy: '调度员王五',
      },
    ]);
    await send(handled);
    const after = (await get(`/api/mines/${mine.id}/alarm-evidence?${PERIOD}`, 'county')).json<{
      mineCount: number;
      handlingRate: number;
    }>();
    expect(after).toMatchObject({ mineCount: 1, handlingRate: 1 });
  });

  it('the evidence is the county’s to see, not another county’s; a reversed period is refused clearly', async () => {
    const mine = officerMine();
    const other = await get(`/api/mines/${mine.id}/alarm-evidence?${PERIOD}`, 'county2');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: 'MINE_NOT_FOUND' } });
    const reversed = await get(
      `/api/mines/${mine.id}/alarm-evidence?from=2026-12-05T09:00:00%2B08:00&to=2026-12-05T07:00:00%2B08:00`,
      'county',
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: { code: 'EVIDENCE_RANGE_INVALID' } });
  });

  it('FZDY/FZSS: the latest state of each feed is kept, by data time', async () => {
    const mine = officerMine();
    const sub = `${mine.code}01DT4001001`;
    expect(await send(fzdyFile(mine.code, '2026-12-05 08:00:00', [[sub, '中央变电所']]))).toMatchObject({
      outcome: 'stored',
      accepted: 1,
    });
    await send(fzssFile(mine.code, '2026-12-05 08:10:00', [[sub, '0', '1']]));
    // A late file with an older state does not overwrite the newer one.
    await send(fzssFile(mine.code, '2026-12-05 08:05:00', [[sub, '0', '0']]));
    const [feed] = await world.ports.monitoring.feedStates([mine.id]);
    expect(feed).toMatchObject({
      substationCode: sub,
      location: '中央变电所',
      runState: 'communicating',
      powerState: 'ac',
      dataTimeMs: Date.parse('2026-12-05T08:10:00+08:00'),
    });
  });

  it('personnel alarm files (RYCS, RYCY, RYXZ, RYQJ) are accepted and kept, a re-sent one not doubled', async () => {
    const mine = officerMine();
    for (const type of ['RYCS', 'RYCY', 'RYXZ', 'RYQJ'] as const) {
      const f = personnelAlarmFile(mine.code, type, '2026-12-05 08:30:00', [1, 2]);
      expect(await send(f)).toMatchObject({ outcome: 'stored', type, accepted: 2, rejected: [] });
    }
    await send(personnelAlarmFile(mine.code, 'RYQJ', '2026-12-05 08:30:00', [1, 2]));
    const kept = await world.ports.monitoring.personnelAlarmRecords(mine.id, 100);
    expect(kept).toHaveLength(8);
    expect(
      kept
        .filter((r) => r.fileType === 'RYQJ')
        .map((r) => r.cardCode)
        .sort(),
    ).toEqual([`${mine.code}00001`, `${mine.code}00002`]);
  });
});
