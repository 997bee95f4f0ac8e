import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The hazards module's tables: hazards, their history, evidence, listings, proposals, self-checks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'hazards', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      source: 'text not null',
      grade: 'text not null',
      category: 'text not null',
      title: 'text not null',
      description: 'text not null',
      area: 'text',
      equipment: 'text',
      point_code: 'text',
      state: 'text not null',
      reported_at: 'isoTime not null',
      reported_by: 'id not null',
      reported_by_name: 'text not null',
      plan_json: 'json',
      original_due_date: 'isoDate',
      current_due_date: 'isoDate',
      escalation: 'text not null',
      equipment_running_days: 'int not null',
      last_equipment_check_on: 'isoDate',
      closed_at: 'isoTime',
      updated_at: 'isoTime not null',
    },
    indexes: {
      hazards_region_idx: '(region_path)',
      hazards_mine_idx: '(mine_id, reported_at)',
      hazards_state_idx: '(state, current_due_date)',
    },
  });

  await createTable(db, 'hazard_events', {
    columns: {
      id: 'id primary key',
      hazard_id: 'id not null references hazards.id',
      at: 'isoTime not null',
      kind: 'text not null',
      from_state: 'text',
      to_state: 'text',
      actor_id: 'id not null',
      actor_name: 'text not null',
      note: 'text',
      details_json: 'json',
    },
    indexes: { hazard_events_hazard_idx: '(hazard_id, at)' },
  });

  await createTable(db, 'hazard_evidence', {
    columns: {
      id: 'id primary key',
      hazard_id: 'id references hazards.id',
      mine_id: 'id not null references mines.id',
      sha256: 'text not null',
      file_name: 'text not null',
      content_type: 'text not null',
      size_bytes: 'bigint not null',
      uploaded_by: 'id not null',
      uploaded_by_name: 'text not null',
      uploaded_at: 'isoTime not null',
    },
    indexes: { hazard_evidence_hazard_idx: '(hazard_id)' },
  });

  await createTable(db, 'hazard_listings', {
    columns: {
      id: 'id primary key',
      hazard_id: 'id not null references hazards.id',
      notice: 'text not null',
      issued_by: 'id not null',
      issued_by_name: 'text not null',
      issued_at: 'isoTime not null',
      closed_at: 'isoTime',
      closed_by: 'id',
    },
    indexes: { hazard_listings_hazard_idx: '(hazard_id)' },
  });

  await createTable(db, 'hazard_progress', {
    columns: {
      id: 'id primary key',
      listing_id: 'id not null references hazard_listings.id',
      hazard_id: 'id not null references hazards.id',
      text: 'text not null',
      by_id: 'id not null',
      by_name: 'text not null',
      at: 'isoTime not null',
    },
    indexes: { hazard_progress_hazard_idx: '(hazard_id)' },
  });

  await createTable(db, 'hazard_proposals', {
    columns: {
      id: 'id primary key',
      kind: 'text not null',
      mine_id: 'id not null references mines.id',
      mine_name: 'text not null',
      region_path: 'text not null',
      hazard_ids_json: 'json not null',
      basis: 'text not null',
      state: 'text not null',
      created_at: 'isoTime not null',
      decided_by: 'id',
      decided_at: 'isoTime',
      note: 'text',
    },
    indexes: {
      hazard_proposals_mine_idx: '(mine_id, kind, state)',
      hazard_proposals_region_idx: '(region_path)',
    },
  });

  await createTable(db, 'hazard_self_checks', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      region_path: 'text not null',
      quarter: 'text not null',
      signer: 'text not null',
      summary: 'text not null',
      evidence_id: 'id references hazard_evidence.id',
      filed_by: 'id not null',
      filed_by_name: 'text not null',
      filed_at: 'isoTime not null',
    },
    unique: { hazard_self_checks_mine_quarter: '(mine_id, quarter)' },
    indexes: { hazard_self_checks_quarter_idx: '(quarter)' },
  });
}
