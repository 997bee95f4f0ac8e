import { z } from 'zod';
import {
  confirmMonitoringHazard,
  dismissMonitoringHazard,
  listMonitoringHazardProposals,
} from '../../../core/hazards/monitoring-proposals.ts';
import { scopedMineFilter } from '../../../core/registry/mine-use-cases.ts';
import { itemsOf } from '../../route-schemas.ts';
import { routeModule } from '../../route-kit.ts';
import { regionIdQuery } from '../monitoring/monitoring-access.ts';
import { hazardSchema, monitoringHazardProposalSchema } from './hazards.schemas.ts';

const keyBody = { key: z.string().min(3).max(400) };

/** Major hazards proposed from monitoring evidence, for a regulator to confirm or dismiss (issue 12 step 6). */
export const registerMonitoringProposalRoutes = routeModule(['hazards'], (route, { ports }) => {
  route.get(
    '/api/hazards/monitoring-proposals',
    {
      summary:
        'Major hazards proposed by monitoring evidence (2020 criteria art. 5(2), 7(2), 18(6), 18(8), 4(6)), not yet decided, with the evidence.',
      query: z.object({ regionId: regionIdQuery }),
      response: itemsOf(monitoringHazardProposalSchema),
    },
    async ({ principal: p, query }) => {
      const scope = await scopedMineFilter(ports, p, query.regionId);
      return listMonitoringHazardProposals(ports, p, scope);
    },
  );

  route.post(
    '/api/hazards/monitoring-proposals/confirm',
    {
      summary:
        'Confirm a proposed major hazard: it is reported as a major hazard with the evidence attached.',
      body: z.object({ ...keyBody, note: z.string().max(2000).default('') }),
      response: z.object({ hazard: hazardSchema }),
      status: 201,
    },
    ({ principal, body }) => confirmMonitoringHazard(ports, principal, body),
  );

  route.post(
    '/api/hazards/monitoring-proposals/dismiss',
    {
      summary: 'Dismiss a proposed major hazard, with a reason.',
      body: z.object({ ...keyBody, reason: z.string().max(2000) }),
      response: z.object({ dismissed: z.string() }),
    },
    async ({ principal, body }) => {
      await dismissMonitoringHazard(ports, principal, body);
      return { dismissed: body.key };
    },
  );
});
