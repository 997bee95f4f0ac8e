/** Kysely table types of the directives module. */
export interface DirectivesTable {
  id: string;
  kind: string;
  title: string;
  body: string;
  accident_id: string | null;
  cause_summary: string | null;
  corrects_id: string | null;
  region_id: string | null;
  region_path: string;
  deadline: string;
  is_reply_required: number;
  issuer_id: string;
  issuer_name: string;
  issued_at: string;
}

export interface DirectiveRecipientsTable {
  directive_id: string;
  mine_id: string;
  mine_name: string;
  region_id: string;
  region_name: string;
  region_path: string;
  state: string;
  read_at: string | null;
  read_by_id: string | null;
  read_by_name: string | null;
  replied_at: string | null;
  reply_text: string | null;
  reply_by_id: string | null;
  reply_by_name: string | null;
  visit_requested_at: string | null;
  visit_requested_by_id: string | null;
  visit_requested_by_name: string | null;
}

export interface DirectivesDatabase {
  directives: DirectivesTable;
  directive_recipients: DirectiveRecipientsTable;
}
