import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applyResumption,
  decideResumption,
  getResumption,
  listResumptions,
  recordPublicNotice,
  signChecklistItem,
} from '../../../core/orders/resumption-use-cases.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { resumptionDeps } from './orders.routes.ts';
import { idParams } from '../../route-schemas.ts';
import { resumptionViewSchema } from './orders.schemas.ts';

export function registerResumptionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rd = () => resumptionDeps(deps.ports);

  r.get(
    '/api/orders/resumptions',
    {
      schema: {
        tags: ['orders'],
        summary: 'Resumption applications in your scope with their checklists.',
        response: { 200: z.object({ resumptions: z.array(resumptionViewSchema) }) },
      },
    },
    async (req) => ({ resumptions: await listResumptions(rd(), principalOf(req)) }),
  );

  r.post(
    '/api/orders/resumptions',
    {
      schema: {
        tags: ['orders'],
        summary:
          'A suspended mine applies for resumption acceptance (→ resumption_review; decision due in 20 days).',
        body: z.object({ mineId: z.string().min(1).max(100), note: z.string().max(2000).default('') }),
        response: { 201: z.object({ resumption: resumptionViewSchema }) },
      },
    },
    async (req, reply) => {
      const res = await applyResumption(rd(), principalOf(req), req.body.mineId, req.body.note);
      return reply.status(201).send({ resumption: await getResumption(rd(), principalOf(req), res.id) });
    },
  );

  r.get(
    '/api/orders/resumptions/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'One application: checklist, deadlines, notice.',
        params: idParams,
        response: { 200: z.object({ resumption: resumptionViewSchema }) },
      },
    },
    async (req) => ({ resumption: await getResumption(rd(), principalOf(req), req.params.id) }),
  );

  r.post(
    '/api/orders/resumptions/:id/sign-offs',
    {
      schema: {
        tags: ['orders'],
        summary:
          'Sign a manual checklist item (plan: regulator; group inspection: group member; sign-off: leader).',
        params: idParams,
        body: z.object({ item: z.string().min(1).max(60), note: z.string().max(2000).default('') }),
        response: { 200: z.object({ resumption: resumptionViewSchema }) },
      },
    },
    async (req) => ({ resumption: await signChecklistItem(rd(), principalOf(req), req.params.id, req.body) }),
  );

  r.post(
    '/api/orders/resumptions/:id/decision',
    {
      schema: {
        tags: ['orders'],
        summary:
          'Approve (→ producing; needs the complete checklist and the gas-control rule) or reject (→ suspended).',
        params: idParams,
        body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().min(1).max(2000) }),
        response: { 200: z.object({ resumption: resumptionViewSchema }) },
      },
    },
    async (req) => {
      const resumption = await decideResumption(rd(), principalOf(req), req.params.id, req.body);
      return { resumption };
    },
  );

  r.post(
    '/api/orders/resumptions/:id/notice',
    {
      schema: {
        tags: ['orders'],
        summary: 'Record the public notice of the decision (due within 5 working days).',
        params: idParams,
        body: z.object({ noticeDate: z.string().max(10), noticeRef: z.string().min(1).max(500) }),
        response: { 200: z.object({ resumption: resumptionViewSchema }) },
      },
    },
    async (req) => ({
      resumption: await recordPublicNotice(rd(), principalOf(req), req.params.id, req.body),
    }),
  );
}
