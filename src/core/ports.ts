import type { DirectiveStore } from './directives/directives-ports.ts';
import type { ExpertiseStore } from './expertise/expertise-ports.ts';
import type { ClosureStore } from './closure/closure-ports.ts';
import type { AccidentStore } from './accidents/accidents-ports.ts';
import type { BriefingStore } from './briefing/briefing-ports.ts';
import type { HazardStore } from './hazards/hazards-ports.ts';
import type { OrderStore } from './orders/orders-ports.ts';
import type { SupervisionStore } from './supervision/supervision-ports.ts';
import type { MinuteBucket } from './monitoring/engine/minute-aggregator.ts';
import type { ReadingBatch } from './monitoring/engine/reading-batch.ts';
import type { MonitoringStore } from './monitoring/monitoring-ports.ts';
import type { StoppedStore } from './monitoring/stopped/stopped-ports.ts';
import type { NotificationReadStore } from './notifications/notification-ports.ts';
import type { Principal, Role, Scope, TokenScope, User } from './access/types.ts';
import type { AuditEntry, AuditEventInput } from './audit/audit-chain.ts';
import type { Enterprise, GasClass, Mine, MineStatus, MineStatusChange, Region } from './registry/types.ts';

/** The interfaces the core needs from the world. Use cases take only the ones they use (Pick<Ports, …>). */

export interface Clock {
  /** Current time as an ISO-8601 UTC string. */
  nowIso(): string;
  nowMs(): number;
}

export interface Ids {
  /** A new unique id with a readable prefix, e.g. "msc-…". */
  next(prefix: string): string;
}

export interface RegionStore {
  list(): Promise<Region[]>;
  get(id: string): Promise<Region | undefined>;
  /** The region and every region below it. */
  listUnder(path: string): Promise<Region[]>;
  insert(region: Region): Promise<void>;
}

export interface EnterpriseStore {
  get(id: string): Promise<Enterprise | undefined>;
  findByName(name: string): Promise<Enterprise | undefined>;
  insert(enterprise: Enterprise): Promise<void>;
}

export type MineSort = 'name' | 'code' | 'capacity' | 'status' | 'region';

export interface MineFilter {
  /** Only mines whose region path starts with this. */
  regionPath?: string;
  /** Only this mine (for mine-scoped users). */
  mineId?: string;
  /** Only these mines (a leader's or group member's assigned mines). */
  mineIds?: readonly string[];
  status?: MineStatus;
  gasClass?: GasClass;
  /** Inclusive bounds in t/yr. */
  capacityMin?: number;
  capacityMax?: number;
  /** Matches name, code, enterprise or operator. */
  text?: string;
}

/** A safety production licence suspended by a stop order; lifted only by an approved resumption. */
export interface LicenceSuspension {
  orderNumber: string;
  since: string;
}

export interface MineRow extends Mine {
  /** Not a fact a regulator edits: set by a stop order, cleared by resumption approval (issue 15). */
  licenceSuspension: LicenceSuspension | null;
  regionName: string;
  regionNameEn: string;
  regionPath: string;
  enterpriseName: string | null;
}

export interface MinePage {
  items: MineRow[];
  total: number;
}

export interface MineCounts {
  /** One row per (county region id, status, gas class, capacity band). */
  rows: Array<{
    countyId: string;
    status: MineStatus;
    gasClass: GasClass;
    small: boolean;
    band: CapacityBand;
    hasGasControlCapability: boolean;
    mines: number;
    capacityTPerYear: number;
  }>;
}

export type CapacityBand = 'lt300k' | '300k_900k' | '900k_3m' | 'ge3m';

export interface MineStore {
  get(id: string): Promise<MineRow | undefined>;
  getByCode(code: string): Promise<MineRow | undefined>;
  search(
    filter: MineFilter,
    page: { offset: number; limit: number; sort: MineSort; desc: boolean },
  ): Promise<MinePage>;
  counts(filter: MineFilter): Promise<MineCounts>;
  insert(mine: Mine, regionPath: string): Promise<void>;
  /** Replaces the stored facts and status of an existing mine (never the licence suspension). */
  update(mine: Mine, regionPath: string): Promise<void>;
  /** Suspends (or, with null, restores) the mine's safety production licence. */
  setLicenceSuspension(mineId: string, suspension: LicenceSuspension | null): Promise<void>;
}

export interface MineStatusChangeStore {
  insert(change: MineStatusChange): Promise<void>;
  listByMine(mineId: string): Promise<MineStatusChange[]>;
}

export interface StoredUser extends User {
  passwordHash: string;
}

