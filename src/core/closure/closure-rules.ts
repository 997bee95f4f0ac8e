import { conflict, invalidInput } from '../errors.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR, type Mine } from '../registry/types.ts';
import type {
  CaseStatus,
  CaseType,
  Closure,
  ClosureStep,
  ClosureStepState,
  ClosureTarget,
} from './closure-types.ts';

export type ClosureRuleId = 'capacity_below_300kt' | 'gas_without_capability' | 'policy_list';

/** A closure-targeting rule, as data with its source. */
export interface ClosureTargetRule {
  id: ClosureRuleId;
  meaning: string;
  source: string;
  effectiveFrom: string;
}

export const CLOSURE_TARGET_RULES: readonly ClosureTargetRule[] = [
  {
    id: 'capacity_below_300kt',
    meaning: `Approved capacity below ${SMALL_MINE_CAPACITY_T_PER_YEAR.toLocaleString('en')} t/yr.`,
    source:
      'NDRC capacity-reduction policy (< 800 mines below 0.3 Mt/yr by 2021) [S45]; Guizhou 2020 [S46]; Chongqing Dec 2020 [S38]',
    effectiveFrom: '2020-01-01',
  },
  {
    id: 'gas_without_capability',
    meaning: 'High-gas or coal-and-gas outburst mine without certified gas-control capability.',
    source: 'Guizhou "no gas-control capability, no production" [S48]; domain ref. §4.3',
    effectiveFrom: '2020-01-01',
  },
  {
    id: 'policy_list',
    meaning: 'Named for closure by a regulator (a closure list document).',
    source: '2024 Coal Mine Safety Production Regulation art. 70 [S30]',
    effectiveFrom: '2024-05-01',
  },
];

type CandidateMine = Pick<
  Mine,
  'approvedCapacityTPerYear' | 'gasClass' | 'hasGasControlCapability' | 'status'
>;

/** The rules that target a mine (none for a mine already closed). */
export function rulesTargeting(mine: CandidateMine, isOnPolicyList: boolean): ClosureRuleId[] {
  if (mine.status === 'closed') return [];
  const out: ClosureRuleId[] = [];
  if (mine.approvedCapacityTPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR) out.push('capacity_below_300kt');
  if (mine.gasClass !== 'low' && !mine.hasGasControlCapability) out.push('gas_without_capability');
  if (isOnPolicyList) out.push('policy_list');
  return out;
}

// ---- the step machine ----

export type StepEvent = 'record' | 'verify' | 'reject';

interface StepEdge {
  event: StepEvent;
  from: readonly ClosureStepState[];
  to: ClosureStepState;
}

export const CLOSURE_STEP_TRANSITIONS: readonly StepEdge[] = [
  { event: 'record', from: ['pending', 'rejected'], to: 'recorded' },
  { event: 'verify', from: ['recorded'], to: 'verified' },
  { event: 'reject', from: ['recorded'], to: 'rejected' },
];

export type StepEffect = { kind: 'complete-closure' };

/**
 * Pure transition of one closure step. `others` are the closure's other steps: verifying the last
 * unverified step yields the `complete-closure` effect (the mine goes `closed` in the same transaction).
 */
export function transitionStep(
  state: ClosureStepState,
  event: StepEvent,
  others: readonly Pick<ClosureStep, 'state'>[],
): { state: ClosureStepState; effects: StepEffect[] } {
  const edge = CLOSURE_STEP_TRANSITIONS.find((e) => e.event === event);
  if (!edge || !edge.from.includes(state)) {
    throw conflict(
      'CLOSURE_STEP_TRANSITION_NOT_ALLOWED',
      `A step that is "${state}" cannot be ${event === 'record' ? 'recorded' : `${event}ed`} (allowed from ${edge?.from.join(', ') ?? 'nowhere'}).`,
      { from: state, event },
    );
  }
  const effects: StepEffect[] =
    edge.to === 'verified' && others.every((s) => s.state === 'verified')
      ? [{ kind: 'complete-closure' }]
      : [];
  return { state: edge.to, effects };
}

// ---- the case machine ----

export type CaseEvent = 'investigate' | 'decide' | 'close';

export const CASE_TRANSITIONS: readonly { event: CaseEvent; from: readonly CaseStatus[]; to: CaseStatus }[] =
  [
    { event: 'investigate', from: ['open'], to: 'investigating' },
    { event: 'decide', from: ['investigating'], to: 'decided' },
    { event: 'close', from: ['decided'], to: 'closed' },
  ];

export const CASE_EVENTS: readonly CaseEvent[] = CASE_TRANSITIONS.map((t) => t.event);

export function transitionCase(status: CaseStatus, event: CaseEvent): { state: CaseStatus } {
  const edge = CASE_TRANSITIONS.find((e) => e.event === event);
  if (!edge || !edge.from.includes(status)) {
    throw conflict(
      'CASE_TRANSITION_NOT_ALLOWED',
      `A case that is "${status}" cannot take "${event}" (allowed from ${edge?.from.join(', ') ?? 'nowhere'}).`,
      { from: status, event },
    );
  }
  return { state: edge.to };
}

/** The case type an alarm rule is evidence of (tampering or evasion), or null when it is evidence of neither. */
export function caseTypeOfAlarmRule(rule: string): CaseType | null {
  switch (rule) {
    case 'suspected_tampering':
    case 'point_silent':
    case 'sensor_fault':
      return 'data_tampering';
    case 'people_in_stopped_mine':
    case 'activity_in_stopped_mine':
    case 'incident_stopped_mine_work':
    case 'mine_data_stopped':
      return 'evasion_of_supervision';
    default:
      return null;
  }
}

/** The case type an alarm rule points to, for opening a case in one step from an alarm. */
export function caseTypeForAlarmRule(rule: string): CaseType {
  const type = caseTypeOfAlarmRule(rule);
  if (type === null)
    throw invalidInput(
      'CASE_ALARM_NOT_EVIDENCE',
      `An alarm of the rule "${rule}" is not evidence of tampering or evasion; open the case by hand with its type.`,
    );
  return type;
}

// ---- progress against targets ----

export interface TargetProgress {
  target: ClosureTarget;
  minesClosed: number;
  capacityWithdrawnTPerYear: number;
  minesInProgress: number;
  /** Whole percent, capped at 100, of the mines and of the capacity. */
  minesPercent: number;
  capacityPercent: number;
  met: boolean;
  overdue: boolean;
}

/**
 * Progress of a district target: closures in the target's region closed by the end of its deadline count;
 * a target not met after its deadline is overdue.
 */
export function progressOf(
  target: ClosureTarget,
  closures: readonly Closure[],
  nowIso: string,
): TargetProgress {
  const inRegion = closures.filter((c) => c.regionPath.startsWith(target.regionPath));
  const end = `${target.deadline}T23:59:59.999Z`;
  const closed = inRegion.filter((c) => c.status === 'closed' && c.closedAt !== null && c.closedAt <= end);
  const capacity = closed.reduce((sum, c) => sum + c.capacityTPerYear, 0);
  const pct = (done: number, goal: number) =>
    goal <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / goal));
  const met = closed.length >= target.minesToClose && capacity >= target.capacityToWithdrawTPerYear;
  return {
    target,
    minesClosed: closed.length,
    capacityWithdrawnTPerYear: capacity,
    minesInProgress: inRegion.filter((c) => c.status === 'in_progress').length,
    minesPercent: pct(closed.length, target.minesToClose),
    capacityPercent: pct(capacity, target.capacityToWithdrawTPerYear),
    met,
    overdue: !met && nowIso > end,
  };
}
