import { z } from 'zod';
import { bulkAssign, listBulkCandidates, MAX_BULK_MINES } from '../../../core/supervision/bulk-assignment.ts';
import { routeModule } from '../../route-kit.ts';
import { assignmentCandidatesSchema, planBody } from './supervision.schemas.ts';
const id = z.string().min(1).max(100);

const bulkBody = z.object({
  mineIds: z.array(id).min(1).max(MAX_BULK_MINES),
  planTemplate: planBody.optional(),
  responsible: z
    .object({ name: z.string().max(100), position: z.string().max(100), phone: z.string().max(30) })
    .optional(),
  group: z.object({ leaderUserId: id, memberUserIds: z.array(id).max(30) }).optional(),
  leaderUserId: id.optional(),
});

const bulkResultSchema = z
  .object({
    mines: z.array(
      z.object({
        mineId: z.string(),
        parts: z.array(
          z.object({
            part: z.enum(['plan', 'responsible', 'group', 'leader']),
            ok: z.boolean(),
            code: z.string().nullable(),
          }),
        ),
      }),
    ),
    done: z.number().int(),
    refused: z.number().int(),
  })
  .meta({ id: 'BulkAssignmentResult' });

/** Bulk assignment: many mines, one plan template / responsible person / group / leader, one action. */
export const registerSupervisionBulkRoutes = routeModule(['supervision'], (route, { ports }) => {
  route.get(
    '/api/supervision/bulk-candidates',
    {
      summary: 'The leaders and group members a bulk assignment may name (their region meets yours).',
      response: assignmentCandidatesSchema,
    },
    ({ principal }) => listBulkCandidates(ports, principal),
  );

  route.post(
    '/api/supervision/bulk-assignments',
    {
      summary:
        'Assign a plan template, a responsible person, a group and a leader to many mines at once; each mine is audited and answered on its own.',
      body: bulkBody,
      response: bulkResultSchema,
    },
    ({ principal, body }) => bulkAssign(ports, principal, body),
  );
});
