import type { ActStamp } from '../../audit/record-audit.ts';
import { conflict, refuseIssues } from '../../errors.ts';
import type { MineStatus } from '../../registry/types.ts';
import type { StoppedExemption } from './stopped-exemptions.ts';
import { valueList } from '../../value-list.ts';

/**
 * What a stopped mine declares and a regulator approves (ADR 0014):
 * - a watch crew (值守人员) of a suspended mine: how many, in which roles and areas, and the systems that
 *   must keep running (Coal Mine Safety Regulations: a stopped mine keeps ventilation, drainage and
 *   monitoring running — 停产不停风、不停排水、不停监测);
 * - a dismantling window (回撤) of a closing mine: from when to when, where, how many, under whose
 *   supervision. Outside it nobody may be underground and nothing may be powered (the Diaoshuidong case).
 */
export type AllowanceKind = (typeof ALLOWANCE_KINDS)[number];
export const ALLOWANCE_KINDS = valueList('watch_crew', 'dismantling');

/** declared → approved | rejected; an approved watch crew is superseded when a new one is approved. */
export type AllowanceState = 'declared' | 'approved' | 'rejected' | 'superseded';

export type WatchSystem = (typeof WATCH_SYSTEMS)[number];
export const WATCH_SYSTEMS = valueList('ventilation', 'drainage', 'monitoring');

export interface StoppedAllowance extends ActStamp<'declared'> {
  id: string;
  kind: AllowanceKind;
  mineId: string;
  mineName: string;
  regionPath: string;
  state: AllowanceState;
  crewSize: number;
  /** The crew's roles as the mine names them (瓦斯检查工, 主扇司机, 排水工 …). */
  roles: string[];
  /** Personnel area codes (RYQY) the crew may be in. */
  areaCodes: string[];
  /** Watch crews: the systems kept running. Dismantling windows: empty. */
  systems: WatchSystem[];
  /** ISO times: from when; until when (null: a watch crew stands until superseded). */
  fromAt: string;
  toAt: string | null;
  /** Dismantling windows: who supervises on site. */
  supervisor: string | null;
  note: string;
  decidedAt: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
}

export interface DeclareAllowanceInput {
  kind: AllowanceKind;
  crewSize: number;
  roles: string[];
  areaCodes: string[];
  systems?: WatchSystem[];
  fromAt?: string | null;
  toAt?: string | null;
  supervisor?: string | null;
  note?: string | null;
}

/** The statuses a declaration is for: a watch crew while suspended (or applying), dismantling while closing. */
export const ALLOWANCE_STATUSES: Readonly<Record<AllowanceKind, readonly MineStatus[]>> = {
  watch_crew: ['suspended', 'resumption_review'],
  dismantling: ['closing'],
};

/** Platform policy, not regulation: the longest dismantling window one approval covers. */
export const MAX_DISMANTLING_DAYS = 90;
const MAX_CREW = 500;

const clean = (xs: readonly string[] | undefined) =>
  [...new Set((xs ?? []).map((x) => x.trim()))].filter(Boolean);

/**
 * Checks a declaration against the mine's status and the rules of its kind; returns the normalised
 * fields or throws STOPPED_ALLOWANCE_INVALID listing every problem.
 */
export function validateDeclaration(
  input: DeclareAllowanceInput,
  status: MineStatus,
  nowIso: string,
): Pick<
  StoppedAllowance,
  'crewSize' | 'roles' | 'areaCodes' | 'systems' | 'fromAt' | 'toAt' | 'supervisor' | 'note'
