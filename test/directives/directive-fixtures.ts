import { createUser } from '../../src/core/access/accounts.ts';
import type { Ports } from '../../src/core/ports.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { argon2Hasher } from '../../src/platform/system.ts';
import { indexProvince } from '../http/http-kit.ts';
import { TEST_PASSWORD, type World } from '../support/world.ts';

/** Fixtures for the directives suites, written through the use cases. */

export const HOUR_MS = 3_600_000;

/** `county`'s county and its non-closed mines (the recipients of a notice to that county). */
export function countyOf(world: World): { regionId: string; mines: DemoMine[] } {
  const county = indexProvince(world).user('county');
  if (county.scope.kind !== 'region') throw new Error('county is not region-scoped');
  const regionId = county.scope.regionId;
  return {
    regionId,
    mines: world.province.mines.filter((m) => m.regionId === regionId && m.status !== 'closed'),
  };
}

/**
 * A second mine safety officer ("officer-b") for another non-closed mine of `county`'s county (the demo
 * province has one officer per county).
 */
export async function createSecondOfficer(world: World): Promise<DemoMine> {
  const taken = indexProvince(world).mineOf('officer');
  const mine = countyOf(world).mines.find((m) => m.id !== taken.id);
  if (!mine) throw new Error('the county has only one open mine');
  await createOfficerB(world.ports, mine.id, { id: 'test', name: 'test' });
  return mine;
}

/** Creates "officer-b" (第二安全员, password TEST_PASSWORD), the mine safety officer of `mineId`. */
export async function createOfficerB(
  ports: Ports,
  mineId: string,
  actor: { id: string; name: string },
): Promise<void> {
  await createUser({ ...ports, hasher: argon2Hasher }, actor, {
    username: 'officer-b',
    displayName: '第二安全员',
    role: 'mine_safety_officer',
    scope: { kind: 'mine', mineId },
    password: TEST_PASSWORD,
  });
}
