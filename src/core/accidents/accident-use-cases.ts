import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp } from '../audit/record-audit.ts';
import { conflict, invalidInput, refuseIssues } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import {
  requireAccident,
  requireRegisterAccident,
  scopeFilter,
  writeAccidentAudited,
} from './accident-access.ts';
import {
  INVESTIGATION_DAYS,
  INVESTIGATION_EXTENSION_DAYS,
  chainOf,
  gradeAccident,
  levelsFor,
  type ChainRow,
  type GradeJudgement,
  type ReportLevel,
} from './accident-grading.ts';
import { hasLateReport, reportingSteps, type ReportStep } from './accident-reporting.ts';
import { isWindowOpen, supplementWindow, type SupplementWindowView } from './accident-supplements.ts';
import type { Accident, AccidentReport, AccidentSupplement, AccountabilityRecord } from './accident-types.ts';
import { transitionInvestigation, type InvestigationEvent } from './investigation-machine.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'accidents'>;

export interface RecordAccidentInput {
  /** The mine: its id, or (as a user knows it) its 12-digit code in `mineCode`. */
  mineId?: string;
  mineCode?: string;
  occurredAt: string;
  type: string;
  deaths: number;
  /** Missing persons (失踪); 0 when not given. */
  missing?: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossCny: number;
  description?: string;
}

const DAY_MS = 86_400_000;
export const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * What every new accident, recorded or imported, starts with: not regraded, its investigation open and
 * due INVESTIGATION_DAYS after the accident, created by `p` at `now`.
 */
export function newAccidentState(occurredAt: string, p: Principal, now: string) {
  return {
    regradedAt: null,
    investigationState: 'investigating',
    investigationDueOn: addDays(occurredAt, INVESTIGATION_DAYS),
    findings: null,
    reportSubmittedAt: null,
    closedAt: null,
    ...actStamp('created', p, now),
  } satisfies Partial<Accident>;
}

/** Problems with the casualty figures, as readable sentences (empty when they are valid). */
export function casualtyIssues(c: {
  deaths: number;
  missing?: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLossCny: number;
}): string[] {
  const bad: string[] = [];
  for (const k of ['deaths', 'seriousInjuries', 'minorInjuries'] as const)
    if (!Number.isInteger(c[k]) || c[k] < 0) bad.push(`${k} must be a whole number ≥ 0`);
  if (c.missing !== undefined && (!Number.isInteger(c.missing) || c.missing < 0))
    bad.push('missing must be a whole number ≥ 0');
  if (!Number.isFinite(c.directLossCny) || c.directLossCny < 0)
    bad.push('directLossCny must be a number ≥ 0');
  return bad;
}

function validate(input: RecordAccidentInput, now: string): string {
  const bad = casualtyIssues(input);
  if (input.type.trim().length < 1) bad.push('type is required');
  const t = Date.parse(input.occurredAt);
  if (Number.isNaN(t)) bad.push('occurredAt must be an ISO time');
  else if (t > Date.parse(now)) bad.push('occurredAt cannot be in the future');
  refuseIssues('ACCIDENT_INVALID', 'The accident', bad);
  return new Date(t).toISOString();
}

/** The mine id of the input: the id as given, else the mine with the 12-digit code (unknown: ""). */
async function mineIdOf(deps: Pick<Ports, 'mines'>, input: RecordAccidentInput): Promise<string> {
  if (input.mineId !== undefined && input.mineId !== '') return input.mineId;
  const code = input.mineCode?.trim() ?? '';
  if (!/^\d{12}$/.test(code))
    throw invalidInput(
      'ACCIDENT_INVALID',
      'The accident is not valid: mineId or a 12-digit mineCode is required.',
      {
        issues: ["mineCode must be the mine's 12-digit code"],
      },
    );
  return (await deps.mines.getByCode(code))?.id ?? code;
}

/** Records an accident at a mine in scope; the grade is computed, never entered. */
export async function recordAccident(
  deps: Deps,
  p: Principal,
  input: RecordAccidentInput,
): Promise<Accident> {
  requirePermission(p, 'accident.record');
  const now = deps.clock.nowIso();
  const occurredAt = validate(input, now);
  const mine = await requireMineInScope(deps, p, await mineIdOf(deps, input));
  const missing = input.missing ?? 0;
  const grade = gradeAccident({ ...input, missing }).grade;
  const accident: Accident = {
    id: deps.ids.next('acc'),
    mineId: mine.id,
    mineName: mine.name,
    regionPath: mine.regionPath,
    country: 'CN',
    occurredAt,
    type: input.type.trim(),
    deaths: input.deaths,
    missing,
    seriousInjuries: input.seriousInjuries,
    minorInjuries: input.minorInjuries,
    directLossCny: input.directLossCny,
    grade,
    description: input.description?.trim() ?? '',
    source: 'recorded',
    externalRef: null,
    ...newAccidentState(occurredAt, p, now),
  };
  await writeAccidentAudited(deps, p, now, accident, (s, r) => s.insert(r), {
    action: 'accident.record',
    targetType: 'accident',
    targetId: accident.id,
  });
  return accident;
}

export interface AccidentSummary extends Accident {
  hasLateReport: boolean;
}

/** Accidents in scope (or the reference set), newest first, each with its late-report flag. */
export async function listAccidents(
  deps: Pick<Ports, 'accidents' | 'clock'>,
  p: Principal,
  q: { reference?: boolean; limit?: number },
): Promise<{ accidents: AccidentSummary[]; total: number }> {
  requirePermission(p, 'accident.read');
  const filter = q.reference === true ? { reference: true } : { ...scopeFilter(p), reference: false };
  const rows = await deps.accidents.list(filter, q.limit ?? 500);
  const now = deps.clock.nowIso();
  const accidents: AccidentSummary[] = [];
  for (const a of rows) {
    const late =
      a.mineId === null
        ? false
        : hasLateReport(reportingSteps(a.grade, a.occurredAt, await deps.accidents.listReports(a.id), now));
    accidents.push({ ...a, hasLateReport: late });
  }
  return { accidents, total: await deps.accidents.count(filter) };
}

