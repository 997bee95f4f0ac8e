import type { Accident, AccidentReport, AccidentSupplement, AccountabilityRecord } from './accident-types.ts';

export interface AccidentFilter {
  regionPath?: string;
  mineId?: string;
  /** Only these mines (a leader's or group member's assigned mines). */
  mineIds?: readonly string[];
  /** true: only the reference set (no register mine); false: only register accidents. */
  reference?: boolean;
  /** Inclusive ISO bounds on the accident time. */
  fromIso?: string;
  toIso?: string;
}

export interface AccountabilityFilter {
  regionPath?: string;
  mineId?: string;
  accidentId?: string;
  /** Matches the person's name (substring). */
  person?: string;
}

/** What happened at a mine in a period, read straight from the other modules' tables. */
export interface PrecedingFacts {
  hazards: Array<{
    id: string;
    title: string;
    grade: string;
    state: string;
    reportedAt: string;
    closedAt: string | null;
    currentDueDate: string | null;
  }>;
  alarms: Array<{ id: string; rule: string; priority: string; message: string; firstRaisedMs: number }>;
  orders: Array<{ id: string; number: string; kind: string; effectiveAt: string; outcome: string }>;
  visits: Array<{
    id: string;
    visitorName: string;
    visitorRole: string;
    startedAt: string;
    wentUnderground: boolean;
    notes: string;
  }>;
}

/** What the accidents module needs from storage (implemented in src/storage/stores/accidents-store.ts). */
export interface AccidentStore {
  insert(a: Accident): Promise<void>;
  insertMany(rows: readonly Accident[]): Promise<void>;
  update(a: Accident): Promise<void>;
  get(id: string): Promise<Accident | undefined>;
  list(filter: AccidentFilter, limit: number): Promise<Accident[]>;
  count(filter: AccidentFilter): Promise<number>;
  insertReport(r: AccidentReport): Promise<void>;
  listReports(accidentId: string): Promise<AccidentReport[]>;
  insertSupplement(s: AccidentSupplement): Promise<void>;
  /** The accident's supplements, oldest change first. */
  listSupplements(accidentId: string): Promise<AccidentSupplement[]>;
  insertAccountability(r: AccountabilityRecord): Promise<void>;
  listAccountability(filter: AccountabilityFilter, limit: number): Promise<AccountabilityRecord[]>;
  /**
   * Hazards reported before `toIso` and not closed before `fromIso`; alarms first raised, orders in
   * force and visits started in [fromIso, toIso].
   */
  precedingFacts(mineId: string, fromIso: string, toIso: string): Promise<PrecedingFacts>;
}
