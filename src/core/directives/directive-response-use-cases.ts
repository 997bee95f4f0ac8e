import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited, recordAudit } from '../audit/record-audit.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import type { DirectiveRecipient } from './directives-ports.ts';
import { requireVisibleDirective } from './directive-use-cases.ts';
import { isLateOutcome, recipientOutcome, transitionRecipient } from './recipient-machine.ts';

type Deps = Pick<Ports, 'clock' | 'transaction' | 'directives'>;

/** The principal's own recipient row (a mine safety officer answers for its mine only). */
function ownMineId(p: Principal, id: string): string {
  if (p.scope.kind !== 'mine') throw notFound('DIRECTIVE_NOT_FOUND', `No notice "${id}" for your mine.`);
  return p.scope.mineId;
}

/** Read-back (回执) or reply of the principal's mine; audited; one transaction. */
async function respond(
  deps: Deps,
  p: Principal,
  id: string,
  event: 'read' | 'reply',
  replyText: string,
): Promise<DirectiveRecipient> {
  requirePermission(p, 'directive.acknowledge');
  const mineId = ownMineId(p, id);
  const now = deps.clock.nowIso();
  return deps.transaction(['directives', 'audit'], async (tx) => {
    const { directive } = await requireVisibleDirective(tx, p, id);
    const before = await tx.directives.getRecipient(id, mineId);
    if (!before) throw notFound('DIRECTIVE_NOT_FOUND', `No notice "${id}" for your mine.`);
    const t = transitionRecipient(before.state, event, now, directive.deadline);
    let after: DirectiveRecipient = { ...before, state: t.state };
    for (const e of t.effects) {
      if (e.kind === 'record-read')
        after = { ...after, readAt: e.at, readById: p.userId, readByName: p.displayName };
      else
        after = {
          ...after,
          repliedAt: e.at,
          replyText,
          replyById: p.userId,
          replyByName: p.displayName,
        };
    }
    const effect = t.effects[0];
    if (effect === undefined) return before;
    return writeAudited(tx, p, now, after, (r) => tx.directives.updateRecipient(r), {
      action: event === 'read' ? 'directive.read' : 'directive.reply',
      targetType: 'directive',
      targetId: id,
      before: { mineId, state: before.state },
      after: {
        mineId,
        state: after.state,
        isLate: effect.isLate,
        ...(event === 'reply' ? { replyText } : {}),
      },
    });
  });
}

/** The mine's safety officer confirms reading the notice (reading twice changes nothing). */
export async function readDirective(deps: Deps, p: Principal, id: string): Promise<DirectiveRecipient> {
  return respond(deps, p, id, 'read', '');
}

/** The mine's written reply (e.g. its self-inspection against the accident's cause); after the deadline it counts as late. */
export async function replyDirective(
  deps: Deps,
  p: Principal,
  id: string,
  input: { text: string },
): Promise<DirectiveRecipient> {
  const replyText = input.text.trim();
  if (replyText.length < 2)
    throw invalidInput('DIRECTIVE_REPLY_INVALID', 'A reply needs its text (what the mine checked and did).');
  return respond(deps, p, id, 'reply', replyText);
}

/**
 * Puts the late mines (late, or done after the deadline) in the principal's scope on the visit list in one
 * step — all of them, or those named — recording who and when, audited. Mines already listed are skipped.
 */
export async function requestVisits(
  deps: Deps,
  p: Principal,
  id: string,
  input: { mineIds?: string[] },
): Promise<{ requested: string[] }> {
  requirePermission(p, 'directive.visit');
  const now = deps.clock.nowIso();
  return deps.transaction(['directives', 'audit'], async (tx) => {
    const { directive, recipients } = await requireVisibleDirective(tx, p, id);
    const named = input.mineIds === undefined ? null : new Set(input.mineIds);
    if (named) {
      const known = new Set(recipients.map((r) => r.mineId));
      const unknown = [...named].filter((m) => !known.has(m));
      if (unknown.length > 0)
        throw notFound(
          'DIRECTIVE_RECIPIENT_NOT_FOUND',
          `Not a recipient in your scope: ${unknown.join(', ')}.`,
        );
    }
    const picked = recipients.filter(
      (r) =>
        (named === null || named.has(r.mineId)) &&
        r.visitRequestedAt === null &&
        isLateOutcome(recipientOutcome(directive, r, now)),
    );
    for (const r of picked) {
      await tx.directives.updateRecipient({
        ...r,
        visitRequestedAt: now,
        visitRequestedById: p.userId,
        visitRequestedByName: p.displayName,
      });
      await recordAudit(tx, p, now, {
        action: 'directive.visit_request',
        targetType: 'directive',
        targetId: id,
        before: { mineId: r.mineId, visitRequestedAt: null },
        after: { mineId: r.mineId, visitRequestedAt: now, outcome: recipientOutcome(directive, r, now) },
      });
    }
    return { requested: picked.map((r) => r.mineId) };
  });
}