export interface SupplementView extends AccidentSupplement {
  chainBefore: ChainRow;
  chainAfter: ChainRow;
}

export interface AccidentDetail {
  accident: Accident;
  judgement: GradeJudgement;
  chain: ChainRow;
  reporting: ReportStep[];
  hasLateReport: boolean;
  reports: AccidentReport[];
  accountability: AccountabilityRecord[];
  /** Supplementary reports (补报), oldest change first, each with who investigated before and after it. */
  supplements: SupplementView[];
  /** The window for supplements (Order 493 art. 13) and whether it is still open now; null for reference data. */
  supplementWindow: SupplementWindowView | null;
}

export async function getAccident(
  deps: Pick<Ports, 'accidents' | 'clock'>,
  p: Principal,
  id: string,
): Promise<AccidentDetail> {
  const a = await requireAccident(deps, p, id, 'accident.read');
  const reports = await deps.accidents.listReports(a.id);
  const now = deps.clock.nowIso();
  const reporting = a.mineId === null ? [] : reportingSteps(a.grade, a.occurredAt, reports, now);
  const window = a.mineId === null ? null : supplementWindow(a.occurredAt, a.type);
  return {
    accident: a,
    judgement: gradeAccident(a),
    chain: chainOf(a.grade),
    reporting,
    hasLateReport: hasLateReport(reporting),
    reports,
    accountability:
      a.mineId === null ? [] : await deps.accidents.listAccountability({ accidentId: a.id }, 1000),
    supplements:
      a.mineId === null
        ? []
        : (await deps.accidents.listSupplements(a.id)).map((x) => ({
            ...x,
            chainBefore: chainOf(x.gradeBefore),
            chainAfter: chainOf(x.gradeAfter),
          })),
    supplementWindow: window === null ? null : { ...window, isOpen: isWindowOpen(window, now) },
  };
}

/** Records that the report reached a level at `reportedAt` (late reports are kept and flagged). */
export async function recordReport(
  deps: Deps,
  p: Principal,
  id: string,
  input: { level: ReportLevel; reportedAt: string; note?: string },
): Promise<AccidentDetail> {
  const a = requireRegisterAccident(await requireAccident(deps, p, id, 'accident.report'));
  const now = deps.clock.nowIso();
  const t = Date.parse(input.reportedAt);
  if (Number.isNaN(t) || t > Date.parse(now) || t < Date.parse(a.occurredAt))
    throw invalidInput(
      'ACCIDENT_REPORT_TIME_INVALID',
      'reportedAt must be an ISO time between the accident and now.',
    );
  if (!levelsFor(a.grade).includes(input.level))
    throw invalidInput(
      'ACCIDENT_REPORT_LEVEL_INVALID',
      `A ${a.grade} accident is reported up to ${levelsFor(a.grade).join(' → ')}; "${input.level}" is not on its chain.`,
    );
  const existing = await deps.accidents.listReports(a.id);
  if (existing.some((r) => r.level === input.level))
    throw conflict('ACCIDENT_REPORT_EXISTS', `The report to the ${input.level} level is already recorded.`);
  const report: AccidentReport = {
    accidentId: a.id,
    level: input.level,
    reportedAt: new Date(t).toISOString(),
    recordedAt: now,
    recordedById: p.userId,
    recordedByName: p.displayName,
    note: input.note?.trim() ?? '',
  };
  await writeAccidentAudited(deps, p, now, report, (s, r) => s.insertReport(r), {
    action: 'accident.report',
    targetType: 'accident',
    targetId: a.id,
  });
  return getAccident(deps, p, id);
}

/** Moves the investigation on: extend (once, +60 days), submit the report with findings, close. */
export async function advanceInvestigation(
  deps: Deps,
  p: Principal,
  id: string,
  input: { event: InvestigationEvent; findings?: string },
): Promise<AccidentDetail> {
  const a = requireRegisterAccident(await requireAccident(deps, p, id, 'accident.investigate'));
  const now = deps.clock.nowIso();
  const t = transitionInvestigation(a.investigationState, input.event, now, INVESTIGATION_EXTENSION_DAYS);
  if (!t.ok) throw conflict('INVESTIGATION_TRANSITION_NOT_ALLOWED', `${t.why}.`);
  let next: Accident = { ...a, investigationState: t.state };
  for (const e of t.effects) {
    if (e.kind === 'extend-due')
      next = { ...next, investigationDueOn: addDays(a.investigationDueOn, e.days) };
    if (e.kind === 'record-findings') {
      const findings = input.findings?.trim() ?? '';
      if (findings.length < 2)
        throw invalidInput('INVESTIGATION_FINDINGS_REQUIRED', 'The investigation report needs its findings.');
      next = { ...next, findings, reportSubmittedAt: now };
    }
    if (e.kind === 'record-reply') next = { ...next, closedAt: e.at };
  }
  await writeAccidentAudited(deps, p, now, next, (s, r) => s.update(r), {
    action: `accident.investigation.${input.event}`,
    targetType: 'accident',
    targetId: a.id,
    before: { investigationState: a.investigationState, investigationDueOn: a.investigationDueOn },
    after: {
      investigationState: next.investigationState,
      investigationDueOn: next.investigationDueOn,
      findings: next.findings,
    },
  });
  return getAccident(deps, p, id);
}
