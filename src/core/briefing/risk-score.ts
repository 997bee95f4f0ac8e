import type { GasClass, MineStatus } from '../registry/types.ts';
import { RISK_FACTORS_2026, type RiskFactorDef, type RiskFactorId } from './risk-factors.ts';

/** What the score is computed from, for one mine on one day. */
export interface RiskInputs {
  /** Correlation incidents open and active at the mine now (their rules, e.g. incident_fire_pattern). */
  liveIncidents: readonly LiveIncident[];
  /** Critical alarms at the mine that nobody has acknowledged (incidents not counted). */
  unacknowledgedCritical: number;
  openHazards: number;
  openMajorHazards: number;
  overdueHazards: number;
  alarmsCritical30d: number;
  alarmsHigh30d: number;
  alarmsMedium30d: number;
  dataGaps30d: number;
  gasClass: GasClass;
  /** Approved capacity below 300 kt/yr. */
  isSmall: boolean;
  /** Days since the last leader or group visit; null when never visited. */
  daysSinceVisit: number | null;
  /** Accidents in the last three years; null when no accident data exists. */
  accidents3y: number | null;
  status: MineStatus;
}

/** An incident in progress at a mine (src/core/monitoring/correlation), named in the explanation. */
export interface LiveIncident {
  alarmId: string;
  rule: string;
  /** When it began (epoch ms, the data's time). */
  sinceMs: number | null;
}

/**
 * Why a mine ranks above every mine scored by points alone: an incident in progress, else critical
 * alarms nobody acknowledged, else nothing (the points decide). "A mine with a belt fire in progress
 * cannot rank 139th."
 */
export type RiskUrgency = 'live_incident' | 'unacknowledged_critical' | 'none';
const URGENCY_ORDER: Readonly<Record<RiskUrgency, number>> = {
  live_incident: 2,
  unacknowledged_critical: 1,
  none: 0,
};

export interface FactorContribution {
  id: RiskFactorId;
  /** The factor's input as shown to a user (a count, a class, days, yes/no). */
  input: number | string | null;
  points: number;
  /** True when the factor could not be computed (no data); it then adds nothing. */
  noData: boolean;
}

export interface RiskScore {
  score: number;
  factors: FactorContribution[];
  urgency: RiskUrgency;
  /** The incidents in progress (empty unless urgency is live_incident), for the explanation. */
  incidents: LiveIncident[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** What each factor reads from a mine's inputs. */
const INPUT_OF: Readonly<Record<RiskFactorId, (i: RiskInputs) => number | string | null>> = {
  live_incident: (i) => i.liveIncidents.length,
  unacknowledged_critical: (i) => i.unacknowledgedCritical,
  open_hazards: (i) => i.openHazards,
  open_major_hazards: (i) => i.openMajorHazards,
  overdue_hazards: (i) => i.overdueHazards,
  alarms_critical_30d: (i) => i.alarmsCritical30d,
  alarms_high_30d: (i) => i.alarmsHigh30d,
  alarms_medium_30d: (i) => i.alarmsMedium30d,
  data_gaps_30d: (i) => i.dataGaps30d,
  gas_class: (i) => i.gasClass,
  small_capacity: (i) => (i.isSmall ? 1 : 0),
  inspection_recency: (i) => i.daysSinceVisit,
  accident_history: (i) => i.accidents3y,
};

function pointsOf(def: RiskFactorDef, input: number | string | null): { points: number; noData: boolean } {
  const rule = def.rule;
  switch (rule.kind) {
    case 'per_unit':
      if (typeof input !== 'number') return { points: 0, noData: true };
      return { points: Math.min(rule.cap, rule.perUnit * input), noData: false };
    case 'flag':
      return { points: input === 1 ? rule.points : 0, noData: false };
    case 'gas_class':
      return { points: typeof input === 'string' ? (rule.points[input as GasClass] ?? 0) : 0, noData: false };
    case 'days_over':
      if (input === null) return { points: rule.cap, noData: false };
      if (typeof input !== 'number') return { points: 0, noData: true };
      return { points: Math.min(rule.cap, Math.max(0, input - rule.graceDays) * rule.perDay), noData: false };
  }
}

/**
 * The explainable risk score of one mine: one contribution per factor of the table, the score being
 * exactly their sum. A factor that does not apply to a closed mine contributes 0.
 */
export function scoreMine(
  inputs: RiskInputs,
  table: readonly RiskFactorDef[] = RISK_FACTORS_2026,
): RiskScore {
  const factors = table.map((def): FactorContribution => {
    const input = INPUT_OF[def.id](inputs);
    if (inputs.status === 'closed' && !def.appliesToClosed) {
      return { id: def.id, input, points: 0, noData: false };
    }
    const { points, noData } = pointsOf(def, input);
    return { id: def.id, input, points: round1(points), noData };
  });
  const urgency: RiskUrgency =
    inputs.liveIncidents.length > 0
      ? 'live_incident'
      : inputs.unacknowledgedCritical > 0
        ? 'unacknowledged_critical'
        : 'none';
  return {
    score: round1(factors.reduce((s, f) => s + f.points, 0)),
    factors,
    urgency,
    incidents: [...inputs.liveIncidents],
  };
}

/**
 * The ranking order: urgency first (an incident in progress, then unacknowledged critical alarms),
 * then the score, then the mine code — so no weighting of the static factors can push a mine with a
 * fire in progress below a quiet one.
 */
export function compareRisk(
  a: { urgency: RiskUrgency; score: number; code: string },
  b: { urgency: RiskUrgency; score: number; code: string },
): number {
  return (
    URGENCY_ORDER[b.urgency] - URGENCY_ORDER[a.urgency] || b.score - a.score || a.code.localeCompare(b.code)
  );
}
