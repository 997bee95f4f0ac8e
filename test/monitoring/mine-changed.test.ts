import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ports } from '../../src/core/ports.ts';
import { issueOrder } from '../../src/core/orders/order-use-cases.ts';
import { changeMineStatus, updateMineFacts } from '../../src/core/registry/mine-use-cases.ts';
import { createWorld, type World } from '../support/world.ts';
import { failingStatusChanges } from '../support/failing-ports.ts';

/**
 * The mineChanged port (ADR 0010): the registry's use cases announce a changed mine after its
 * transaction commits — whoever listens (monitoring) reads the new status — and never a change that
 * was rolled back.
 */
describe('mineChanged', () => {
  let world: World;
  let ports: Ports;
  /** What the listener saw: the mine's id and its status as stored when it was told. */
  const heard: Array<{ mineId: string; status: string | undefined }> = [];

  beforeAll(async () => {
    world = await createWorld('sqlite', 40);
    ports = {
      ...world.ports,
      mineChanged: async (mineId) => {
        heard.push({ mineId, status: (await world.ports.mines.get(mineId))?.status });
      },
    };
  });
  afterAll(() => world.dispose());

  const producingIn = async (regionId: string, n: number) => {
    const region = world.province.regions.find((r) => r.id === regionId)!;
    const { items } = await ports.mines.search(
      { regionPath: region.path, status: 'producing' },
      { offset: 0, limit: n, sort: 'code', desc: false },
    );
    expect(items.length).toBe(n);
    return items;
  };

  it('tells the listener of a status change once it is stored', async () => {
    const [mine] = await producingIn('990000', 1);
    heard.length = 0;
    await changeMineStatus(ports, await world.principal('province'), mine!.id, {
      event: 'suspend',
      reason: '停产整顿',
    });
    expect(heard).toEqual([{ mineId: mine!.id, status: 'suspended' }]);
  });

  it('tells it of every mine an order stops, after the order is stored', async () => {
    const mines = await producingIn('990000', 2);
    heard.length = 0;
    await issueOrder(ports, await world.principal('province'), {
      number: 'MC-1',
      kind: 'suspend_mine',
      legalBasis: 'art 48',
      reason: '停产整顿',
      mineIds: mines.map((m) => m.id),
    });
    expect(heard).toEqual(mines.map((m) => ({ mineId: m.id, status: 'suspended' })));
  });

  it('tells it of edited facts, and says nothing of a change that was rolled back', async () => {
    const [mine] = await producingIn('990000', 1);
    heard.length = 0;
    await updateMineFacts(ports, await world.principal('province'), mine!.id, { approvedMaxUnderground: 77 });
    expect(heard).toEqual([{ mineId: mine!.id, status: 'producing' }]);

    heard.length = 0;
    const failing = failingStatusChanges(ports);
    await expect(
      changeMineStatus(failing, await world.principal('province'), mine!.id, {
        event: 'suspend',
        reason: '停产',
      }),
    ).rejects.toThrow('disk full');
    expect(heard).toEqual([]);
    expect((await ports.mines.get(mine!.id))?.status).toBe('producing');
  });
});
