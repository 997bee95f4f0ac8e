import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import type { Ports, Stores } from '../ports.ts';
import { proposeStopWork } from './hazard-proposals.ts';
import { dateOf, daysBetween, escalationRank, overdueEscalation, raiseEscalation } from './hazard-rules.ts';
import { recordHazardStep, SYSTEM_ACTOR, type RecordInput } from './hazard-support.ts';
import type { Hazard } from './hazard-types.ts';

/** Whether monitoring shows a piece of equipment (by its measuring point) running: null when unknown. */
export interface EquipmentState {
  /** A promise when the answer comes from storage (an API server without the monitoring engine). */
  isRunning(mineId: string, pointCode: string): boolean | null | Promise<boolean | null>;
}

export interface ReviewOptions {
  /** An overdue hazard climbs one level (county → city → province) per this many days. */
  daysPerEscalationLevel: number;
  /** Only hazards under this region path (a regulator's scope); all when absent. */
  regionPath?: string;
}

export const DEFAULT_DAYS_PER_ESCALATION_LEVEL = 7;

type Deps = Pick<Ports, 'hazards' | 'mines' | 'ids' | 'clock' | 'transaction'>;

export interface ReviewResult {
  escalated: Array<{ hazardId: string; from: string; to: string; daysOverdue: number }>;
  equipmentRunning: Array<{ hazardId: string; pointCode: string; days: number; escalation: string }>;
  proposals: string[];
}

/**
 * Overdue escalation: every open hazard past its current due date is raised to the level its days
 * overdue require (never lowered), audited; an overdue major hazard at a producing mine proposes a
 * stop-work order.
 */
export async function escalateOverdueHazards(
  deps: Deps,
  now: string,
  options: ReviewOptions,
): Promise<ReviewResult> {
  const today = dateOf(now);
  const result: ReviewResult = { escalated: [], equipmentRunning: [], proposals: [] };
  const overdue = await deps.hazards.list({ overdueOn: today, regionPath: options.regionPath }, 100_000);
  for (const h of overdue) {
    const daysOverdue = daysBetween(h.currentDueDate ?? today, today);
    const target = overdueEscalation(daysOverdue, options.daysPerEscalationLevel);
    await deps.transaction(['mines', 'hazards', 'audit'], async (tx) => {
      const fresh = await tx.hazards.get(h.id);
      if (!fresh) return;
      if (escalationRank(target) > escalationRank(fresh.escalation)) {
        const after: Hazard = { ...fresh, escalation: target, updatedAt: now };
        await saveReviewStep(deps, tx, fresh, after, {
          kind: 'escalate',
          note: `${daysOverdue} day(s) overdue`,
          details: { from: fresh.escalation, to: target, daysOverdue, dueDate: fresh.currentDueDate },
        });
        result.escalated.push({ hazardId: h.id, from: fresh.escalation, to: target, daysOverdue });
      }
      const mine = await tx.mines.get(h.mineId);
      if (mine) {
        const p = await proposeStopWork(deps, tx, { hazard: fresh, mine, actor: SYSTEM_ACTOR, now });
        if (p) result.proposals.push(p.id);
      }
    });
  }
  return result;
}

/**
 * The Songzao pattern: an open hazard tied to equipment by a measuring point escalates one level on
 * every day that monitoring shows the equipment running. Checked at most once per day per hazard.
 */
export async function escalateRunningEquipment(
  deps: Deps,
  equipment: EquipmentState,
  now: string,
  options: Pick<ReviewOptions, 'regionPath'>,
): Promise<ReviewResult['equipmentRunning']> {
  const today = dateOf(now);
  const out: ReviewResult['equipmentRunning'] = [];
  const open = await deps.hazards.list({ openOnly: true, regionPath: options.regionPath }, 100_000);
  for (const h of open) {
    if (h.pointCode === null || h.lastEquipmentCheckOn === today) continue;
    if ((await equipment.isRunning(h.mineId, h.pointCode)) !== true) continue;
    const pointCode = h.pointCode;
    await deps.transaction(['hazards', 'audit'], async (tx) => {
      const fresh = await tx.hazards.get(h.id);
      if (!fresh || fresh.state === 'closed' || fresh.lastEquipmentCheckOn === today) return;
      const after: Hazard = {
        ...fresh,
        equipmentRunningDays: fresh.equipmentRunningDays + 1,
        lastEquipmentCheckOn: today,
        escalation: raiseEscalation(fresh.escalation),
        updatedAt: now,
      };
      await saveReviewStep(deps, tx, fresh, after, {
        kind: 'equipment_running',
        note: `${fresh.equipment ?? pointCode} is running with this hazard open`,
        details: {
          pointCode,
          days: after.equipmentRunningDays,
          from: fresh.escalation,
          to: after.escalation,
        },
      });
      out.push({ hazardId: h.id, pointCode, days: after.equipmentRunningDays, escalation: after.escalation });
    });
  }
  return out;
}

/** Saves the review's change to a hazard (`before` → `after`) and records it as the review's step. */
async function saveReviewStep(
  deps: Pick<Ports, 'ids'>,
  tx: Pick<Stores, 'hazards' | 'audit'>,
  before: Hazard,
  after: Hazard,
  step: Pick<RecordInput, 'kind' | 'note' | 'details'>,
): Promise<void> {
  await tx.hazards.update(after);
  await recordHazardStep(deps, tx, {
    hazard: after,
    before,
    actor: SYSTEM_ACTOR,
    at: after.updatedAt,
    ...step,
  });
}

/** The daily review: overdue escalation and the equipment rule (the server runs it hourly). */
export async function runDailyReview(
  deps: Deps,
  equipment: EquipmentState,
  options: ReviewOptions,
): Promise<ReviewResult> {
  const now = deps.clock.nowIso();
  const result = await escalateOverdueHazards(deps, now, options);
  result.equipmentRunning = await escalateRunningEquipment(deps, equipment, now, options);
  return result;
}

/** A regulator runs the review now, over their own scope. */
export function runDailyReviewAs(
  deps: Deps,
  principal: Principal,
  equipment: EquipmentState,
  daysPerEscalationLevel: number,
): Promise<ReviewResult> {
  requirePermission(principal, 'hazard.review');
  return runDailyReview(deps, equipment, {
    daysPerEscalationLevel,
    regionPath: principal.scopePath ?? '\u0000',
  });
}
