import type { GasClass, MineStatus } from '../registry/types.ts';
import { RISK_FACTORS_2026, type RiskFactorDef, type RiskFactorId } from './risk-factors.ts';

/** What the score is computed from, for one mine on one day. */
export interface RiskInputs {
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
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function inputOf(id: RiskFactorId, i: RiskInputs): number | string | null {
  switch (id) {
    case 'open_hazards':
      return i.openHazards;
    case 'open_major_hazards':
      return i.openMajorHazards;
    case 'overdue_hazards':
      return i.overdueHazards;
    case 'alarms_critical_30d':
      return i.alarmsCritical30d;
    case 'alarms_high_30d':
      return i.alarmsHigh30d;
    case 'alarms_medium_30d':
      return i.alarmsMedium30d;
    case 'data_gaps_30d':
      return i.dataGaps30d;
    case 'gas_class':
      return i.gasClass;
    case 'small_capacity':
      return i.isSmall ? 1 : 0;
    case 'inspection_recency':
      return i.daysSinceVisit;
    case 'accident_history':
      return i.accidents3y;
  }
}

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
    const input = inputOf(def.id, inputs);
    if (inputs.status === 'closed' && !def.appliesToClosed) {
      return { id: def.id, input, points: 0, noData: false };
    }
    const { points, noData } = pointsOf(def, input);
    return { id: def.id, input, points: round1(points), noData };
  });
  return { score: round1(factors.reduce((s, f) => s + f.points, 0)), factors };
}
