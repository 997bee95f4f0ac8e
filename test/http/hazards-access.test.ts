import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import type { Principal } from '../../src/core/access/types.ts';
import { listUnderSupervision } from '../../src/core/hazards/hazard-oversight.ts';
import {
  assignHazard,
  reportHazard,
  startRectifying,
  submitForVerification,
  verifyAndClose,
} from '../../src/core/hazards/hazard-use-cases.ts';
import { newAlarm } from '../../src/core/monitoring/alarms/alarm-lifecycle.ts';
import { registerMine } from '../../src/core/registry/mine-use-cases.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { beltHazard, GENERAL_PLAN, generalHazard, MAJOR_PLAN } from '../hazards/hazard-fixtures.ts';
import { asSession, buildTestApp, createWorld, type Session } from '../support/world.ts';
import { createCodeSource, errorOf, indexProvince, loginAll, mineFacts } from './http-kit.ts';
import { HAZARDS_WALKED_ROUTES } from './route-walks/hazards.ts';

/**
 * The hazards rows of the authorization matrix: every hazards route × every demo user × a target in
 * `county`'s county and one in `county2`'s. Expected answers derive from ROLE_PERMISSIONS and scope:
 * no session 401; role lacks the permission 403; target out of scope 404 (body never names it); else 2xx.
 */
const world = await createWorld('sqlite', 30);
const province = indexProvince(world);
const codes = createCodeSource(world);
const TARGETS = [province.mineOf('officer'), province.mineOf('officer2')];
const OFFICER_OF = new Map([
  [TARGETS[0]!.id, 'officer'],
  [TARGETS[1]!.id, 'officer2'],
]);
const P = world.ports;
let quarterSerial = 1000;

interface Cell {
  method: 'GET' | 'POST';
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
}

interface Walk {
  key: string;
  permission: Permission;
  /** Region-level routes answer 404 out of scope only when they name a target. */
  scoped: boolean;
  ok: number;
  setup(mine: DemoMine): Promise<Cell>;
}

const principal = (username: string): Promise<Principal> => world.principal(username);
const officerOf = (mine: DemoMine) => principal(OFFICER_OF.get(mine.id)!);
const regulator = () => principal('province');

async function hazardIn(
  mine: DemoMine,
  state: 'reported' | 'assigned' | 'rectifying' | 'awaiting',
  major = false,
) {
  const reporter = await officerOf(mine);
  const { hazard } = await reportHazard(P, reporter, major ? beltHazard(mine.id) : generalHazard(mine.id));
  if (state === 'reported') return hazard.id;
  await assignHazard(P, reporter, hazard.id, major ? MAJOR_PLAN : GENERAL_PLAN);
  if (state === 'assigned') return hazard.id;
  await startRectifying(P, reporter, hazard.id);
  if (state === 'rectifying') return hazard.id;
  await submitForVerification(P, reporter, hazard.id, null);
  return hazard.id;
}

let tamperSerial = 0;
/** A stored "suspected tampering" alarm at the mine: monitoring proposes a major hazard (art. 18(6)). */
async function monitoringProposalAt(mine: DemoMine): Promise<string> {
  const subject = `identical-timestamps-${++tamperSerial}`;
  const at = Date.parse('2026-12-05T02:00:00Z');
  const id = `${mine.id}|suspected_tampering|${subject}`;
  const alarm = {
    ...newAlarm('medium'),
    state: 'unack_active' as const,
    conditionActive: true,
    activeSinceMs: at,
    activeSinceReceivedMs: at,
    id,
    mineId: mine.id,
    pointId: null,
    subject,
    rule: 'suspected_tampering' as const,
    message: 'All 40 points carry the same time: generated data suspected (domain §1.6).',
    value: null,
    peakValue: null,
    peakMs: null,
    firstRaisedMs: at,
    updatedMs: at,
    receivedMs: at,
    activations: 1,
  };
  let n = 0;
  await P.monitoring.saveAlarmChanges(
    [{ alarm, effects: [], cause: 'raised', actor: null, comment: null, atMs: at, receivedMs: at }],
    () => `ae-walk-${tamperSerial}-${++n}`,
  );
  return `${id}@${at}`;
}

/** A fresh producing mine next to the target with an open suspension proposal (confirming suspends it). */
async function proposalNear(mine: DemoMine): Promise<string> {
  const reg = await regulator();
  const fresh = await registerMine(P, reg, {
    facts: mineFacts({ code: codes(mine.regionId), regionId: mine.regionId }),
  });
  const { proposals } = await reportHazard(P, reg, beltHazard(fresh.id));
  return proposals[0]!.id;
}

