import type { Principal } from '../access/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Ports } from '../ports.ts';
import { requireAccident, requireRegisterAccident } from './accident-access.ts';
import { planSupplement, type SupplementInput } from './accident-supplements.ts';
import type { AccidentSupplement } from './accident-types.ts';
import { getAccident, type AccidentDetail } from './accident-use-cases.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'accidents'>;

/**
 * Records a supplementary report (补报) on a register accident: a regulator whose scope covers the
 * accident's mine (the one who recorded it, or any regulator of its region) gives the changed figures and
 * when the change happened; within the window of Order 493 art. 13 the accident takes the new figures
 * and, when they cross a threshold, a new grade — moving the investigation level and the reporting chain
 * with it. Audited: the supplement (before/after figures) and, when the grade moves, the re-grade
 * (grade and investigation lead before/after).
 */
export async function supplementAccident(
  deps: Deps,
  p: Principal,
  id: string,
  input: SupplementInput,
): Promise<AccidentDetail> {
  const a = requireRegisterAccident(await requireAccident(deps, p, id, 'accident.supplement'));
  const now = deps.clock.nowIso();
  const earlier = await deps.accidents.listSupplements(a.id);
  const plan = planSupplement(a, earlier.at(-1)?.changedAt ?? null, input, now);
  const supplement: AccidentSupplement = {
    ...plan.supplement,
    id: deps.ids.next('sup'),
    recordedById: p.userId,
    recordedByName: p.displayName,
  };
  await deps.transaction(['accidents', 'audit'], async (tx) => {
    await tx.accidents.insertSupplement(supplement);
    await tx.accidents.update(plan.accident);
    await recordAudit(tx, p, now, {
      action: 'accident.supplement',
      targetType: 'accident',
      targetId: a.id,
      before: { ...supplement.before, grade: supplement.gradeBefore },
      after: {
        ...supplement.after,
        grade: supplement.gradeAfter,
        changedAt: supplement.changedAt,
        reason: supplement.reason,
        supplementId: supplement.id,
      },
    });
    if (plan.regrade !== null)
      await recordAudit(tx, p, now, {
        action: 'accident.regrade',
        targetType: 'accident',
        targetId: a.id,
        before: {
          grade: plan.regrade.before.grade,
          investigationLead: plan.regrade.before.investigationLead,
          reportingTop: plan.regrade.before.topLevel,
        },
        after: {
          grade: plan.regrade.after.grade,
          investigationLead: plan.regrade.after.investigationLead,
          reportingTop: plan.regrade.after.topLevel,
          supplementId: supplement.id,
        },
      });
  });
  return getAccident(deps, p, id);
}
