import type * as FastifyModule from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../src/core/access/permissions.ts';
import { ROLES } from '../../src/core/access/types.ts';
import { SEPARATION_OF_DUTIES } from '../../src/core/access/separation-of-duties.ts';
import { changeMineStatus } from '../../src/core/registry/mine-use-cases.ts';
import { GENERAL_PLAN, generalHazard } from '../hazards/hazard-fixtures.ts';
import type { MineStatus, Region } from '../../src/core/registry/types.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { demoAssignments } from '../../src/sim/demo-supervision.ts';
import { asSession, createWorld, loginAs, type Session } from '../support/world.ts';
import {
  ACCIDENTS_WALKED_ROUTES,
  BRIEFING_WALKED_ROUTES,
  CLOSURE_WALKED_ROUTES,
  DIRECTIVES_WALKED_ROUTES,
  EXPERTISE_WALKED_ROUTES,
  HAZARDS_WALKED_ROUTES,
  ORDERS_WALKED_ROUTES,
  STOPPED_WALKED_ROUTES,
  SUPERVISION_WALKED_ROUTES,
} from './route-walks.ts';
import { createMonitoringRuntime, withMineChanged } from '../../src/monitoring/monitoring-wiring.ts';
import { argon2Hasher, cryptoSecrets } from '../../src/platform/system.ts';
import { buildApp, embeddedMonitoring } from '../../src/server/app.ts';
import { createApiToken } from '../../src/core/access/tokens.ts';
import { ingestUploadFile } from '../../src/ingest/files/ingest-upload-file.ts';
import { cddyText, cdssText, fileName, methanePoint } from '../ingest/ingest-fixtures.ts';
import {
  createCodeSource,
  errorOf,
  indexProvince,
  loginAll,
  mineFacts,
  toCsv,
  type Response,
} from './http-kit.ts';

/**
 * THE authorization matrix: every /api route × every demo user (all 8 roles) × a target in the
 * `county` user's county and one in `county2`'s. The expected answer of each cell is derived from
 * ROLE_PERMISSIONS and the user's scope, never written per cell:
 *   no session → 401; role lacks a permission → 403 FORBIDDEN; target outside scope → 404 (and the
 *   body never names the target); otherwise the route's 2xx, with its effect checked in the store.
 */

// Every route the app registers, recorded by an onRoute hook installed on the Fastify instance the
// moment buildApp creates it, so that no route (plugins included) is registered before the hook.
const recorded = vi.hoisted(() => [] as Array<{ method: string; url: string }>);
vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof FastifyModule>();
  const recordingFastify = ((options?: FastifyModule.FastifyServerOptions) => {
    const app = real.default(options);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) recorded.push({ method, url: route.url });
    });
    return app;
  }) as typeof real.default;
  return { ...real, default: recordingFastify, fastify: recordingFastify };
});

const world = await createWorld();
afterAll(() => world.dispose());
// The monitoring pipeline runs in the matrix's app, so the routes that need it answer.
const monitoring = createMonitoringRuntime(world.database, world.ports);
await monitoring.runtime.start();
const monitoringDeps = {
  runtime: monitoring.runtime,
  store: world.ports.monitoring,
  ids: world.ports.ids,
  clock: world.clock,
};
const province = indexProvince(world);
const codes = createCodeSource(world);

/** The users walked: all ten demo users, so every role is seen from both sides of the county line. */
const USERS: readonly DemoUserSpec[] = world.province.users;

interface Target {
  label: string;
  mine: DemoMine;
  region: Region;
}

// Target A: the `officer` user's mine, in the `county` user's county (990102, city 990100).
// Target B: the `officer2` user's mine, in the `county2` user's county (another city).
const mineA = province.mineOf('officer');
const mineB = province.mineOf('officer2');
const TARGETS: readonly Target[] = [
  { label: `county's county (mine ${mineA.id})`, mine: mineA, region: province.region(mineA.regionId) },
  { label: `county2's county (mine ${mineB.id})`, mine: mineB, region: province.region(mineB.regionId) },
];

// Both target mines have their measuring points defined, so a reading is refused only by access.
for (const m of [mineA, mineB]) {
  const def = await ingestUploadFile(
    monitoringDeps,
    fileName(m.code, 'CDDY', '2026-12-05 08:00:00'),
    new TextEncoder().encode(cddyText(m.code)),
  );
  if (def.outcome !== 'stored') throw new Error(`points of ${m.code} not defined: ${def.reason}`);
}
/** A methane reading through the runtime (as an upload would), to raise or clear the target's alarms. */
const methane = async (mine: DemoMine, value: number) => {
  await monitoring.runtime.ingestReadings(mine.code, [
    {
      pointCode: methanePoint(mine.code),
      sensorTypeName: '甲烷',
      location: '1301工作面T1',
      value,
      unit: '%',
      statusBits: 0,
      dataTimeMs: nextReadingMs(),
    },
  ]);
};
const alarmOf = (mine: DemoMine, rule: string) => `${mine.id}|${rule}|${methanePoint(mine.code)}`;
const alarmState = (mine: DemoMine, rule: string) =>
  monitoring.runtime.engine.alarms.get(alarmOf(mine, rule))?.state;
const provinceRegulator = await world.principal('province');
/** Puts the over-limit alarm of a mine in the wanted shelved/unshelved state, through the runtime (audited). */
const ensureShelved = async (mine: DemoMine, shelved: boolean) => {
  const isShelved = alarmState(mine, 'over_limit') === 'shelved';
  if (isShelved === shelved) return;
  await monitoring.runtime.act(
    provinceRegulator,
    alarmOf(mine, 'over_limit'),
    shelved
      ? { kind: 'shelve', actor: 'matrix', reason: 'matrix set-up', untilMs: world.clock.nowMs() + 3_600_000 }
      : { kind: 'unshelve', actor: 'matrix' },
    'matrix set-up',
  );
};

/** Puts the over-limit alarm of a mine in or out of service, through the runtime (audited). */
const ensureInService = async (mine: DemoMine, inService: boolean) => {
  await ensureShelved(mine, false);
  const isIn = alarmState(mine, 'over_limit') !== 'out_of_service';
  if (isIn === inService) return;
  await monitoring.runtime.act(
    provinceRegulator,
    alarmOf(mine, 'over_limit'),
    inService
      ? { kind: 'return_to_service', actor: 'matrix' }
      : { kind: 'remove_from_service', actor: 'matrix', reason: 'matrix set-up' },
    'matrix set-up',
  );
};

