import type { MineStatus } from '../../registry/types.ts';

/**
 * A mine's monitoring must stay online whatever its status but closed: a stopped mine keeps ventilation,
 * drainage and monitoring running (停产不停监测), and its silence hides whatever happens underground
 * (ADR 0014). Only a closed (sealed) mine may go silent.
 */
export const mustKeepMonitoring = (status: MineStatus): boolean => status !== 'closed';

/**
 * The mine_data_stopped message: a producing mine's as before; a stopped mine's says why it must not be
 * silent. The web parses both into either language (web/src/monitoring/alarm-text.ts).
 */
export function silentMineMessage(mine: { name: string; status: MineStatus }, minutes: number): string {
  return mine.status === 'producing'
    ? `The producing mine ${mine.name} has sent no monitoring data for ${minutes} min.`
    : `The ${mine.status} mine ${mine.name} must keep monitoring online and has sent no monitoring data for ${minutes} min.`;
}

/** Platform policy, not regulation: how long a silence lasts before a case is opened (REDLINE_SILENT_MINE_CASE_AFTER_HOURS). */
export const DEFAULT_SILENT_MINE_CASE_AFTER_HOURS = 24;

/** The silences (active mine_data_stopped alarms) that have lasted `afterMs` by `nowMs` (pure). */
export function silencesDueForCase<
  A extends { rule: string; conditionActive: boolean; activeSinceMs: number | null },
>(alarms: Iterable<A>, nowMs: number, afterMs: number): A[] {
  const out: A[] = [];
  for (const a of alarms) {
    if (a.rule !== 'mine_data_stopped' || !a.conditionActive || a.activeSinceMs === null) continue;
    if (nowMs - a.activeSinceMs >= afterMs) out.push(a);
  }
  return out;
}
