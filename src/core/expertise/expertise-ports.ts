import type {
  CapabilityAssessment,
  ExpertAssignment,
  GuidanceVisit,
  Merger,
  ProgressRecord,
  TrainingSession,
  UpgradeTarget,
} from './expertise-types.ts';

/** Which mines a query covers: those under a region path, or exactly one mine. */
export interface ExpertiseMineFilter {
  regionPath?: string;
  mineId?: string;
}

/** What the expertise module needs from storage (implemented in src/storage/stores/expertise-store.ts). */
export interface ExpertiseStore {
  getSpecialities(userId: string): Promise<{ specialities: string[]; updatedAt: string } | undefined>;
  saveSpecialities(userId: string, specialities: readonly string[], at: string): Promise<void>;

  insertAssignment(a: ExpertAssignment): Promise<void>;
  updateAssignment(a: ExpertAssignment): Promise<void>;
  getAssignment(id: string): Promise<ExpertAssignment | undefined>;
  /** Assignments of the filtered mines; only active ones unless `includeEnded`. */
  listAssignments(filter: ExpertiseMineFilter, includeEnded: boolean): Promise<ExpertAssignment[]>;

  insertGuidance(v: GuidanceVisit): Promise<void>;
  updateGuidance(v: GuidanceVisit): Promise<void>;
  getGuidance(id: string): Promise<GuidanceVisit | undefined>;
  listGuidance(filter: ExpertiseMineFilter): Promise<GuidanceVisit[]>;

  insertTraining(t: TrainingSession): Promise<void>;
  listTrainings(filter: ExpertiseMineFilter): Promise<TrainingSession[]>;

  insertAssessment(a: CapabilityAssessment): Promise<void>;
  updateAssessment(a: CapabilityAssessment): Promise<void>;
  getAssessment(id: string): Promise<CapabilityAssessment | undefined>;
  listAssessments(filter: ExpertiseMineFilter): Promise<CapabilityAssessment[]>;

  insertProgress(p: ProgressRecord): Promise<void>;
  listProgress(filter: ExpertiseMineFilter): Promise<ProgressRecord[]>;

  getTarget(regionId: string): Promise<UpgradeTarget | undefined>;
  saveTarget(t: UpgradeTarget): Promise<void>;

  insertMerger(m: Merger): Promise<void>;
  /** Mergers that include at least one of the filtered mines. */
  listMergers(filter: ExpertiseMineFilter): Promise<Merger[]>;
}
