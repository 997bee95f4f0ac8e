import type { Kysely } from 'kysely';
import { col } from '../dialect/column-types.ts';

/** The hazards module's tables: hazards, their history, evidence, listings, proposals, self-checks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hazards')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('source', col.text, (c) => c.notNull())
    .addColumn('grade', col.text, (c) => c.notNull())
    .addColumn('category', col.text, (c) => c.notNull())
    .addColumn('title', col.text, (c) => c.notNull())
    .addColumn('description', col.text, (c) => c.notNull())
    .addColumn('area', col.text)
    .addColumn('equipment', col.text)
    .addColumn('point_code', col.text)
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('reported_at', col.isoTime, (c) => c.notNull())
    .addColumn('reported_by', col.id, (c) => c.notNull())
    .addColumn('reported_by_name', col.text, (c) => c.notNull())
    .addColumn('plan_json', col.json)
    .addColumn('original_due_date', col.isoDate)
    .addColumn('current_due_date', col.isoDate)
    .addColumn('escalation', col.text, (c) => c.notNull())
    .addColumn('equipment_running_days', col.int, (c) => c.notNull())
    .addColumn('last_equipment_check_on', col.isoDate)
    .addColumn('closed_at', col.isoTime)
    .addColumn('updated_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hazards_region_idx').on('hazards').column('region_path').execute();
  await db.schema.createIndex('hazards_mine_idx').on('hazards').columns(['mine_id', 'reported_at']).execute();
  await db.schema
    .createIndex('hazards_state_idx')
    .on('hazards')
    .columns(['state', 'current_due_date'])
    .execute();

  await db.schema
    .createTable('hazard_events')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('hazard_id', col.id, (c) => c.notNull().references('hazards.id'))
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('from_state', col.text)
    .addColumn('to_state', col.text)
    .addColumn('actor_id', col.id, (c) => c.notNull())
    .addColumn('actor_name', col.text, (c) => c.notNull())
    .addColumn('note', col.text)
    .addColumn('details_json', col.json)
    .execute();
  await db.schema
    .createIndex('hazard_events_hazard_idx')
    .on('hazard_events')
    .columns(['hazard_id', 'at'])
    .execute();

  await db.schema
    .createTable('hazard_evidence')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('hazard_id', col.id, (c) => c.references('hazards.id'))
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('sha256', col.text, (c) => c.notNull())
    .addColumn('file_name', col.text, (c) => c.notNull())
    .addColumn('content_type', col.text, (c) => c.notNull())
    .addColumn('size_bytes', col.bigint, (c) => c.notNull())
    .addColumn('uploaded_by', col.id, (c) => c.notNull())
    .addColumn('uploaded_by_name', col.text, (c) => c.notNull())
    .addColumn('uploaded_at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hazard_evidence_hazard_idx')
    .on('hazard_evidence')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('hazard_listings')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('hazard_id', col.id, (c) => c.notNull().references('hazards.id'))
    .addColumn('notice', col.text, (c) => c.notNull())
    .addColumn('issued_by', col.id, (c) => c.notNull())
    .addColumn('issued_by_name', col.text, (c) => c.notNull())
    .addColumn('issued_at', col.isoTime, (c) => c.notNull())
    .addColumn('closed_at', col.isoTime)
    .addColumn('closed_by', col.id)
    .execute();
  await db.schema
    .createIndex('hazard_listings_hazard_idx')
    .on('hazard_listings')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('hazard_progress')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('listing_id', col.id, (c) => c.notNull().references('hazard_listings.id'))
    .addColumn('hazard_id', col.id, (c) => c.notNull().references('hazards.id'))
    .addColumn('text', col.text, (c) => c.notNull())
    .addColumn('by_id', col.id, (c) => c.notNull())
    .addColumn('by_name', col.text, (c) => c.notNull())
    .addColumn('at', col.isoTime, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hazard_progress_hazard_idx')
    .on('hazard_progress')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('hazard_proposals')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('kind', col.text, (c) => c.notNull())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('mine_name', col.text, (c) => c.notNull())
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('hazard_ids_json', col.json, (c) => c.notNull())
    .addColumn('basis', col.text, (c) => c.notNull())
    .addColumn('state', col.text, (c) => c.notNull())
    .addColumn('created_at', col.isoTime, (c) => c.notNull())
    .addColumn('decided_by', col.id)
    .addColumn('decided_at', col.isoTime)
    .addColumn('note', col.text)
    .execute();
  await db.schema
    .createIndex('hazard_proposals_mine_idx')
    .on('hazard_proposals')
    .columns(['mine_id', 'kind', 'state'])
    .execute();
  await db.schema
    .createIndex('hazard_proposals_region_idx')
    .on('hazard_proposals')
    .column('region_path')
    .execute();

  await db.schema
    .createTable('hazard_self_checks')
    .addColumn('id', col.id, (c) => c.primaryKey())
    .addColumn('mine_id', col.id, (c) => c.notNull().references('mines.id'))
    .addColumn('region_path', col.text, (c) => c.notNull())
    .addColumn('quarter', col.text, (c) => c.notNull())
    .addColumn('signer', col.text, (c) => c.notNull())
    .addColumn('summary', col.text, (c) => c.notNull())
    .addColumn('evidence_id', col.id, (c) => c.references('hazard_evidence.id'))
    .addColumn('filed_by', col.id, (c) => c.notNull())
    .addColumn('filed_by_name', col.text, (c) => c.notNull())
    .addColumn('filed_at', col.isoTime, (c) => c.notNull())
    .addUniqueConstraint('hazard_self_checks_mine_quarter', ['mine_id', 'quarter'])
    .execute();
  await db.schema
    .createIndex('hazard_self_checks_quarter_idx')
    .on('hazard_self_checks')
    .column('quarter')
    .execute();
}