export interface UserStore {
  get(id: string): Promise<StoredUser | undefined>;
  getByUsername(username: string): Promise<StoredUser | undefined>;
  insert(user: StoredUser): Promise<void>;
  listNames(ids: readonly string[]): Promise<Map<string, string>>;
}

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionStore {
  insert(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  delete(id: string): Promise<void>;
  deleteExpired(nowIso: string): Promise<number>;
}

export interface ApiToken {
  id: string;
  tokenHash: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** What the token may reach (migration 0014; older tokens read as `['write', 'read', 'ingest']`). */
  scopes: TokenScope[];
  lastUsedAt: string | null;
}

export interface ApiTokenStore {
  insert(token: ApiToken): Promise<void>;
  getByHash(tokenHash: string): Promise<ApiToken | undefined>;
  get(id: string): Promise<ApiToken | undefined>;
  /** The tokens of one account, newest first (revoked ones included). */
  listByUser(userId: string): Promise<ApiToken[]>;
  revoke(id: string, at: string): Promise<void>;
  /** Records a use; callers throttle it (at most once a minute per token). */
  touch(id: string, at: string): Promise<void>;
}

export interface AuditStore {
  /** Appends one chained entry. Must run inside the same transaction as the change it records. */
  append(event: AuditEventInput, at: string): Promise<AuditEntry>;
  /** Appends several chained entries in order, holding the chain's head once (same transaction rule). */
  appendMany(events: readonly AuditEventInput[], at: string): Promise<AuditEntry[]>;
  listByTarget(targetType: string, targetId: string): Promise<AuditEntry[]>;
  /** Every entry in seq order, in pages, for verification and export. */
  iterateAll(pageSize?: number): AsyncIterable<AuditEntry>;
  head(): Promise<{ seq: number; hash: string }>;
  /** Entries newest first, filtered (the audit and security log page). */
  search(filter: AuditSearch): Promise<AuditEntry[]>;
}

/** Filters of the audit and security log: time range (ISO), actor (id or name, substring), kind. */
export interface AuditSearch {
  fromIso?: string;
  toIso?: string;
  actor?: string;
  /** An action (`mine.update`) or a prefix of one (`mine.`); for security events, their kind. */
  kind?: string;
  limit: number;
}

/**
 * A security event (issue 13): a refused request (401/403/429), a failed or a throttled login. Kept
 * apart from the hash-chained audit log because its recording is rate-limited and may drop.
 */
export interface SecurityEvent {
  id: string;
  at: string;
  kind: 'denied' | 'login_failed' | 'login_refused';
  actorId: string | null;
  actorName: string | null;
  actorVia: string | null;
  method: string | null;
  route: string | null;
  target: string | null;
  status: number | null;
  reason: string;
  ip: string | null;
}

export interface SecurityLogStore {
  insert(event: SecurityEvent): Promise<void>;
  search(filter: AuditSearch): Promise<SecurityEvent[]>;
}

export interface Stores {
  monitoring: MonitoringStore;
  hazards: HazardStore;
  orders: OrderStore;
  supervision: SupervisionStore;
  directives: DirectiveStore;
  expertise: ExpertiseStore;
  closure: ClosureStore;
  accidents: AccidentStore;
  briefing: BriefingStore;
  /** Watch crews, dismantling windows, evacuation deadlines (migration 0020). */
  stopped: StoppedStore;
  /** Which bell notifications each user has marked read (migration 0027). */
  notificationReads: NotificationReadStore;
  regions: RegionStore;
  enterprises: EnterpriseStore;
  mines: MineStore;
  statusChanges: MineStatusChangeStore;
  users: UserStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  audit: AuditStore;
  securityLog: SecurityLogStore;
}

/** What only the inside of a transaction has. */
export interface TxContext {
  /** Runs `effect` once the transaction has committed (never after a rollback), before `transaction()` resolves. */
  afterCommit(effect: () => Promise<void>): void;
}

/** What a transaction's work receives: the stores it named, bound to the transaction, and `afterCommit`. */
export type TxStores<K extends keyof Stores> = Pick<Stores, K> & TxContext;

/**
 * Runs `work` in one database transaction with only the named stores bound to it (issue 14 item 5: a
 * use case says which stores it writes, e.g. `transaction(['hazards', 'audit'], async (tx) => …)`).
 */
export type Transaction = <K extends keyof Stores, T>(
  stores: readonly K[],
  work: (tx: TxStores<K>) => Promise<T>,
) => Promise<T>;

/**
 * A mine's status or registry facts changed and committed: whoever judges the mine (monitoring)
 * re-reads it. Called by the registry's use cases (registry/mine-changed.ts); wired once per
 * composition root.
 */
export type MineChanged = (mineId: string) => Promise<void>;

export interface Ports extends Stores {
  clock: Clock;
  ids: Ids;
  /** Runs `work` in one database transaction with the stores it names bound to it. */
  transaction: Transaction;
  /** Absent where nothing judges mines in this process (a CLI import, most tests). */
  mineChanged?: MineChanged;
}

export type { Principal, Role, Scope, TokenScope };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Secrets {
  /** A new unguessable token (URL-safe). */
  newToken(): string;
}

/** Readings and per-minute aggregates, written durably before the data is acknowledged. */
export interface TelemetryWriter {
  /**
   * Durably appends the batch (resolves only once it is stored). A reading at an already stored
   * (point, time) may be appended again; every read and the compactor keep the first. Returns rows appended.
   */
  write(batch: ReadingBatch, minutes: readonly MinuteBucket[]): Promise<number>;
}
