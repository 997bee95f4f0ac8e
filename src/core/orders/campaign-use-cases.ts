import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { actStamp, writeAudited } from '../audit/record-audit.ts';
import { invalidInput, notFound, refuseIssues } from '../errors.ts';
import type { MineRow, Ports } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { mineScopePath, requireRegionInScope } from './order-access.ts';
import type { Campaign, CampaignMark } from './orders-ports.ts';
import { chinaDateOf } from '../china-time.ts';
import { csvLine } from '../export/safe-cells.ts';

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'regions' | 'orders'>;

export interface CreateCampaignInput {
  name: string;
  regionId: string;
  startsOn: string;
  endsOn: string;
  items: Array<{ text: string; dueOn: string }>;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export async function createCampaign(
  deps: Deps,
  p: Principal,
  input: CreateCampaignInput,
): Promise<Campaign> {
  requirePermission(p, 'campaign.manage');
  const bad: string[] = [];
  if (input.name.trim().length < 2) bad.push('name is required');
  if (!isDate(input.startsOn) || !isDate(input.endsOn) || input.endsOn < input.startsOn)
    bad.push('startsOn and endsOn must be dates, endsOn not before startsOn');
  if (input.items.length === 0) bad.push('a campaign needs at least one checklist item');
  input.items.forEach((it, i) => {
    if (it.text.trim().length < 2) bad.push(`items[${i}].text is required`);
    if (!isDate(it.dueOn) || it.dueOn < input.startsOn || it.dueOn > input.endsOn)
      bad.push(`items[${i}].dueOn must be a date inside the campaign period`);
  });
  refuseIssues('CAMPAIGN_INVALID', 'The campaign', bad);
  const now = deps.clock.nowIso();
  return deps.transaction(['regions', 'orders', 'audit'], async (tx) => {
    const region = await requireRegionInScope(tx, p, input.regionId);
    const c: Campaign = {
      id: deps.ids.next('cmp'),
      name: input.name.trim(),
      regionId: region.id,
      regionPath: region.path,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      items: input.items.map((it, i) => ({ id: `i${i + 1}`, text: it.text.trim(), dueOn: it.dueOn })),
      ...actStamp('created', p, now),
    };
    return writeAudited(tx, p, now, c, (r) => tx.orders.insertCampaign(r), {
      action: 'campaign.create',
      targetType: 'campaign',
      targetId: c.id,
    });
  });
}

function visible(p: Principal, c: Campaign, minePath: string | null): boolean {
  if (p.scope.kind === 'mine') return minePath !== null && minePath.startsWith(c.regionPath);
  const s = p.scopePath;
  return s !== null && (c.regionPath.startsWith(s) || s.startsWith(c.regionPath));
}

export async function listCampaigns(
  deps: Pick<Ports, 'orders' | 'mines'>,
  p: Principal,
): Promise<Campaign[]> {
  requirePermission(p, 'order.read');
  const minePath = await mineScopePath(deps, p);
  return (await deps.orders.listCampaigns('/')).filter((c) => visible(p, c, minePath));
}

async function loadCampaign(deps: Pick<Ports, 'orders' | 'mines'>, p: Principal, id: string) {
  const c = await deps.orders.getCampaign(id);
  if (!c || !visible(p, c, await mineScopePath(deps, p)))
    throw notFound('CAMPAIGN_NOT_FOUND', `No campaign "${id}" in your scope.`);
  return c;
}

export interface MineProgress {
  mineId: string;
  /** Users recognise mines by code and name (issue 15). */
  mineCode: string;
  mineName: string;
  regionId: string;
  regionName: string;
  items: Array<{ itemId: string; done: boolean; by: string | null; at: string | null; overdue: boolean }>;
  done: number;
  overdue: number;
}

/** The campaign with the progress of every mine the caller may see. */
export async function getCampaignProgress(deps: Deps, p: Principal, id: string) {
  requirePermission(p, 'order.read');
  const c = await loadCampaign(deps, p, id);
  let mines: MineRow[];
  if (p.scope.kind === 'mine') mines = [await requireMineInScope(deps, p, p.scope.mineId)];
  else {
    const path = c.regionPath.startsWith(p.scopePath ?? '\u0000') ? c.regionPath : (p.scopePath ?? '\u0000');
    mines = (
      await deps.mines.search({ regionPath: path }, { offset: 0, limit: 100_000, sort: 'code', desc: false })
    ).items;
  }
  const marks = await deps.orders.listMarks(c.id);
  const byKey = new Map(marks.map((m) => [`${m.mineId}|${m.itemId}`, m]));
  // Due dates are China-Standard-Time dates: an item due today is not overdue until midnight in China.
  const today = chinaDateOf(deps.clock.nowIso());
  const progress: MineProgress[] = mines
    .filter((m) => m.status !== 'closed')
    .map((m) => {
      const items = c.items.map((it) => {
        const mk = byKey.get(`${m.id}|${it.id}`);
        const done = mk?.done ?? false;
        return {
          itemId: it.id,
          done,
          by: mk?.byName ?? null,
          at: mk?.at ?? null,
          overdue: !done && it.dueOn < today,
        };
      });
      return {
        mineId: m.id,
        mineCode: m.code,
        mineName: m.name,
        regionId: m.regionId,
        regionName: m.regionName,
        items,
        done: items.filter((i) => i.done).length,
        overdue: items.filter((i) => i.overdue).length,
      };
    });
  return { campaign: c, mines: progress };
}

/** Marks one item of one mine done or not done, recording who and when. */
export async function markCampaignItem(
  deps: Deps,
  p: Principal,
  id: string,
  input: { mineId: string; itemId: string; done: boolean; note: string },
): Promise<CampaignMark> {
  requirePermission(p, 'campaign.progress');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'orders', 'audit'], async (tx) => {
    const c = await loadCampaign(tx, p, id);
    const mine = await requireMineInScope(tx, p, input.mineId);
    if (!mine.regionPath.startsWith(c.regionPath))
      throw invalidInput('CAMPAIGN_MINE_OUTSIDE', `${mine.name} is not in the campaign's region.`);
    if (!c.items.some((i) => i.id === input.itemId))
      throw invalidInput('CAMPAIGN_ITEM_UNKNOWN', `The campaign has no item "${input.itemId}".`);
    const before = (await tx.orders.listMarks(c.id)).find(
      (m) => m.mineId === mine.id && m.itemId === input.itemId,
    );
    const mark: CampaignMark = {
      campaignId: c.id,
      mineId: mine.id,
      itemId: input.itemId,
      done: input.done,
      byId: p.userId,
      byName: p.displayName,
      at: now,
      note: input.note.trim(),
    };
    return writeAudited(tx, p, now, mark, (r) => tx.orders.upsertMark(r), {
      action: 'campaign.mark',
      targetType: 'campaign',
      targetId: c.id,
      before: before ? { ...before } : null,
    });
  });
}

