/** Kysely table types of the orders module. */
export interface OrdersTable {
  id: string;
  number: string;
  kind: string;
  issuer_id: string;
  issuer_name: string;
  legal_basis: string;
  reason: string;
  region_id: string | null;
  region_path: string;
  mine_ids_json: string;
  effective_at: string;
  /** Migration 0020. */
  evacuate_by: string | null;
  status: string;
  created_at: string;
  applied_at: string | null;
  ended_at: string | null;
  notice_date: string | null;
  notice_ref: string | null;
}

export interface OrderMinesTable {
  order_id: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  outcome: string;
  from_status: string;
  note: string;
  lifted_at: string | null;
}

export interface ResumptionsTable {
  id: string;
  mine_id: string;
  mine_name: string;
  region_path: string;
  gas_class: string;
  applied_at: string;
  applied_by_id: string;
  applied_by_name: string;
  status: string;
  decided_at: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  notice_date: string | null;
  notice_ref: string | null;
  resumes_to: string;
}

export interface ResumptionSignOffsTable {
  resumption_id: string;
  item: string;
  signer_id: string;
  signer_name: string;
  signer_role: string;
  signed_at: string;
  note: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  region_id: string;
  region_path: string;
  starts_on: string;
  ends_on: string;
  items_json: string;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
}

export interface CampaignMarksTable {
  campaign_id: string;
  mine_id: string;
  item_id: string;
  done: number;
  by_id: string;
  by_name: string;
  at: string;
  note: string;
}

export interface OrdersDatabase {
  orders: OrdersTable;
  order_mines: OrderMinesTable;
  resumptions: ResumptionsTable;
  resumption_sign_offs: ResumptionSignOffsTable;
  campaigns: CampaignsTable;
  campaign_marks: CampaignMarksTable;
}
