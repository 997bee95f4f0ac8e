import { z } from 'zod';
import * as RegistryTypes from '../../../core/registry/types.ts';
import type { RegionDashboard } from '../../../core/registry/dashboard.ts';
import type { MineImportReport } from '../../../core/registry/mine-import.ts';
import type { MinePosition } from '../../../core/registry/mine-use-cases.ts';
import type { MineRow } from '../../../core/ports.ts';
import { component, fields, namedEnum, shaped } from '../../route-schemas.ts';
import { auditEntrySchema } from '../session.schemas.ts';

/** Answers of the registry routes and the registry pieces other modules' answers share. */

export const mineStatusSchema = namedEnum(RegistryTypes.MINE_STATUSES, 'MineStatus');
export const gasClassSchema = namedEnum(RegistryTypes.GAS_CLASSES, 'GasClass');
export const mechanisationSchema = namedEnum(RegistryTypes.MECHANISATION_LEVELS, 'MechanisationLevel');
export const regionLevelSchema = namedEnum(RegistryTypes.REGION_LEVELS, 'RegionLevel');

export const regionSchema = component<RegistryTypes.Region>()('Region', {
  ...fields.strings('id', 'name', 'nameEn'),
  level: regionLevelSchema,
  parentId: z.string().nullable(),
  path: z.string(),
});

export const mineFields = {
  ...fields.strings('id', 'code', 'name', 'regionId'),
  enterpriseId: z.string().nullable(),
  approvedCapacityTPerYear: z.number(),
  gasClass: gasClassSchema,
  hasGasControlCapability: z.boolean(),
  ...fields.nullableStrings('gasControlEvidence', 'gasControlCertifiedOn'),
  approvedMaxUnderground: z.number(),
  ...fields.nullableStrings('operator', 'licenceNumber', 'licenceValidUntil'),
  mechanisation: mechanisationSchema,
  ...fields.nullableNumbers('latitude', 'longitude'),
  status: mineStatusSchema,
  ...fields.strings('statusSince', 'createdAt', 'updatedAt'),
};

export const mineSchema = shaped<RegistryTypes.Mine>()(z.object(mineFields).meta({ id: 'Mine' }));

export const mineRowSchema = component<MineRow>()('MineRow', {
  ...mineFields,
  ...fields.strings('regionName', 'regionNameEn', 'regionPath'),
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
  ...fields.strings('id', 'mineId'),
  from: mineStatusSchema,
  to: mineStatusSchema,
  ...fields.strings('event', 'reason'),
  basis: z.string().nullable(),
  ...fields.strings('actorId', 'at'),
};
export const mineStatusChangeSchema = shaped<RegistryTypes.MineStatusChange>()(
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
  .object(fields.numbers(...RegistryTypes.MINE_STATUSES))
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
        ...fields.numbers('total', 'smallMines'),
        byStatus: statusCountsSchema,
      })
      .meta({ id: 'DistrictSummary' }),
  ),
  highGasWithoutCapability: z.number(),
});

const minePositionSchema = shaped<MinePosition>()(
  z.object({
    ...fields.strings('id', 'code', 'name'),
    status: mineStatusSchema,
    gasClass: gasClassSchema,
    approvedCapacityTPerYear: z.number(),
    ...fields.strings('regionId', 'regionName'),
    ...fields.numbers('latitude', 'longitude'),
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
  ...fields.numbers('rows', 'imported', 'rejected'),
  results: z.array(
    z.union([
      z.object({ row: z.number(), ok: z.literal(true), mineId: z.string(), code: z.string() }),
      z.object({ row: z.number(), ok: z.literal(false), errors: z.array(importRowErrorSchema) }),
    ]),
  ),
});
