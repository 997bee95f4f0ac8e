import { z } from 'zod';
import {
  GAS_CLASSES,
  MECHANISATION_LEVELS,
  MINE_STATUSES,
  REGION_LEVELS,
  type GasClass,
  type MechanisationLevel,
  type Mine,
  type MineStatus,
  type Region,
  type RegionLevel,
} from '../../../core/registry/types.ts';
import { shaped } from '../../route-schemas.ts';

/** Answers of the registry routes and the registry pieces other modules' answers share. */

export const mineStatusSchema = z
  .enum(MINE_STATUSES as [MineStatus, ...MineStatus[]])
  .meta({ id: 'MineStatus' });
export const gasClassSchema = z.enum(GAS_CLASSES as [GasClass, ...GasClass[]]).meta({ id: 'GasClass' });
export const mechanisationSchema = z
  .enum(MECHANISATION_LEVELS as [MechanisationLevel, ...MechanisationLevel[]])
  .meta({ id: 'MechanisationLevel' });
export const regionLevelSchema = z
  .enum(REGION_LEVELS as [RegionLevel, ...RegionLevel[]])
  .meta({ id: 'RegionLevel' });

export const regionSchema = shaped<Region>()(
  z
    .object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      level: regionLevelSchema,
      parentId: z.string().nullable(),
      path: z.string(),
    })
    .meta({ id: 'Region' }),
);

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
