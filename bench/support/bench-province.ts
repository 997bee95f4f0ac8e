import type { Clock, Ids, PasswordHasher, Ports } from '../../src/core/ports.ts';
import { generateDemoProvince, type DemoProvince } from '../../src/sim/demo-province.ts';
import { loadDemoProvince } from '../../src/sim/load-demo-province.ts';
import { createPorts } from '../../src/storage/create-ports.ts';
import type { OpenDatabase } from '../../src/storage/database.ts';

/**
 * The demo province (seed 1) of `mineCount` mines loaded into a migrated database through the real stores.
 * Password hashing is cheap: the accounts are not what the benches measure (they log in with API tokens).
 */
export async function loadBenchProvince(
  database: OpenDatabase,
  clock: Clock,
  ids: Ids,
  mineCount: number,
): Promise<{ ports: Ports; province: DemoProvince; hasher: PasswordHasher }> {
  const ports = createPorts(database.db, clock, ids);
  const province = generateDemoProvince({ seed: 1, mineCount, now: clock.nowIso() });
  const hasher: PasswordHasher = {
    hash: (p: string) => Promise.resolve(`plain:${p}`),
    verify: () => Promise.resolve(false),
  };
  await loadDemoProvince(
    { ...ports, hasher },
    province,
    Object.fromEntries(province.users.map((u) => [u.username, 'bench-password'])),
  );
  return { ports, province, hasher };
}
