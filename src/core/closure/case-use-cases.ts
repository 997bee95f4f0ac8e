import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp, writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound, refuseIssues } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { writeMadeFromAlarm } from '../monitoring/alarm-links.ts';
import { requireMineInScope, requireMineWith } from '../registry/mine-scope.ts';
import { isIsoDate, needText, requireVisible, seesRecord } from './closure-access.ts';
import { caseTypeForAlarmRule, transitionCase, type CaseEvent } from './closure-rules.ts';
import {
  CASE_EVIDENCE_KINDS,
  CASE_TYPES,
  OWNERSHIP_KINDS,
  type CaseEvidence,
  type CaseEvidenceKind,
  type CaseType,
  type CrackdownCase,
  type OwnershipKind,
  type OwnershipRecord,
} from './closure-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'closure'>;

/** A mine's ownership, trusteeship, integration and reorganisation records, oldest first. */
export async function listOwnership(
  deps: Pick<Ports, 'mines' | 'closure'>,
  p: Principal,
  mineId: string,
): Promise<OwnershipRecord[]> {
  await requireMineWith(deps, p, 'closure.read', mineId);
  return deps.closure.listOwnership(mineId);
}

export interface OwnershipInput {
  kind: OwnershipKind;
  party: string;
  fromDate: string;
  toDate?: string | null;
  contractRef?: string | null;
  note?: string;
}

export async function recordOwnership(
  deps: Deps,
  p: Principal,
  mineId: string,
  input: OwnershipInput,
): Promise<OwnershipRecord> {
  requirePermission(p, 'ownership.record');
  const bad: string[] = [];
  if (!OWNERSHIP_KINDS.includes(input.kind)) bad.push(`kind must be one of ${OWNERSHIP_KINDS.join(', ')}`);
  const party = needText(bad, 'party', input.party);
  if (!isIsoDate(input.fromDate)) bad.push('fromDate must be a date YYYY-MM-DD');
  const toDate = input.toDate ?? null;
  if (toDate !== null && (!isIsoDate(toDate) || toDate < input.fromDate))
    bad.push('toDate must be a date on or after fromDate');
  const contractRef = input.contractRef?.trim() || null;
  if (input.kind === 'trusteeship' && contractRef === null)
    bad.push('a trusteeship needs its contract reference');
  refuseIssues('OWNERSHIP_RECORD_INVALID', 'The record', bad);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'closure', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, p, mineId);
    const r: OwnershipRecord = {
      id: deps.ids.next('own'),
      mineId: mine.id,
      regionPath: mine.regionPath,
      kind: input.kind,
      party,
      fromDate: input.fromDate,
      toDate,
      contractRef,
      note: (input.note ?? '').trim(),
      ...actStamp('recorded', p, now),
    };
    return writeAudited(tx, p, now, r, (r) => tx.closure.insertOwnership(r), {
      action: `ownership.${r.kind}`,
      targetType: 'mine',
      targetId: mine.id,
    });
  });
}

export async function listCases(deps: Pick<Ports, 'closure'>, p: Principal): Promise<CrackdownCase[]> {
  requirePermission(p, 'case.read');
  const all =
    p.scope.kind === 'mine'
      ? await deps.closure.listCases({ mineId: p.scope.mineId })
      : await deps.closure.listCases({ regionPath: p.scopePath ?? '\u0000' });
  return all.filter((c) => seesRecord(p, c.regionPath, c.mineId));
}

export async function getCase(
  deps: Pick<Ports, 'closure'>,
  p: Principal,
  id: string,
): Promise<CrackdownCase> {
  requirePermission(p, 'case.read');
  return requireVisible(p, await deps.closure.getCase(id), 'CASE', id);
}

export interface OpenCaseInput {
  type?: CaseType;
  mineId?: string;
  summary?: string;
  /** Open the case from a monitoring alarm: mine, type and the first evidence link come from it. */
  alarmId?: string;
}

