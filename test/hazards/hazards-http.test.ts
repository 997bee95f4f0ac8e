import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, indexProvince } from '../http/http-kit.ts';
import { asSession, createWorld, loginAs, type Session, buildTestApp } from '../support/world.ts';
import { GENERAL_PLAN, generalHazard } from './hazard-fixtures.ts';

const world = await createWorld('sqlite', 20);
const mine = indexProvince(world).mineOf('officer');
const evidenceDir = mkdtempSync(join(tmpdir(), 'hz-ev-'));

describe('hazards over HTTP: who may verify, extend and close; evidence checksums', () => {
  let app: FastifyInstance;
  let officer: Session;
  let county: Session;
  let county2: Session;
  beforeAll(async () => {
    app = await buildTestApp(world, { evidenceDir });
    [officer, county, county2] = await Promise.all([
      loginAs(app, 'officer'),
      loginAs(app, 'county'),
      loginAs(app, 'county2'),
    ]);
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  const post = (s: Session, url: string, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: asSession(s), payload });

  async function awaitingVerification(): Promise<string> {
    const res = await post(officer, '/api/hazards', generalHazard(mine.id));
    expect(res.statusCode).toBe(201);
    const id = res.json<{ hazard: { id: string } }>().hazard.id;
    for (const [url, body] of [
      [`/api/hazards/${id}/assign`, GENERAL_PLAN],
      [`/api/hazards/${id}/start`, {}],
      [`/api/hazards/${id}/submit`, { note: '已整改' }],
    ] as const) {
      const r = await post(officer, url, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  }

  it('the officer cannot verify, reject, extend or list its own hazard (403) and the state stays', async () => {
    const id = await awaitingVerification();
    for (const [url, body] of [
      [`/api/hazards/${id}/verify`, {}],
      [`/api/hazards/${id}/reject`, { reason: '自查不合格' }],
      [`/api/hazards/${id}/extend`, { newDueDate: '2027-03-01', reason: '延期' }],
      [`/api/hazards/${id}/listing`, { notice: '挂牌' }],
    ] as const) {
      const res = await post(officer, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    const detail = await app.inject({ url: `/api/hazards/${id}`, headers: asSession(officer) });
    expect(detail.json<{ hazard: { state: string; currentDueDate: string } }>().hazard).toMatchObject({
      state: 'awaiting_verification',
      currentDueDate: '2026-12-20',
    });
  });

  it('a regulator of another county gets 404 and learns nothing; the county regulator verifies and closes', async () => {
    const id = await awaitingVerification();
    const other = await post(county2, `/api/hazards/${id}/verify`);
    expect(other.statusCode).toBe(404);
    expect(errorOf(other).code).toBe('HAZARD_NOT_FOUND');
    expect(other.body).not.toContain(mine.name);
    const noReason = await post(county, `/api/hazards/${id}/reject`, { reason: ' ' });
    expect(errorOf(noReason).code).toBe('HAZARD_REASON_REQUIRED');
    const ok = await post(county, `/api/hazards/${id}/verify`, { note: '现场复查合格' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ hazard: { state: string } }>().hazard.state).toBe('closed');
    const again = await post(county, `/api/hazards/${id}/verify`);
    expect(errorOf(again).code).toBe('HAZARD_TRANSITION_NOT_ALLOWED');
  });

  it('evidence is stored by SHA-256, returned with its checksum, and a tampered file is refused with 409', async () => {
    const id = (await post(officer, '/api/hazards', generalHazard(mine.id))).json<{
      hazard: { id: string };
    }>().hazard.id;
    const bytes = Buffer.from('PNG-ish bytes of a photo of the new rollers');
    const up = await app.inject({
      method: 'POST',
      url: `/api/hazards/${id}/evidence`,
      headers: {
        ...asSession(officer),
        'content-type': 'image/png',
        'x-file-name': encodeURIComponent('整改后照片.png'),
      },
      payload: bytes,
    });
    expect(up.statusCode, up.body).toBe(201);
    const ev = up.json<{ evidence: { id: string; sha256: string; fileName: string } }>().evidence;
    expect(ev.fileName).toBe('整改后照片.png');
    expect(readdirSync(evidenceDir)).toContain(ev.sha256);
    const get = await app.inject({ url: `/api/hazards/${id}/evidence/${ev.id}`, headers: asSession(county) });
    expect(get.statusCode).toBe(200);
    expect(get.headers['x-sha256']).toBe(ev.sha256);
    expect(get.rawPayload.equals(bytes)).toBe(true);

    writeFileSync(join(evidenceDir, ev.sha256), 'replaced on disk');
    const tampered = await app.inject({
      url: `/api/hazards/${id}/evidence/${ev.id}`,
      headers: asSession(county),
    });
    expect(tampered.statusCode).toBe(409);
    expect(errorOf(tampered).code).toBe('EVIDENCE_CHECKSUM_MISMATCH');

    const empty = await app.inject({
      method: 'POST',
      url: `/api/hazards/${id}/evidence`,
      headers: { ...asSession(officer), 'content-type': 'image/png', 'x-file-name': 'a.png' },
      payload: Buffer.alloc(0),
    });
    expect(errorOf(empty).code).toBe('EVIDENCE_EMPTY');
  });

  it('self-check reports: filed once per quarter; the missing list drops the mine', async () => {
    const missing = async () =>
      (
        await app.inject({
          url: '/api/hazards/self-check-reports/missing?quarter=2026Q4',
          headers: asSession(county),
        })
      )
        .json<{
          items: Array<{ mineId: string }>;
        }>()
        .items.map((m) => m.mineId);
    expect(await missing()).toContain(mine.id);
    const body = {
      mineId: mine.id,
      quarter: '2026Q4',
      signer: '矿长 李强',
      summary: '本季度排查重大隐患 1 项，已整改',
    };
    expect((await post(officer, '/api/hazards/self-check-reports', body)).statusCode).toBe(201);
    expect(await missing()).not.toContain(mine.id);
    expect(errorOf(await post(officer, '/api/hazards/self-check-reports', body)).code).toBe(
      'SELF_CHECK_ALREADY_FILED',
    );
    expect(
      errorOf(await post(officer, '/api/hazards/self-check-reports', { ...body, quarter: '2026-4' })).code,
    ).toBe('SELF_CHECK_QUARTER_INVALID');
  });
});
