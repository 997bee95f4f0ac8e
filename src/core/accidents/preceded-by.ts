import type { Principal } from '../access/types.ts';
import type { Ports } from '../ports.ts';
import { requireAccident, requireRegisterAccident } from './accident-access.ts';
import type { PrecedingFacts } from './accidents-ports.ts';
import type { TimelineItem } from './accident-types.ts';

/** How far back "what preceded it" looks. */
export const PRECEDING_DAYS = 90;

export interface PrecedingTimeline {
  accidentId: string;
  mineId: string;
  from: string;
  to: string;
  items: TimelineItem[];
  /** Hazards still open when the accident happened. */
  openHazards: number;
  counts: Record<TimelineItem['kind'], number>;
}

/** Builds the timeline from the facts: newest first; a hazard not closed by the accident is flagged. */
export function buildTimeline(facts: PrecedingFacts, accidentAt: string): TimelineItem[] {
  const at = Date.parse(accidentAt);
  const items: TimelineItem[] = [
    ...facts.hazards.map((h) => ({
      kind: 'hazard' as const,
      id: h.id,
      at: h.reportedAt,
      title: h.title,
      detail: `${h.grade} · ${h.state}${h.currentDueDate ? ` · due ${h.currentDueDate}` : ''}`,
      isOpenAtAccident: h.closedAt === null || Date.parse(h.closedAt) > at,
    })),
    ...facts.alarms.map((a) => ({
      kind: 'alarm' as const,
      id: a.id,
      at: new Date(a.firstRaisedMs).toISOString(),
      title: a.message,
      detail: `${a.rule} · ${a.priority}`,
      isOpenAtAccident: false,
    })),
    ...facts.orders.map((o) => ({
      kind: 'order' as const,
      id: o.id,
      at: o.effectiveAt,
      title: o.number,
      detail: `${o.kind} · ${o.outcome}`,
      isOpenAtAccident: false,
    })),
    ...facts.visits.map((v) => ({
      kind: 'inspection' as const,
      id: v.id,
      at: v.startedAt,
      title: `${v.visitorName} (${v.visitorRole})`,
      detail: `${v.wentUnderground ? 'underground' : 'surface'}${v.notes ? ` · ${v.notes}` : ''}`,
      isOpenAtAccident: false,
    })),
  ];
  return items.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.kind.localeCompare(y.kind)));
}

/** The mine's hazards, alarms, orders and inspections in the 90 days before the accident. */
export async function precededBy(
  deps: Pick<Ports, 'accidents'>,
  p: Principal,
  id: string,
): Promise<PrecedingTimeline> {
  const a = requireRegisterAccident(await requireAccident(deps, p, id, 'accident.read'));
  const from = new Date(Date.parse(a.occurredAt) - PRECEDING_DAYS * 86_400_000).toISOString();
  const facts = await deps.accidents.precedingFacts(a.mineId, from, a.occurredAt);
  const items = buildTimeline(facts, a.occurredAt);
  const counts = { hazard: 0, alarm: 0, order: 0, inspection: 0 };
  for (const i of items) counts[i.kind]++;
  return {
    accidentId: a.id,
    mineId: a.mineId,
    from,
    to: a.occurredAt,
    items,
    openHazards: items.filter((i) => i.isOpenAtAccident).length,
    counts,
  };
}
