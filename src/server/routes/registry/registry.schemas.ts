import { z } from 'zod';
import {
  GAS_CLASSES,
  type MineStatusChange,
  MECHANISATION_LEVELS,
  MINE_STATUSES,
  REGION_LEVELS,
  type Mine,
  type MineStatus,
  type Region,
} from '../../../core/registry/types.ts';
import type { RegionDashboard } from '../../../core/registry/dashboard.ts';
import type { MineImportReport } from '../../../core/registry/mine-import.ts';
import type { MinePosition } from '../../../core/registry/mine-use-cases.ts';
import type { MineRow } from '../../../core/ports.ts';
import { component, namedEnum, shaped } from '../../route-schemas.ts';
import { auditEntrySchema } from '../session.schemas.ts';

/** Answers of the registry routes and the registry pieces other modules' answers share. */

export const mineStatusSchema = namedEnum(MINE_STATUSES, 'MineStatus');
export const gasClassSchema = namedEnum(GAS_CLASSES, 'GasClass');
export const mechanisationSchema = namedEnum(MECHANISATION_LEVELS, 'MechanisationLevel');
export const regionLevelSchema = namedEnum(REGION_LEVELS, 'RegionLevel');

export const regionSchema = component<Region>()('Region', {
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: regionLevelSchema,
  parentId: z.string().nullable(),
  path: z.string(),
});

export const mineFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionId: z.string(),
  enterpriseId: z.string().nullable(),
  approvedCapacityTPerYear: z.number(),
  gasClass: gasClassSchema,
  hasGasControlCapability: z.boolean(),
  gasControlEvidence: z.string().nullable(),
  gasControlCertifiedOn: z.string().nullable(),
  approvedMaxUnderground: z.number(),
  operator: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  licenceValidUntil: z.string().nullable(),
  mechanisation: mechanisationSchema,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: mineStatusSchema,
  statusSince: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const mineSchema = shaped<Mine>()(z.object(mineFields).meta({ id: 'Mine' }));

export const mineRowSchema = component<MineRow>()('MineRow', {
  ...mineFields,
  regionName: z.string(),
  regionNameEn: z.string(),
  regionPath: z.string(),
  enterpriseName: z.string().nullable(),
  licenceSuspension: z.object({ orderNumber: z.string(), since: z.string() }).nullable(),
});

export const minesPageSchema = z
  .object({ items: z.array(mineRowSchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .meta({ id: 'MinesResponse' });

export const mineDetailSchema = z
  .object({ mine: mineRowSchema, regionChain: z.array(regionSchema) })
  .meta({ id: 'MineResponse' });

const statusChangeFields = {
  id: z.string(),
  mineId: z.string(),
  from: mineStatusSchema,
  to: mineStatusSchema,
  event: z.string(),
  reason: z.string(),
  basis: z.string().nullable(),
  actorId: z.string(),
  at: z.string(),
};
export const mineStatusChangeSchema = shaped<MineStatusChange>()(
  z.object(statusChangeFields).meta({ id: 'MineStatusChange' }),
);

export const mineHistorySchema = z
  .object({
    statusChanges: z.array(z.object({ ...statusChangeFields, actorName: z.string() })),
    audit: z.array(auditEntrySchema),
  })
  .meta({ id: 'MineHistoryResponse' });

export const mineTransitionResultSchema = z
  .object({ mine: mineSchema, change: mineStatusChangeSchema })
  .meta({ id: 'MineTransitionResult' });

export const statusCountsSchema = z
  .object(Object.fromEntries(MINE_STATUSES.map((s) => [s, z.number()])) as Record<MineStatus, z.ZodNumber>)
  .meta({ id: 'StatusCounts' });

export const capacityBandSchema = z
  .enum(['lt300k', '300k_900k', '900k_3m', 'ge3m'])
  .meta({ id: 'CapacityBand' });

export const regionDashboardSchema = component<RegionDashboard>()('DashboardResponse', {
  region: regionSchema,
  totals: z.object({ mines: z.number(), capacityTPerYear: z.number(), smallMines: z.number() }),
  byStatus: statusCountsSchema,
  byGasClass: z.object({ low: z.number(), high: z.number(), outburst: z.number() }),
  capacityBands: z.array(z.object({ band: capacityBandSchema, count: z.number() })),
  byDistrict: z.array(
    z
      .object({
        region: regionSchema,
        total: z.number(),
        smallMines: z.number(),
        byStatus: statusCountsSchema,
      })
      .meta({ id: 'DistrictSummary' }),
  ),
  highGasWithoutCapability: z.number(),
});

const minePositionSchema = shaped<MinePosition>()(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: mineStatusSchema,
    gasClass: gasClassSchema,
    approvedCapacityTPerYear: z.number(),
    regionId: z.string(),
    regionName: z.string(),
    latitude: z.number(),
    longitude: z.number(),
  }),
);

export const mapMinesSchema = z
  .object({
    mines: z.array(
      minePositionSchema
        .extend({ alarmPriority: z.string().nullable(), openAlarms: z.number() })
        .meta({ id: 'MapMine' }),
    ),
    withoutPosition: z.number(),
  })
  .meta({ id: 'MapMinesResponse' });

const importRowErrorSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });

export const mineImportReportSchema = component<MineImportReport>()('MineImportReport', {
  rows: z.number(),
  imported: z.number(),
  rejected: z.number(),
  results: z.array(
    z.union([
      z.object({ row: z.number(), ok: z.literal(true), mineId: z.string(), code: z.string() }),
      z.object({ row: z.number(), ok: z.literal(false), errors: z.array(importRowErrorSchema) }),
    ]),
  ),
});
