import { z } from 'zod';
import { searchEverything } from '../../../core/search/global-search.ts';
import { routeModule } from '../../route-kit.ts';
import { fields } from '../../route-schemas.ts';

const searchResultsSchema = z.object({
  query: z.string(),
  mines: z.array(
    z.object({
      ...fields.strings('id', 'code', 'name', 'regionName', 'regionNameEn'),
    }),
  ),
  people: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['responsible', 'leader', 'group_member']),
      ...fields.strings('mineId', 'mineName'),
    }),
  ),
  hazards: z.array(
    z.object({
      ...fields.strings('id', 'title', 'mineName', 'state', 'grade'),
    }),
  ),
  orders: z.array(z.object({ id: z.string(), number: z.string(), kind: z.string(), status: z.string() })),
  cases: z.array(
    z.object({
      ...fields.strings('id', 'summary', 'mineName', 'type', 'status'),
    }),
  ),
});

/** GET /api/search: the top bar's search over mines, people, hazards, orders and cases, in your scope. */
export const registerSearchRoutes = routeModule(['search'], (route, { ports }) => {
  route.get(
    '/api/search',
    {
      summary:
        'Mines by code or name, people (responsible person, leader, group member) by name, hazards by title, orders by number and crackdown cases by summary or mine — grouped, at most 8 each, only within your scope.',
      query: z.object({ q: z.string().max(100).default('') }),
      response: searchResultsSchema,
    },
    ({ principal, query }) => searchEverything(ports, principal, query.q),
  );
});
