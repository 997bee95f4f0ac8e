import type { Kysely } from 'kysely';
import { createTable } from '../dialect/table-spec.ts';

/** The supervision module's tables: the four assignments per mine, their history, site visits and findings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'supervision_plans', {
    columns: {
      mine_id: 'id primary key references mines.id',
      document_ref: 'text not null',
      measures_json: 'json not null',
      state: 'text not null',
      return_reason: 'text',
      revision: 'int not null',
      submitted_at: 'isoTime',
      submitted_by: 'id',
      decided_at: 'isoTime',
      decided_by: 'id',
      created_at: 'isoTime not null',
      updated_at: 'isoTime not null',
    },
  });

  await createTable(db, 'supervision_responsible', {
    columns: {
      mine_id: 'id primary key references mines.id',
      name: 'text not null',
      position: 'text not null',
      phone: 'text not null',
      assigned_by: 'id not null',
      assigned_by_name: 'text not null',
      assigned_at: 'isoTime not null',
    },
  });

  await createTable(db, 'supervision_group_members', {
    columns: {
      mine_id: 'id not null references mines.id',
      user_id: 'id not null references users.id',
      user_name: 'text not null',
      is_leader: 'bool not null',
      assigned_by: 'id not null',
      assigned_by_name: 'text not null',
      assigned_at: 'isoTime not null',
    },
    primaryKey: '(mine_id, user_id)',
    indexes: { supervision_group_members_user_idx: '(user_id)' },
  });

  await createTable(db, 'supervision_leaders', {
    columns: {
      mine_id: 'id primary key references mines.id',
      user_id: 'id not null references users.id',
      user_name: 'text not null',
      assigned_by: 'id not null',
      assigned_by_name: 'text not null',
      assigned_at: 'isoTime not null',
    },
    indexes: { supervision_leaders_user_idx: '(user_id)' },
  });

  await createTable(db, 'supervision_history', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      kind: 'text not null',
      action: 'text not null',
      summary: 'text not null',
      actor_id: 'id not null',
      actor_name: 'text not null',
      at: 'isoTime not null',
    },
    indexes: { supervision_history_mine_idx: '(mine_id, at)' },
  });

  await createTable(db, 'supervision_visits', {
    columns: {
      id: 'id primary key',
      mine_id: 'id not null references mines.id',
      visitor_id: 'id not null references users.id',
      visitor_name: 'text not null',
      visitor_role: 'text not null',
      started_at: 'isoTime not null',
      ended_at: 'isoTime not null',
      duration_minutes: 'int not null',
      went_to_site: 'bool not null',
      went_underground: 'bool not null',
      checklist_json: 'json not null',
      notes: 'text not null',
      by_assigned: 'bool not null',
      created_at: 'isoTime not null',
    },
    indexes: { supervision_visits_mine_idx: '(mine_id, started_at)' },
  });

  await createTable(db, 'supervision_findings', {
    columns: {
      id: 'id primary key',
      visit_id: 'id not null references supervision_visits.id',
      mine_id: 'id not null references mines.id',
      title: 'text not null',
      description: 'text not null',
      grade: 'text not null',
      category: 'text not null',
      location: 'text',
      status: 'text not null',
      hazard_id: 'id',
      reported_at: 'isoTime',
      reported_by: 'id',
    },
    indexes: { supervision_findings_visit_idx: '(visit_id)' },
  });
}
