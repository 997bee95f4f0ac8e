/** The orders API's shapes as the UI reads them. */
export type OrderKind = 'stop_work' | 'suspend_mine' | 'close_mine' | 'lift';
export type OrderStatus = 'scheduled' | 'in_force' | 'lifted' | 'superseded';

export interface OrderView {
  id: string;
  number: string;
  kind: OrderKind;
  issuerName: string;
  regionId: string | null;
  mineIds: string[];
  effectiveAt: string;
  status: OrderStatus;
}

export interface MinePreview {
  mineId: string;
  mineName: string;
  status: string;
  outcome: 'affected' | 'unaffected';
  note: string;
}

export interface ChecklistItem {
  id: string;
  label: string;
  how: 'auto' | 'sign' | 'decide';
  /** The roles that take this step of the chain (empty for automatic checks). */
  roles: string[];
  done: boolean;
  /** English; the page shows `detailCode` with `detailParams` from the catalogue instead. */
  detail: string;
  detailCode?: string;
  detailParams?: Record<string, string | number>;
  signedBy: { name: string; role: string; at: string; note: string } | null;
}

export interface ResumptionView {
  id: string;
  mineId: string;
  mineCode: string;
  mineName: string;
  appliedAt: string;
  appliedByName: string;
  status: 'pending' | 'approved' | 'rejected';
  resumesTo: 'producing' | 'construction';
  checklist: ChecklistItem[];
  openItems: string[];
  currentStep: { id: string; roles: string[] } | null;
  decision: { dueOn: string; daysLeft: number; overdue: boolean };
  notice: { dueOn: string; recordedOn: string | null; late: boolean } | null;
  /** What the viewing user may do now, judged by the server with the rules it enforces. */
  actions?: { sign: string | null; approve: boolean; reject: boolean; waitingForChecks: boolean };
}

export interface GasViolation {
  mineId: string;
  name: string;
  code: string;
  regionName: string;
  gasClass: string;
  status: string;
  producingIllegally: boolean;
}

export interface CampaignView {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  items: Array<{ id: string; text: string; dueOn: string }>;
}

export interface CampaignProgress {
  campaign: CampaignView;
  mines: Array<{
    mineId: string;
    mineCode: string;
    mineName: string;
    regionId: string;
    regionName: string;
    done: number;
    overdue: number;
    items: Array<{ itemId: string; done: boolean; by: string | null; overdue: boolean }>;
  }>;
}
