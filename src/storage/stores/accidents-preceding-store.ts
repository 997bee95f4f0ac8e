import type { Kysely } from 'kysely';
import type { PrecedingFacts } from '../../core/accidents/accidents-ports.ts';
import type { Database } from '../schema.ts';

/**
 * "What preceded it": reads the hazards, alarms, orders and visits tables directly (their own stores have
 * no time-window reads). Hazards count when reported before the accident and not closed before the window.
 */
export async function precedingFacts(
  db: Kysely<Database>,
  mineId: string,
  fromIso: string,
  toIso: string,
): Promise<PrecedingFacts> {
  const fromMs = Date.parse(fromIso);
  const toMs = Date.parse(toIso);
  const [hazards, alarms, orders, visits] = await Promise.all([
    db
      .selectFrom('hazards')
      .select(['id', 'title', 'grade', 'state', 'reported_at', 'closed_at', 'current_due_date'])
      .where('mine_id', '=', mineId)
      .where('reported_at', '<=', toIso)
      .where((e) => e.or([e('closed_at', 'is', null), e('closed_at', '>=', fromIso)]))
      .orderBy('reported_at', 'desc')
      .limit(1000)
      .execute(),
    db
      .selectFrom('alarms')
      .select(['id', 'rule', 'priority', 'message', 'first_raised_ms'])
      .where('mine_id', '=', mineId)
      .where('first_raised_ms', '>=', fromMs)
      .where('first_raised_ms', '<=', toMs)
      .orderBy('first_raised_ms', 'desc')
      .limit(1000)
      .execute(),
    db
      .selectFrom('order_mines')
      .innerJoin('orders', 'orders.id', 'order_mines.order_id')
      .select([
        'orders.id as id',
        'orders.number as number',
        'orders.kind as kind',
        'orders.effective_at as effective_at',
        'order_mines.outcome as outcome',
      ])
      .where('order_mines.mine_id', '=', mineId)
      .where('orders.effective_at', '>=', fromIso)
      .where('orders.effective_at', '<=', toIso)
      .orderBy('orders.effective_at', 'desc')
      .limit(1000)
      .execute(),
    db
      .selectFrom('supervision_visits')
      .select(['id', 'visitor_name', 'visitor_role', 'started_at', 'went_underground', 'notes'])
      .where('mine_id', '=', mineId)
      .where('started_at', '>=', fromIso)
      .where('started_at', '<=', toIso)
      .orderBy('started_at', 'desc')
      .limit(1000)
      .execute(),
  ]);
  return {
    hazards: hazards.map((h) => ({
      id: h.id,
      title: h.title,
      grade: h.grade,
      state: h.state,
      reportedAt: h.reported_at,
      closedAt: h.closed_at,
      currentDueDate: h.current_due_date,
    })),
    alarms: alarms.map((a) => ({
      id: a.id,
      rule: a.rule,
      priority: a.priority,
      message: a.message,
      firstRaisedMs: Number(a.first_raised_ms),
    })),
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      kind: o.kind,
      effectiveAt: o.effective_at,
      outcome: o.outcome,
    })),
    visits: visits.map((v) => ({
      id: v.id,
      visitorName: v.visitor_name,
      visitorRole: v.visitor_role,
      startedAt: v.started_at,
      wentUnderground: Number(v.went_underground) === 1,
      notes: v.notes,
    })),
  };
}
