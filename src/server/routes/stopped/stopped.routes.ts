import { z } from 'zod';
import {
  ALLOWANCE_KINDS,
  WATCH_SYSTEMS,
  type AllowanceKind,
  type WatchSystem,
} from '../../../core/monitoring/stopped/stopped-allowances.ts';
import {
  declareAllowance,
  decideMineAllowance,
  listMineAllowances,
} from '../../../core/monitoring/stopped/stopped-use-cases.ts';
import { getOrderCompliance } from '../../../core/orders/order-compliance.ts';
import { idParams } from '../../route-schemas.ts';
import { routeModule } from '../../route-kit.ts';
import { allowanceSchema, complianceSchema, mineAllowancesSchema } from './stopped-schemas.ts';

const shortText = z.string().min(1).max(100);

const declareBody = z.object({
  kind: z.enum(ALLOWANCE_KINDS as [AllowanceKind, ...AllowanceKind[]]),
  crewSize: z.number().int(),
  roles: z.array(shortText).max(50),
  areaCodes: z.array(shortText).max(200),
  systems: z
    .array(z.enum(WATCH_SYSTEMS as [WatchSystem, ...WatchSystem[]]))
    .max(3)
    .optional(),
  fromAt: z.string().max(40).nullable().optional(),
  toAt: z.string().max(40).nullable().optional(),
  supervisor: z.string().max(100).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).nullable().optional(),
});

/**
 * Stopped means stopped (ADR 0014): watch crews of suspended mines, dismantling windows of closing mines
 * (declared by the mine, approved by a regulator who did not declare), and a stop order's compliance view.
 */
export const registerStoppedRoutes = routeModule(['stopped'], (route, { ports, monitoring }) => {
  route.get(
    '/api/mines/:id/stopped-allowances',
    {
      summary: "A mine's declared watch crews and dismantling windows, newest first, with their approval.",
      params: idParams,
      response: mineAllowancesSchema,
    },
    ({ principal, params }) => listMineAllowances(ports, principal, params.id),
  );

  route.recordActions(
    '/api/mines/:id',
    idParams,
    'allowance',
    allowanceSchema,
  )(
    'stopped-allowances',
    {
      summary:
        'Declare a watch crew (suspended mine: size, roles, areas, systems kept running) or a dismantling window (closing mine: from, to, areas, crew, supervisor). Allowed only once a regulator approves it.',
      body: declareBody,
      status: 201,
    },
    (p, { id }, body) => declareAllowance(ports, p, id, body),
  );

  route.recordActions(
    '/api/stopped-allowances/:id',
    idParams,
    'allowance',
    allowanceSchema,
  )(
    'decision',
    {
      summary:
        'Approve or reject a declared watch crew or dismantling window (a regulator who did not declare it). Monitoring judges the mine against it at once.',
      body: decisionBody,
    },
    async (p, { id }, body) => {
      const allowance = await decideMineAllowance(ports, p, id, body.decision, body.reason ?? null);
      await monitoring?.view.refreshMine(allowance.mineId);
      return allowance;
    },
  );

  route.get(
    '/api/orders/:id/compliance',
    {
      tags: ['orders'],
      summary:
        "A stop order's compliance view: for each mine it stopped, people still underground beyond the watch crew, production signals, power state and time left to the evacuation deadline; overdue (critical) only after it.",
      params: idParams,
      response: complianceSchema,
    },
    ({ principal, params }) => getOrderCompliance(ports, principal, params.id),
  );
});
