import type { Kysely, Selectable } from 'kysely';
import type {
  Directive,
  DirectiveKind,
  DirectiveRecipient,
  DirectiveStore,
  RecipientState,
} from '../../core/directives/directives-ports.ts';
import type { Database } from '../schema.ts';
import type { DirectiveRecipientsTable, DirectivesTable } from '../schema/directives-schema.ts';
import { escapeLike } from './region-store.ts';

const toDirective = (r: Selectable<DirectivesTable>): Directive => ({
  id: r.id,
  kind: r.kind as DirectiveKind,
  title: r.title,
  body: r.body,
  accidentId: r.accident_id,
  causeSummary: r.cause_summary,
  correctsId: r.corrects_id,
  regionId: r.region_id,
  regionPath: r.region_path,
  deadline: r.deadline,
  isReplyRequired: Number(r.is_reply_required) === 1,
  issuerId: r.issuer_id,
  issuerName: r.issuer_name,
  issuedAt: r.issued_at,
});

const toRecipient = (r: Selectable<DirectiveRecipientsTable>): DirectiveRecipient => ({
  directiveId: r.directive_id,
  mineId: r.mine_id,
  mineName: r.mine_name,
  regionId: r.region_id,
  regionName: r.region_name,
  regionPath: r.region_path,
  state: r.state as RecipientState,
  readAt: r.read_at,
  readById: r.read_by_id,
  readByName: r.read_by_name,
  repliedAt: r.replied_at,
  replyText: r.reply_text,
  replyById: r.reply_by_id,
  replyByName: r.reply_by_name,
  visitRequestedAt: r.visit_requested_at,
  visitRequestedById: r.visit_requested_by_id,
  visitRequestedByName: r.visit_requested_by_name,
});

const recipientColumns = (r: DirectiveRecipient): DirectiveRecipientsTable => ({
  directive_id: r.directiveId,
  mine_id: r.mineId,
  mine_name: r.mineName,
  region_id: r.regionId,
  region_name: r.regionName,
  region_path: r.regionPath,
  state: r.state,
  read_at: r.readAt,
  read_by_id: r.readById,
  read_by_name: r.readByName,
  replied_at: r.repliedAt,
  reply_text: r.replyText,
  reply_by_id: r.replyById,
  reply_by_name: r.replyByName,
  visit_requested_at: r.visitRequestedAt,
  visit_requested_by_id: r.visitRequestedById,
  visit_requested_by_name: r.visitRequestedByName,
});

export function createDirectiveStore(db: Kysely<Database>): DirectiveStore {
  return {
    async insertDirective(d) {
      await db
        .insertInto('directives')
        .values({
          id: d.id,
          kind: d.kind,
          title: d.title,
          body: d.body,
          accident_id: d.accidentId,
          cause_summary: d.causeSummary,
          corrects_id: d.correctsId,
          region_id: d.regionId,
          region_path: d.regionPath,
          deadline: d.deadline,
          is_reply_required: d.isReplyRequired ? 1 : 0,
          issuer_id: d.issuerId,
          issuer_name: d.issuerName,
          issued_at: d.issuedAt,
        })
        .execute();
    },
    async getDirective(id) {
      const r = await db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toDirective(r) : undefined;
    },
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
      return rows.map(toDirective);
    },
    async insertRecipients(rows) {
      for (let i = 0; i < rows.length; i += 100) {
        await db
          .insertInto('directive_recipients')
          .values(rows.slice(i, i + 100).map(recipientColumns))
          .execute();
      }
    },
    async updateRecipient(r) {
      const { directive_id, mine_id, ...rest } = recipientColumns(r);
      await db
        .updateTable('directive_recipients')
        .set(rest)
        .where('directive_id', '=', directive_id)
        .where('mine_id', '=', mine_id)
        .execute();
    },
    async getRecipient(directiveId, mineId) {
      const r = await db
        .selectFrom('directive_recipients')
        .selectAll()
        .where('directive_id', '=', directiveId)
        .where('mine_id', '=', mineId)
        .executeTakeFirst();
      return r ? toRecipient(r) : undefined;
    },
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
        out.push(...rows.map(toRecipient));
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
      return rows.map(toRecipient);
    },
  };
}
