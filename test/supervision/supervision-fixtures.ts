import type { Principal } from '../../src/core/access/types.ts';
import {
  setContactLeader,
  setResponsiblePerson,
  setSupervisionGroup,
} from '../../src/core/supervision/assignment-use-cases.ts';
import { createPlan, decidePlan } from '../../src/core/supervision/plan-use-cases.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import type { World } from '../support/world.ts';

/** Fixtures written through the supervision use cases (never straight into the tables). */

export const PLAN = {
  documentRef: '县应急〔2026〕12号',
  measures: [
    { text: '主斜井皮带机加装烟雾、温度、CO 传感器', owner: '机电副矿长', dueOn: '2026-12-31' },
    { text: '每班检查皮带跑偏与托辊', owner: null, dueOn: null },
  ],
};

export async function userId(world: World, username: string): Promise<string> {
  return (await world.principal(username)).userId;
}

/** Drafts, submits and (unless `stopAt`) approves the mine's plan. */
export async function givePlan(
  world: World,
  mine: DemoMine,
  stopAt: 'draft' | 'submitted' | 'approved' = 'approved',
): Promise<void> {
  const officerOrCounty: Principal = await world.principal('county');
  await createPlan(world.ports, officerOrCounty, mine.id, PLAN);
  if (stopAt === 'draft') return;
  await decidePlan(world.ports, officerOrCounty, mine.id, 'submit');
  if (stopAt === 'submitted') return;
  // Separation of duties: someone other than the plan's author approves it.
  await decidePlan(world.ports, await world.principal('city'), mine.id, 'approve');
}

export async function giveResponsible(world: World, mine: DemoMine): Promise<void> {
  await setResponsiblePerson(world.ports, await world.principal('county'), mine.id, {
    name: '黄强',
    position: '矿长',
    phone: '138 0000 1234',
  });
}

export async function giveGroup(world: World, mine: DemoMine): Promise<void> {
  const group = await userId(world, 'group');
  await setSupervisionGroup(world.ports, await world.principal('county'), mine.id, {
    leaderUserId: group,
    memberUserIds: [group],
  });
}

export async function giveLeader(world: World, mine: DemoMine): Promise<void> {
  await setContactLeader(
    world.ports,
    await world.principal('county'),
    mine.id,
    await userId(world, 'leader'),
  );
}

/** Every mine of the `county` user's county, and the open (not closed) ones. */
export function countyMines(world: World): { all: DemoMine[]; open: DemoMine[] } {
  const county = world.province.users.find((u) => u.username === 'county');
  if (!county || county.scope.kind !== 'region') throw new Error('no county user');
  const regionId = county.scope.regionId;
  const all = world.province.mines.filter((m) => m.regionId === regionId);
  return { all, open: all.filter((m) => m.status !== 'closed') };
}
