import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp } from '../audit/record-audit.ts';
import { notFound, refuseIssues } from '../errors.ts';
import type { Ports } from '../ports.ts';
import {
  requireAccident,
  requireRegisterAccident,
  scopeFilter,
  writeAccidentAudited,
} from './accident-access.ts';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_CHAINS,
  type AccountabilityAction,
  type AccountabilityChain,
  type AccountabilityRecord,
} from './accident-types.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'accidents'>;

export interface AccountabilityInput {
  personName: string;
  post: string;
  chain: AccountabilityChain;
  action: AccountabilityAction;
  decidedOn: string;
  note?: string;
}

/** Records that an official on one of the four chains was held to account for the accident. */
export async function recordAccountability(
  deps: Deps,
  p: Principal,
  accidentId: string,
  input: AccountabilityInput,
): Promise<AccountabilityRecord> {
  requirePermission(p, 'accountability.record');
  const a = requireRegisterAccident(await requireAccident(deps, p, accidentId, 'accident.read'));
  const bad: string[] = [];
  if (input.personName.trim().length < 1) bad.push('personName is required');
  if (input.post.trim().length < 1) bad.push('post is required');
  if (!ACCOUNTABILITY_CHAINS.includes(input.chain))
    bad.push(`chain must be one of ${ACCOUNTABILITY_CHAINS.join(', ')}`);
  if (!ACCOUNTABILITY_ACTIONS.includes(input.action))
    bad.push(`action must be one of ${ACCOUNTABILITY_ACTIONS.join(', ')}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn) || Number.isNaN(Date.parse(input.decidedOn)))
    bad.push('decidedOn must be a date YYYY-MM-DD');
  else if (input.decidedOn < a.occurredAt.slice(0, 10)) bad.push('decidedOn cannot be before the accident');
  refuseIssues('ACCOUNTABILITY_INVALID', 'The accountability record', bad);
  const now = deps.clock.nowIso();
  const record: AccountabilityRecord = {
    id: deps.ids.next('acct'),
    accidentId: a.id,
    mineId: a.mineId,
    mineName: a.mineName,
    regionPath: a.regionPath,
    personName: input.personName.trim(),
    post: input.post.trim(),
    chain: input.chain,
    action: input.action,
    decidedOn: input.decidedOn,
    note: input.note?.trim() ?? '',
    ...actStamp('created', p, now),
  };
  await writeAccidentAudited(deps, p, now, record, (s, r) => s.insertAccountability(r), {
    action: 'accountability.record',
    targetType: 'accident',
    targetId: a.id,
  });
  return record;
}

export interface AccountabilityView {
  records: AccountabilityRecord[];
  /** Per official (name + post): the records against them. */
  byPerson: Array<{ personName: string; posts: string[]; chains: AccountabilityChain[]; records: number }>;
  /** Per chain (enterprise, regulator, party, government): how many records. */
  byChain: Record<AccountabilityChain, number>;
}

/**
 * Accountability records in scope, optionally for one region (`regionPath` under the caller's scope) or
 * one official (name substring), summarised per official and per chain.
 */
export async function viewAccountability(
  deps: Pick<Ports, 'accidents' | 'regions' | 'mines'>,
  p: Principal,
  q: { regionId?: string; person?: string },
): Promise<AccountabilityView> {
  requirePermission(p, 'accountability.read');
  let filter = scopeFilter(p);
  if (q.regionId !== undefined) {
    const r = await deps.regions.get(q.regionId);
    const minePath =
      p.scope.kind === 'mine' ? ((await deps.mines.get(p.scope.mineId))?.regionPath ?? null) : null;
    const ok =
      r !== undefined &&
      (filter.regionPath !== undefined
        ? r.path.startsWith(filter.regionPath)
        : minePath !== null && minePath.startsWith(r.path));
    if (!r || !ok) throw notFound('REGION_NOT_FOUND', `No region "${q.regionId}" in your scope.`);
    if (filter.regionPath !== undefined) filter = { regionPath: r.path };
  }
  const records = await deps.accidents.listAccountability(
    { ...filter, ...(q.person ? { person: q.person } : {}) },
    5000,
  );
  const people = new Map<string, AccountabilityView['byPerson'][number]>();
  const byChain: Record<AccountabilityChain, number> = {
    enterprise: 0,
    regulator: 0,
    party: 0,
    government: 0,
  };
  for (const r of records) {
    byChain[r.chain]++;
    const e = people.get(r.personName) ?? { personName: r.personName, posts: [], chains: [], records: 0 };
    if (!e.posts.includes(r.post)) e.posts.push(r.post);
    if (!e.chains.includes(r.chain)) e.chains.push(r.chain);
    e.records++;
    people.set(r.personName, e);
  }
  return { records, byPerson: [...people.values()], byChain };
}
