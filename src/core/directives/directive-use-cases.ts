import { isInScope, requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invalidInput, notFound, refuseIssues } from '../errors.ts';
import type { MineRow, Ports, Stores } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { commonPath, requireRegionInScope } from '../orders/order-access.ts';
import { summariseProgress, type DirectiveProgress, type ProgressCounts } from './directive-progress.ts';
import {
  DIRECTIVE_KINDS,
  type Directive,
  type DirectiveKind,
  type DirectiveRecipient,
} from './directives-ports.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'regions' | 'directives'>;

export interface IssueDirectiveInput {
  kind: DirectiveKind;
  title: string;
  body: string;
  /** ISO time. */
  deadline: string;
  isReplyRequired: boolean;
  regionId?: string | null;
  mineIds?: string[];
  accidentId?: string | null;
  causeSummary?: string | null;
  correctsId?: string | null;
}

const text = (s: string | null | undefined): string => (s ?? '').trim();

function validate(input: IssueDirectiveInput, now: string): { deadline: string } {
  const bad: string[] = [];
  if (!DIRECTIVE_KINDS.includes(input.kind)) bad.push(`kind must be one of ${DIRECTIVE_KINDS.join(', ')}`);
  if (text(input.title).length < 2) bad.push('title is required');
  if (text(input.body).length < 2) bad.push('body is required');
  const deadlineMs = Date.parse(input.deadline);
  if (Number.isNaN(deadlineMs)) bad.push('deadline must be an ISO time');
  else if (deadlineMs <= Date.parse(now)) bad.push('deadline must be in the future');
  const hasRegion = Boolean(input.regionId);
  const hasMines = (input.mineIds ?? []).length > 0;
  if (hasRegion === hasMines) bad.push('give either regionId or mineIds');
  if (input.kind === 'accident_warning' && text(input.causeSummary).length < 2)
    bad.push('an accident warning notice needs the cause summary');
  refuseIssues('DIRECTIVE_INVALID', 'The notice', bad);
  return { deadline: new Date(deadlineMs).toISOString() };
}

/** The recipient mines: every non-closed mine of the region, or the named mines, all in the issuer's scope. */
async function recipientMines(
  stores: Pick<Stores, 'mines' | 'regions'>,
  p: Principal,
  input: IssueDirectiveInput,
): Promise<{ regionId: string | null; regionPath: string; mines: MineRow[] }> {
  if (input.regionId) {
    const region = await requireRegionInScope(stores, p, input.regionId);
    const { items } = await stores.mines.search(
      { regionPath: region.path },
      { offset: 0, limit: 100_000, sort: 'code', desc: false },
    );
    return {
      regionId: region.id,
      regionPath: region.path,
      mines: items.filter((m) => m.status !== 'closed'),
    };
  }
  const mines: MineRow[] = [];
  for (const id of new Set(input.mineIds ?? [])) mines.push(await requireMineInScope(stores, p, id));
  const closed = mines.filter((m) => m.status === 'closed');
  if (closed.length > 0)
    throw invalidInput(
      'DIRECTIVE_MINE_CLOSED',
      `Closed mines receive no notices: ${closed.map((m) => m.name).join(', ')}.`,
    );
  return { regionId: null, regionPath: commonPath(mines.map((m) => m.regionPath)), mines };
}

/** The recipients the principal may see: its own mine, or those under its region. */
export function recipientsInScope(p: Principal, rows: readonly DirectiveRecipient[]): DirectiveRecipient[] {
  return rows.filter((r) => isInScope(p, { regionPath: r.regionPath, mineId: r.mineId }));
}

