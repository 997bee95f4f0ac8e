import type { Kysely } from 'kysely';
import type * as DirectiveTypes from '../../core/directives/directives-ports.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec } from '../row-codec.ts';
import { recordTable } from './record-table.ts';
import { escapeLike } from './region-store.ts';

const directiveCodec = defineCodec<DirectiveTypes.Directive, Database['directives']>()({
  ...asIs('id kind title body accidentId causeSummary correctsId regionId regionPath deadline'),
  isReplyRequired: ['is_reply_required', bool],
  ...asIs('issuerId issuerName issuedAt'),
});

const recipientCodec = defineCodec<DirectiveTypes.DirectiveRecipient, Database['directive_recipients']>()({
  ...asIs(
    'directiveId mineId mineName regionId regionName regionPath state readAt readById readByName repliedAt replyText replyById replyByName visitRequestedAt visitRequestedById visitRequestedByName',
  ),
});

export function createDirectiveStore(db: Kysely<Database>): DirectiveTypes.DirectiveStore {
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
      const out: DirectiveTypes.DirectiveRecipient[] = [];
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
