import { z } from 'zod';
import { requirePermission } from '../../../core/access/permissions.ts';
import { buildRegionDashboard } from '../../../core/registry/dashboard.ts';
import { MINE_STATUS_EVENTS, type MineStatusEvent } from '../../../core/registry/mine-status-machine.ts';
import {
  changeMineStatus,
  getMine,
  getMineHistory,
  listMinePositions,
  listMines,
  registerMine,
  updateMineFacts,
} from '../../../core/registry/mine-use-cases.ts';
import {
  GAS_CLASSES,
  MINE_STATUSES,
  type GasClass,
  type Mine,
  type Region,
} from '../../../core/registry/types.ts';
import {
  recordCapacityApproval,
  recordGasClassAppraisal,
} from '../../../core/registry/key-fact-processes.ts';
import { MINE_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, pageFields, regionIdSchema } from '../../route-schemas.ts';
import {
  mapMinesSchema,
  mineDetailSchema,
  mineHistorySchema,
  mineSchema,
  minesPageSchema,
  mineTransitionResultSchema,
  regionDashboardSchema,
  regionSchema,
} from './registry.schemas.ts';

const mineFilters = z.object({
  regionId: regionIdSchema.optional(),
  status: z.enum(MINE_STATUSES as [string, ...string[]]).optional(),
  gasClass: z.enum(GAS_CLASSES as [string, ...string[]]).optional(),
  capacityMin: z.coerce.number().int().min(0).optional(),
  capacityMax: z.coerce.number().int().min(0).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['name', 'code', 'capacity', 'status', 'region']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
const listQuery = mineFilters.extend(pageFields);

/** The list's filters and page as listMines takes them (the list and its export share it). */
const mineQuery = (q: z.infer<typeof mineFilters>, page: number, pageSize: number) => ({
  regionId: q.regionId,
  status: q.status as never,
  gasClass: q.gasClass as never,
  capacityMin: q.capacityMin,
  capacityMax: q.capacityMax,
  q: q.q,
  page,
  pageSize,
  sort: q.sort,
  desc: q.order === 'desc',
});

const PRIORITY_RANK: Readonly<Record<string, number>> = { critical: 3, high: 2, medium: 1, low: 0 };

export const registerMineRoutes = routeModule(['registry'], (route, { ports, monitoring }) => {
  route.get(
    '/api/map/mines',
    {
      summary:
        'Every mine in your scope with a position, its status and the highest priority of its open alarms (the map).',
      query: z.object({
        regionId: regionIdSchema.optional(),
      }),
      response: mapMinesSchema,
    },
    async ({ principal, query }) => {
      const { mines, withoutPosition } = await listMinePositions(ports, principal, query.regionId);
      // Open alarms come from monitoring when it runs in this process or over the database.
      const worst = new Map<string, { priority: string; count: number }>();
      if (monitoring && mines.length > 0) {
        const inMap = new Set(mines.map((m) => m.id));
        const filter =
          principal.scope.kind === 'mine'
            ? { mineId: principal.scope.mineId }
            : { regionPath: principal.scopePath ?? undefined };
        for (const a of await monitoring.view.openAlarms(filter)) {
          if (!inMap.has(a.mineId) || !a.conditionActive) continue;
          const had = worst.get(a.mineId);
          if (!had) worst.set(a.mineId, { priority: a.priority, count: 1 });
          else {
            had.count++;
            if ((PRIORITY_RANK[a.priority] ?? 0) > (PRIORITY_RANK[had.priority] ?? 0))
              had.priority = a.priority;
          }
        }
      }
      return {
        mines: mines.map((m) => ({
          ...m,
          alarmPriority: worst.get(m.id)?.priority ?? null,
          openAlarms: worst.get(m.id)?.count ?? 0,
        })),
        withoutPosition,
      };
    },
  );

  route.get(
    '/api/regions',
    {
      summary: 'The regions you can see (your scope and everything below it).',
      response: z.object({ regions: z.array(regionSchema) }).meta({ id: 'RegionsResponse' }),
    },
    async ({ principal: p }) => {
      requirePermission(p, 'region.read');
      if (p.scope.kind === 'region')
        return { regions: await ports.regions.listUnder(p.scopePath ?? '\u0000') };
      const mine = await getMine(ports, p, p.scope.mineId);
      const region = await ports.regions.get(mine.regionId);
      return { regions: region ? [region] : [] };
    },
  );

  route.get(
    '/api/dashboard',
    {
      summary: 'Region dashboard: mines by status, by district, capacity bands and gas classes.',
      query: z.object({
        regionId: regionIdSchema.optional(),
      }),
      response: regionDashboardSchema,
    },
    ({ principal, query }) => buildRegionDashboard(ports, principal, query.regionId),
  );

  route.get(
    '/api/mines',
    {
      summary: 'Mines in your scope, filtered and paged.',
      query: listQuery,
      response: minesPageSchema,
    },
    ({ principal, query }) => listMines(ports, principal, mineQuery(query, query.page, query.pageSize)),
  );

  route.listExport({
    url: '/api/mines/export',
    list: 'mines',
    filters: mineFilters,
    columns: MINE_COLUMNS,
    load: async (p, f, limit) => (await listMines(ports, p, mineQuery(f, 1, limit))).items,
  });

  route.post(
    '/api/mines',
    {
      summary: 'Register a mine (regulators, in their scope). The facts are validated field by field.',
      body: z.object({ facts: z.record(z.string(), z.unknown()), initialStatus: z.string().optional() }),
      response: z.object({ mine: mineSchema }),
      status: 201,
    },
    async ({ principal, body }) => {
      const mine = await registerMine(ports, principal, body);
      return { mine };
    },
  );

  route.get(
    '/api/mines/:id',
    {
      summary: 'One mine with its region chain.',
      params: idParams,
      response: mineDetailSchema,
    },
    async ({ principal, params }) => {
      const mine = await getMine(ports, principal, params.id);
      const ids = mine.regionPath.split('/').filter(Boolean);
      const chain = (await Promise.all(ids.map((id) => ports.regions.get(id)))).filter(
        (x): x is Region => x !== undefined,
      );
      return { mine, regionChain: chain };
    },
  );

  route.patch(
    '/api/mines/:id',
    {
      summary:
        'Edit facts of a mine. The status cannot be edited (use a status transition), nor the key facts: gas class (gas-class appraisal), gas-control capability (expert assessment), approved capacity (capacity approval).',
      params: idParams,
      body: z.record(z.string(), z.unknown()),
      response: z.object({ mine: mineSchema }),
    },
    async ({ principal, params, body }) => {
      const mine = await updateMineFacts(ports, principal, params.id, body);
      return { mine };
    },
  );

  // The key facts' own processes; monitoring re-reads the mine at once (its rules depend on them).
  const keyFact = route.recordActions('/api/mines/:id', idParams, 'mine', mineSchema);
  const refreshed = async (mine: Mine) => {
    await monitoring?.view.refreshMine(mine.id);
    return mine;
  };
  keyFact(
    'gas-class-appraisals',
    {
      summary:
        'Record a gas-class appraisal (瓦斯等级鉴定): the only way the gas class changes. Audited with its report.',
      body: z.object({
        gasClass: z.enum(GAS_CLASSES as [GasClass, ...GasClass[]]),
        reportRef: z.string().max(200),
        appraisedOn: z.string().max(10),
      }),
    },
    async (p, { id }, body) => refreshed(await recordGasClassAppraisal(ports, p, id, body)),
  );
  keyFact(
    'capacity-approvals',
    {
      summary:
        'Record a capacity approval (生产能力核定): the only way the approved capacity changes. Audited with its document.',
      body: z.object({
        capacityTPerYear: z.number(),
        approvalRef: z.string().max(200),
        approvedOn: z.string().max(10),
      }),
    },
    async (p, { id }, body) => refreshed(await recordCapacityApproval(ports, p, id, body)),
  );

  route.get(
    '/api/mines/:id/history',
    {
      summary: 'Status history and audit trail of a mine.',
      params: idParams,
      response: mineHistorySchema,
    },
    ({ principal, params }) => getMineHistory(ports, principal, params.id),
  );

  route.post(
    '/api/mines/:id/transitions',
    {
      summary:
        'Change the status of a mine through a lifecycle event (used by orders and acceptances). Needs a reason.',
      params: idParams,
      body: z.object({
        event: z.enum(MINE_STATUS_EVENTS as [MineStatusEvent, ...MineStatusEvent[]]),
        reason: z.string().min(1).max(2000),
        basis: z.string().max(200).nullable().optional(),
      }),
      response: mineTransitionResultSchema,
    },
    ({ principal, params, body }) => changeMineStatus(ports, principal, params.id, body),
  );
});
