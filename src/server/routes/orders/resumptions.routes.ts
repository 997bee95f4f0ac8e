import { z } from 'zod';
import {
  applyResumption,
  decideResumption,
  getResumption,
  listResumptions,
  recordPublicNotice,
  signChecklistItem,
} from '../../../core/orders/resumption-use-cases.ts';
import { routeModule } from '../../route-kit.ts';
import { resumptionDeps } from './orders.routes.ts';
import { idParams } from '../../route-schemas.ts';
import { resumptionViewSchema } from './orders.schemas.ts';

export const registerResumptionRoutes = routeModule(['orders'], (route, { ports }) => {
  const rd = () => resumptionDeps(ports);

  route.get(
    '/api/orders/resumptions',
    {
      summary: 'Resumption applications in your scope with their checklists.',
      response: z.object({ resumptions: z.array(resumptionViewSchema) }),
    },
    async ({ principal }) => ({ resumptions: await listResumptions(rd(), principal) }),
  );

  route.post(
    '/api/orders/resumptions',
    {
      summary:
        'A suspended mine applies for resumption acceptance (→ resumption_review; decision due in 20 days).',
      body: z.object({ mineId: z.string().min(1).max(100), note: z.string().max(2000).default('') }),
      response: z.object({ resumption: resumptionViewSchema }),
      status: 201,
    },
    async ({ principal, body }) => {
      const res = await applyResumption(rd(), principal, body.mineId, body.note);
      return { resumption: await getResumption(rd(), principal, res.id) };
    },
  );

  route.get(
    '/api/orders/resumptions/:id',
    {
      summary: 'One application: checklist, deadlines, notice.',
      params: idParams,
      response: z.object({ resumption: resumptionViewSchema }),
    },
    async ({ principal, params }) => ({ resumption: await getResumption(rd(), principal, params.id) }),
  );

  const resumptionStep = route.recordActions(
    '/api/orders/resumptions/:id',
    idParams,
    'resumption',
    resumptionViewSchema,
  );
  resumptionStep(
    'sign-offs',
    {
      summary:
        'Sign a manual checklist item (plan: regulator; group inspection: group member; sign-off: leader).',
      body: z.object({ item: z.string().min(1).max(60), note: z.string().max(2000).default('') }),
    },
    (p, { id }, body) => signChecklistItem(rd(), p, id, body),
  );
  resumptionStep(
    'decision',
    {
      summary:
        'Approve (→ producing; needs the complete checklist and the gas-control rule) or reject (→ suspended).',
      body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().min(1).max(2000) }),
    },
    (p, { id }, body) => decideResumption(rd(), p, id, body),
  );
  resumptionStep(
    'notice',
    {
      summary: 'Record the public notice of the decision (due within 5 working days).',
      body: z.object({ noticeDate: z.string().max(10), noticeRef: z.string().min(1).max(500) }),
    },
    (p, { id }, body) => recordPublicNotice(rd(), p, id, body),
  );
});
