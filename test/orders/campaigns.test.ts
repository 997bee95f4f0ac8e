import { expect, it } from 'vitest';
import { errorOf, indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useTestApp, useWorld, useSessions } from '../support/world.ts';

describeEachEngine('special rectification campaigns', (engine) => {
  const world = useWorld(engine, 60);
  const app = useTestApp(world);
  const as = useSessions(app, ['county', 'officer']);

  it('per-mine progress with who and when, and the per-district report in JSON and CSV', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/orders/campaigns',
      headers: as('county'),
      payload: {
        name: '冬春季专项整治',
        regionId: '990102',
        startsOn: '2026-12-01',
        endsOn: '2026-11-01',
        items: [],
      },
    });
    expect(errorOf(bad).code).toBe('CAMPAIGN_INVALID');
    const res = await app.inject({
      method: 'POST',
      url: '/api/orders/campaigns',
      headers: as('county'),
      payload: {
        name: '2026–2027 冬春季专项整治',
        regionId: '990102',
        startsOn: '2026-12-01',
        endsOn: '2027-03-31',
        items: [
          { text: '瓦斯抽采系统检查', dueOn: '2026-12-04' },
          { text: '皮带机保护装置试验', dueOn: '2027-01-31' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ campaign: { id: string } }>().campaign.id;
    const mine = indexProvince(world).mineOf('officer');
    for (const itemId of ['i1', 'i2']) {
      const m = await app.inject({
        method: 'POST',
        url: `/api/orders/campaigns/${id}/marks`,
        headers: as('officer'),
        payload: { mineId: mine.id, itemId, done: true },
      });
      expect(m.statusCode).toBe(200);
    }
    const other = await app.inject({
      method: 'POST',
      url: `/api/orders/campaigns/${id}/marks`,
      headers: as('officer'),
      payload: { mineId: indexProvince(world).mineOf('officer2').id, itemId: 'i1', done: true },
    });
    expect(other.statusCode).toBe(404);

    const progress = await app.inject({
      method: 'GET',
      url: `/api/orders/campaigns/${id}`,
      headers: as('county'),
    });
    const mines = progress.json<{
      mines: Array<{
        mineId: string;
        mineCode: string;
        done: number;
        overdue: number;
        items: Array<{ by: string | null }>;
      }>;
    }>().mines;
    const mineRow = mines.find((m) => m.mineId === mine.id);
    expect(mineRow).toMatchObject({ mineCode: mine.code, done: 2, overdue: 0 });
    expect(mineRow?.items[0]?.by).toBe('孙浩（矿井安全员）');
    const others = mines.filter((m) => m.mineId !== mine.id);
    expect(others.every((m) => m.overdue === 1)).toBe(true);

    const report = await app.inject({
      method: 'GET',
      url: `/api/orders/campaigns/${id}/report`,
      headers: as('county'),
    });
    const districts = report.json<{
      districts: Array<{ regionId: string; minesDone: number; minesTotal: number; itemsOverdue: number }>;
    }>().districts;
    expect(districts).toEqual([
      {
        regionId: '990102',
        regionName: expect.any(String) as string,
        minesDone: 1,
        minesTotal: mines.length,
        itemsOverdue: mines.length - 1,
      },
    ]);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/orders/campaigns/${id}/report?format=csv`,
      headers: as('county'),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[1]).toMatch(new RegExp(`^990102,.*,1,${mines.length},${mines.length - 1}$`));
  });
});
