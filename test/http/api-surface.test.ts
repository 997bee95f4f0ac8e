import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../support/world.ts';
import { errorOf, type Response } from './http-kit.ts';
import { setUpSmall } from './mines-kit.ts';

/** The API's surface over HTTP: unknown routes, the OpenAPI document and its docs page, error bodies and headers. */

describe('API surface', () => {
  let world: World;
  let app: FastifyInstance;
  let as: (username: string) => Record<string, string>;

  beforeAll(async () => {
    ({ world, app, as } = await setUpSmall());
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('an unknown route → 404 ROUTE_NOT_FOUND', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/mines/m-1/reopen'],
      ['DELETE', '/api/mines/m-1'],
    ] as const) {
      const res = await app.inject({ method, url, headers: as('county') });
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('GET /api/openapi.json lists the mines routes', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths['/api/mines'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(spec.paths['/api/mines/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
    expect(spec.paths['/api/mines/{id}/transitions']).toHaveProperty('post');
    expect(spec.paths['/api/mines/{id}/history']).toHaveProperty('get');
    expect(spec.paths['/api/mines/import']).toHaveProperty('post');
  });

  it('GET /api/docs answers 200 with the HTML of the API docs', async () => {
    const res = await app.inject({ url: '/api/docs', headers: as('county') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });

  it('GET /api/docs is public, like the OpenAPI document it renders', async () => {
    const res: Response = await app.inject({ url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('errors carry the request id and the security headers', async () => {
    const res = await app.inject({ url: '/api/mines?status=bogus', headers: as('county') });
    expect(errorOf(res).requestId).toMatch(/^req-/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
