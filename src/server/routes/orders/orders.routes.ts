import { z } from 'zod';
import type { HazardStore } from '../../../core/hazards/hazards-ports.ts';
import {
  getOrder,
  issueOrder,
  listOrders,
  previewOrder,
  recordOrderNotice,
} from '../../../core/orders/order-use-cases.ts';
import { ORDER_KINDS, type OpenHazards, type OrderKind } from '../../../core/orders/orders-ports.ts';
import { listGasControlViolations, type ResumptionDeps } from '../../../core/orders/resumption-use-cases.ts';
import type { Ports } from '../../../core/ports.ts';
import { ORDER_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import { routeModule } from '../../route-kit.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { registerResumptionRoutes } from './resumptions.routes.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  gasViolationsSchema,
  issueOrderResultSchema,
  minePreviewSchema,
  orderDetailSchema,
  orderListItemSchema,
} from './orders.schemas.ts';

const orderFilters = z.object({
  status: z.enum(['scheduled', 'in_force', 'lifted', 'superseded']).optional(),
});

const orderBody = z.object({
  number: z.string().min(1).max(100),
  kind: z.enum(ORDER_KINDS as [OrderKind, ...OrderKind[]]),
  legalBasis: z.string().min(1).max(500),
  reason: z.string().min(1).max(2000),
  regionId: regionIdSchema.nullable().optional(),
  mineIds: z.array(z.string().min(1).max(100)).max(500).optional(),
  effectiveAt: z.string().max(40).nullable().optional(),
  /** Stop orders: minutes after the effective time by which everyone must be out (absent: at once). */
  evacuateWithinMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  /** The alarm the order is issued from; the alarm then shows the order. */
  alarmId: z.string().min(1).max(300).nullable().optional(),
});

/**
 * The hazards module's open-hazard count when its store provides one; otherwise null, and the
 * resumption checklist shows "hazard check not available", which blocks approval.
 */
export function openHazardsOf(ports: Ports): OpenHazards | null {
  const h = ports.hazards as Partial<HazardStore>;
  const list = h.list;
  if (typeof list !== 'function') return null;
  return { countOpen: async (mineId) => (await list.call(h, { mineId, openOnly: true }, 100_000)).length };
}

export function resumptionDeps(ports: Ports): ResumptionDeps {
  return { ...ports, openHazards: openHazardsOf(ports) };
}

export const registerOrderRoutes = routeModule(['orders'], (route, deps) => {
  const { ports } = deps;

  route.get(
    '/api/orders',
    {
      summary: 'Orders in or covering your scope, newest first.',
      query: orderFilters,
      response: z.object({ orders: z.array(orderListItemSchema) }),
    },
    async ({ principal, query }) => ({ orders: await listOrders(ports, principal, query) }),
  );

  route.listExport({
    url: '/api/orders/export',
    list: 'orders',
    filters: orderFilters,
    columns: ORDER_COLUMNS,
    load: async (p, f, limit) => (await listOrders(ports, p, f)).slice(0, limit),
  });

  route.post(
    '/api/orders/preview',
    {
      summary: 'The mines an order would affect now, and the ones it would not (with why). Writes nothing.',
      body: orderBody,
      response: z.object({ mines: z.array(minePreviewSchema), affected: z.number() }),
    },
    async ({ principal, body }) => {
      const mines = await previewOrder(ports, principal, body);
      return { mines, affected: mines.filter((m) => m.outcome === 'affected').length };
    },
  );

  route.post(
    '/api/orders',
    {
      summary:
        'Issue an order: stop_work (every mine of a region), suspend_mine, close_mine, lift. In force at once, or scheduled for its effective time.',
      body: orderBody,
      response: issueOrderResultSchema,
      status: 201,
    },
    ({ principal, body }) => issueOrder(ports, principal, body),
  );

  route.get(
    '/api/orders/gas-control-violations',
    {
      summary: 'High-gas and outburst mines without certified gas-control capability; producing ones first.',
      query: z.object({
        regionId: regionIdSchema.optional(),
      }),
      response: gasViolationsSchema,
    },
    ({ principal, query }) => listGasControlViolations(ports, principal, query.regionId),
  );

  registerResumptionRoutes(route.app, deps);
  registerCampaignRoutes(route.app, deps);

  route.get(
    '/api/orders/:id',
    {
      summary: 'One order with the mines it affected and the ones it left unaffected.',
      params: idParams,
      response: orderDetailSchema,
    },
    ({ principal, params }) => getOrder(ports, principal, params.id),
  );

  route.post(
    '/api/orders/:id/notice',
    {
      summary:
        'Record the public notice of a suspension or closure order (due within 5 working days of issue; a late one is flagged).',
      params: idParams,
      body: z.object({ noticeDate: z.string().max(10), noticeRef: z.string().min(1).max(500) }),
      response: orderDetailSchema,
    },
    ({ principal, params, body }) => recordOrderNotice(ports, principal, params.id, body),
  );
});
