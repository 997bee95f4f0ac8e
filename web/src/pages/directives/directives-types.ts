import { cstStamp } from '../../format.ts';
/** The directives API's shapes as the pages use them (see src/core/directives). */
export type DirectiveKind = 'directive' | 'accident_warning';
export type RecipientOutcome = 'done' | 'done_late' | 'outstanding' | 'late';

export interface DirectiveView {
  id: string;
  kind: DirectiveKind;
  title: string;
  body: string;
  accidentId: string | null;
  causeSummary: string | null;
  correctsId: string | null;
  regionId: string | null;
  deadline: string;
  isReplyRequired: boolean;
  issuerName: string;
  issuedAt: string;
}

export interface ProgressCounts {
  total: number;
  read: number;
  replied: number;
  done: number;
  doneLate: number;
  outstanding: number;
  late: number;
  visitRequested: number;
}

export interface RecipientView {
  mineId: string;
  mineName: string;
  regionId: string;
  regionName: string;
  state: 'unread' | 'read' | 'replied';
  readAt: string | null;
  repliedAt: string | null;
  replyText: string | null;
  visitRequestedAt: string | null;
  visitRequestedByName: string | null;
  outcome: RecipientOutcome;
}

export interface DirectiveDetail {
  directive: DirectiveView;
  progress: {
    totals: ProgressCounts;
    districts: Array<ProgressCounts & { regionId: string; regionName: string }>;
    mines: RecipientView[];
  };
  corrections: DirectiveView[];
}

/** A stored ISO time as "YYYY-MM-DD HH:mm:ss" in China Standard Time. */
export function formatTime(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : cstStamp(ms);
}
