import { z } from 'zod';
import type { MineProgress } from '../../../core/orders/campaign-use-cases.ts';
import type { DecisionDeadline, NoticeDeadline } from '../../../core/orders/order-rules.ts';
import type { IssueOrderResult, MinePreview } from '../../../core/orders/order-use-cases.ts';
import {
  ORDER_KINDS,
  type Campaign,
  type CampaignMark,
  type Order,
  type OrderMine,
} from '../../../core/orders/orders-ports.ts';
import { DETAIL_CODES, type ChecklistItemResult } from '../../../core/orders/resumption-checklist.ts';
import type { ResumptionActions } from '../../../core/orders/resumption-actions.ts';
import type { ResumptionView } from '../../../core/orders/resumption-use-cases.ts';
import { actStampFields, component, namedEnum, recordMineFields, shaped } from '../../route-schemas.ts';
import { gasClassSchema, mineStatusSchema } from '../registry/registry.schemas.ts';
import { roleSchema } from '../session.schemas.ts';

/** Answers of the orders, resumption and campaign routes. */

export const orderKindSchema = namedEnum(ORDER_KINDS, 'OrderKind');
export const orderStatusSchema = z
  .enum(['scheduled', 'in_force', 'lifted', 'superseded'])
  .meta({ id: 'OrderStatus' });

export const orderSchema = component<Order>()('Order', {
  id: z.string(),
  number: z.string(),
  kind: orderKindSchema,
  issuerId: z.string(),
  issuerName: z.string(),
  legalBasis: z.string(),
  reason: z.string(),
  regionId: z.string().nullable(),
  regionPath: z.string(),
  mineIds: z.array(z.string()),
  effectiveAt: z.string(),
  evacuateBy: z.string().nullable(),
  status: orderStatusSchema,
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  noticeDate: z.string().nullable(),
  noticeRef: z.string().nullable(),
});

const orderMineFields = {
  orderId: z.string(),
  ...recordMineFields,
  outcome: z.enum(['affected', 'unaffected']),
  fromStatus: mineStatusSchema,
  note: z.string(),
  liftedAt: z.string().nullable(),
};
export const orderMineSchema = shaped<OrderMine>()(z.object(orderMineFields).meta({ id: 'OrderMine' }));

export const issueOrderResultSchema = shaped<IssueOrderResult>()(
  z
    .object({ order: orderSchema, mines: z.array(orderMineSchema), affectedMineIds: z.array(z.string()) })
    .meta({ id: 'IssueOrderResult' }),
);

export const minePreviewSchema = component<MinePreview>()('MinePreview', {
  ...recordMineFields,
  status: z.string(),
  outcome: z.enum(['affected', 'unaffected']),
  note: z.string(),
});

export const gasViolationsSchema = z
  .object({
    items: z.array(
      z
        .object({
          mineId: z.string(),
          name: z.string(),
          code: z.string(),
          regionName: z.string(),
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
  id: z.string(),
  label: z.string(),
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
  ...recordMineFields,
  gasClass: gasClassSchema,
  ...actStampFields('applied', { timeFirst: true }),
  status: z.enum(['pending', 'approved', 'rejected']),
  ...actStampFields('decided', { nullable: true, timeFirst: true }),
  decisionReason: z.string().nullable(),
  noticeDate: z.string().nullable(),
  noticeRef: z.string().nullable(),
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
      approve: z.boolean(),
      reject: z.boolean(),
      waitingForChecks: z.boolean(),
    }),
  ),
});

export const campaignSchema = component<Campaign>()('Campaign', {
  id: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionPath: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  items: z.array(z.object({ id: z.string(), text: z.string(), dueOn: z.string() })),
  ...actStampFields('created'),
});

export const campaignMarkSchema = component<CampaignMark>()('CampaignMark', {
  campaignId: z.string(),
  mineId: z.string(),
  itemId: z.string(),
  done: z.boolean(),
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
  note: z.string(),
});

export const mineProgressSchema = component<MineProgress>()('CampaignMineProgress', {
  mineId: z.string(),
  mineCode: z.string(),
  mineName: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  items: z.array(
    z.object({
      itemId: z.string(),
      done: z.boolean(),
      by: z.string().nullable(),
      at: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  done: z.number(),
  overdue: z.number(),
});

export const campaignProgressSchema = z
  .object({ campaign: campaignSchema, mines: z.array(mineProgressSchema) })
  .meta({ id: 'CampaignProgress' });

export const campaignReportSchema = z
  .object({
    campaign: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
    districts: z.array(
      z.object({
        regionId: z.string(),
        regionName: z.string(),
        minesDone: z.number(),
        minesTotal: z.number(),
        itemsOverdue: z.number(),
      }),
    ),
  })
  .meta({ id: 'CampaignReport' });
