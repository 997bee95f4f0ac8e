import type {
  Closure,
  ClosureStep,
  ClosureTarget,
  CrackdownCase,
  OwnershipRecord,
  PolicyListEntry,
  PopulationYear,
  Transformation,
} from './closure-types.ts';

/** What the closure module needs from storage (implemented in src/storage/stores/closure-store.ts). */
export interface ClosureStore {
  insertClosure(c: Closure): Promise<void>;
  updateClosure(c: Closure): Promise<void>;
  getClosure(id: string): Promise<Closure | undefined>;
  /** The closure of a mine that is still in progress, if any. */
  openClosureOfMine(mineId: string): Promise<Closure | undefined>;
  /** Closures whose region path starts with `regionPath` (or of one mine), newest first. */
  listClosures(filter: { regionPath?: string; mineId?: string }): Promise<Closure[]>;
  insertSteps(steps: readonly ClosureStep[]): Promise<void>;
  updateStep(step: ClosureStep): Promise<void>;
  listSteps(closureId: string): Promise<ClosureStep[]>;

  insertTarget(t: ClosureTarget): Promise<void>;
  listTargets(regionPath: string): Promise<ClosureTarget[]>;

  upsertPolicyEntry(e: PolicyListEntry): Promise<void>;
  listPolicyEntries(regionPath: string): Promise<PolicyListEntry[]>;

  insertTransformation(t: Transformation): Promise<void>;
  listTransformations(closureId: string): Promise<Transformation[]>;

  insertOwnership(r: OwnershipRecord): Promise<void>;
  listOwnership(mineId: string): Promise<OwnershipRecord[]>;

  /** Replaces the population rows of the given districts (a re-seed overwrites, never duplicates). */
  putPopulationYears(rows: readonly PopulationYear[]): Promise<void>;
  /** Population rows of the districts under `regionPath`, by year then region. */
  listPopulationYears(regionPath: string): Promise<PopulationYear[]>;

  insertCase(c: CrackdownCase): Promise<void>;
  updateCase(c: CrackdownCase): Promise<void>;
  getCase(id: string): Promise<CrackdownCase | undefined>;
  listCases(filter: { regionPath?: string; mineId?: string }): Promise<CrackdownCase[]>;
}
