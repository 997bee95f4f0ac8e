import { z } from 'zod';
import type { DirectiveListItem } from '../../../core/directives/directive-use-cases.ts';
import type {
  DirectiveProgress,
  DistrictProgress,
  ProgressCounts,
  RecipientView,
} from '../../../core/directives/directive-progress.ts';
import {
  DIRECTIVE_KINDS,
  type Directive,
  type DirectiveRecipient,
} from '../../../core/directives/directives-ports.ts';
import { actStampFields, component, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the directives routes (named components of the OpenAPI document). */

export const directiveKindSchema = namedEnum(DIRECTIVE_KINDS, 'DirectiveKind');

const directiveFields = {
  id: z.string(),
  kind: directiveKindSchema,
  title: z.string(),
  body: z.string(),
  accidentId: z.string().nullable(),
  causeSummary: z.string().nullable(),
  correctsId: z.string().nullable(),
  regionId: z.string().nullable(),
  regionPath: z.string(),
  deadline: z.string(),
  isReplyRequired: z.boolean(),
  issuerId: z.string(),
  issuerName: z.string(),
  issuedAt: z.string(),
};

export const directiveSchema = shaped<Directive>()(z.object(directiveFields).meta({ id: 'Directive' }));

const countsFields = {
  total: z.number(),
  read: z.number(),
  replied: z.number(),
  done: z.number(),
  doneLate: z.number(),
  outstanding: z.number(),
  late: z.number(),
  visitRequested: z.number(),
};
export const progressCountsSchema = shaped<ProgressCounts>()(
  z.object(countsFields).meta({ id: 'ProgressCounts' }),
);

export const directiveListItemSchema = shaped<DirectiveListItem>()(
  z.object({ ...directiveFields, progress: progressCountsSchema }).meta({ id: 'DirectiveListItem' }),
);

const recipientFields = {
  directiveId: z.string(),
  mineId: z.string(),
  mineName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  regionPath: z.string(),
  state: z.enum(['unread', 'read', 'replied']),
  ...actStampFields('read', { nullable: true, timeFirst: true }),
  repliedAt: z.string().nullable(),
  replyText: z.string().nullable(),
  replyById: z.string().nullable(),
  replyByName: z.string().nullable(),
  ...actStampFields('visitRequested', { nullable: true, timeFirst: true }),
};
export const recipientSchema = shaped<DirectiveRecipient>()(
  z.object(recipientFields).meta({ id: 'DirectiveRecipient' }),
);

export const recipientOutcomeSchema = z
  .enum(['done', 'done_late', 'outstanding', 'late'])
  .meta({ id: 'RecipientOutcome' });

export const recipientViewSchema = shaped<RecipientView>()(
  z.object({ ...recipientFields, outcome: recipientOutcomeSchema }).meta({ id: 'RecipientView' }),
);

export const districtProgressSchema = shaped<DistrictProgress>()(
  z
    .object({ ...countsFields, regionId: z.string(), regionName: z.string() })
    .meta({ id: 'DistrictProgress' }),
);

export const directiveProgressSchema = component<DirectiveProgress>()('DirectiveProgress', {
  totals: progressCountsSchema,
  districts: z.array(districtProgressSchema),
  mines: z.array(recipientViewSchema),
});

export const directiveDetailSchema = z
  .object({
    directive: directiveSchema,
    progress: directiveProgressSchema,
    corrections: z.array(directiveSchema),
  })
  .meta({ id: 'DirectiveDetail' });
