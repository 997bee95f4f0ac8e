import {
  FIRST_REPORT_HOURS,
  PER_LEVEL_HOURS,
  levelsFor,
  type AccidentGrade,
  type ReportLevel,
} from './accident-grading.ts';

const HOUR_MS = 3_600_000;

export type ReportStatus = 'on_time' | 'late' | 'due' | 'overdue';

export interface ReportStep {
  level: ReportLevel;
  deadline: string;
  reportedAt: string | null;
  status: ReportStatus;
  /** Minutes past the deadline (late or overdue), else 0. */
  minutesLate: number;
}

/**
 * The reporting chain of an accident against the clock: the unit reports to the county within 1 hour of
 * the accident; each level reports upward within 2 hours of receiving the report (or, while the lower
 * level has not reported, of the lower level's deadline).
 */
export function reportingSteps(
  grade: AccidentGrade,
  occurredAt: string,
  reports: ReadonlyArray<{ level: ReportLevel; reportedAt: string }>,
  nowIso: string,
): ReportStep[] {
  const now = Date.parse(nowIso);
  const steps: ReportStep[] = [];
  let base = Date.parse(occurredAt);
  let hours = FIRST_REPORT_HOURS;
  for (const level of levelsFor(grade)) {
    const deadline = base + hours * HOUR_MS;
    const r = reports.find((x) => x.level === level);
    const at = r ? Date.parse(r.reportedAt) : null;
    const status: ReportStatus =
      at !== null ? (at <= deadline ? 'on_time' : 'late') : now > deadline ? 'overdue' : 'due';
    const lateMs = at !== null ? at - deadline : now - deadline;
    steps.push({
      level,
      deadline: new Date(deadline).toISOString(),
      reportedAt: r ? new Date(at ?? 0).toISOString() : null,
      status,
      minutesLate: status === 'late' || status === 'overdue' ? Math.ceil(lateMs / 60_000) : 0,
    });
    base = at ?? deadline;
    hours = PER_LEVEL_HOURS;
  }
  return steps;
}

/** True when any step was reported late or is overdue now. */
export const hasLateReport = (steps: readonly ReportStep[]): boolean =>
  steps.some((s) => s.status === 'late' || s.status === 'overdue');
