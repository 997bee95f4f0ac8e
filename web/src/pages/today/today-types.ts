/** GET /api/today (src/server/routes/today/today.routes.ts). */
export type TodayKind =
  | 'critical_alarm'
  | 'accident'
  | 'producing_illegally'
  | 'people_under_order'
  | 'hazard_overdue'
  | 'hazard_due_soon'
  | 'resumption_step'
  | 'resumption_decision_overdue'
  | 'notice_overdue'
  | 'directive_open'
  | 'coverage_gap'
  | 'visit_due';

export interface TodayItem {
  kind: TodayKind;
  ref: string;
  mineId: string | null;
  mineName: string | null;
  mineCode: string | null;
  title: string | null;
  dueOn: string | null;
  atMs: number | null;
  code: string | null;
  count: number | null;
}

export interface TodaySection {
  kind: TodayKind;
  total: number;
  items: TodayItem[];
}

export interface TodayResponse {
  asOf: string;
  today: string;
  sections: TodaySection[];
}
