import type { Directive, DirectiveRecipient } from './directives-ports.ts';
import { recipientOutcome, type RecipientOutcome } from './recipient-machine.ts';

/** The issuer's live view: per mine and per district, who has read, replied, and who is late. Pure. */

export interface RecipientView extends DirectiveRecipient {
  outcome: RecipientOutcome;
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

export interface DistrictProgress extends ProgressCounts {
  regionId: string;
  regionName: string;
}

export interface DirectiveProgress {
  totals: ProgressCounts;
  districts: DistrictProgress[];
  mines: RecipientView[];
}

const emptyCounts = (): ProgressCounts => ({
  total: 0,
  read: 0,
  replied: 0,
  done: 0,
  doneLate: 0,
  outstanding: 0,
  late: 0,
  visitRequested: 0,
});

function add(c: ProgressCounts, r: RecipientView): void {
  c.total += 1;
  if (r.readAt !== null) c.read += 1;
  if (r.repliedAt !== null) c.replied += 1;
  if (r.outcome === 'done') c.done += 1;
  if (r.outcome === 'done_late') c.doneLate += 1;
  if (r.outcome === 'outstanding') c.outstanding += 1;
  if (r.outcome === 'late') c.late += 1;
  if (r.visitRequestedAt !== null) c.visitRequested += 1;
}

/** Counts over the given recipients only (the caller passes those in the viewer's scope). */
export function summariseProgress(
  d: Pick<Directive, 'deadline' | 'isReplyRequired'>,
  recipients: readonly DirectiveRecipient[],
  now: string,
): DirectiveProgress {
  const totals = emptyCounts();
  const districts = new Map<string, DistrictProgress>();
  const mines = recipients.map((r) => ({ ...r, outcome: recipientOutcome(d, r, now) }));
  for (const m of mines) {
    add(totals, m);
    let district = districts.get(m.regionId);
    if (!district) {
      district = { regionId: m.regionId, regionName: m.regionName, ...emptyCounts() };
      districts.set(m.regionId, district);
    }
    add(district, m);
  }
  return { totals, districts: [...districts.values()], mines };
}
