import type {
  Hazard,
  HazardEvent,
  HazardEvidence,
  HazardGrade,
  HazardProposal,
  HazardState,
  ProgressReport,
  ProposalKind,
  SelfCheckReport,
  SupervisionListing,
} from './hazard-types.ts';

/** What the hazards module needs from storage (implemented in src/storage/stores/hazards-store.ts). */
export interface HazardFilter {
  regionPath?: string;
  mineId?: string;
  /** Only these mines (a leader's or group member's assigned mines). */
  mineIds?: readonly string[];
  state?: HazardState;
  grade?: HazardGrade;
  /** Only hazards past their current due date on `today` and not closed. */
  overdueOn?: string;
  /** Only hazards not closed. */
  openOnly?: boolean;
  /** Only hazards whose title holds this text (case-insensitive). */
  text?: string;
}

export interface HazardStore {
  insert(h: Hazard): Promise<void>;
  update(h: Hazard): Promise<void>;
  get(id: string): Promise<Hazard | undefined>;
  list(filter: HazardFilter, limit: number): Promise<Hazard[]>;
  /** Counts by state, and how many of them are overdue on `today`. */
  countByState(
    filter: HazardFilter,
    today: string,
  ): Promise<Array<{ state: HazardState; total: number; overdue: number }>>;
  /** Major hazards at a mine reported at or after `sinceIso`. */
  listMajorSince(mineId: string, sinceIso: string): Promise<Hazard[]>;

  insertEvent(e: HazardEvent): Promise<void>;
  listEvents(hazardId: string): Promise<HazardEvent[]>;

  insertEvidence(e: HazardEvidence): Promise<void>;
  getEvidence(id: string): Promise<HazardEvidence | undefined>;
  listEvidence(hazardId: string): Promise<HazardEvidence[]>;

  insertListing(l: SupervisionListing): Promise<void>;
  updateListing(l: SupervisionListing): Promise<void>;
  /** The listing not yet closed, if any. */
  activeListing(hazardId: string): Promise<SupervisionListing | undefined>;
  listListings(hazardId: string): Promise<SupervisionListing[]>;
  insertProgress(p: ProgressReport): Promise<void>;
  listProgress(hazardId: string): Promise<ProgressReport[]>;

  insertProposal(p: HazardProposal): Promise<void>;
  updateProposal(p: HazardProposal): Promise<void>;
  getProposal(id: string): Promise<HazardProposal | undefined>;
  listProposals(filter: {
    regionPath?: string;
    mineId?: string;
    state?: HazardProposal['state'];
  }): Promise<HazardProposal[]>;
  /** An open proposal of `kind` at the mine, if any (so a rule proposes once). */
  openProposal(mineId: string, kind: ProposalKind): Promise<HazardProposal | undefined>;

  insertSelfCheck(r: SelfCheckReport): Promise<void>;
  getSelfCheck(mineId: string, quarter: string): Promise<SelfCheckReport | undefined>;
  listSelfCheckMineIds(quarter: string, regionPath: string): Promise<string[]>;
}
