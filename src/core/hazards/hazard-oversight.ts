import { requireInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Ports, Stores } from '../ports.ts';
import { changeMineStatus } from '../registry/mine-use-cases.ts';
import type { MineStatusEvent } from '../registry/mine-status-machine.ts';
import { clean, besideStep, recordBesideHazard } from './hazard-support.ts';
import type { HazardProposal, ProgressReport, ProposalKind, SupervisionListing } from './hazard-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

/** Listed supervision (挂牌督办): a regulator lists a major hazard with a notice (2024 Regulation art. 45). */
export function listUnderSupervision(
  deps: Deps,
  principal: Principal,
  hazardId: string,
  noticeText: string,
): Promise<SupervisionListing> {
  const notice = clean(noticeText);
  if (!notice) throw invalidInput('HAZARD_NOTICE_REQUIRED', 'A supervision listing needs its notice text.');
  return recordBesideHazard(deps, principal, 'hazard.supervise', hazardId, async (tx, h, now) => {
    if (h.grade !== 'major') {
      throw invalidInput('HAZARD_LISTING_NOT_MAJOR', 'Only a major hazard is listed under supervision.');
    }
    if (h.state === 'closed') throw conflict('HAZARD_CLOSED', 'The hazard is already closed.');
    if (await tx.hazards.activeListing(hazardId)) {
      throw conflict('HAZARD_ALREADY_LISTED', 'The hazard is already listed under supervision.');
    }
    const listing: SupervisionListing = {
      id: deps.ids.next('hzl'),
      hazardId,
      notice,
      issuedBy: principal.userId,
      issuedByName: principal.displayName,
      issuedAt: now,
      closedAt: null,
      closedBy: null,
    };
    await tx.hazards.insertListing(listing);
    return besideStep(listing, 'list', notice, { listingId: listing.id });
  });
}

/** The hazard's active supervision listing; Conflict HAZARD_NOT_LISTED when there is none. */
async function requireActiveListing(
  tx: Pick<Stores, 'hazards'>,
  hazardId: string,
): Promise<SupervisionListing> {
  const listing = await tx.hazards.activeListing(hazardId);
  if (!listing) throw conflict('HAZARD_NOT_LISTED', 'The hazard is not listed under supervision.');
  return listing;
}

/** The issuer closes the listing once the hazard is closed (accept and write off). */
export function unlistSupervision(
  deps: Deps,
  principal: Principal,
  hazardId: string,
): Promise<SupervisionListing> {
  return recordBesideHazard(deps, principal, 'hazard.supervise', hazardId, async (tx, h, now) => {
    const listing = await requireActiveListing(tx, hazardId);
    if (h.state !== 'closed') {
      throw conflict(
        'HAZARD_NOT_CLOSED',
        'A listing is closed only after the hazard is verified and closed.',
      );
    }
    const closed: SupervisionListing = { ...listing, closedAt: now, closedBy: principal.userId };
    await tx.hazards.updateListing(closed);
    return besideStep(closed, 'unlist', null, { listingId: listing.id });
  });
}

/** The mine files a progress report on a listed hazard. */
export function fileProgressReport(
  deps: Deps,
  principal: Principal,
  hazardId: string,
  text: string,
): Promise<ProgressReport> {
  const body = clean(text);
  if (!body) throw invalidInput('HAZARD_PROGRESS_EMPTY', 'Write what has been done.');
  return recordBesideHazard(deps, principal, 'hazard.rectify', hazardId, async (tx, h, now) => {
    const listing = await requireActiveListing(tx, hazardId);
    const report: ProgressReport = {
      id: deps.ids.next('hzr'),
      listingId: listing.id,
      hazardId,
      text: body,
      by: principal.userId,
      byName: principal.displayName,
      at: now,
    };
    await tx.hazards.insertProgress(report);
    return besideStep(report, 'progress', body);
  });
}

/** Proposals in scope (regulators). */
export async function listProposals(
  deps: Pick<Ports, 'hazards'>,
  principal: Principal,
  state: HazardProposal['state'] | undefined,
): Promise<{ items: HazardProposal[] }> {
  requirePermission(principal, 'hazard.decide');
  const filter =
    principal.scope.kind === 'mine'
      ? { mineId: principal.scope.mineId, state }
      : { regionPath: principal.scopePath ?? '\u0000', state };
  return { items: await deps.hazards.listProposals(filter) };
}

const STATUS_EVENT: Readonly<Record<ProposalKind, MineStatusEvent>> = {
  suspension: 'suspend',
  stop_work: 'suspend',
  closure: 'order_closure',
};

/**
 * A regulator in scope confirms a proposal: the mine's status changes through `changeMineStatus` in the
 * same transaction (the caller then refreshes monitoring), or dismisses it with a reason.
 */
export function decideProposal(
  deps: Deps,
  principal: Principal,
  id: string,
  input: { decision: 'confirm' | 'dismiss'; note?: string | null },
): Promise<HazardProposal> {
  const now = deps.clock.nowIso();
  const note = clean(input.note);
  return deps.transaction(['mines', 'statusChanges', 'hazards', 'audit'], async (tx) => {
    requirePermission(principal, 'hazard.decide');
    const p = await tx.hazards.getProposal(id);
    if (!p) throw notFound('PROPOSAL_NOT_FOUND', `No proposal "${id}" in your scope.`);
    requireInScope(principal, { regionPath: p.regionPath, mineId: p.mineId }, 'PROPOSAL', id);
    if (p.state !== 'open') throw conflict('PROPOSAL_DECIDED', `The proposal is already ${p.state}.`);
    if (input.decision === 'dismiss' && !note) {
      throw invalidInput('HAZARD_REASON_REQUIRED', 'Dismissing a proposal needs a reason.');
    }
    if (input.decision === 'confirm') {
      await changeMineStatus(
        deps,
        principal,
        p.mineId,
        {
          event: STATUS_EVENT[p.kind],
          reason: note ?? p.basis,
          basis: `major hazard ${p.hazardIds.join(', ')}`,
        },
        tx,
      );
    }
    const after: HazardProposal = {
      ...p,
      state: input.decision === 'confirm' ? 'confirmed' : 'dismissed',
      decidedBy: principal.userId,
      decidedAt: now,
      note,
    };
    return writeAudited(tx, principal, now, after, (r) => tx.hazards.updateProposal(r), {
      action: `hazard_proposal.${input.decision}`,
      targetType: 'mine',
      targetId: p.mineId,
      before: { proposalId: p.id, state: p.state },
      after: { proposalId: p.id, state: after.state, kind: p.kind, note },
    });
  });
}