export interface CampaignReportRow {
  regionId: string;
  regionName: string;
  minesDone: number;
  minesTotal: number;
  itemsOverdue: number;
}

/** Per district: mines with every item done / mines, and items overdue. */
export async function campaignReport(deps: Deps, p: Principal, id: string) {
  const { campaign, mines } = await getCampaignProgress(deps, p, id);
  const rows = new Map<string, CampaignReportRow>();
  for (const m of mines) {
    const r = rows.get(m.regionId) ?? {
      regionId: m.regionId,
      regionName: m.regionName,
      minesDone: 0,
      minesTotal: 0,
      itemsOverdue: 0,
    };
    r.minesTotal += 1;
    if (m.done === campaign.items.length) r.minesDone += 1;
    r.itemsOverdue += m.overdue;
    rows.set(m.regionId, r);
  }
  const districts = [...rows.values()].sort((a, b) => a.regionId.localeCompare(b.regionId));
  return {
    campaign: { id: campaign.id, name: campaign.name, startsOn: campaign.startsOn, endsOn: campaign.endsOn },
    districts,
  };
}

export function campaignReportCsv(rows: readonly CampaignReportRow[]): string {
  const lines = ['region_id,region,mines_done,mines_total,items_overdue'];
  for (const r of rows)
    lines.push(csvLine([r.regionId, r.regionName, r.minesDone, r.minesTotal, r.itemsOverdue]));
  return `${lines.join('\n')}\n`;
}