/** Issues a notice to its mines, audited, in one transaction. Immutable afterwards. */
export async function issueDirective(
  deps: Deps,
  p: Principal,
  input: IssueDirectiveInput,
): Promise<{ directive: Directive; recipients: number }> {
  requirePermission(p, 'directive.issue');
  const now = deps.clock.nowIso();
  const { deadline } = validate(input, now);
  return deps.transaction(['mines', 'regions', 'directives', 'audit'], async (tx) => {
    if (input.correctsId) await requireVisibleDirective(tx, p, input.correctsId);
    const target = await recipientMines(tx, p, input);
    if (target.mines.length === 0)
      throw invalidInput('DIRECTIVE_NO_RECIPIENTS', 'The region has no mine that is not closed.');
    const directive: Directive = {
      id: deps.ids.next('dir'),
      kind: input.kind,
      title: text(input.title),
      body: text(input.body),
      accidentId: text(input.accidentId) || null,
      causeSummary: text(input.causeSummary) || null,
      correctsId: input.correctsId ?? null,
      regionId: target.regionId,
      regionPath: target.regionPath,
      deadline,
      isReplyRequired: input.isReplyRequired,
      issuerId: p.userId,
      issuerName: p.displayName,
      issuedAt: now,
    };
    await tx.directives.insertDirective(directive);
    await tx.directives.insertRecipients(
      target.mines.map((m) => ({
        directiveId: directive.id,
        mineId: m.id,
        mineName: m.name,
        regionId: m.regionId,
        regionName: m.regionName,
        regionPath: m.regionPath,
        state: 'unread',
        readAt: null,
        readById: null,
        readByName: null,
        repliedAt: null,
        replyText: null,
        replyById: null,
        replyByName: null,
        visitRequestedAt: null,
        visitRequestedById: null,
        visitRequestedByName: null,
      })),
    );
    await recordAudit(tx, p, now, {
      action: 'directive.issue',
      targetType: 'directive',
      targetId: directive.id,
      after: { ...directive, mineIds: target.mines.map((m) => m.id) },
    });
    return { directive, recipients: target.mines.length };
  });
}

/** The directive when some recipient lies in the principal's scope; else NotFound. */
export async function requireVisibleDirective(
  stores: Pick<Stores, 'directives'>,
  p: Principal,
  id: string,
): Promise<{ directive: Directive; recipients: DirectiveRecipient[] }> {
  const directive = await stores.directives.getDirective(id);
  const recipients = directive ? recipientsInScope(p, await stores.directives.listRecipients([id])) : [];
  if (!directive || recipients.length === 0)
    throw notFound('DIRECTIVE_NOT_FOUND', `No notice "${id}" in your scope.`);
  return { directive, recipients };
}

/** The store filter for what the principal sees; null when its scope resolves to nothing. */
function scopeFilter(p: Principal): { mineId: string } | { regionPath: string } | null {
  if (p.scope.kind === 'mine') return { mineId: p.scope.mineId };
  return p.scopePath === null ? null : { regionPath: p.scopePath };
}

export interface DirectiveListItem extends Directive {
  /** Counted over the recipient mines in the viewer's scope. */
  progress: ProgressCounts;
}

/** Notices reaching the principal's scope, newest first, each with its read-back counts. */
export async function listDirectives(
  deps: Pick<Ports, 'clock' | 'directives'>,
  p: Principal,
): Promise<DirectiveListItem[]> {
  requirePermission(p, 'directive.read');
  const filter = scopeFilter(p);
  if (filter === null) return [];
  const directives = await deps.directives.listDirectives(filter, 500);
  const rows = recipientsInScope(p, await deps.directives.listRecipients(directives.map((d) => d.id)));
  const now = deps.clock.nowIso();
  return directives.map((d) => ({
    ...d,
    progress: summariseProgress(
      d,
      rows.filter((r) => r.directiveId === d.id),
      now,
    ).totals,
  }));
}

/** One notice with the live progress of the mines in the viewer's scope. */
export async function getDirective(
  deps: Pick<Ports, 'clock' | 'directives'>,
  p: Principal,
  id: string,
): Promise<{ directive: Directive; progress: DirectiveProgress; corrections: Directive[] }> {
  requirePermission(p, 'directive.read');
  const { directive, recipients } = await requireVisibleDirective(deps, p, id);
  const filter = scopeFilter(p);
  const corrections =
    filter === null
      ? []
      : (await deps.directives.listDirectives(filter, 500)).filter((d) => d.correctsId === id);
  return { directive, progress: summariseProgress(directive, recipients, deps.clock.nowIso()), corrections };
}