/** A fresh reading time for each attempt (epoch ms, before the fixed clock), so none is stale. */
let readingMs = world.clock.nowMs() - 3_600_000;
const nextReadingMs = () => (readingMs += 1000);
const cstText = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const hasReading = async (mine: DemoMine, ms: number) => {
  const id = monitoring.runtime.engine.pointId(mine.id, methanePoint(mine.code));
  if (id === undefined) throw new Error(`no methane point for ${mine.code}`);
  return (await world.ports.monitoring.series(id, ms, ms, 'raw')).t.includes(ms);
};

// Both targets start with an active methane over-limit alarm.
for (const m of [mineA, mineB]) await methane(m, 1.2);

/** How a route's target is scoped. `region-write` regions must lie inside a region scope. */
type ScopeKind = 'mine' | 'region-read' | 'region-write' | 'none';

interface Expected {
  status: number;
  code?: string;
  /** The action is permitted and in scope: its effect must be visible afterwards. */
  allowed: boolean;
  /** A bulk import answers 200 with the out-of-scope row rejected instead of a 404. */
  rejectedRow?: boolean;
}

interface Attempt {
  user: DemoUserSpec | null;
  target: Target | null;
  expected: Expected;
}

interface Prepared {
  url: string;
  payload?: string | Record<string, unknown>;
  headers?: Record<string, string>;
  /** Checks the store after the answer: the effect when allowed, nothing changed otherwise. */
  check?(res: Response): Promise<void> | void;
}

interface RouteSpec {
  permissions: readonly Permission[];
  scope: ScopeKind;
  okStatus: number;
  notFoundCode?: string;
  outOfScope?: 'not-found' | 'rejected-row';
  /** Text a 2xx answer must contain for the target (proof it really answered about that target). */
  reveals?(t: Target): string;
  /** For scope-less listings: text present exactly when the user can see the target. */
  visibleWhenSeen?(t: Target): string;
  /** The cell needs its own session (logout would end the shared one). */
  ownSession?: boolean;
  prepare(a: Attempt): Promise<Prepared> | Prepared;
}

const storedMine = async (id: string) => {
  const m = await world.ports.mines.get(id);
  if (!m) throw new Error(`mine ${id} vanished`);
  return m;
};

/** The next step of a lifecycle round trip, so repeated allowed transitions stay legal. */
const NEXT_EVENT: Partial<Record<MineStatus, { event: string; to: MineStatus }>> = {
  producing: { event: 'suspend', to: 'suspended' },
  construction: { event: 'complete_construction', to: 'producing' },
};

let patchCount = 0;

const t = (a: Attempt): Target => {
  if (!a.target) throw new Error('this route needs a target');
  return a.target;
};