const WALKS: Walk[] = [
  {
    key: 'GET /api/hazards/criteria',
    permission: 'hazard.read',
    scoped: false,
    ok: 200,
    setup: () => Promise.resolve({ method: 'GET', url: '/api/hazards/criteria' }),
  },
  {
    key: 'GET /api/hazards',
    permission: 'hazard.read',
    scoped: true,
    ok: 200,
    setup: (m) => Promise.resolve({ method: 'GET', url: `/api/hazards?regionId=${m.regionId}` }),
  },
  {
    key: 'GET /api/hazards/board',
    permission: 'hazard.read',
    scoped: true,
    ok: 200,
    setup: (m) => Promise.resolve({ method: 'GET', url: `/api/hazards/board?regionId=${m.regionId}` }),
  },
  {
    key: 'GET /api/hazards/:id',
    permission: 'hazard.read',
    scoped: true,
    ok: 200,
    setup: async (m) => ({ method: 'GET', url: `/api/hazards/${await hazardIn(m, 'reported')}` }),
  },
  {
    key: 'POST /api/hazards',
    permission: 'hazard.report',
    scoped: true,
    ok: 201,
    setup: (m) => Promise.resolve({ method: 'POST', url: '/api/hazards', payload: generalHazard(m.id) }),
  },
  {
    key: 'POST /api/hazards/:id/assign',
    permission: 'hazard.rectify',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'reported')}/assign`,
      payload: GENERAL_PLAN,
    }),
  },
  {
    key: 'POST /api/hazards/:id/start',
    permission: 'hazard.rectify',
    scoped: true,
    ok: 200,
    setup: async (m) => ({ method: 'POST', url: `/api/hazards/${await hazardIn(m, 'assigned')}/start` }),
  },
  {
    key: 'POST /api/hazards/:id/submit',
    permission: 'hazard.rectify',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'rectifying')}/submit`,
      payload: {},
    }),
  },
  {
    key: 'POST /api/hazards/:id/verify',
    permission: 'hazard.verify',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'awaiting')}/verify`,
      payload: {},
    }),
  },
  {
    key: 'POST /api/hazards/:id/reject',
    permission: 'hazard.verify',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'awaiting')}/reject`,
      payload: { reason: '复查不合格' },
    }),
  },
  {
    key: 'POST /api/hazards/:id/extend',
    permission: 'hazard.extend',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'assigned')}/extend`,
      payload: { newDueDate: '2027-02-01', reason: '材料未到' },
    }),
  },
  {
    key: 'POST /api/hazards/:id/listing',
    permission: 'hazard.supervise',
    scoped: true,
    ok: 201,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'reported', true)}/listing`,
      payload: { notice: '挂牌督办通知' },
    }),
  },
  {
    key: 'POST /api/hazards/:id/listing/close',
    permission: 'hazard.supervise',
    scoped: true,
    ok: 200,
    setup: async (m) => {
      const id = await hazardIn(m, 'awaiting', true);
      const reg = await regulator();
      await listUnderSupervision(P, reg, id, '挂牌督办通知');
      await verifyAndClose(P, reg, id, null);
      // Verification closed the listing with the hazard; list again is refused, so re-open a listing row.
      await P.hazards.insertListing({
        id: `hzl-walk-${id}`,
        hazardId: id,
        notice: 'n',
        issuedBy: reg.userId,
        issuedByName: reg.displayName,
        issuedAt: P.clock.nowIso(),
        closedAt: null,
        closedBy: null,
      });
      return { method: 'POST', url: `/api/hazards/${id}/listing/close` };
    },
  },
  {
    key: 'POST /api/hazards/:id/progress',
    permission: 'hazard.rectify',
    scoped: true,
    ok: 201,
    setup: async (m) => {
      const id = await hazardIn(m, 'reported', true);
      await listUnderSupervision(P, await regulator(), id, '挂牌督办通知');
      return { method: 'POST', url: `/api/hazards/${id}/progress`, payload: { text: '已完成传感器更换' } };
    },
  },
  {
    key: 'GET /api/hazards/proposals',
    permission: 'hazard.decide',
    scoped: false,
    ok: 200,
    setup: () => Promise.resolve({ method: 'GET', url: '/api/hazards/proposals' }),
  },
  {
    key: 'POST /api/hazards/proposals/:id/confirm',
    permission: 'hazard.decide',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/proposals/${await proposalNear(m)}/confirm`,
      payload: {},
    }),
  },
  {
    key: 'POST /api/hazards/proposals/:id/dismiss',
    permission: 'hazard.decide',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/proposals/${await proposalNear(m)}/dismiss`,
      payload: { note: '区域已停产' },
    }),
  },
  {
    key: 'GET /api/hazards/monitoring-proposals',
    permission: 'hazard.read',
    scoped: false,
    ok: 200,
    setup: () => Promise.resolve({ method: 'GET', url: '/api/hazards/monitoring-proposals' }),
  },
  {
    key: 'POST /api/hazards/monitoring-proposals/confirm',
    permission: 'hazard.decide',
    scoped: true,
    ok: 201,
    setup: async (m) => ({
      method: 'POST',
      url: '/api/hazards/monitoring-proposals/confirm',
      payload: { key: await monitoringProposalAt(m), note: '数据造假属实' },
    }),
  },
  {
    key: 'POST /api/hazards/monitoring-proposals/dismiss',
    permission: 'hazard.decide',
    scoped: true,
    ok: 200,
    setup: async (m) => ({
      method: 'POST',
      url: '/api/hazards/monitoring-proposals/dismiss',
      payload: { key: await monitoringProposalAt(m), reason: '系统校时导致，非造假' },
    }),
  },
  {
    key: 'POST /api/hazards/daily-review',
    permission: 'hazard.review',
    scoped: false,
    ok: 200,
    setup: () => Promise.resolve({ method: 'POST', url: '/api/hazards/daily-review' }),
  },
  {
    key: 'POST /api/hazards/:id/evidence',
    permission: 'hazard.evidence',
    scoped: true,
    ok: 201,
    setup: async (m) => ({
      method: 'POST',
      url: `/api/hazards/${await hazardIn(m, 'reported')}/evidence`,
      payload: Buffer.from('photo'),
      headers: { 'content-type': 'image/jpeg', 'x-file-name': 'p.jpg' },
    }),
  },
  {
    key: 'GET /api/hazards/:id/evidence/:evidenceId',
    permission: 'hazard.read',
    scoped: true,
    ok: 200,
    setup: async (m) => {
      const id = await hazardIn(m, 'reported');
      // The bytes are put through the route once, so the file exists on disk.
      const ev = await uploadAsOfficer(m, id);
      return { method: 'GET', url: `/api/hazards/${id}/evidence/${ev}` };
    },
  },
  {
    key: 'POST /api/hazards/self-check-files',
    permission: 'hazard.selfcheck',
    scoped: true,
    ok: 201,
    setup: (m) =>
      Promise.resolve({
        method: 'POST',
        url: `/api/hazards/self-check-files?mineId=${m.id}`,
        payload: Buffer.from('scan'),
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'scan.pdf' },
      }),
  },
  {
    key: 'POST /api/hazards/self-check-reports',
    permission: 'hazard.selfcheck',
    scoped: true,
    ok: 201,
    setup: (m) =>
      Promise.resolve({
        method: 'POST',
        url: '/api/hazards/self-check-reports',
        payload: { mineId: m.id, quarter: `${quarterSerial++}Q1`, signer: '矿长', summary: '无重大隐患' },
      }),
  },
  {
    key: 'GET /api/hazards/self-check-reports/missing',
    permission: 'hazard.read',
    scoped: true,
    ok: 200,
    setup: (m) =>
      Promise.resolve({
        method: 'GET',
        url: `/api/hazards/self-check-reports/missing?quarter=2026Q4&regionId=${m.regionId}`,
      }),
  },
];