> {
  const bad: string[] = [];
  if (!ALLOWANCE_STATUSES[input.kind].includes(status))
    bad.push(
      `a ${input.kind.replace('_', ' ')} is declared for a mine that is ${ALLOWANCE_STATUSES[input.kind].join(' or ')}; this one is ${status}`,
    );
  if (!Number.isInteger(input.crewSize) || input.crewSize < 1 || input.crewSize > MAX_CREW)
    bad.push(`crewSize must be a whole number from 1 to ${MAX_CREW}`);
  const roles = clean(input.roles);
  const areaCodes = clean(input.areaCodes);
  if (roles.length === 0) bad.push('name at least one role of the crew');
  if (areaCodes.length === 0) bad.push('name at least one area (personnel area code) the crew may be in');
  const systems = [...new Set(input.systems ?? [])];
  const nowMs = Date.parse(nowIso);
  const fromMs = input.fromAt ? Date.parse(input.fromAt) : nowMs;
  const toMs = input.toAt ? Date.parse(input.toAt) : null;
  if (Number.isNaN(fromMs)) bad.push('fromAt must be an ISO time');
  if (toMs !== null && Number.isNaN(toMs)) bad.push('toAt must be an ISO time');
  const supervisor = (input.supervisor ?? '').trim() || null;
  if (input.kind === 'watch_crew') {
    if (systems.length === 0)
      bad.push(`name the systems the crew keeps running (${WATCH_SYSTEMS.join(', ')})`);
    if (systems.some((s) => !WATCH_SYSTEMS.includes(s))) bad.push(`systems are ${WATCH_SYSTEMS.join(', ')}`);
    if (toMs !== null) bad.push('a watch crew stands until replaced; leave toAt empty');
  } else {
    if (systems.length > 0) bad.push('a dismantling window keeps no systems; leave systems empty');
    if (toMs === null) bad.push('a dismantling window needs toAt');
    else if (!Number.isNaN(toMs) && !Number.isNaN(fromMs)) {
      if (toMs <= fromMs) bad.push('toAt must be after fromAt');
      if (toMs <= nowMs) bad.push('toAt must be in the future');
      if (toMs - fromMs > MAX_DISMANTLING_DAYS * 86_400_000)
        bad.push(`one window covers at most ${MAX_DISMANTLING_DAYS} days`);
    }
    if (supervisor === null) bad.push('a dismantling window needs the supervisor on site');
  }
  refuseIssues('STOPPED_ALLOWANCE_INVALID', 'The declaration', bad);
  return {
    crewSize: input.crewSize,
    roles,
    areaCodes,
    systems,
    fromAt: new Date(fromMs).toISOString(),
    toAt: toMs === null ? null : new Date(toMs).toISOString(),
    supervisor,
    note: (input.note ?? '').trim(),
  };
}

export type AllowanceDecision = 'approve' | 'reject';

/** The state a decision moves a declaration to; only a declared one may be decided. */
export function decideAllowance(a: StoppedAllowance, decision: AllowanceDecision): AllowanceState {
  if (a.state !== 'declared')
    throw conflict(
      'STOPPED_ALLOWANCE_DECIDED',
      `This declaration is ${a.state} already; declare a new one to change it.`,
      { state: a.state },
    );
  return decision === 'approve' ? 'approved' : 'rejected';
}

/** What an approved declaration allows, as the monitoring rules read it. */
export function exemptionOf(a: StoppedAllowance): StoppedExemption | null {
  if (a.state !== 'approved') return null;
  return {
    kind: a.kind,
    sourceId: a.id,
    fromMs: Date.parse(a.fromAt),
    toMs: a.toAt === null ? null : Date.parse(a.toAt),
    size: a.crewSize,
    areaCodes: a.areaCodes,
    allowsPower: a.kind === 'dismantling',
  };
}

/** A stop order's evacuation deadline for one mine, as an exemption: anyone may still be leaving. */
export function evacuationExemption(e: {
  orderId: string;
  effectiveAt: string;
  evacuateBy: string;
}): StoppedExemption {
  return {
    kind: 'evacuation',
    sourceId: e.orderId,
    fromMs: Date.parse(e.effectiveAt),
    toMs: Date.parse(e.evacuateBy),
    size: null,
    areaCodes: null,
    allowsPower: true,
  };
}
