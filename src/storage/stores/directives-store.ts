import type { Kysely } from 'kysely';
import type {
  Directive,
  DirectiveKind,
  DirectiveRecipient,
  DirectiveStore,
  RecipientState,
} from '../../core/directives/directives-ports.ts';
import type { Database } from '../schema.ts';
import type { DirectiveRecipientsTable, DirectivesTable } from '../schema/directives-schema.ts';
import { bool, defineCodec, text } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { escapeLike } from './region-store.ts';

const directiveCodec = defineCodec<Directive, DirectivesTable>()({
  id: 'id',
  kind: ['kind', text<DirectiveKind>()],
  title: 'title',
  body: 'body',
  accidentId: 'accident_id',
  causeSummary: 'cause_summary',
  correctsId: 'corrects_id',
  regionId: 'region_id',
  regionPath: 'region_path',
  deadline: 'deadline',
  isReplyRequired: ['is_reply_required', bool],
  issuerId: 'issuer_id',
  issuerName: 'issuer_name',
  issuedAt: 'issued_at',
});

const recipientCodec = defineCodec<DirectiveRecipient, DirectiveRecipientsTable>()({
  directiveId: 'directive_id',
  mineId: 'mine_id',
  mineName: 'mine_name',
  regionId: 'region_id',
  regionName: 'region_name',
  regionPath: 'region_path',
  state: ['state', text<RecipientState>()],
  readAt: 'read_at',
  readById: 'read_by_id',
  readByName: 'read_by_name',
  repliedAt: 'replied_at',
  replyText: 'reply_text',
  replyById: 'reply_by_id',
  replyByName: 'reply_by_name',
  visitRequestedAt: 'visit_requested_at',
  visitRequestedById: 'visit_requested_by_id',
  visitRequestedByName: 'visit_requested_by_name',
});

export function createDirectiveStore(db: Kysely<Database>): DirectiveStore {
  const directives = recordTable(db, 'directives', directiveCodec);
  const recipients = recordTable(db, 'directive_recipients', recipientCodec, ['directive_id', 'mine_id']);
  return {
    insertDirective: directives.insert,
    getDirective: directives.get,
    async listDirectives(filter, limit) {
      let q = db.selectFrom('directives').selectAll();
      if (filter.mineId !== undefined) {
        const mineId = filter.mineId;
        q = q.where('id', 'in', (s) =>
          s.selectFrom('directive_recipients').select('directive_id').where('mine_id', '=', mineId),
        );
      }
      if (filter.regionPath !== undefined) {
        const like = `${escapeLike(filter.regionPath)}%`;
        q = q.where('id', 'in', (s) =>
          s.selectFrom('directive_recipients').select('directive_id').where('region_path', 'like', like),
        );
      }
      const rows = await q.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(directiveCodec.decode);
    },
    insertRecipients: (rows) => recipients.insertMany(rows, 100),
    updateRecipient: recipients.update,
    getRecipient: (directiveId, mineId) => recipients.find({ directive_id: directiveId, mine_id: mineId }),
    async listRecipients(directiveIds) {
      const out: DirectiveRecipient[] = [];
      for (let i = 0; i < directiveIds.length; i += 200) {
        const rows = await db
          .selectFrom('directive_recipients')
          .selectAll()
          .where('directive_id', 'in', directiveIds.slice(i, i + 200))
          .orderBy('region_path')
          .orderBy('mine_name')
          .orderBy('mine_id')
          .execute();
        out.push(...rows.map(recipientCodec.decode));
      }
      return out;
    },
    async listVisitRequestsOfMine(mineId) {
      const rows = await db
        .selectFrom('directive_recipients')
        .selectAll()
        .where('mine_id', '=', mineId)
        .where('visit_requested_at', 'is not', null)
        .orderBy('visit_requested_at', 'desc')
        .execute();
      return rows.map(recipientCodec.decode);
    },
  };
}
