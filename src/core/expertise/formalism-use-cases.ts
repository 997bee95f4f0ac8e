import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { regionFilter } from './expertise-common.ts';
import { computeFormalismFlags, type FormalismFlag } from './formalism-flags.ts';
import {
  DEFAULT_FORMALISM_PARAMS,
  FORMALISM_RULES,
  LOOKBACK_DAYS,
  type FormalismParams,
} from './formalism-rules.ts';

const DAY_MS = 86_400_000;
const MAX_VISITS = 20_000;

/** A region's formalism flags, ranked, with the rules and thresholds used. */
export async function getFormalismFlags(
  deps: Pick<Ports, 'mines' | 'regions' | 'supervision' | 'hazards' | 'monitoring' | 'clock'>,
  principal: Principal,
  query: { regionId?: string; params?: Partial<FormalismParams> },
): Promise<{ flags: FormalismFlag[]; params: FormalismParams; rules: typeof FORMALISM_RULES }> {
  requirePermission(principal, 'formalism.read');
  const params: FormalismParams = { ...DEFAULT_FORMALISM_PARAMS };
  for (const [k, v] of Object.entries(query.params ?? {})) {
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > 3650) {
      throw invalidInput('FORMALISM_PARAMS_INVALID', `${k} is a whole number from 1 to 3650.`, { field: k });
    }
    params[k as keyof FormalismParams] = v;
  }
  const filter = await regionFilter(deps, principal, query.regionId);
  const nowMs = deps.clock.nowMs();
  const sinceMs = nowMs - (Math.max(params.periodDays, params.leaderDays) + LOOKBACK_DAYS) * DAY_MS;
  const [page, visits, coverage, hazards, events] = await Promise.all([
    deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'name', desc: false }),
    deps.supervision.listVisits(filter, MAX_VISITS),
    deps.supervision.coverageFacts(filter),
    deps.hazards.list(filter, 100_000),
    deps.monitoring.eventsSince(sinceMs, filter.regionPath ?? null, filter.mineId ?? null),
  ]);
  const live = new Set(page.items.filter((m) => m.status !== 'closed').map((m) => m.id));
  const flags = computeFormalismFlags({
    nowMs,
    visits,
    leaders: [...coverage.leaders.values()].filter((l) => live.has(l.mineId)),
    alarms: events
      .filter((e) => e.toState === 'unack_active')
      .map((e) => ({ alarmId: e.alarmId, mineId: e.mineId, atMs: e.atMs })),
    hazards: hazards.map((h) => ({
      id: h.id,
      mineId: h.mineId,
      reportedAt: h.reportedAt,
      closedAt: h.closedAt,
    })),
    mineNames: new Map(page.items.map((m) => [m.id, m.name])),
    params,
  });
  return { flags, params, rules: FORMALISM_RULES };
}
