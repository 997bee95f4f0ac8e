import { z } from 'zod';
import {
  readDirective,
  replyDirective,
  requestVisits,
} from '../../../core/directives/directive-response-use-cases.ts';
import {
  getDirective,
  issueDirective,
  listDirectives,
} from '../../../core/directives/directive-use-cases.ts';
import { DIRECTIVE_KINDS, type DirectiveKind } from '../../../core/directives/directives-ports.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  directiveDetailSchema,
  directiveListItemSchema,
  directiveSchema,
  recipientSchema,
} from './directives.schemas.ts';

const issueBody = z.object({
  kind: z.enum(DIRECTIVE_KINDS as [DirectiveKind, ...DirectiveKind[]]),
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(20_000),
  deadline: z.string().min(1).max(40),
  isReplyRequired: z.boolean(),
  regionId: regionIdSchema.nullable().optional(),
  mineIds: z.array(z.string().min(1).max(100)).max(2000).optional(),
  accidentId: z.string().max(100).nullable().optional(),
  causeSummary: z.string().max(5000).nullable().optional(),
  correctsId: z.string().max(100).nullable().optional(),
});

/** Directives and accident warning notices (通知、事故警示通报) with read-back (回执) and replies. */
export const registerDirectiveRoutes = routeModule(['directives'], (route, { ports, monitoring }) => {
  route.get(
    '/api/directives',
    {
      summary:
        'Notices reaching your scope, newest first, with read-back counts over the mines in your scope.',
      response: z.object({ directives: z.array(directiveListItemSchema) }),
    },
    async ({ principal }) => ({ directives: await listDirectives(ports, principal) }),
  );

  route.post(
    '/api/directives',
    {
      summary:
        'Issue a directive or accident warning notice to every non-closed mine of a region, or to named mines. Immutable once issued; a correction is a new notice with correctsId.',
      body: issueBody,
      response: z.object({ directive: directiveSchema, recipients: z.number() }),
      status: 201,
    },
    async ({ principal, body }) => {
      const issued = await issueDirective(ports, principal, body);
      // The recipients' bells ring at once (the live feed's notification hint; ADR 0019).
      monitoring?.hub.publish({
        kind: 'notifications',
        mineId: null,
        regionPath: issued.directive.regionPath,
      });
      return issued;
    },
  );

  route.get(
    '/api/directives/:id',
    {
      summary:
        'One notice with, for the mines in your scope, who has read, replied and who is late — per district and per mine.',
      params: idParams,
      response: directiveDetailSchema,
    },
    ({ principal, params }) => getDirective(ports, principal, params.id),
  );

  route.recordActions(
    '/api/directives/:id',
    idParams,
    'recipient',
    recipientSchema,
  )(
    'read',
    { summary: "Your mine's read-back (回执): confirms the mine's safety officer has read the notice." },
    (p, { id }) => readDirective(ports, p, id),
  );

  route.post(
    '/api/directives/:id/reply',
    {
      summary:
        "Your mine's written reply (e.g. its self-inspection against the accident's cause). Once only.",
      params: idParams,
      body: z.object({ text: z.string().min(1).max(20_000) }),
      response: z.object({ recipient: recipientSchema }),
    },
    async ({ principal, params, body }) => ({
      recipient: await replyDirective(ports, principal, params.id, body),
    }),
  );

  route.post(
    '/api/directives/:id/visit-requests',
    {
      summary:
        'Puts the late mines in your scope (all, or those named) on the visit list, recording who and when.',
      params: idParams,
      body: z.object({ mineIds: z.array(z.string().min(1).max(100)).max(2000).optional() }).optional(),
      response: z.object({ requested: z.array(z.string()) }),
    },
    ({ principal, params, body }) => requestVisits(ports, principal, params.id, body ?? {}),
  );
});
