import type { Principal } from '../access/types.ts';
import type {
  AssignableUser,
  AssignmentHistoryEntry,
  FindingGrade,
  LeaderAssignment,
  MinePlan,
  ResponsiblePerson,
  SiteVisit,
  SupervisionGroup,
  VisitFinding,
} from './supervision-types.ts';
import type { UndergroundStay } from './underground-presence.ts';

/** Which mines a query covers: those under a region path (narrowed to `mineIds` when given), or exactly one mine. */
export interface SupervisionMineFilter {
  regionPath?: string;
  mineId?: string;
  mineIds?: readonly string[];
}

/** The four assignments of many mines at once, for the coverage view. */
export interface CoverageFacts {
  plans: Map<string, MinePlan>;
  responsible: Map<string, ResponsiblePerson>;
  groups: Map<string, SupervisionGroup>;
  leaders: Map<string, LeaderAssignment>;
}

/** The latest visit of one user to one mine. */
export interface LastVisit {
  mineId: string;
  visitorId: string;
  lastStartedAt: string;
}

/** A stay underground at a mine (migration 0024). */
export interface StayRow extends UndergroundStay {
  mineId: string;
}

/** Who was underground when, and the positioning cards that visitors carry. */
export interface PresenceStore {
  /** Stretches the stays a personnel snapshot shows (written with every snapshot). */
  recordStays(
    mineId: string,
    people: ReadonlyArray<{
      cardCode: string;
      name: string;
      enteredMineAtMs: number | null;
      isMineLeader: boolean;
    }>,
    snapshotMs: number,
  ): Promise<void>;
  /** The stays at these mines that overlap [fromMs, toMs], optionally of these cards only. */
  staysOf(
    mineIds: readonly string[],
    fromMs: number,
    toMs: number,
    cardCodes?: readonly string[],
  ): Promise<StayRow[]>;
  /** The card code of each user that has one. */
  cardsOf(userIds: readonly string[]): Promise<Map<string, string>>;
  setCard(card: {
    userId: string;
    cardCode: string;
    setById: string;
    setByName: string;
    setAt: string;
  }): Promise<void>;
}

/** What the supervision module needs from storage (implemented in src/storage/stores/supervision-store.ts). */
export interface SupervisionStore extends PresenceStore {
  getPlan(mineId: string): Promise<MinePlan | undefined>;
  /** Inserts or replaces the mine's plan. */
  savePlan(plan: MinePlan): Promise<void>;
  deletePlan(mineId: string): Promise<void>;
  getResponsible(mineId: string): Promise<ResponsiblePerson | undefined>;
  saveResponsible(person: ResponsiblePerson): Promise<void>;
  getGroup(mineId: string): Promise<SupervisionGroup | undefined>;
  /** Replaces the mine's whole group. */
  saveGroup(group: SupervisionGroup): Promise<void>;
  getLeader(mineId: string): Promise<LeaderAssignment | undefined>;
  saveLeader(leader: LeaderAssignment): Promise<void>;
  appendHistory(entry: AssignmentHistoryEntry): Promise<void>;
  listHistory(mineId: string): Promise<AssignmentHistoryEntry[]>;
  coverageFacts(filter: SupervisionMineFilter): Promise<CoverageFacts>;
  /** The mines where the user is the leader on contact duty or a member of the supervision group. */
  assignedMineIds(userId: string): Promise<string[]>;
  /** Users with one of the roles (for assignment choices and checks). */
  listAssignableUsers(roles: readonly string[]): Promise<AssignableUser[]>;
  insertVisit(visit: SiteVisit): Promise<void>;
  getVisit(id: string): Promise<SiteVisit | undefined>;
  listVisits(filter: SupervisionMineFilter, limit: number): Promise<SiteVisit[]>;
  getFinding(id: string): Promise<VisitFinding | undefined>;
  updateFinding(finding: VisitFinding): Promise<void>;
  lastVisits(filter: SupervisionMineFilter): Promise<LastVisit[]>;
}

/** What a finding carries into the hazards module when it becomes a hazard. */
export interface HazardReportInput {
  mineId: string;
  title: string;
  description: string;
  source: 'inspection';
  grade: FindingGrade;
  /** A criteria sub-item id or "general" (the hazards module checks it against the criteria in force). */
  category: string;
  location: string | null;
  /** The visit and finding it came from, so the hazard can point back. */
  sourceRef: { visitId: string; findingId: string };
}

/**
 * The hazards module's report use case, as supervision sees it. Wired by the route layer; absent while
 * the hazards module has no report function (findings then stay `pending_hazard`). The report runs in
 * the hazards module's own transaction.
 */
export interface HazardReporter {
  report(principal: Principal, input: HazardReportInput): Promise<{ id: string }>;
}
