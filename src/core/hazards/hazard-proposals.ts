import { recordAudit, writeAudited } from '../audit/record-audit.ts';
import type { Ports, Stores } from '../ports.ts';
import type { MineRow } from '../ports.ts';
import { SUSPENDABLE, closureOccasions, threeMonthsBefore } from './hazard-rules.ts';
import type { Hazard, HazardProposal, ProposalKind } from './hazard-types.ts';
import type { Actor } from './hazard-support.ts';

/**
 * The rules that propose a mine-status order from hazards. A proposal is a record shown to
 * regulators; only a regulator's confirmation changes the mine's status.
 */
export const PROPOSAL_BASIS: Readonly<Record<ProposalKind, string>> = {
  suspension: 'A major hazard: the affected mine or area stops at once (2024 Regulation art. 36, 64).',
  closure:
    'Major hazards found on two or more occasions within 3 months while the mine kept producing (2024 Regulation art. 70).',
  stop_work: 'A major hazard past its deadline while the mine produces (2024 Regulation art. 64).',
};

/**
 * Whether an open proposal lapses once every hazard it rests on is written off (verified on site)
 * before a regulator decided. A suspension or stop-work proposal answers a hazard that still exists:
 * once it is eliminated there is nothing left to stop for. A closure proposal answers the repeated
 * findings themselves (art. 70: two or more occasions within 3 months while producing), which writing
 * the hazards off does not undo — it stays open for a regulator to decide.
 */
export const LAPSES_WHEN_WRITTEN_OFF: Readonly<Record<ProposalKind, boolean>> = {
  suspension: true,
  stop_work: true,
  closure: false,
};

/**
 * After `hazard` is written off: each open proposal of its mine that rests on it, whose kind lapses
 * and whose every hazard is now closed, becomes `lapsed`, audited on the mine (as proposals are).
 */
export async function lapseProposalsOfClosedHazard(
  tx: Pick<Stores, 'hazards' | 'audit'>,
  hazard: Hazard,
  actor: Actor,
  now: string,
): Promise<string[]> {
  const lapsed: string[] = [];
  const open = await tx.hazards.listProposals({ mineId: hazard.mineId, state: 'open' });
  for (const p of open) {
    if (!LAPSES_WHEN_WRITTEN_OFF[p.kind] || !p.hazardIds.includes(hazard.id)) continue;
    const others = await Promise.all(
      p.hazardIds.filter((id) => id !== hazard.id).map((id) => tx.hazards.get(id)),
    );
    if (others.some((h) => h !== undefined && h.state !== 'closed')) continue;
    const note = `hazard(s) ${p.hazardIds.join(', ')} written off before a decision`;
    await tx.hazards.updateProposal({ ...p, state: 'lapsed', decidedBy: actor.id, decidedAt: now, note });
    await recordAudit(tx, actor, now, {
      action: 'hazard_proposal.lapse',
      targetType: 'mine',
      targetId: p.mineId,
      before: { proposalId: p.id, state: p.state },
      after: { proposalId: p.id, state: 'lapsed', kind: p.kind, note },
    });
    lapsed.push(p.id);
  }
  return lapsed;
}

async function propose(
  deps: Pick<Ports, 'ids'>,
  tx: Pick<Stores, 'hazards' | 'audit'>,
  kind: ProposalKind,
  mine: Pick<MineRow, 'id' | 'name' | 'regionPath'>,
  hazardIds: string[],
  actor: Actor,
  now: string,
): Promise<HazardProposal | null> {
  if (await tx.hazards.openProposal(mine.id, kind)) return null;
  const p: HazardProposal = {
    id: deps.ids.next('hzp'),
    kind,
    mineId: mine.id,
    mineName: mine.name,
    regionPath: mine.regionPath,
    hazardIds,
    basis: PROPOSAL_BASIS[kind],
    state: 'open',
    createdAt: now,
    decidedBy: null,
    decidedAt: null,
    note: null,
  };
  return writeAudited(tx, actor, now, p, (r) => tx.hazards.insertProposal(r), {
    action: `hazard_proposal.${kind}`,
    targetType: 'mine',
    targetId: mine.id,
    after: { proposalId: p.id, kind, hazardIds, basis: p.basis },
  });
}

/** What a proposal is made on: a hazard at its mine, by whom (a user or the daily review) and when. */
export interface ProposalOccasion {
  hazard: Hazard;
  mine: MineRow;
  actor: Actor;
  now: string;
}

/** On a new major hazard: suspension at a producing (or building) mine; closure on a repeat within 3 months. */
export async function proposeForMajorHazard(
  deps: Pick<Ports, 'ids'>,
  tx: Pick<Stores, 'hazards' | 'audit'>,
  { hazard, mine, actor, now }: ProposalOccasion,
): Promise<HazardProposal[]> {
  const out: HazardProposal[] = [];
  if (hazard.grade !== 'major') return out;
  if (SUSPENDABLE.includes(mine.status)) {
    const p = await propose(deps, tx, 'suspension', mine, [hazard.id], actor, now);
    if (p) out.push(p);
  }
  const earlier = (await tx.hazards.listMajorSince(mine.id, threeMonthsBefore(now))).filter(
    (h) => h.id !== hazard.id,
  );
  const repeat = closureOccasions([...earlier, hazard], mine.status);
  if (repeat !== null) {
    const p = await propose(deps, tx, 'closure', mine, repeat.hazardIds, actor, now);
    if (p) out.push(p);
  }
  return out;
}

/** For an overdue major hazard at a producing mine: a stop-work order. */
export function proposeStopWork(
  deps: Pick<Ports, 'ids'>,
  tx: Pick<Stores, 'hazards' | 'audit'>,
  { hazard, mine, actor, now }: ProposalOccasion,
): Promise<HazardProposal | null> {
  if (hazard.grade !== 'major' || mine.status !== 'producing') return Promise.resolve(null);
  return propose(deps, tx, 'stop_work', mine, [hazard.id], actor, now);
}