let app: FastifyInstance;
let sessions: Map<string, Session>;

async function uploadAsOfficer(m: DemoMine, hazardId: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/hazards/${hazardId}/evidence`,
    headers: {
      ...asSession(sessions.get(OFFICER_OF.get(m.id)!)!),
      'content-type': 'image/jpeg',
      'x-file-name': 'p.jpg',
    },
    payload: Buffer.from(`photo ${hazardId}`),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json<{ evidence: { id: string } }>().evidence.id;
}

/**
 * Whether the user's scope covers the cell's target. Region-level routes name the target's county;
 * for these two targets "sees the county" and "sees the mine" agree (an officer sees its own county).
 */
const sees = (user: DemoUserSpec, walk: Walk, mine: DemoMine): boolean =>
  !walk.scoped || province.seesMine(user, mine);

describe('hazards routes: role × scope', () => {
  beforeAll(async () => {
    app = await buildTestApp(world);
    sessions = await loginAll(
      app,
      world.province.users.map((u) => u.username),
    );
  });
  afterAll(async () => {
    await app.close();
    await world.dispose();
  });

  it('walks exactly the routes it lists as walked', () => {
    expect(WALKS.map((w) => w.key)).toEqual(HAZARDS_WALKED_ROUTES);
  });

  for (const walk of WALKS) {
    it(`${walk.key}: no session → 401`, async () => {
      const cell = await walk.setup(TARGETS[0]!);
      const res = await app.inject({
        method: cell.method,
        url: cell.url,
        payload: cell.payload,
        headers: cell.headers,
      });
      expect(res.statusCode).toBe(401);
    });
    for (const user of world.province.users) {
      for (const mine of TARGETS) {
        const allowed = ROLE_PERMISSIONS[walk.permission].includes(user.role);
        const expected = !allowed ? 403 : !sees(user, walk, mine) ? 404 : walk.ok;
        it(`${walk.key} as ${user.username} on ${mine.id} → ${expected}`, async () => {
          const cell = await walk.setup(mine);
          const session = sessions.get(user.username)!;
          const res = await app.inject({
            method: cell.method,
            url: cell.url,
            payload: cell.payload,
            headers: { ...asSession(session), ...cell.headers },
          });
          expect(res.statusCode, res.body).toBe(expected);
          if (expected === 403) expect(errorOf(res).code).toBe('FORBIDDEN');
          if (expected === 404) expect(res.body).not.toContain(mine.name);
        });
      }
    }
  }
});
