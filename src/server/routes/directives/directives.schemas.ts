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
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';

/** Answers of the directives routes (named components of the OpenAPI document). */

export const directiveKindSchema = namedEnum(DIRECTIVE_KINDS, 'DirectiveKind');

const directiveFields = {
  id: z.string(),
  kind: directiveKindSchema,
  ...fields.strings('title', 'body'),
  ...fields.nullableStrings('accidentId', 'causeSummary', 'correctsId', 'regionId'),
  ...fields.strings('regionPath', 'deadline'),
  isReplyRequired: z.boolean(),
  ...fields.strings('issuerId', 'issuerName', 'issuedAt'),
};

export const directiveSchema = shaped<Directive>()(z.object(directiveFields).meta({ id: 'Directive' }));

const countsFields = {
  ...fields.numbers('total', 'read', 'replied', 'done', 'doneLate', 'outstanding', 'late', 'visitRequested'),
};
export const progressCountsSchema = shaped<ProgressCounts>()(
  z.object(countsFields).meta({ id: 'ProgressCounts' }),
);

export const directiveListItemSchema = shaped<DirectiveListItem>()(
  z.object({ ...directiveFields, progress: progressCountsSchema }).meta({ id: 'DirectiveListItem' }),
);

const recipientFields = {
  ...fields.strings('directiveId', 'mineId', 'mineName', 'regionId', 'regionName', 'regionPath'),
  state: z.enum(['unread', 'read', 'replied']),
  ...fields.actStamp('read', { nullable: true, timeFirst: true }),
  ...fields.nullableStrings('repliedAt', 'replyText', 'replyById', 'replyByName'),
  ...fields.actStamp('visitRequested', { nullable: true, timeFirst: true }),
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
