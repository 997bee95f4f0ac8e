import { requirePermission, type Permission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { MineFilter, MineRow, MineSort, Ports, Stores, TxStores } from '../ports.ts';
import { announceMineChanged } from './mine-changed.ts';
import { requireMineWith } from './mine-scope.ts';
import { keyFactRule, requireKeyFactsThroughProcess, type KeyFactProcess } from './key-facts.ts';
import { describeIssues, mineFactsSchema, type MineFactsInput } from './mine-facts-schema.ts';
import { transitionMineStatus, type MineStatusEvent } from './mine-status-machine.ts';
import { MINE_STATUSES, type Mine, type MineStatus, type MineStatusChange, type Region } from './types.ts';

/** The audit view of a mine: its facts without bookkeeping fields. */
function auditView(m: Mine): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

function stripRow(row: MineRow): Mine {
  const {
    regionName: _a,
    regionNameEn: _b,
    regionPath: _c,
    enterpriseName: _d,
    licenceSuspension: _e,
    ...mine
  } = row;
  return mine;
}

export async function getMine(
  deps: Pick<Ports, 'mines'>,
  principal: Principal,
  id: string,
): Promise<MineRow> {
  return requireMineWith(deps, principal, 'mine.read', id);
}

export interface MineListQuery {
  regionId?: string;
  status?: MineStatus;
  gasClass?: Mine['gasClass'];
  capacityMin?: number;
  capacityMax?: number;
  q?: string;
  page: number;
  pageSize: number;
  sort: MineSort;
  desc: boolean;
}

/** The filter that a principal's scope imposes, narrowed by an optional region the caller asked for. */
export async function scopedMineFilter(
  deps: Pick<Ports, 'regions' | 'mines'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<MineFilter> {
  if (principal.scope.kind === 'mine') {
    if (regionId !== undefined) {
      const [region, mine] = await Promise.all([
        deps.regions.get(regionId),
        deps.mines.get(principal.scope.mineId),
      ]);
      if (!region || !mine || !mine.regionPath.startsWith(region.path)) {
        throw notFound('REGION_NOT_FOUND', `No region "${regionId}" in your scope.`);
      }
    }
    return { mineId: principal.scope.mineId };
  }
  // Leaders and group members: their region, narrowed to the mines assigned to them.
  const assigned = principal.assignedMineIds === undefined ? {} : { mineIds: principal.assignedMineIds };
  if (regionId === undefined) return { regionPath: principal.scopePath ?? '\u0000', ...assigned };
  const region = await deps.regions.get(regionId);
  if (!region || !principal.scopePath || !region.path.startsWith(principal.scopePath)) {
    throw notFound('REGION_NOT_FOUND', `No region "${regionId}" in your scope.`);
  }
  return { regionPath: region.path, ...assigned };
}

export async function listMines(
  deps: Pick<Ports, 'mines' | 'regions'>,
  principal: Principal,
  q: MineListQuery,
): Promise<{ items: MineRow[]; total: number; page: number; pageSize: number }> {
  requirePermission(principal, 'mine.read');
  const scope = await scopedMineFilter(deps, principal, q.regionId);
  const filter: MineFilter = {
    ...scope,
    status: q.status,
    gasClass: q.gasClass,
    capacityMin: q.capacityMin,
    capacityMax: q.capacityMax,
    text: q.q,
  };
  const result = await deps.mines.search(filter, {
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
    sort: q.sort,
    desc: q.desc,
  });
  return { ...result, page: q.page, pageSize: q.pageSize };
}

export async function getMineHistory(
  deps: Pick<Ports, 'mines' | 'statusChanges' | 'audit' | 'users'>,
  principal: Principal,
  id: string,
) {
  const mine = await getMine(deps, principal, id);
  requirePermission(principal, 'audit.read');
  const [changes, audit] = await Promise.all([
    deps.statusChanges.listByMine(mine.id),
    deps.audit.listByTarget('mine', mine.id),
  ]);
  const names = await deps.users.listNames(changes.map((c) => c.actorId));
  return {
    statusChanges: changes.map((c) => ({ ...c, actorName: names.get(c.actorId) ?? c.actorId })),
    audit,
  };
}

export interface RegisterMineInput {
  facts: unknown;
  initialStatus?: unknown;
}

/** Validates facts; returns them or throws InvalidInput with one line per bad field. */
export function parseMineFacts(input: unknown): MineFactsInput {
  const parsed = mineFactsSchema.safeParse(input);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw invalidInput(
      'MINE_INVALID',
      `The mine is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      { issues },
    );
  }
  return parsed.data;
}

async function requireRegionInScope(stores: Pick<Stores, 'regions'>, principal: Principal, regionId: string) {
  const region = await stores.regions.get(regionId);
  if (!region || !principal.scopePath || !region.path.startsWith(principal.scopePath)) {
    throw notFound('REGION_NOT_FOUND', `No region "${regionId}" in your scope.`);
  }
  return region;
}

/** Registers a mine as it is found (its present status is recorded, audited as a registration). */
export async function registerMine(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mineChanged'>,
  principal: Principal,
  input: RegisterMineInput,
): Promise<Mine> {
  requirePermission(principal, 'mine.create');
  const facts = parseMineFacts(input.facts);
  const status = input.initialStatus ?? 'producing';
  if (typeof status !== 'string' || !MINE_STATUSES.includes(status as MineStatus)) {
    throw invalidInput('MINE_INVALID', `The initial status must be one of ${MINE_STATUSES.join(', ')}.`);
  }
  // Capability 9 holds from registration on: a high-gas or outburst mine without certified gas-control
  // capability is never registered (or imported) as producing (issue 15).
  if (status === 'producing' && facts.gasClass !== 'low' && !facts.hasGasControlCapability) {
    throw conflict(
      'GAS_CONTROL_CAPABILITY_REQUIRED',
      `${facts.name} is a ${facts.gasClass === 'high' ? 'high-gas' : 'coal-and-gas outburst'} mine without certified gas-control capability: it may not be registered as producing (register it suspended, then certify its capability through the expert assessment).`,
      { gasClass: facts.gasClass },
    );
  }
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'regions', 'enterprises', 'audit'], async (tx) => {
    const region = await requireRegionInScope(tx, principal, facts.regionId);
    if (await tx.mines.getByCode(facts.code)) {
      throw conflict('MINE_CODE_TAKEN', `A mine with the code ${facts.code} is already registered.`);
    }
    if (facts.enterpriseId !== null && !(await tx.enterprises.get(facts.enterpriseId))) {
      throw invalidInput('ENTERPRISE_NOT_FOUND', `No enterprise "${facts.enterpriseId}".`);
    }
    const mine: Mine = {
      ...(facts as Omit<Mine, 'id' | 'status' | 'statusSince' | 'createdAt' | 'updatedAt'>),
      id: deps.ids.next('mine'),
      status: status as MineStatus,
      statusSince: now,
      createdAt: now,
      updatedAt: now,
    };
    await tx.mines.insert(mine, region.path);
    await recordAudit(tx, principal, now, {
      action: 'mine.register',
      targetType: 'mine',
      targetId: mine.id,
      after: auditView(mine),
    });
    announceMineChanged(deps, tx, mine.id);
    return mine;
  });
}

/** How a process records its change of a key fact (never from a request). */
export interface KeyFactChange {
  via: KeyFactProcess;
  /** The document the change rests on (appraisal report, approval number), kept in the audit entry. */
  basis?: string;
}

/**
 * Edits facts of a mine. The status is not a fact: it changes only through `changeMineStatus`; the
 * key facts (gas class, gas-control capability, approved capacity) only through their processes, which
 * pass `change.via` (`key-facts.ts`).
 */
export async function updateMineFacts(
  deps: Pick<Ports, 'clock' | 'transaction' | 'mineChanged'>,
  principal: Principal,
  id: string,
  patch: Record<string, unknown>,
  change?: KeyFactChange,
): Promise<Mine> {
  requirePermission(principal, 'mine.update');
  if ('status' in patch || 'statusSince' in patch) {
    throw invalidInput(
      'MINE_STATUS_NOT_EDITABLE',
      'The status of a mine cannot be edited; it changes only through an order or an acceptance.',
    );
  }
  requireKeyFactsThroughProcess(patch, change?.via);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'regions', 'audit'], async (tx) => {
    const row = await getMine(tx, principal, id);
    const before = stripRow(row);
    const { id: _id, status: _s, statusSince: _ss, createdAt: _c, updatedAt: _u, ...currentFacts } = before;
    const facts = parseMineFacts({ ...currentFacts, ...patch });
    let regionPath = row.regionPath;
    if (facts.regionId !== row.regionId)
      regionPath = (await requireRegionInScope(tx, principal, facts.regionId)).path;
    if (facts.code !== row.code && (await tx.mines.getByCode(facts.code))) {
      throw conflict('MINE_CODE_TAKEN', `A mine with the code ${facts.code} is already registered.`);
    }
    const after: Mine = { ...before, ...(facts as Partial<Mine>), updatedAt: now };
    await tx.mines.update(after, regionPath);
    await recordAudit(tx, principal, now, {
      action: change ? keyFactRule(change.via).action : 'mine.update',
      targetType: 'mine',
      targetId: id,
      before: auditView(before),
      after: change
        ? { ...auditView(after), process: change.via, basis: change.basis ?? null, via: principal.via }
        : auditView(after),
    });
    announceMineChanged(deps, tx, id);
    return after;
  });
}

export interface ChangeMineStatusInput {
  event: MineStatusEvent;
  reason: string;
  basis?: string | null;
  /** Set by the process that alone may take the edge (the resumption use cases); never from a request. */
  via?: 'resumption';
}

/** The stores a status change writes: a caller passing its own transaction names them too. */
export const STATUS_CHANGE_STORES = ['mines', 'statusChanges', 'audit'] as const;
export type StatusChangeStores = (typeof STATUS_CHANGE_STORES)[number];

/**
 * The one way a mine's status changes: a table-checked transition, recorded as a status change and an
 * audit entry in the same transaction. Orders and acceptances call this.
 */
export async function changeMineStatus(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mineChanged'>,
  principal: Principal,
  mineId: string,
  input: ChangeMineStatusInput,
  tx?: TxStores<StatusChangeStores>,
  /**
   * The permission that authorises this change. Regulators change statuses ('mine.transition'); a
   * workflow that lets another role take one edge passes its own permission (a mine's safety officer
   * files its application for resumption with 'resumption.apply').
   */
  permission: Permission = 'mine.transition',
): Promise<{ mine: Mine; change: MineStatusChange }> {
  requirePermission(principal, permission);
  const now = deps.clock.nowIso();
  const run = async (stores: TxStores<StatusChangeStores>) => {
    const row = await getMine(stores, principal, mineId);
    const before = stripRow(row);
    const result = transitionMineStatus(before.status, { ...input, actorId: principal.userId }, now);
    // Capability 9: a high-gas or outburst mine without certified gas-control capability never produces.
    if (result.status === 'producing' && before.gasClass !== 'low' && !before.hasGasControlCapability) {
      throw conflict(
        'GAS_CONTROL_CAPABILITY_REQUIRED',
        `${before.name} is a ${before.gasClass === 'high' ? 'high-gas' : 'coal-and-gas outburst'} mine without certified gas-control capability: it may not produce.`,
      );
    }
    const after: Mine = { ...before, status: result.status, statusSince: result.statusSince, updatedAt: now };
    const change: MineStatusChange = {
      id: deps.ids.next('msc'),
      mineId,
      from: before.status,
      to: after.status,
      event: input.event,
      reason: input.reason.trim(),
      basis: input.basis?.trim() || null,
      actorId: principal.userId,
      at: now,
    };
    await stores.mines.update(after, row.regionPath);
    await stores.statusChanges.insert(change);
    await recordAudit(stores, principal, now, {
      action: `mine.status.${input.event}`,
      targetType: 'mine',
      targetId: mineId,
      before: { status: before.status, statusSince: before.statusSince },
      after: {
        status: after.status,
        statusSince: after.statusSince,
        reason: change.reason,
        basis: change.basis,
      },
    });
    announceMineChanged(deps, stores, mineId);
    return { mine: after, change };
  };
  return tx ? run(tx) : deps.transaction(STATUS_CHANGE_STORES, run);
}

export type { Region };

/** One mine on the map: where it is and what it is, nothing more (the map draws every mine in scope). */
export interface MinePosition {
  id: string;
  code: string;
  name: string;
  status: MineStatus;
  gasClass: Mine['gasClass'];
  approvedCapacityTPerYear: number;
  regionId: string;
  regionName: string;
  latitude: number;
  longitude: number;
}

/**
 * Every mine in the caller's scope (optionally narrowed to a region) with a recorded position, and how many
 * have none (the map says so rather than drop them silently).
 */
export async function listMinePositions(
  deps: Pick<Ports, 'mines' | 'regions'>,
  principal: Principal,
  regionId: string | undefined,
): Promise<{ mines: MinePosition[]; withoutPosition: number }> {
  requirePermission(principal, 'mine.read');
  const filter = await scopedMineFilter(deps, principal, regionId);
  const page = await deps.mines.search(filter, { offset: 0, limit: 1_000_000, sort: 'code', desc: false });
  const mines: MinePosition[] = [];
  let withoutPosition = 0;
  for (const m of page.items) {
    if (m.latitude === null || m.longitude === null) {
      withoutPosition++;
      continue;
    }
    mines.push({
      id: m.id,
      code: m.code,
      name: m.name,
      status: m.status,
      gasClass: m.gasClass,
      approvedCapacityTPerYear: m.approvedCapacityTPerYear,
      regionId: m.regionId,
      regionName: m.regionName,
      latitude: m.latitude,
      longitude: m.longitude,
    });
  }
  return { mines, withoutPosition };
}
