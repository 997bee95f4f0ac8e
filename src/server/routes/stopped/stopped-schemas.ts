import { z } from 'zod';
import { ALLOWANCE_KINDS, WATCH_SYSTEMS } from '../../../core/monitoring/stopped/stopped-allowances.ts';
import { MINE_STATUSES } from '../../../core/registry/types.ts';
import { fields } from '../../route-schemas.ts';

/** The response shapes of the stopped-mine routes (the API contract's one source, ADR 0014). */
const mineStatus = z.enum(MINE_STATUSES as unknown as [string, ...string[]]);

export const allowanceSchema = z.object({
  id: z.string(),
  kind: z.enum(ALLOWANCE_KINDS as unknown as [string, ...string[]]),
  ...fields.recordMine,
  state: z.enum(['declared', 'approved', 'rejected', 'superseded']),
  crewSize: z.number().int(),
  roles: z.array(z.string()),
  areaCodes: z.array(z.string()),
  systems: z.array(z.enum(WATCH_SYSTEMS as unknown as [string, ...string[]])),
  fromAt: z.string(),
  ...fields.nullableStrings('toAt', 'supervisor'),
  note: z.string(),
  ...fields.actStamp('declared', { timeFirst: true }),
  ...fields.actStamp('decided', { nullable: true, timeFirst: true }),
  decisionReason: z.string().nullable(),
});

export const mineAllowancesSchema = z.object({
  mine: z.object({ id: z.string(), code: z.string(), name: z.string(), status: mineStatus }),
  allowances: z.array(allowanceSchema),
});

export const complianceSchema = z.object({
  order: z.object({
    ...fields.strings('id', 'number', 'kind', 'status', 'effectiveAt'),
    evacuateBy: z.string().nullable(),
  }),
  deadline: z.string(),
  nowMs: z.number(),
  summary: z.object({
    mines: z.number().int(),
    clear: z.number().int(),
    evacuating: z.number().int(),
    overdue: z.number().int(),
    noData: z.number().int(),
    isAllClear: z.boolean(),
  }),
  mines: z.array(
    z.object({
      ...fields.strings('mineId', 'mineCode', 'mineName'),
      status: mineStatus,
      state: z.enum(['clear', 'evacuating', 'overdue', 'no_data']),
      underground: z.number().int(),
      beyondCrew: z.number().int(),
      crewAllowed: z.number().int(),
      productionOn: z.number().int(),
      productionPoints: z.number().int(),
      powerOn: z.number().int(),
      powerPoints: z.number().int(),
      /** Substations on AC mains (FZSS) and how many report a power state. */
      mainsFeeds: z.number().int(),
      feedsKnown: z.number().int(),
      ...fields.nullableNumbers('snapshotMs', 'timeLeftMs'),
      isCritical: z.boolean(),
    }),
  ),
});
