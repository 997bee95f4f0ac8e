import type { GasClass } from '../registry/types.ts';

/**
 * The risk score's factors, as data: each row says what it counts, how many points one unit adds, the
 * cap, and why (a one-line rationale and its source). A new weighting is a new table, not a code change.
 */
export type RiskFactorId =
  | 'live_incident'
  | 'unacknowledged_critical'
  | 'open_hazards'
  | 'open_major_hazards'
  | 'overdue_hazards'
  | 'alarms_critical_30d'
  | 'alarms_high_30d'
  | 'alarms_medium_30d'
  | 'data_gaps_30d'
  | 'gas_class'
  | 'small_capacity'
  | 'inspection_recency'
  | 'accident_history';

/** How a factor turns its input into points. */
export type RiskFactorRule =
  /** `perUnit` points for each unit of the input, at most `cap`. */
  | { kind: 'per_unit'; perUnit: number; cap: number }
  /** Points by gas class. */
  | { kind: 'gas_class'; points: Readonly<Record<GasClass, number>> }
  /** `points` when the input is 1 (a yes/no fact). */
  | { kind: 'flag'; points: number }
  /** `perDay` points per day beyond `graceDays`, at most `cap`; never (null) counts as `cap`. */
  | { kind: 'days_over'; graceDays: number; perDay: number; cap: number };

export interface RiskFactorDef {
  id: RiskFactorId;
  rule: RiskFactorRule;
  /** Whether the factor applies to a closed mine (a closed mine does not produce: only its signals count). */
  appliesToClosed: boolean;
  rationale: string;
  source: string;
}

/** The table in force. Contributions are rounded to 0.1 point; the score is their sum. */
export const RISK_FACTORS_2026: readonly RiskFactorDef[] = [
  {
    id: 'live_incident',
    rule: { kind: 'per_unit', perUnit: 60, cap: 120 },
    appliesToClosed: true,
    rationale:
      'An incident in progress now (belt fire pattern, gas with production, a power cut that did not cut, work in a stopped mine): the accident is forming — such a mine ranks above every mine without one.',
    source: 'Songzao 2020 (belt fire with protection failed, people underground); ADR 0012 correlation',
  },
  {
    id: 'unacknowledged_critical',
    rule: { kind: 'per_unit', perUnit: 15, cap: 45 },
    appliesToClosed: true,
    rationale:
      'A critical alarm nobody has acknowledged: nobody is acting on it yet — such a mine ranks above every mine without an incident or one.',
    source: 'Alarm philosophy docs/alarms.md (ISA-18.2: critical = act at once)',
  },
  {
    id: 'open_hazards',
    rule: { kind: 'per_unit', perUnit: 2, cap: 20 },
    appliesToClosed: true,
    rationale:
      'Every hazard found and not yet rectified is a known way to an accident (Songzao 2020: known belt defects left open).',
    source: 'Work Safety Law art. 41; 煤矿重大事故隐患判定标准 (MEM order 4, 2020); PRODUCT §5',
  },
  {
    id: 'open_major_hazards',
    rule: { kind: 'per_unit', perUnit: 15, cap: 45 },
    appliesToClosed: true,
    rationale:
      'A major hazard can by definition cause a major accident; the mine must stop until it is closed.',
    source: 'MEM order 4 (2020), art. 3',
  },
  {
    id: 'overdue_hazards',
    rule: { kind: 'per_unit', perUnit: 4, cap: 24 },
    appliesToClosed: true,
    rationale:
      'A hazard past its deadline means the closed loop has failed at this mine; overdue hazards escalate.',
    source: 'Hidden-hazard governance, domain reference §5',
  },
  {
    id: 'alarms_critical_30d',
    rule: { kind: 'per_unit', perUnit: 10, cap: 30 },
    appliesToClosed: true,
    rationale:
      'People or production in a mine that must be empty, or gas at the power-cut level (Diaoshuidong 2020).',
    source: 'Alarm philosophy docs/alarms.md; 2016 Regulations art. 498',
  },
  {
    id: 'alarms_high_30d',
    rule: { kind: 'per_unit', perUnit: 2, cap: 20 },
    appliesToClosed: true,
    rationale: 'Over-limit gas, CO, smoke and belt protection alarms: "a gas over-limit is an accident".',
    source: '矿安综〔2021〕12号 (gas over-limit = accident)',
  },
  {
    id: 'alarms_medium_30d',
    rule: { kind: 'per_unit', perUnit: 0.5, cap: 5 },
    appliesToClosed: true,
    rationale:
      'Pre-alarms and sensor faults: weak signals, counted lightly so they do not drown the strong ones.',
    source: 'Alarm philosophy docs/alarms.md',
  },
  {
    id: 'data_gaps_30d',
    rule: { kind: 'per_unit', perUnit: 3, cap: 15 },
    appliesToClosed: true,
    rationale:
      'Data that stops arriving is how dead sensors and evasion of supervision look; nobody can see what is not sent.',
    source: 'Domain reference §1.6 (falsification); 煤安监办〔2019〕42号 networking',
  },
  {
    id: 'gas_class',
    rule: { kind: 'gas_class', points: { low: 0, high: 8, outburst: 15 } },
    appliesToClosed: false,
    rationale:
      'Gas is the leading cause of deaths in coal mines; outburst mines carry the most, high-gas mines more than low.',
    source: 'Domain reference §7 (gas grade) [S27]',
  },
  {
    id: 'small_capacity',
    rule: { kind: 'flag', points: 10 },
    appliesToClosed: false,
    rationale:
      'Mines below 300 kt/yr are about a third of mines and a small share of output, yet concentrate accidents; policy closes them.',
    source: 'Domain reference §7 and §9 [S45][S60]',
  },
  {
    id: 'inspection_recency',
    rule: { kind: 'days_over', graceDays: 14, perDay: 0.25, cap: 15 },
    appliesToClosed: false,
    rationale:
      'A mine no leader or group has visited for a long time has nobody checking on site what the data says.',
    source: 'PRODUCT §6 (one group, one leader, site visits)',
  },
  {
    id: 'accident_history',
    rule: { kind: 'per_unit', perUnit: 10, cap: 30 },
    appliesToClosed: true,
    rationale: 'A mine that had accidents in the last three years has shown that its controls can fail.',
    source: 'State Council order 493; domain reference §6',
  },
];
