import { recordAudit } from '../audit/record-audit.ts';
import { isInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { AlarmRule } from '../monitoring/engine/engine-types.ts';
import { evidenceLineZh } from '../monitoring/alarm-description.ts';
import {
  MONITORING_HAZARD_RULES,
  proposalOf,
  type MonitoringHazardProposal,
} from '../monitoring/correlation/major-hazard-proposals.ts';
import type { AlarmView } from '../monitoring/monitoring-ports.ts';
import type { MineFilter, Ports, Stores } from '../ports.ts';
import { ruleZh } from '../monitoring/alarm-rule-labels.ts';
import { citeCriteriaItemZh, findCriteriaItem } from './criteria.ts';
import { reportHazard } from './hazard-use-cases.ts';
import { linkAlarm } from '../monitoring/alarm-links.ts';
import type { Hazard } from './hazard-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'monitoring' | 'mines'>;

/** The rules whose alarms may propose a major hazard. */
const PROPOSING_RULES = Object.keys(MONITORING_HAZARD_RULES) as AlarmRule[];

export interface ListedProposal extends MonitoringHazardProposal {
  regionPath: string;
  /** The criterion's source and wording (2020 criteria). */
  criterion: { source: string; textEn: string };
}

async function proposalsOfAlarms(deps: Deps, alarms: readonly AlarmView[]): Promise<ListedProposal[]> {
  const approved = new Map<string, number | null>();
  const out: ListedProposal[] = [];
  for (const a of alarms) {
    if (a.rule === 'headcount_over_limit' && !approved.has(a.mineId))
      approved.set(a.mineId, (await deps.mines.get(a.mineId))?.approvedMaxUnderground ?? null);
    const p = proposalOf(a, approved.get(a.mineId) ?? null);
    const item = p && findCriteriaItem(p.category);
    if (p && item)
      out.push({ ...p, regionPath: a.regionPath, criterion: { source: item.source, textEn: item.textEn } });
  }
  return out;
}

/**
 * Major hazards proposed by monitoring evidence in the caller's scope and not yet decided, newest
 * first: each activation of an incident or alarm that meets a 2020 criterion (art. 5(2), 7(2), 18(6),
 * 18(8), 4(6)), with its evidence.
 */
export async function listMonitoringHazardProposals(
  deps: Deps,
  principal: Principal,
  scope: MineFilter,
  limitPerRule = 200,
): Promise<{ items: ListedProposal[] }> {
  requirePermission(principal, 'hazard.read');
  const alarms: AlarmView[] = [];
  for (const rule of PROPOSING_RULES) {
    const { items } = await deps.monitoring.searchAlarms({
      regionPath: scope.regionPath,
      mineId: scope.mineId,
      rule,
      offset: 0,
      limit: limitPerRule,
    });
    for (const a of items)
      if (isInScope(principal, { regionPath: a.regionPath, mineId: a.mineId })) alarms.push(a);
  }
  const proposals = await proposalsOfAlarms(deps, alarms);
  const decided = new Set(
    (await deps.monitoring.hazardDecisions(proposals.map((p) => p.key))).map((d) => d.proposalKey),
  );
  return { items: proposals.filter((p) => !decided.has(p.key)).sort((a, b) => b.atMs - a.atMs) };
}

/** The open proposal `key` names, loaded afresh from its alarm and checked against the caller's scope. */
async function loadProposal(deps: Deps, principal: Principal, key: string): Promise<ListedProposal> {
  const at = key.lastIndexOf('@');
  const alarmId = at > 0 ? key.slice(0, at) : '';
  const [alarm] = alarmId === '' ? [] : await deps.monitoring.alarmViews({ ids: [alarmId] });
  const [p] = alarm ? await proposalsOfAlarms(deps, [alarm]) : [];
  // Only the activation it was proposed from: a later activation is a new proposal.
  if (!p || p.key !== key || !isInScope(principal, { regionPath: p.regionPath, mineId: p.mineId })) {
    throw notFound('MONITORING_PROPOSAL_NOT_FOUND', 'No such proposed major hazard in your scope.');
  }
  return p;
}

/**
 * The evidence as the hazard's description keeps it: in Chinese (the stored hazard is the
 * regulators' official record), the rule by its Chinese name, the criterion as cited, data times in
 * China Standard Time.
 */
function describeEvidence(p: ListedProposal): string {
  const item = findCriteriaItem(p.category);
  const cite = item ? citeCriteriaItemZh(item) : p.criterion.source;
  return [
    `监测证据提请：${ruleZh(p.rule)}（报警 ${p.alarmId}；${cite}）。`,
    '证据（数据时间，北京时间）：',
    ...p.evidence.map((e) => `- ${evidenceLineZh(e)}`),
  ].join('\n');
}

/**
 * A regulator confirms the proposal: it becomes a major hazard (source `alarm`, the criterion's
 * category, the evidence in its description) through the hazards module's own use case, and the
 * decision is stored and audited in the same transaction. A proposal is decided once.
 */
export async function confirmMonitoringHazard(
  deps: Deps,
  principal: Principal,
  input: { key: string; note: string },
): Promise<{ hazard: Hazard }> {
  requirePermission(principal, 'hazard.decide');
  const p = await loadProposal(deps, principal, input.key);
  const now = deps.clock.nowIso();
  const { hazard } = await reportHazard(
    {
      ...deps,
      // The hazard, the decision and both audit entries commit together (or not at all).
      transaction: (names, work) =>
        deps.transaction([...names, 'monitoring', 'audit'], async (tx) => {
          const out = await work(tx);
          const created = (out as unknown as { hazard: Hazard }).hazard;
          await record(tx, principal, p, 'confirmed', created.id, input.note.trim(), now);
          return out;
        }),
    },
    principal,
    {
      mineId: p.mineId,
      source: 'alarm',
      grade: 'major',
      category: p.category,
      title: p.titleZh,
      description: describeEvidence(p),
      pointCode: p.evidence.find((e) => e.pointCode !== null)?.pointCode ?? null,
    },
  );
  return { hazard };
}

/** A regulator dismisses the proposal with a reason (audited); it is not proposed again. */
export async function dismissMonitoringHazard(
  deps: Deps,
  principal: Principal,
  input: { key: string; reason: string },
): Promise<void> {
  requirePermission(principal, 'hazard.decide');
  const reason = input.reason.trim();
  if (reason.length < 2)
    throw invalidInput(
      'MONITORING_PROPOSAL_REASON_REQUIRED',
      'Dismissing a proposed major hazard needs a reason.',
    );
  const p = await loadProposal(deps, principal, input.key);
  const now = deps.clock.nowIso();
  await deps.transaction(['monitoring', 'audit'], (tx) =>
    record(tx, principal, p, 'dismissed', null, reason, now),
  );
}

async function record(
  tx: Pick<Stores, 'monitoring' | 'audit'>,
  principal: Principal,
  p: ListedProposal,
  decision: 'confirmed' | 'dismissed',
  hazardId: string | null,
  note: string,
  now: string,
): Promise<void> {
  const inserted = await tx.monitoring.insertHazardDecision({
    proposalKey: p.key,
    alarmId: p.alarmId,
    mineId: p.mineId,
    category: p.category,
    decision,
    hazardId,
    note,
    decidedBy: principal.userId,
    decidedByName: principal.displayName,
    decidedAt: now,
  });
  if (!inserted)
    throw conflict('MONITORING_PROPOSAL_DECIDED', 'This proposed major hazard is already decided.');
  if (hazardId !== null)
    await linkAlarm(tx, principal, now, {
      alarmId: p.alarmId,
      kind: 'hazard',
      targetId: hazardId,
      title: p.titleZh,
      mineIds: [p.mineId],
    });
  await recordAudit(tx, principal, now, {
    action: `monitoring_hazard.${decision === 'confirmed' ? 'confirm' : 'dismiss'}`,
    targetType: 'alarm',
    targetId: p.alarmId,
    after: { proposalKey: p.key, mineId: p.mineId, category: p.category, decision, hazardId, note },
  });
}