const MATRIX: Record<string, RouteSpec> = {
  'POST /api/ingest/readings': {
    permissions: ['ingest.write'],
    scope: 'mine',
    okStatus: 200,
    outOfScope: 'rejected-row',
    prepare(a) {
      const mine = t(a).mine;
      const ts = nextReadingMs();
      return {
        url: '/api/ingest/readings',
        payload: `${JSON.stringify({ mine: mine.code, point: methanePoint(mine.code), value: 0.2, status: 0, ts })}\n`,
        headers: { 'content-type': 'application/x-ndjson' },
        async check(res) {
          const stored = await hasReading(mine, ts);
          if (a.expected.allowed) {
            expect(res.json()).toMatchObject({ accepted: 1, rejected: [] });
            expect(stored).toBe(true);
            return;
          }
          expect(stored).toBe(false);
          if (a.expected.rejectedRow) {
            expect(res.json()).toMatchObject({ accepted: 0, rejected: [{ line: 1 }] });
          }
        },
      };
    },
  },
  'POST /api/ingest/files': {
    permissions: ['ingest.write'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare(a) {
      const mine = t(a).mine;
      const ms = nextReadingMs();
      const time = cstText(ms);
      return {
        url: '/api/ingest/files',
        payload: cdssText(mine.code, time, [[methanePoint(mine.code), 0.21]]),
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': fileName(mine.code, 'CDSS', time),
        },
        async check(res) {
          if (a.expected.allowed) expect(res.json()).toMatchObject({ outcome: 'stored', accepted: 1 });
          expect(await hasReading(mine, ms)).toBe(a.expected.allowed);
        },
      };
    },
  },
  'GET /api/session': {
    permissions: [],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/session',
      check: (res) => {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ user: { username: a.user?.username } });
      },
    }),
  },
  'DELETE /api/session': {
    permissions: [],
    scope: 'none',
    okStatus: 204,
    ownSession: true,
    prepare: () => ({ url: '/api/session' }),
  },
  'POST /api/tokens': {
    permissions: ['token.create'],
    scope: 'none',
    okStatus: 201,
    prepare: (a) => ({
      url: '/api/tokens',
      payload: { name: 'matrix upload gateway', scopes: ['read'] },
      async check(res) {
        if (!a.expected.allowed) return;
        const { token } = res.json<{ token: string }>();
        const me = await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
        expect(me.json()).toMatchObject({ user: { username: a.user?.username } });
      },
    }),
  },
  'GET /api/tokens': {
    permissions: ['token.create'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/tokens',
      check(res) {
        if (!a.expected.allowed) return;
        // Only the caller's own tokens, never a secret.
        const items = res.json<{ items: Array<Record<string, unknown>> }>().items;
        for (const item of items) expect(item).not.toHaveProperty('tokenHash');
      },
    }),
  },
  'DELETE /api/tokens/:id': {
    permissions: ['token.create'],
    scope: 'none',
    okStatus: 200,
    async prepare(a) {
      // A token of the caller's own (or of the province regulator, for callers who may not have any).
      const owner = a.expected.allowed && a.user ? a.user.username : 'province';
      const p = await world.principal(owner);
      const { id, token } = await createApiToken({ ...world.ports, secrets: cryptoSecrets }, p, {
        name: 'matrix revoke',
      });
      return {
        url: `/api/tokens/${id}`,
        async check() {
          const res = await app.inject({
            method: 'POST',
            url: '/api/ingest/readings',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
            payload: '{}\n',
          });
          expect(res.statusCode === 401).toBe(a.expected.allowed);
        },
      };
    },
  },
  'GET /api/audit/entries': {
    permissions: ['audit.log.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/audit/entries?kind=session.&limit=5',
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ items: expect.any(Array) });
      },
    }),
  },
  'GET /api/audit/security-events': {
    permissions: ['audit.log.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/audit/security-events?limit=5',
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ items: expect.any(Array) });
      },
    }),
  },
  'GET /api/audit/export.csv': {
    permissions: ['audit.log.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/audit/export.csv?source=audit&limit=5',
      check(res) {
        if (a.expected.allowed) expect(res.body).toContain('seq,at,actor_id');
      },
    }),
  },
  'GET /api/regions': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 200,
    visibleWhenSeen: (x) => x.region.name,
    prepare: () => ({ url: '/api/regions' }),
  },
  'GET /api/dashboard': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.region.name,
    prepare: (a) => ({
      url: `/api/dashboard?regionId=${t(a).region.id}`,
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ region: { id: t(a).region.id } });
      },
    }),
  },
  'GET /api/mines': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines?regionId=${t(a).region.id}&pageSize=500` }),
  },
  // The list exports (issue 16): the list's permission and scope; CSV so a body can be searched.
  'GET /api/mines/export': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines/export?regionId=${t(a).region.id}&format=csv` }),
  },
  'GET /api/alarms/export': {
    permissions: ['alarm.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (a) => ({ url: `/api/alarms/export?regionId=${t(a).region.id}&state=all&format=csv` }),
  },
  'GET /api/hazards/export': {
    permissions: ['hazard.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (a) => ({ url: `/api/hazards/export?regionId=${t(a).region.id}&format=csv` }),
  },
  'GET /api/supervision/visits/export': {
    permissions: ['supervision.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (a) => ({ url: `/api/supervision/visits/export?regionId=${t(a).region.id}&format=csv` }),
  },
  'GET /api/orders/export': {
    permissions: ['order.read'],
    scope: 'none',
    okStatus: 200,
    prepare: () => ({ url: '/api/orders/export?format=xlsx' }),
  },
  'GET /api/closure/cases/export': {
    permissions: ['case.read'],
    scope: 'none',
    okStatus: 200,
    prepare: () => ({ url: '/api/closure/cases/export?format=csv' }),
  },
  'GET /api/accidents/export': {
    permissions: ['accident.read'],
    scope: 'none',
    okStatus: 200,
    prepare: () => ({ url: '/api/accidents/export?format=csv' }),
  },
  // The top bar's search (issue 16): anyone signed in; a mine outside the scope is never found.
  'GET /api/search': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: `/api/search?q=${encodeURIComponent('煤矿')}`,
      check(res) {
        if (!a.expected.allowed || !a.user) return;
        const user = a.user;
        for (const m of res.json<{ mines: Array<{ id: string }> }>().mines)
          expect(province.seesMine(user, province.mine(m.id))).toBe(true);
      },
    }),
  },
  'GET /api/today': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/today',
      check(res) {
        if (!a.expected.allowed || !a.user) return;
        const user = a.user;
        const { sections } = res.json<{
          sections: Array<{ kind: string; items: Array<{ mineId: string | null }> }>;
        }>();
        // Every line names a mine the user sees; a section the role may not read is left out.
        for (const item of sections.flatMap((x) => x.items))
          if (item.mineId !== null) expect(province.seesMine(user, province.mine(item.mineId))).toBe(true);
        const kinds = sections.map((x) => x.kind);
        expect(kinds).toContain('hazard_overdue');
        // Visits due: for those who oversee or make the visits, never for a mine, an expert or a viewer.
        expect(kinds.includes('visit_due')).toBe(
          !['mine_safety_officer', 'gas_expert', 'viewer'].includes(user.role),
        );
      },
    }),
  },
  'GET /api/notifications': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/notifications',
      check(res) {
        if (!a.expected.allowed || !a.user) return;
        const user = a.user;
        // Every item naming a mine names one the user sees.
        for (const item of res.json<{ items: Array<{ mineId: string | null }> }>().items)
          if (item.mineId !== null) expect(province.seesMine(user, province.mine(item.mineId))).toBe(true);
      },
    }),
  },
  'POST /api/notifications/read': {
    permissions: ['region.read'],
    scope: 'none',
    okStatus: 204,
    prepare: () => ({ url: '/api/notifications/read', payload: { keys: ['matrix:read'] } }),
  },
  'GET /api/map/mines': {
    permissions: ['mine.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/map/mines?regionId=${t(a).region.id}` }),
  },
  'POST /api/mines': {
    permissions: ['mine.create'],
    scope: 'region-write',
    okStatus: 201,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare(a) {
      const code = codes(t(a).region.id);
      return {
        url: '/api/mines',
        payload: { facts: mineFacts({ code, name: `矩阵${code.slice(-4)}煤矿`, regionId: t(a).region.id }) },
        async check() {
          const stored = await world.ports.mines.getByCode(code);
          if (a.expected.allowed) expect(stored).toMatchObject({ code, regionId: t(a).region.id });
          else expect(stored).toBeUndefined();
        },
      };
    },
  },
  'POST /api/mines/import': {
    permissions: ['mine.import'],
    scope: 'region-write',
    okStatus: 200,
    outOfScope: 'rejected-row',
    prepare(a) {
      const code = codes(t(a).region.id);
      const csv = toCsv([
        ['code', 'name', 'regionId', 'capacity', 'gasClass', 'approvedMaxUnderground'],
        [code, `导入${code.slice(-4)}煤矿`, t(a).region.id, 300000, 'low', 80],
      ]);
      return {
        url: '/api/mines/import',
        payload: csv,
        headers: { 'content-type': 'text/csv' },
        async check(res) {
          const stored = await world.ports.mines.getByCode(code);
          if (a.expected.allowed) {
            expect(res.json()).toMatchObject({ imported: 1, rejected: 0 });
            expect(stored).toMatchObject({ code, regionId: t(a).region.id });
            return;
          }
          expect(stored).toBeUndefined();
          if (a.expected.rejectedRow) {
            expect(res.json()).toMatchObject({ imported: 0, rejected: 1, results: [{ row: 2, ok: false }] });
          }
        },
      };
    },
  },
  'GET /api/mines/:id': {
    permissions: ['mine.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}` }),
  },
  'PATCH /api/mines/:id': {
    permissions: ['mine.update'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      const before = await storedMine(t(a).mine.id);
      const operator = `托管-${a.user?.username ?? 'anonymous'}-${++patchCount}`;
      return {
        url: `/api/mines/${t(a).mine.id}`,
        payload: { operator },
        async check() {
          const after = await storedMine(t(a).mine.id);
          if (a.expected.allowed) expect(after.operator).toBe(operator);
          else expect(after).toEqual(before);
        },
      };
    },
  },
  'POST /api/mines/:id/gas-class-appraisals': {
    permissions: ['mine.update'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      const before = await storedMine(t(a).mine.id);
      const appraisals = async () =>
        (await world.ports.audit.listByTarget('mine', before.id)).filter(
          (e) => e.action === 'mine.gas_class_appraisal',
        ).length;
      const count = await appraisals();
      return {
        url: `/api/mines/${before.id}/gas-class-appraisals`,
        // The appraisal confirms the class on file: the cell checks who may record one, not a change.
        payload: {
          gasClass: before.gasClass,
          reportRef: `鉴定报告-${++patchCount}`,
          appraisedOn: '2026-12-01',
        },
        async check() {
          expect(await appraisals()).toBe(a.expected.allowed ? count + 1 : count);
          expect(await storedMine(before.id)).toMatchObject({ gasClass: before.gasClass });
        },
      };
    },
  },
  'POST /api/mines/:id/capacity-approvals': {
    permissions: ['mine.update'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      const before = await storedMine(t(a).mine.id);
      const capacity = 300_000 + ++patchCount * 1_000;
      return {
        url: `/api/mines/${before.id}/capacity-approvals`,
        payload: { capacityTPerYear: capacity, approvalRef: `核定-${patchCount}`, approvedOn: '2026-12-01' },
        async check() {
          const after = await storedMine(before.id);
          if (a.expected.allowed) expect(after.approvedCapacityTPerYear).toBe(capacity);
          else expect(after).toEqual(before);
        },
      };
    },
  },
  'GET /api/mines/:id/history': {
    permissions: ['mine.read', 'audit.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}/history` }),
  },
  'GET /api/mines/:id/overview': {
    permissions: ['mine.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.id,
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}/overview` }),
  },
  'POST /api/mines/:id/transitions': {
    permissions: ['mine.transition'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => x.mine.name,
    async prepare(a) {
      // A suspended mine returns through its resumption acceptance only; the set-up takes those edges as
      // the process does (audited), so every cell starts from a mine that can be suspended again.
      let before = await storedMine(t(a).mine.id);
      for (const event of ['apply_resumption', 'approve_resumption'] as const) {
        if (before.status !== (event === 'apply_resumption' ? 'suspended' : 'resumption_review')) continue;
        await changeMineStatus(world.ports, provinceRegulator, before.id, {
          event,
          reason: 'matrix set-up',
          via: 'resumption',
        });
        before = await storedMine(before.id);
      }
      const next = NEXT_EVENT[before.status];
      if (!next) throw new Error(`no round-trip event from ${before.status}`);
      return {
        url: `/api/mines/${t(a).mine.id}/transitions`,
        payload: {
          event: next.event,
          reason: 'Matrix check: stop-work order 2026-07',
          basis: '示煤安〔2026〕7号',
        },
        async check() {
          const after = await storedMine(t(a).mine.id);
          if (a.expected.allowed) expect(after.status).toBe(next.to);
          else expect(after).toEqual(before);
        },
      };
    },
  },
  'GET /api/alarms': {
    permissions: ['alarm.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/alarms?regionId=${t(a).region.id}&state=all&pageSize=500` }),
  },
  'GET /api/alarms/kpis': {
    permissions: ['alarm.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (a) => ({
      url: `/api/alarms/kpis?regionId=${t(a).region.id}`,
      check(res) {
        if (a.expected.allowed) expect(res.json()).toHaveProperty('activeByPriority');
      },
    }),
  },
  'GET /api/alarms/console': {
    permissions: ['alarm.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    prepare: (a) => ({
      url: `/api/alarms/console?regionId=${t(a).region.id}`,
      check(res) {
        if (a.expected.allowed) expect(res.json()).toHaveProperty('groups');
      },
    }),
  },
  'GET /api/monitoring/policy': {
    permissions: ['alarm.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/monitoring/policy',
      check(res) {
        if (!a.expected.allowed) return;
        const { policy } = res.json<{ policy: Array<{ id: string; source: string }> }>();
        expect(policy.map((p) => p.id)).toContain('pre_alarm_fraction');
        expect(new Set(policy.map((p) => p.source))).toEqual(new Set(['platform policy (no regulation)']));
      },
    }),
  },
  'GET /api/overview/alarms': {
    permissions: ['alarm.read'],
    scope: 'region-read',
    okStatus: 200,
    notFoundCode: 'REGION_NOT_FOUND',
    reveals: (x) => x.mine.id,
    prepare: (a) => ({ url: `/api/overview/alarms?regionId=${t(a).region.id}` }),
  },
  'GET /api/alarms/:id': {
    permissions: ['alarm.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/alarms/${encodeURIComponent(alarmOf(t(a).mine, 'over_limit'))}` }),
  },
  'GET /api/alarms/:id/links': {
    permissions: ['alarm.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    prepare: (a) => ({ url: `/api/alarms/${encodeURIComponent(alarmOf(t(a).mine, 'over_limit'))}/links` }),
  },
  'GET /api/alarms/:id/draft': {
    permissions: ['alarm.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    reveals: (x) => x.mine.name,
    prepare: (a) => ({ url: `/api/alarms/${encodeURIComponent(alarmOf(t(a).mine, 'over_limit'))}/draft` }),
  },
  'POST /api/alarms/:id/acknowledge': {
    permissions: ['alarm.act'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    async prepare(a) {
      const mine = t(a).mine;
      // Clear and re-raise, so every cell meets an unacknowledged alarm.
      await ensureInService(mine, true);
      await methane(mine, 0.2);
      await methane(mine, 1.2);
      expect(alarmState(mine, 'over_limit')).toBe('unack_active');
      return {
        url: `/api/alarms/${encodeURIComponent(alarmOf(mine, 'over_limit'))}/acknowledge`,
        payload: { comment: '矩阵测试：已通知撤人' },
        check() {
          expect(alarmState(mine, 'over_limit')).toBe(a.expected.allowed ? 'ack_active' : 'unack_active');
        },
      };
    },
  },
  'POST /api/alarms/:id/shelve': {
    permissions: ['alarm.act'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    async prepare(a) {
      const mine = t(a).mine;
      await ensureShelved(mine, false);
      return {
        url: `/api/alarms/${encodeURIComponent(alarmOf(mine, 'over_limit'))}/shelve`,
        payload: { reason: '矩阵测试：标校', minutes: 30 },
        check() {
          expect(alarmState(mine, 'over_limit') === 'shelved').toBe(a.expected.allowed);
        },
      };
    },
  },
  'POST /api/alarms/:id/unshelve': {
    permissions: ['alarm.act'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    async prepare(a) {
      const mine = t(a).mine;
      await ensureShelved(mine, true);
      return {
        url: `/api/alarms/${encodeURIComponent(alarmOf(mine, 'over_limit'))}/unshelve`,
        payload: {},
        check() {
          expect(alarmState(mine, 'over_limit') === 'shelved').toBe(!a.expected.allowed);
        },
      };
    },
  },
  'POST /api/alarms/:id/out-of-service': {
    permissions: ['alarm.act'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    async prepare(a) {
      const mine = t(a).mine;
      await ensureInService(mine, true);
      return {
        url: `/api/alarms/${encodeURIComponent(alarmOf(mine, 'over_limit'))}/out-of-service`,
        payload: { reason: '矩阵测试：传感器更换' },
        check() {
          expect(alarmState(mine, 'over_limit') === 'out_of_service').toBe(a.expected.allowed);
        },
      };
    },
  },
  'POST /api/alarms/:id/return-to-service': {
    permissions: ['alarm.act'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'ALARM_NOT_FOUND',
    async prepare(a) {
      const mine = t(a).mine;
      await ensureInService(mine, false);
      return {
        url: `/api/alarms/${encodeURIComponent(alarmOf(mine, 'over_limit'))}/return-to-service`,
        payload: {},
        check() {
          expect(alarmState(mine, 'over_limit') === 'out_of_service').toBe(!a.expected.allowed);
        },
      };
    },
  },
  'GET /api/mines/:id/points': {
    permissions: ['monitoring.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    reveals: (x) => methanePoint(x.mine.code),
    prepare: (a) => ({ url: `/api/mines/${t(a).mine.id}/points` }),
  },
  'GET /api/mines/:id/points/:pointId/series': {
    permissions: ['monitoring.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (a) => {
      const mine = t(a).mine;
      const id = monitoring.runtime.engine.pointId(mine.id, methanePoint(mine.code))!;
      return {
        url: `/api/mines/${mine.id}/points/${id}/series?fromMs=0&toMs=${world.clock.nowMs()}`,
        check(res) {
          if (a.expected.allowed) expect(res.json<{ t: number[] }>().t.length).toBeGreaterThan(0);
        },
      };
    },
  },
  'GET /api/mines/:id/points/:pointId/readings.csv': {
    permissions: ['monitoring.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (a) => {
      const mine = t(a).mine;
      const id = monitoring.runtime.engine.pointId(mine.id, methanePoint(mine.code))!;
      return {
        url: `/api/mines/${mine.id}/points/${id}/readings.csv?fromMs=0&toMs=${world.clock.nowMs()}`,
        check(res) {
          if (!a.expected.allowed) return;
          const lines = res.body.trim().split('\n');
          expect(lines[0]).toBe('ts_ms,time_cst,value,status');
          expect(lines.length).toBeGreaterThan(1);
          expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00,[-\d.e]+,\d+$/);
        },
      };
    },
  },
  'GET /api/mines/:id/personnel': {
    permissions: ['monitoring.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (a) => ({
      url: `/api/mines/${t(a).mine.id}/personnel`,
      check(res) {
        if (a.expected.allowed)
          expect(res.json()).toMatchObject({ approvedMax: t(a).mine.approvedMaxUnderground });
      },
    }),
  },
  'GET /api/mines/:id/alarm-evidence': {
    permissions: ['monitoring.read'],
    scope: 'mine',
    okStatus: 200,
    notFoundCode: 'MINE_NOT_FOUND',
    prepare: (a) => ({
      url: `/api/mines/${t(a).mine.id}/alarm-evidence`,
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ mineId: t(a).mine.id, mineCount: 0 });
      },
    }),
  },
  'GET /api/scenarios': {
    permissions: ['alarm.read'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/scenarios',
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ running: false });
      },
    }),
  },
  'POST /api/scenarios': {
    permissions: ['scenario.start'],
    scope: 'none',
    // The matrix's app runs no simulator: a permitted caller learns exactly that.
    okStatus: 409,
    prepare: (a) => ({
      url: '/api/scenarios',
      payload: { name: 'songzao' },
      check(res) {
        if (a.expected.allowed) expect(errorOf(res).code).toBe('SIMULATOR_NOT_RUNNING');
      },
    }),
  },
  'GET /api/audit/verify': {
    permissions: ['audit.verify'],
    scope: 'none',
    okStatus: 200,
    prepare: (a) => ({
      url: '/api/audit/verify',
      check(res) {
        if (a.expected.allowed) expect(res.json()).toMatchObject({ ok: true });
      },
    }),
  },
};