/** Opens a crackdown case by hand, or in one step from an alarm (tampering / activity in a stopped mine). */
export async function openCase(
  deps: Deps & Pick<Ports, 'monitoring'>,
  p: Principal,
  input: OpenCaseInput,
): Promise<CrackdownCase> {
  requirePermission(p, 'case.manage');
  const now = deps.clock.nowIso();
  let mineId = input.mineId;
  let type = input.type;
  let summary = (input.summary ?? '').trim();
  const evidence: CaseEvidence[] = [];
  if (input.alarmId) {
    const alarm = await deps.monitoring.getAlarm(input.alarmId);
    const mine = alarm ? await deps.mines.get(alarm.mineId) : undefined;
    if (!alarm || !mine || !seesRecord(p, mine.regionPath, mine.id))
      throw notFound('ALARM_NOT_FOUND', `No alarm "${input.alarmId}" in your scope.`);
    mineId = alarm.mineId;
    type ??= caseTypeForAlarmRule(alarm.rule);
    if (summary.length < 2) summary = alarm.message;
    evidence.push({
      kind: 'alarm',
      ref: alarm.id,
      note: `${alarm.rule}: ${alarm.message}`,
      ...actStamp('added', p, now),
    });
  }
  const bad: string[] = [];
  if (!type || !CASE_TYPES.includes(type)) bad.push(`type must be one of ${CASE_TYPES.join(', ')}`);
  if (!mineId) bad.push('mineId (or alarmId) is required');
  if (summary.length < 2) bad.push('summary is required');
  if (bad.length || !type || !mineId)
    throw invalidInput('CASE_INVALID', `The case is not valid: ${bad.join('; ')}.`, { issues: bad });
  const caseType = type;
  const forMine = mineId;
  return deps.transaction(['mines', 'monitoring', 'closure', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, p, forMine);
    const c: CrackdownCase = {
      id: deps.ids.next('case'),
      type: caseType,
      mineId: mine.id,
      mineName: mine.name,
      regionPath: mine.regionPath,
      summary,
      status: 'open',
      evidence,
      decisions: [],
      ...actStamp('opened', p, now),
      updatedAt: now,
    };
    const title = c.summary.length > 80 ? `${c.summary.slice(0, 79)}…` : c.summary;
    return writeMadeFromAlarm(tx, p, now, c, (r) => tx.closure.insertCase(r), {
      kind: 'case',
      action: 'case.open',
      alarmId: input.alarmId,
      title,
      mineIds: [c.mineId],
    });
  });
}

/** Links evidence (an alarm, hazard, visit, data gap, inspection or document) to a case not yet closed. */
export async function addCaseEvidence(
  deps: Deps,
  p: Principal,
  id: string,
  input: { kind: CaseEvidenceKind; ref: string; note?: string },
): Promise<CrackdownCase> {
  requirePermission(p, 'case.manage');
  const bad: string[] = [];
  if (!CASE_EVIDENCE_KINDS.includes(input.kind))
    bad.push(`kind must be one of ${CASE_EVIDENCE_KINDS.join(', ')}`);
  const ref = needText(bad, 'ref', input.ref, 1);
  if (bad.length)
    throw invalidInput('CASE_EVIDENCE_INVALID', `The evidence is not valid: ${bad.join('; ')}.`);
  const now = deps.clock.nowIso();
  return deps.transaction(['closure', 'audit'], async (tx) => {
    const c = requireVisible(p, await tx.closure.getCase(id), 'CASE', id);
    if (c.status === 'closed')
      throw conflict('CASE_CLOSED', 'The case is closed; it takes no more evidence.');
    const e: CaseEvidence = {
      kind: input.kind,
      ref,
      note: (input.note ?? '').trim(),
      ...actStamp('added', p, now),
    };
    const next: CrackdownCase = { ...c, evidence: [...c.evidence, e], updatedAt: now };
    return writeAudited(tx, p, now, next, (r) => tx.closure.updateCase(r), {
      action: 'case.evidence',
      targetType: 'case',
      targetId: id,
      after: { ...e },
    });
  });
}

/** Moves a case along open → investigating → decided → closed; deciding records the decision text. */
export async function advanceCase(
  deps: Deps,
  p: Principal,
  id: string,
  input: { event: CaseEvent; text?: string },
): Promise<CrackdownCase> {
  requirePermission(p, 'case.manage');
  const text = (input.text ?? '').trim();
  if (input.event === 'decide' && text.length < 2)
    throw invalidInput(
      'CASE_DECISION_REQUIRED',
      'A decision needs its text (what was decided and on what basis).',
    );
  const now = deps.clock.nowIso();
  return deps.transaction(['closure', 'audit'], async (tx) => {
    const c = requireVisible(p, await tx.closure.getCase(id), 'CASE', id);
    const t = transitionCase(c.status, input.event);
    const decisions = text
      ? [...c.decisions, { text, byId: p.userId, byName: p.displayName, at: now }]
      : c.decisions;
    const next: CrackdownCase = { ...c, status: t.state, decisions, updatedAt: now };
    return writeAudited(tx, p, now, next, (r) => tx.closure.updateCase(r), {
      action: `case.${input.event}`,
      targetType: 'case',
      targetId: id,
      before: { status: c.status },
      after: { status: next.status, text: text || null },
    });
  });
}
