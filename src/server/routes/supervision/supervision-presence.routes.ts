import { z } from 'zod';
import {
  getLeaderShifts,
  setPositioningCard,
  type LeaderShiftsView,
} from '../../../core/supervision/presence-use-cases.ts';
import { routeModule } from '../../route-kit.ts';
import { component, fields, mineParams } from '../../route-schemas.ts';

const leaderShiftsSchema = component<LeaderShiftsView>()('LeaderShifts', {
  shiftStartHoursCst: z.array(z.number().int()),
  ...fields.numbers('fromMs', 'toMs'),
  shifts: z.array(
    z.object({
      ...fields.numbers('startMs', 'endMs'),
      people: z.number().int(),
      leaders: z.number().int(),
      leaderless: z.boolean(),
    }),
  ),
  leaderless: z.number().int(),
});

/** What the personnel positioning data says of supervision: mine leaders' shifts underground, visitors' cards. */
export const registerSupervisionPresenceRoutes = routeModule(['supervision'], (route, { ports }) => {
  route.get(
    '/api/supervision/mines/:mineId/leader-shifts',
    {
      summary:
        "The mine's shifts of the last seven days (三八制, CST) from its positioning data: people underground, mine leaders among them, and the shifts without one (矿领导带班下井).",
      params: mineParams,
      response: leaderShiftsSchema,
    },
    ({ principal, params }) => getLeaderShifts(ports, principal, params.mineId),
  );

  route.post(
    '/api/supervision/users/:userId/card',
    {
      summary:
        'Record the personnel positioning card a leader or group member carries, which confirms (or not) their visits underground.',
      params: z.object({ userId: z.string().min(1).max(100) }),
      body: z.object({ cardCode: z.string().max(40) }),
      response: z.object({ userId: z.string(), cardCode: z.string() }),
    },
    ({ principal, params, body }) => setPositioningCard(ports, principal, params.userId, body.cardCode),
  );
});