/** Routes anyone may call; checked separately below. */
const PUBLIC_ROUTES = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/session'];
/**
 * Streams never end, so `inject` cannot walk them: the live feed's role × scope cells are walked over a
 * real socket in test/monitoring/live-access.test.ts.
 */
const STREAM_ROUTES = ['GET /api/live'];
/** Routes walked by their module's own access test (test/http/route-walks.ts). */
const WALKED_ELSEWHERE = [
  ...HAZARDS_WALKED_ROUTES,
  ...ORDERS_WALKED_ROUTES,
  ...SUPERVISION_WALKED_ROUTES,
  ...DIRECTIVES_WALKED_ROUTES,
  ...EXPERTISE_WALKED_ROUTES,
  ...CLOSURE_WALKED_ROUTES,
  ...ACCIDENTS_WALKED_ROUTES,
  ...BRIEFING_WALKED_ROUTES,
  ...STOPPED_WALKED_ROUTES,
];
/** The Swagger UI and its static assets. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

function inScope(kind: ScopeKind, user: DemoUserSpec, target: Target): boolean {
  switch (kind) {
    case 'none':
      return true;
    case 'mine':
      return province.seesMine(user, target.mine);
    case 'region-read':
      return province.seesRegion(user, target.region);
    case 'region-write':
      return user.scope.kind === 'region' && province.seesRegion(user, target.region);
  }
}

function expectedOutcome(spec: RouteSpec, user: DemoUserSpec, target: Target | null): Expected {
  if (spec.permissions.some((p) => !ROLE_PERMISSIONS[p].includes(user.role))) {
    return { status: 403, code: 'FORBIDDEN', allowed: false };
  }
  if (target && !inScope(spec.scope, user, target)) {
    if (spec.outOfScope === 'rejected-row') return { status: 200, allowed: false, rejectedRow: true };
    return { status: 404, code: spec.notFoundCode, allowed: false };
  }
  return { status: spec.okStatus, allowed: true };
}

let app: FastifyInstance;
let sessions: Map<string, Session>;

beforeAll(async () => {
  recorded.length = 0;
  const monitoringDeps = embeddedMonitoring(monitoring.runtime, monitoring.hub);
  app = await buildApp({
    ports: withMineChanged(world.ports, monitoringDeps.view),
    hasher: argon2Hasher,
    secrets: cryptoSecrets,
    config: { sessionTtlMs: 3_600_000, cookieSecure: false },
    monitoring: monitoringDeps,
  });
  await app.ready();
  sessions = await loginAll(
    app,
    USERS.map((u) => u.username),
  );
});
afterAll(() => app.close());

function splitKey(key: string): { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string } {
  const [method, path] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
  return { method, path };
}

describe('the matrix describes every route', () => {
  it('records the routes the app registers', () => {
    expect(recorded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/mines', 'POST /api/mines/:id/transitions', 'GET /api/health']),
    );
  });

  it('fails for any /api route that is neither in the matrix nor public nor the docs UI', () => {
    const described = new Set([
      ...Object.keys(MATRIX),
      ...PUBLIC_ROUTES,
      ...STREAM_ROUTES,
      ...WALKED_ELSEWHERE,
    ]);
    const undescribed = recorded
      .filter((r) => r.url.startsWith('/api') && !isDocsRoute(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !described.has(key) && !described.has(key.replace(/^HEAD /, 'GET ')));
    expect(
      undescribed,
      'add these routes to MATRIX (or PUBLIC_ROUTES if they are meant to be public)',
    ).toEqual([]);
  });

  it('has no rows for routes that do not exist', () => {
    const registered = new Set(recorded.map((r) => `${r.method} ${r.url}`));
    const stale = [...Object.keys(MATRIX), ...PUBLIC_ROUTES, ...STREAM_ROUTES, ...WALKED_ELSEWHERE].filter(
      (k) => !registered.has(k),
    );
    expect(stale).toEqual([]);
  });

  it('walks every role, with users on both sides of the county line', () => {
    expect(new Set(USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    expect(province.user('county').scope).toEqual({ kind: 'region', regionId: mineA.regionId });
    expect(province.user('county2').scope).toEqual({ kind: 'region', regionId: mineB.regionId });
    expect(province.region(mineA.regionId).parentId).not.toBe(province.region(mineB.regionId).parentId);
  });

  it('public routes answer without a session', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nobody', password: 'wrong-password' },
    });
    expect(login.statusCode).toBe(401);
    expect(errorOf(login).code).toBe('INVALID_CREDENTIALS');
  });
});

for (const [key, spec] of Object.entries(MATRIX)) {
  const { method } = splitKey(key);
  const targets: ReadonlyArray<Target | null> = spec.scope === 'none' ? [null] : TARGETS;

  describe(key, () => {
    it('no session → 401 NOT_AUTHENTICATED, nothing changed', async () => {
      for (const target of targets) {
        const attempt: Attempt = { user: null, target, expected: { status: 401, allowed: false } };
        const req = await spec.prepare(attempt);
        const res = await app.inject({ method, url: req.url, payload: req.payload, headers: req.headers });
        expect(res.statusCode, res.body).toBe(401);
        expect(errorOf(res).code).toBe('NOT_AUTHENTICATED');
        if (target) expect(res.body).not.toContain(target.mine.name);
        await req.check?.(res);
      }
    });

    for (const user of USERS) {
      for (const target of targets) {
        const expected = expectedOutcome(spec, user, target);
        const where = target ? ` on ${target.label}` : '';
        const title = `${user.username} (${user.role})${where} → ${expected.status}${expected.code ? ` ${expected.code}` : ''}`;
        it(title, async () => {
          const attempt: Attempt = { user, target, expected };
          const session = spec.ownSession ? await loginAs(app, user.username) : sessions.get(user.username)!;
          const req = await spec.prepare(attempt);
          const res = await app.inject({
            method,
            url: req.url,
            payload: req.payload,
            headers: { ...asSession(session), ...req.headers },
          });
          expect(res.statusCode, res.body).toBe(expected.status);
          if (expected.code) expect(errorOf(res).code).toBe(expected.code);
          if (target && !expected.allowed) expect(res.body).not.toContain(target.mine.name);
          if (target && expected.allowed && spec.reveals) expect(res.body).toContain(spec.reveals(target));
          if (spec.visibleWhenSeen && expected.allowed) {
            for (const x of TARGETS) {
              const text = spec.visibleWhenSeen(x);
              if (province.seesRegion(user, x.region)) expect(res.body).toContain(text);
              else expect(res.body).not.toContain(text);
            }
          }
          await req.check?.(res);
          if (spec.ownSession && expected.allowed) {
            const after = await app.inject({ url: '/api/session', headers: asSession(session) });
            expect(after.statusCode).toBe(401);
          }
          if (method === 'GET') {
            const head = await app.inject({ method: 'HEAD', url: req.url, headers: asSession(session) });
            expect(head.statusCode, 'HEAD answers like GET').toBe(expected.status);
          }
        });
      }
    }
  });
}

describe('scope lines the issue insists on', () => {
  it('a county regulator can neither read nor change a mine of another county', async () => {
    const county = asSession(sessions.get('county')!);
    const before = await storedMine(mineB.id);
    const answers = [
      await app.inject({ url: `/api/mines/${mineB.id}`, headers: county }),
      await app.inject({ url: `/api/mines/${mineB.id}/history`, headers: county }),
      await app.inject({
        method: 'PATCH',
        url: `/api/mines/${mineB.id}`,
        headers: county,
        payload: { operator: 'X' },
      }),
      await app.inject({
        method: 'POST',
        url: `/api/mines/${mineB.id}/transitions`,
        headers: county,
        payload: { event: 'order_closure', reason: 'not my county' },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(404);
      expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
      expect(res.body).not.toContain(mineB.name);
    }
    expect(await storedMine(mineB.id)).toEqual(before);
    const list = await app.inject({ url: '/api/mines?pageSize=500', headers: county });
    expect(list.body).not.toContain(mineB.name);
  });

  it('a mine outside the scope is answered exactly like a mine that does not exist', async () => {
    const county = asSession(sessions.get('county')!);
    const outside = errorOf(await app.inject({ url: `/api/mines/${mineB.id}`, headers: county }));
    const missing = errorOf(await app.inject({ url: '/api/mines/m-000000000000', headers: county }));
    expect(outside.code).toBe(missing.code);
    expect(outside.message.replace(mineB.id, '<id>')).toBe(missing.message.replace('m-000000000000', '<id>'));
  });

  it('a mine safety officer cannot open another mine, not even one in the same county', async () => {
    const officer = asSession(sessions.get('officer')!);
    const neighbour = world.province.mines.find((m) => m.regionId === mineA.regionId && m.id !== mineA.id)!;
    for (const other of [neighbour, mineB]) {
      const res = await app.inject({ url: `/api/mines/${other.id}`, headers: officer });
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
      expect(res.body).not.toContain(other.name);
    }
    const list = await app.inject({ url: '/api/mines?pageSize=500', headers: officer });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: mineA.id }] });
    expect(list.body).not.toContain(neighbour.name);
  });

  it('a leader on contact duty cannot read a mine of his own county that is not assigned to him', async () => {
    const assigned = new Set(
      demoAssignments(world.province)
        .filter((a) => a.username === 'leader')
        .map((a) => a.mineId),
    );
    const leader = province.user('leader');
    const unassigned = world.province.mines.find(
      (m) => province.seesRegion(leader, province.region(m.regionId)) && !assigned.has(m.id),
    )!;
    expect(unassigned, 'the demo leaves a mine of the county unassigned').toBeDefined();
    expect(assigned.has(mineA.id)).toBe(true);
    const headers = asSession(sessions.get('leader')!);
    for (const url of [`/api/mines/${unassigned.id}`, `/api/supervision/mines/${unassigned.id}`]) {
      const res = await app.inject({ url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).code).toBe('MINE_NOT_FOUND');
      expect(res.body).not.toContain(unassigned.name);
    }
    expect((await app.inject({ url: `/api/mines/${mineA.id}`, headers })).statusCode).toBe(200);
    const list = await app.inject({ url: '/api/mines?pageSize=500', headers });
    expect(list.body).toContain(mineA.name);
    expect(list.body).not.toContain(unassigned.name);
    // The county regulator still sees the whole county.
    const county = await app.inject({
      url: `/api/mines/${unassigned.id}`,
      headers: asSession(sessions.get('county')!),
    });
    expect(county.statusCode).toBe(200);
  });

  it('listings without a filter show each user exactly the mines of their scope', async () => {
    for (const user of USERS) {
      const res = await app.inject({
        url: '/api/mines?pageSize=500',
        headers: asSession(sessions.get(user.username)!),
      });
      const seen = province.minesSeenBy(user).map((m) => m.id);
      const listed = res.json<{ items: Array<{ id: string }> }>().items.map((m) => m.id);
      // Mines created by the matrix above are not demo mines; compare the demo ones only.
      const demoIds = new Set(world.province.mines.map((m) => m.id));
      expect(listed.filter((id) => demoIds.has(id)).sort(), user.username).toEqual(seen.sort());
    }
  });
});

/**
 * Token scopes (ADR 0007), over every recorded /api route: a gateway token (`ingest`) reaches only the
 * ingestion doors; a `read` token only GET routes; no token manages tokens. The refusal comes before
 * parameters, body or permission are looked at, so each route is called with placeholder parameters.
 */
