import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Region } from '../../src/core/registry/types.ts';
import type { DemoMine, DemoUserSpec } from '../../src/sim/demo-province.ts';
import { demoAssignments } from '../../src/sim/demo-supervision.ts';
import { loginAs, type Session, type World } from '../support/world.ts';

/** Shared helpers for the HTTP suites: error bodies, valid mine facts, fresh codes, encodings. */

export type Response = LightMyRequestResponse;

export interface ApiError {
  code: string;
  message: string;
  requestId: string;
  details?: unknown;
}

/** The `error` of an API error body; fails loudly when the body has another shape. */
export function errorOf(res: Response): ApiError {
  const body = res.json<{ error?: ApiError }>();
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.requestId !== 'string') {
    throw new Error(`not an API error body (${res.statusCode}): ${res.body}`);
  }
  return body.error;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The full set of editable facts for a mine that passes validation. */
export function mineFacts(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    code: '990102999999',
    name: '测试新井煤矿',
    regionId: '990102',
    enterpriseId: null,
    approvedCapacityTPerYear: 450_000,
    gasClass: 'high',
    hasGasControlCapability: true,
    gasControlEvidence: 'Test report 2026-01',
    gasControlCertifiedOn: '2026-01-15',
    approvedMaxUnderground: 120,
    operator: null,
    licenceNumber: null,
    licenceValidUntil: null,
    mechanisation: 'mechanised',
    latitude: 27.5,
    longitude: 104.5,
    ...overrides,
  };
}

/** Hands out 12-digit mine codes in a county that no demo mine and no earlier call has used. */
export function createCodeSource(world: World): (regionId: string) => string {
  const used = new Set(world.province.mines.map((m) => m.code));
  let serial = 900_000;
  return (regionId) => {
    for (;;) {
      const code = `${regionId}${String(serial++).padStart(6, '0')}`;
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

/** RFC 4180 CSV text (every cell quoted when it needs to be). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

let gb18030Table: Map<string, readonly [number, number]> | null = null;

/**
 * GB18030 bytes for text made of ASCII and two-byte GB18030 characters (every common CJK character).
 * `TextEncoder` only produces UTF-8, so the reverse map is built from the platform's GB18030 decoder.
 */
export function encodeGb18030(text: string): Uint8Array {
  if (gb18030Table === null) {
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, readonly [number, number]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    gb18030Table = table;
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const pair = gb18030Table.get(ch);
    if (pair === undefined) throw new Error(`no two-byte GB18030 code for "${ch}"`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}

/** Logs every named user in once (argon2 makes a login cost ~50 ms). */
export async function loginAll(
  app: FastifyInstance,
  usernames: readonly string[],
): Promise<Map<string, Session>> {
  const sessions = new Map<string, Session>();
  for (const u of usernames) sessions.set(u, await loginAs(app, u));
  return sessions;
}

/** Lookups over the generated province that the suites share. */
export interface ProvinceIndex {
  region(id: string): Region;
  user(username: string): DemoUserSpec;
  mine(id: string): DemoMine;
  /** The mine a mine safety officer is scoped to. */
  mineOf(username: string): DemoMine;
  /**
   * True when `user`'s scope covers the mine (its region subtree, or exactly its own mine); a leader's or
   * group member's only when the mine is assigned to them.
   */
  seesMine(user: DemoUserSpec, mine: Pick<DemoMine, 'id' | 'regionId'>): boolean;
  /** Region-scoped users: the region lies in their subtree. Mine-scoped: the region holds their mine. */
  seesRegion(user: DemoUserSpec, region: Region): boolean;
  /** Mines of the demo province that `user` can see. */
  minesSeenBy(user: DemoUserSpec): DemoMine[];
}

export function indexProvince(world: World): ProvinceIndex {
  const regions = new Map(world.province.regions.map((r) => [r.id, r]));
  const users = new Map(world.province.users.map((u) => [u.username, u]));
  const mines = new Map(world.province.mines.map((m) => [m.id, m]));
  const get = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`no ${what} "${key}" in the demo province`);
    return v;
  };
  const region = (id: string) => get(regions, id, 'region');
  const mine = (id: string) => get(mines, id, 'mine');
  // Leaders and group members see only the mines assigned to them (the demo's assignments).
  const assigned = new Set(demoAssignments(world.province).map((a) => `${a.username} ${a.mineId}`));
  const narrowed = (user: DemoUserSpec) => user.role === 'leader' || user.role === 'group_member';
  const seesMine = (user: DemoUserSpec, m: Pick<DemoMine, 'id' | 'regionId'>) =>
    user.scope.kind === 'mine'
      ? user.scope.mineId === m.id
      : region(m.regionId).path.startsWith(region(user.scope.regionId).path) &&
        (!narrowed(user) || assigned.has(`${user.username} ${m.id}`));
  return {
    region,
    mine,
    user: (username) => get(users, username, 'user'),
    mineOf(username) {
      const scope = get(users, username, 'user').scope;
      if (scope.kind !== 'mine') throw new Error(`${username} is not scoped to a mine`);
      return mine(scope.mineId);
    },
    seesMine,
    seesRegion: (user, r) =>
      user.scope.kind === 'mine'
        ? region(mine(user.scope.mineId).regionId).path.startsWith(r.path)
        : r.path.startsWith(region(user.scope.regionId).path),
    minesSeenBy: (user) => world.province.mines.filter((m) => seesMine(user, m)),
  };
}
