import { z } from 'zod';
import type { MineProgress } from '../../../core/orders/campaign-use-cases.ts';
import type { DecisionDeadline, NoticeDeadline } from '../../../core/orders/order-rules.ts';
import type { IssueOrderResult, MinePreview } from '../../../core/orders/order-use-cases.ts';
import * as OrderTypes from '../../../core/orders/orders-ports.ts';
import { DETAIL_CODES, type ChecklistItemResult } from '../../../core/orders/resumption-checklist.ts';
import type { ResumptionActions } from '../../../core/orders/resumption-actions.ts';
import type { ResumptionView } from '../../../core/orders/resumption-use-cases.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';
import { gasClassSchema, mineStatusSchema } from '../registry/registry.schemas.ts';
import { roleSchema } from '../session.schemas.ts';

/** Answers of the orders, resumption and campaign routes. */

export const orderKindSchema = namedEnum(OrderTypes.ORDER_KINDS, 'OrderKind');
export const orderStatusSchema = z
  .enum(['scheduled', 'in_force', 'lifted', 'superseded'])
  .meta({ id: 'OrderStatus' });

export const orderSchema = component<OrderTypes.Order>()('Order', {
  ...fields.strings('id', 'number'),
  kind: orderKindSchema,
  ...fields.strings('issuerId', 'issuerName', 'legalBasis', 'reason'),
  regionId: z.string().nullable(),
  regionPath: z.string(),
  mineIds: z.array(z.string()),
  effectiveAt: z.string(),
  evacuateBy: z.string().nullable(),
  status: orderStatusSchema,
  createdAt: z.string(),
  ...fields.nullableStrings('appliedAt', 'endedAt', 'noticeDate', 'noticeRef'),
});

const orderMineFields = {
  orderId: z.string(),
  ...fields.recordMine,
  outcome: z.enum(['affected', 'unaffected']),
  fromStatus: mineStatusSchema,
  note: z.string(),
  liftedAt: z.string().nullable(),
};
export const orderMineSchema = shaped<OrderTypes.OrderMine>()(
  z.object(orderMineFields).meta({ id: 'OrderMine' }),
);

export const issueOrderResultSchema = shaped<IssueOrderResult>()(
  z
    .object({ order: orderSchema, mines: z.array(orderMineSchema), affectedMineIds: z.array(z.string()) })
    .meta({ id: 'IssueOrderResult' }),
);

export const minePreviewSchema = component<MinePreview>()('MinePreview', {
  ...fields.recordMine,
  status: z.string(),
  outcome: z.enum(['affected', 'unaffected']),
  note: z.string(),
});

export const gasViolationsSchema = z
  .object({
    items: z.array(
      z
        .object({
          ...fields.strings('mineId', 'name', 'code', 'regionName'),
          gasClass: gasClassSchema,
          status: mineStatusSchema,
          producingIllegally: z.boolean(),
        })
        .meta({ id: 'GasViolation' }),
    ),
    producing: z.number(),
  })
  .meta({ id: 'GasViolations' });

export const checklistItemSchema = component<ChecklistItemResult>()('ChecklistItem', {
  ...fields.strings('id', 'label'),
  how: z.enum(['auto', 'sign', 'decide']),
  roles: z.array(roleSchema).readonly(),
  done: z.boolean(),
  detail: z.string(),
  detailCode: z.enum(DETAIL_CODES),
  detailParams: z.record(z.string(), z.union([z.string(), z.number()])),
  signedBy: z.object({ name: z.string(), role: z.string(), at: z.string(), note: z.string() }).nullable(),
  source: z.string(),
});

const decisionDeadlineSchema = shaped<DecisionDeadline>()(
  z.object({ dueOn: z.string(), daysLeft: z.number(), overdue: z.boolean() }),
);
const noticeDeadlineSchema = shaped<NoticeDeadline>()(
  z
    .object({ dueOn: z.string(), recordedOn: z.string().nullable(), late: z.boolean() })
    .meta({ id: 'NoticeDeadline' }),
);

/** An order in the list, with its public-notice deadline (null when none is needed). */
export const orderListItemSchema = orderSchema
  .extend({ notice: noticeDeadlineSchema.nullable() })
  .meta({ id: 'OrderListItem' });

/** `OrderDetail` (its mine rows are an intersection `shaped` cannot compare). */
export const orderDetailSchema = z
  .object({
    order: orderSchema,
    mines: z.array(
      z.object({ ...orderMineFields, mineCode: z.string(), licenceSuspendedByThis: z.boolean() }),
    ),
    notice: noticeDeadlineSchema.nullable(),
  })
  .meta({ id: 'OrderDetail' });

export const resumptionViewSchema = component<ResumptionView>()('ResumptionView', {
  id: z.string(),
  ...fields.recordMine,
  gasClass: gasClassSchema,
  ...fields.actStamp('applied', { timeFirst: true }),
  status: z.enum(['pending', 'approved', 'rejected']),
  ...fields.actStamp('decided', { nullable: true, timeFirst: true }),
  ...fields.nullableStrings('decisionReason', 'noticeDate', 'noticeRef'),
  resumesTo: z.enum(['producing', 'construction']),
  mineCode: z.string(),
  checklist: z.array(checklistItemSchema),
  openItems: z.array(z.string()),
  currentStep: z.object({ id: z.string(), roles: z.array(z.string()).readonly() }).nullable(),
  decision: decisionDeadlineSchema,
  notice: noticeDeadlineSchema.nullable(),
  actions: shaped<ResumptionActions>()(
    z.object({
      sign: z.string().nullable(),
      ...fields.booleans('approve', 'reject', 'waitingForChecks'),
    }),
  ),
});

export const campaignSchema = component<OrderTypes.Campaign>()('Campaign', {
  ...fields.strings('id', 'name', 'regionId', 'regionPath', 'startsOn', 'endsOn'),
  items: z.array(z.object({ id: z.string(), text: z.string(), dueOn: z.string() })),
  ...fields.actStamp('created'),
});

export const campaignMarkSchema = component<OrderTypes.CampaignMark>()('CampaignMark', {
  ...fields.strings('campaignId', 'mineId', 'itemId'),
  done: z.boolean(),
  ...fields.strings('byId', 'byName', 'at', 'note'),
});

export const mineProgressSchema = component<MineProgress>()('CampaignMineProgress', {
  ...fields.strings('mineId', 'mineCode', 'mineName', 'regionId', 'regionName'),
  items: z.array(
    z.object({
      itemId: z.string(),
      done: z.boolean(),
      ...fields.nullableStrings('by', 'at'),
      overdue: z.boolean(),
    }),
  ),
  ...fields.numbers('done', 'overdue'),
});

export const campaignProgressSchema = z
  .object({ campaign: campaignSchema, mines: z.array(mineProgressSchema) })
  .meta({ id: 'CampaignProgress' });

export const campaignReportSchema = z
  .object({
    campaign: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
    districts: z.array(
      z.object({
        ...fields.strings('regionId', 'regionName'),
        ...fields.numbers('minesDone', 'minesTotal', 'itemsOverdue'),
      }),
    ),
  })
  .meta({ id: 'CampaignReport' });
