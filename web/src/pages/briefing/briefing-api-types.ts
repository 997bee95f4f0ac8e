import type { PopulationHistory as PopulationHistoryView } from '../../api/generated/api-schema.ts';
/** The briefing API's answers, as the web client sees them (mirrors src/core/briefing). */

export const RISK_FACTOR_IDS = [
  'open_hazards',
  'open_major_hazards',
  'overdue_hazards',
  'alarms_critical_30d',
  'alarms_high_30d',
  'alarms_medium_30d',
  'data_gaps_30d',
  'gas_class',
  'small_capacity',
  'inspection_recency',
  'accident_history',
] as const;
export type RiskFactorId = (typeof RISK_FACTOR_IDS)[number];

export interface FactorContribution {
  id: RiskFactorId;
  input: number | string | null;
  points: number;
  noData: boolean;
}

export interface RiskRow {
  mineId: string;
  code: string;
  name: string;
  regionName: string;
  status: string;
  rank: number;
  score: number;
  factors: FactorContribution[];
  lastVisitAt: string | null;
}

export interface RiskRanking {
  asOf: string;
  windowDays: number;
  hasAccidentData: boolean;
  factors: Array<{ id: RiskFactorId; rationale: string; source: string }>;
  total: number;
  items: RiskRow[];
}

export interface NextVisit {
  mineId: string;
  code: string;
  name: string;
  regionName: string;
  rank: number;
  score: number;
  lastVisitAt: string | null;
  daysSinceVisit: number | null;
  topFactors: Array<{ id: RiskFactorId; points: number }>;
}

export interface VisitList {
  kind: 'leader' | 'group_member';
  userId: string;
  name: string;
  mines: NextVisit[];
}

export interface NextVisitsView {
  asOf: string;
  leaders: VisitList[];
  groupMembers: VisitList[];
}

export type MineStatusKey =
  'construction' | 'producing' | 'suspended' | 'resumption_review' | 'closing' | 'closed';
export const MINE_STATUS_KEYS: readonly MineStatusKey[] = [
  'construction',
  'producing',
  'suspended',
  'resumption_review',
  'closing',
  'closed',
];

export const BRIEFING_CHANGE_KEYS = [
  'hazardsFound',
  'majorHazardsFound',
  'hazardsClosed',
  'alarms',
  'visits',
  'enteredClosing',
  'closed',
] as const;

export interface Briefing {
  region: { id: string; name: string; nameEn: string };
  period: { from: string; to: string };
  generatedAt: string;
  changes: { previousPeriod: { from: string; to: string } } & Record<
    (typeof BRIEFING_CHANGE_KEYS)[number],
    { current: number; previous: number }
  >;
  mines: { total: number; byStatus: Record<MineStatusKey, number>; small: number; smallNotClosed: number };
  closure: {
    enteredClosing: number;
    closed: number;
    targets: Array<{
      regionName: string;
      deadline: string;
      minesToClose: number;
      closed: number;
      inProgress: number;
    }> | null;
    history: PopulationHistoryView | null;
  };
  hazards: { found: number; majorFound: number; closed: number; open: number; overdue: number };
  alarms: { total: number; byRule: Array<{ rule: string; priority: string; raised: number }> };
  supervision: { mines: number; complete: number; visits: number; minesVisited: number; underground: number };
  accidents: {
    current: { accidents: number; deaths: number };
    previousYear: { accidents: number; deaths: number };
  } | null;
  topRisk: RiskRow[];
}
