/** What the directives module needs from storage (implemented in src/storage/stores/directives-store.ts). */

import { valueList } from '../value-list.ts';

/** A directive (通知) or an accident warning notice (事故警示通报). */
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
export const DIRECTIVE_KINDS = valueList('directive', 'accident_warning');

/** Immutable once issued: a correction is a new directive whose `correctsId` names this one. */
export interface Directive {
  id: string;
  kind: DirectiveKind;
  title: string;
  body: string;
  /** Accident warning notices: the accident it draws lessons from and its cause summary. */
  accidentId: string | null;
  causeSummary: string | null;
  correctsId: string | null;
  /** Sent to every non-closed mine of a region (regionId), or to a list of mines (regionId null). */
  regionId: string | null;
  /** The region's path, or the common path of the named mines. */
  regionPath: string;
  /** ISO time by which each mine must have read (and, when required, replied). */
  deadline: string;
  isReplyRequired: boolean;
  issuerId: string;
  issuerName: string;
  issuedAt: string;
}

/** The stored read-back state of one recipient mine. */
export type RecipientState = 'unread' | 'read' | 'replied';

export interface DirectiveRecipient {
  directiveId: string;
  mineId: string;
  mineName: string;
  /** The mine's county (the district the issuer's view groups by). */
  regionId: string;
  regionName: string;
  regionPath: string;
  state: RecipientState;
  readAt: string | null;
  readById: string | null;
  readByName: string | null;
  repliedAt: string | null;
  replyText: string | null;
  replyById: string | null;
  replyByName: string | null;
  /** Put on the visit list (for the supervision module) by whom and when. */
  visitRequestedAt: string | null;
  visitRequestedById: string | null;
  visitRequestedByName: string | null;
}

export interface DirectiveStore {
  insertDirective(d: Directive): Promise<void>;
  getDirective(id: string): Promise<Directive | undefined>;
  /**
   * Directives, newest first, that reach a mine under `regionPath` (any recipient there) or `mineId`
   * (that mine is a recipient); no filter: all.
   */
  listDirectives(filter: { regionPath?: string; mineId?: string }, limit: number): Promise<Directive[]>;
  insertRecipients(rows: readonly DirectiveRecipient[]): Promise<void>;
  updateRecipient(r: DirectiveRecipient): Promise<void>;
  getRecipient(directiveId: string, mineId: string): Promise<DirectiveRecipient | undefined>;
  /** Recipients of the directives, ordered by region path then mine name. */
  listRecipients(directiveIds: readonly string[]): Promise<DirectiveRecipient[]>;
  /** Recipient rows of a mine that are on a visit list (for the supervision module). */
  listVisitRequestsOfMine(mineId: string): Promise<DirectiveRecipient[]>;
}
