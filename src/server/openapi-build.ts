import type { Ports } from '../core/ports.ts';
import { buildApp } from './app.ts';

/** Routes are only registered, never called: any use of the ports while building is a bug. */
const unusedPorts = new Proxy({} as Ports, {
  get: (_, key) => {
    throw new Error(`building the app for its OpenAPI document used ports.${String(key)}`);
  },
});

/** The app's OpenAPI document, from the route schemas, without a database and without listening. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const unused = () => Promise.reject(new Error('unused'));
  const app = await buildApp({
    ports: unusedPorts,
    hasher: { hash: unused, verify: unused },
    secrets: { newToken: () => 'unused-token-000000' },
    config: { sessionTtlMs: 1, cookieSecure: false },
  });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}
