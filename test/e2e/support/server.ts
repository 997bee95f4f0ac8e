import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { argon2Hasher, cryptoSecrets, randomIds, systemClock } from '../../../src/platform/system.ts';
import { buildApp } from '../../../src/server/app.ts';
import { generateDemoProvince, type DemoProvince } from '../../../src/sim/demo-province.ts';
import { loadDemoProvince } from '../../../src/sim/load-demo-province.ts';
import { createPorts } from '../../../src/storage/create-ports.ts';
import { createTestDatabase, type TestDatabase } from '../../support/engines.ts';
import { TEST_PASSWORD } from '../../support/world.ts';

export const WEB_ROOT = join(import.meta.dirname, '../../../web/dist');

export interface RunningServer {
  baseUrl: string;
  province: DemoProvince;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/**
 * The real server (the same buildApp as `npm start`, real clock, real argon2) on 127.0.0.1 with a
 * random port, over a fresh database holding the full 300-mine demo province. The web UI must have
 * been built (`npm run build:web`, which `npm test` does first).
 */
export async function startServer(mineCount = 300): Promise<RunningServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests.');
  }
  const database: TestDatabase = await createTestDatabase('sqlite');
  const ports = createPorts(database.db, systemClock, randomIds);
  const province = generateDemoProvince({ seed: 20201204, mineCount, now: systemClock.nowIso() });
  await loadDemoProvince(
    { ...ports, hasher: argon2Hasher },
    province,
    Object.fromEntries(province.users.map((u) => [u.username, TEST_PASSWORD])),
  );
  const app = await buildApp({
    ports,
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    webRoot: WEB_ROOT,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    province,
    app,
    stop: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