describe('token scopes', () => {
  const INGEST_ROUTES = new Set(['POST /api/ingest/readings', 'POST /api/ingest/files']);
  const TOKEN_ROUTES = new Set(['POST /api/tokens', 'GET /api/tokens', 'DELETE /api/tokens/:id']);
  const apiRoutes = () =>
    [...new Set(recorded.map((r) => `${r.method} ${r.url}`))]
      .filter((key) => {
        const { path } = splitKey(key);
        return path.startsWith('/api/') && !isDocsRoute(path) && !PUBLIC_ROUTES.includes(key);
      })
      .filter((key) => !key.startsWith('HEAD ') && !key.startsWith('OPTIONS '));
  const call = (key: string, token: string) => {
    const { method, path } = splitKey(key);
    return app.inject({
      method,
      url: path.replace(/:[A-Za-z]+/g, 'x'),
      headers: { authorization: `Bearer ${token}` },
    });
  };
  const tokenOf = async (username: string, scopes: string[]) =>
    (
      await createApiToken({ ...world.ports, secrets: cryptoSecrets }, await world.principal(username), {
        name: `matrix ${scopes.join('+')}`,
        scopes,
      })
    ).token;

  it('a gateway token (ingest) gets 403 TOKEN_SCOPE_FORBIDDEN on every non-ingest route', async () => {
    const token = await tokenOf('officer', ['ingest']);
    const routes = apiRoutes().filter((k) => !INGEST_ROUTES.has(k));
    expect(routes.length).toBeGreaterThan(100);
    for (const key of routes) {
      const res = await call(key, token);
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code, key).toBe('TOKEN_SCOPE_FORBIDDEN');
    }
  });

  it('a gateway token feeds its own mine and no other', async () => {
    const token = await tokenOf('officer', ['ingest']);
    const send = (mine: DemoMine, ts: number) =>
      app.inject({
        method: 'POST',
        url: '/api/ingest/readings',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify({ mine: mine.code, point: methanePoint(mine.code), value: 0.2, status: 0, ts })}\n`,
      });
    const own = nextReadingMs();
    expect((await send(mineA, own)).json()).toMatchObject({ accepted: 1 });
    expect(await hasReading(mineA, own)).toBe(true);
    const other = nextReadingMs();
    expect((await send(mineB, other)).json()).toMatchObject({ accepted: 0, rejected: [{ line: 1 }] });
    expect(await hasReading(mineB, other)).toBe(false);
  });

  it('a read token passes the scope check on GET routes only; no token manages tokens', async () => {
    const read = await tokenOf('province', ['read']);
    const write = await tokenOf('province', ['write']);
    // The live feed never ends for an allowed caller; test/monitoring/live-access.test.ts walks it.
    for (const key of apiRoutes().filter((k) => !STREAM_ROUTES.includes(k))) {
      const res = await call(key, read);
      const code = res.statusCode === 403 ? errorOf(res).code : null;
      const isGet = key.startsWith('GET ') && !TOKEN_ROUTES.has(key);
      expect(code === 'TOKEN_SCOPE_FORBIDDEN', key).toBe(!isGet);
    }
    for (const key of TOKEN_ROUTES) {
      const res = await call(key, write);
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code, key).toBe('TOKEN_SCOPE_FORBIDDEN');
    }
  });
});

/**
 * Separation of duties, derived from its table (src/core/access/separation-of-duties.ts) as the cells
 * above are derived from the permission table: for each rule, one user who holds both the earlier and
 * the later permission does the earlier act on an item, then the later act on the same item is refused
 * (403 SEPARATION_OF_DUTIES, nothing changed, the refusal audited), while another user may do it.
 */
interface DutyScenario {
  /** The user who does the earlier act and is refused the later one. */
  actor: string;
  /** Another user who may do the later act. */
  other: string;
  /** Does the earlier act as `actor` (through the API) and says how to attempt the later one. */
  setUp(): Promise<{
    itemId: string;
    url: string;
    payload: Record<string, unknown>;
    state(): Promise<unknown>;
  }>;
}

const countyMines = (status: MineStatus) =>
  world.province.mines.filter(
    (m) => m.regionId === mineA.regionId && m.id !== mineA.id && m.status === status,
  );
const asUser = (username: string) => asSession(sessions.get(username)!);
const call = async (username: string, url: string, payload: Record<string, unknown> = {}) => {
  const res = await app.inject({ method: 'POST', url, payload, headers: asUser(username) });
  if (res.statusCode >= 300) throw new Error(`set-up ${url} as ${username}: ${res.statusCode} ${res.body}`);
  return res;
};

const DUTY_SCENARIOS: Record<string, DutyScenario> = {
  supervision_plan: {
    actor: 'county',
    other: 'city',
    async setUp() {
      const mine = countyMines('producing')[0]!;
      const base = `/api/supervision/mines/${mine.id}/plan`;
      await world.ports.supervision.deletePlan(mine.id);
      await call('county', base, {
        documentRef: '县矿安〔2026〕3号',
        measures: [{ text: '主井皮带机加装烟雾传感器' }],
      });
      await call('county', `${base}/submit`);
      return {
        itemId: mine.id,
        url: `${base}/approve`,
        payload: {},
        state: async () => (await world.ports.supervision.getPlan(mine.id))?.state,
      };
    },
  },
  closure_step: {
    actor: 'county',
    other: 'city',
    async setUp() {
      const mine = countyMines('producing')[1]!;
      const c = await call('county', '/api/closure/closures', { mineId: mine.id, reason: '职责分离检查' });
      const closureId = c.json<{ closure: { id: string } }>().closure.id;
      await call('county', `/api/closure/closures/${closureId}/steps/power_cut/record`, {
        evidence: '已断电',
      });
      return {
        itemId: `${closureId}/power_cut`,
        url: `/api/closure/closures/${closureId}/steps/power_cut/verify`,
        payload: { note: '现场核实' },
        state: async () =>
          (await world.ports.closure.listSteps(closureId)).find((x) => x.step === 'power_cut')?.state,
      };
    },
  },
  hazard: {
    actor: 'county',
    other: 'city',
    async setUp() {
      const r = await call('county', '/api/hazards', { ...generalHazard(mineA.id), source: 'inspection' });
      const id = r.json<{ hazard: { id: string } }>().hazard.id;
      await call('officer', `/api/hazards/${id}/assign`, { ...GENERAL_PLAN });
      await call('officer', `/api/hazards/${id}/start`);
      await call('officer', `/api/hazards/${id}/submit`, { note: '已整改' });
      return {
        itemId: id,
        url: `/api/hazards/${id}/verify`,
        payload: { note: '现场核销' },
        state: async () => (await world.ports.hazards.get(id))?.state,
      };
    },
  },
  resumption: {
    actor: 'county',
    other: 'city',
    async setUp() {
      const mine = countyMines('producing')[2]!;
      await call('county', '/api/orders', {
        number: '职责分离停〔2026〕1号',
        kind: 'suspend_mine',
        legalBasis: '条例第48条',
        reason: '职责分离检查',
        mineIds: [mine.id],
      });
      const r = await call('county', '/api/orders/resumptions', { mineId: mine.id, note: '代为申请' });
      const id = r.json<{ resumption: { id: string } }>().resumption.id;
      return {
        itemId: id,
        url: `/api/orders/resumptions/${id}/decision`,
        payload: { decision: 'reject', reason: '整改不到位' },
        state: async () => (await world.ports.orders.getResumption(id))?.status,
      };
    },
  },
  stopped_allowance: {
    actor: 'county',
    other: 'city',
    async setUp() {
      const mine = countyMines('producing')[3]!;
      await call('county', '/api/orders', {
        number: '职责分离停〔2026〕2号',
        kind: 'suspend_mine',
        legalBasis: '条例第48条',
        reason: '职责分离检查',
        mineIds: [mine.id],
      });
      const r = await call('county', `/api/mines/${mine.id}/stopped-allowances`, {
        kind: 'watch_crew',
        crewSize: 3,
        roles: ['瓦斯检查工'],
        areaCodes: ['A01'],
        systems: ['ventilation', 'drainage', 'monitoring'],
      });
      const id = r.json<{ allowance: { id: string } }>().allowance.id;
      return {
        itemId: id,
        url: `/api/stopped-allowances/${id}/decision`,
        payload: { decision: 'approve', reason: '核实' },
        state: async () => (await world.ports.stopped.getAllowance(id))?.state,
      };
    },
  },
};

describe('separation of duties (a rule of the matrix, derived from its table)', () => {
  it('every rule of the table has its scenario, and no scenario lacks a rule', () => {
    expect(Object.keys(DUTY_SCENARIOS).sort()).toEqual(SEPARATION_OF_DUTIES.map((r) => r.item).sort());
  });

  for (const rule of SEPARATION_OF_DUTIES) {
    it(`${rule.item}: ${rule.why} — refused with SEPARATION_OF_DUTIES, audited, nothing changed; another user may`, async () => {
      const scenario = DUTY_SCENARIOS[rule.item]!;
      const actor = province.user(scenario.actor);
      // The refusal must come from the rule, not from the permission table: the actor holds both sides.
      for (const perm of [...rule.earlier.slice(0, 1), ...rule.later.slice(-1)] as Permission[])
        expect(ROLE_PERMISSIONS[perm], `${actor.role} holds ${perm}`).toContain(actor.role);
      const item = await scenario.setUp();
      const before = await item.state();
      const refused = await app.inject({
        method: 'POST',
        url: item.url,
        payload: item.payload,
        headers: asUser(scenario.actor),
      });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(errorOf(refused).code).toBe('SEPARATION_OF_DUTIES');
      expect(await item.state()).toEqual(before);
      const trail = await world.ports.audit.listByTarget(rule.item, item.itemId);
      const actorId = (await world.principal(scenario.actor)).userId;
      expect(trail.filter((e) => e.action === 'separation_of_duties.refused')).toEqual([
        expect.objectContaining({ actorId, after: expect.objectContaining({ via: 'session' }) }),
      ]);
      const allowed = await app.inject({
        method: 'POST',
        url: item.url,
        payload: item.payload,
        headers: asUser(scenario.other),
      });
      expect(allowed.statusCode, allowed.body).toBe(200);
      expect(await item.state()).not.toEqual(before);
    });
  }
});
