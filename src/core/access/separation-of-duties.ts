import { recordAudit } from '../audit/record-audit.ts';
import { notAllowed } from '../errors.ts';
import type { Ports } from '../ports.ts';
import type { Principal } from './types.ts';

/**
 * Separation of duties as data: on the same item, whoever did an `earlier` act may not do a `later`
 * one (issue 15). The acts are permission names, so the authorization matrix can derive its cells
 * from this table as it derives the others from the permission table.
 */
export interface DutyRule {
  /** The audit target type of the item. */
  item: string;
  earlier: readonly string[];
  later: readonly string[];
  why: string;
}

export const SEPARATION_OF_DUTIES: readonly DutyRule[] = [
  {
    item: 'supervision_plan',
    earlier: ['supervision.plan.write'],
    later: ['supervision.plan.approve'],
    why: 'whoever drafts or submits a plan may not approve it',
  },
  {
    item: 'closure_step',
    earlier: ['closure.step.record'],
    later: ['closure.step.verify'],
    why: 'whoever records a closure step may not verify it',
  },
  {
    item: 'hazard',
    earlier: ['hazard.report'],
    later: ['hazard.verify'],
    why: 'whoever reports a hazard may not verify it or write it off',
  },
  {
    item: 'resumption',
    earlier: ['resumption.apply', 'resumption.sign'],
    later: ['resumption.sign', 'resumption.decide'],
    why: 'whoever applies for resumption may not sign or approve it, and one person signs one step',
  },
  {
    item: 'stopped_allowance',
    earlier: ['stopped.declare'],
    later: ['stopped.approve'],
    why: 'whoever declares a watch crew or a dismantling window may not approve it',
  },
];

export interface DutyCheck {
  item: string;
  itemId: string;
  /** The later act being attempted (a permission of the rule's `later`). */
  act: string;
  /** Who did the earlier acts on this item, with the act each did. */
  earlier: ReadonlyArray<{ actorId: string | null; act: string }>;
}

/** The earlier act of this principal that the rule forbids combining with `act`, or null. */
export function conflictingDuty(p: Principal, c: DutyCheck): { rule: DutyRule; act: string } | null {
  const rule = SEPARATION_OF_DUTIES.find((r) => r.item === c.item && r.later.includes(c.act));
  if (!rule) return null;
  const hit = c.earlier.find((e) => e.actorId === p.userId && rule.earlier.includes(e.act));
  return hit ? { rule, act: hit.act } : null;
}

/**
 * Refuses (403 SEPARATION_OF_DUTIES) when the principal did an earlier act on the same item, and
 * records the refusal in the audit trail in its own transaction (the refused change writes nothing).
 */
export async function requireSeparateDuties(
  deps: Pick<Ports, 'clock' | 'transaction'>,
  p: Principal,
  c: DutyCheck,
): Promise<void> {
  const hit = conflictingDuty(p, c);
  if (!hit) return;
  const now = deps.clock.nowIso();
  await deps.transaction(['audit'], (tx) =>
    recordAudit(tx, p, now, {
      action: 'separation_of_duties.refused',
      targetType: c.item,
      targetId: c.itemId,
      after: { attempted: c.act, earlier: hit.act, via: p.via },
    }),
  );
  throw notAllowed(
    'SEPARATION_OF_DUTIES',
    `Separation of duties: ${hit.rule.why}. You did "${hit.act}" on this ${c.item.replace('_', ' ')}; someone else must do "${c.act}".`,
    { item: c.item, itemId: c.itemId, attempted: c.act, earlier: hit.act },
  );
}
