import type { StoppedAllowance } from './stopped-allowances.ts';

/** A stop order's evacuation deadline for one affected mine (in force, not lifted). */
export interface EvacuationDeadline {
  orderId: string;
  mineId: string;
  effectiveAt: string;
  evacuateBy: string;
}

/** What the stopped-mine rules need from storage (src/storage/stores/stopped-store.ts). */
export interface StoppedStore {
  insertAllowance(a: StoppedAllowance): Promise<void>;
  updateAllowance(a: StoppedAllowance): Promise<void>;
  getAllowance(id: string): Promise<StoppedAllowance | undefined>;
  /** A mine's declarations, newest first. */
  listAllowancesOfMine(mineId: string): Promise<StoppedAllowance[]>;
  /** Approved declarations of every mine, or of one. */
  listApproved(mineId?: string): Promise<StoppedAllowance[]>;
  /** Evacuation deadlines of in-force orders over mines they affected and that are not lifted. */
  listEvacuations(mineId?: string): Promise<EvacuationDeadline[]>;
}
