/**
 * The registry's vocabulary: regions, enterprises and mines. Plain data, no behaviour.
 * Timestamps are ISO-8601 UTC strings; money in CNY; capacity in tonnes per year.
 */

import { valueList } from '../value-list.ts';

export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVELS = valueList('province', 'city', 'county');

export interface Region {
  /** Administrative division code, 6 digits (GB/T 2260 style), e.g. "520000". */
  id: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentId: string | null;
  /** Materialised path of ids from the root, e.g. "/520000/520200/520201/"; a descendant's path starts with it. */
  path: string;
}

export interface Enterprise {
  id: string;
  name: string;
  /** Unified social credit code (18 characters), when known. */
  creditCode: string | null;
  /** A group enterprise that owns this one, when any. */
  parentId: string | null;
}

export type GasClass = (typeof GAS_CLASSES)[number];
export const GAS_CLASSES = valueList('low', 'high', 'outburst');

export type MineStatus =
  'construction' | 'producing' | 'suspended' | 'resumption_review' | 'closing' | 'closed';
export const MINE_STATUSES: readonly MineStatus[] = [
  'construction',
  'producing',
  'suspended',
  'resumption_review',
  'closing',
  'closed',
];

export type MechanisationLevel = (typeof MECHANISATION_LEVELS)[number];
export const MECHANISATION_LEVELS = valueList('manual', 'partial', 'mechanised', 'intelligent');

/** Approved capacity below this is targeted by the closure programme (t/yr). */
export const SMALL_MINE_CAPACITY_T_PER_YEAR = 300_000;

export interface Mine {
  id: string;
  /** 12-digit national mine code, as in the upload file names. */
  code: string;
  name: string;
  regionId: string;
  enterpriseId: string | null;
  approvedCapacityTPerYear: number;
  gasClass: GasClass;
  hasGasControlCapability: boolean;
  gasControlEvidence: string | null;
  /** ISO date (YYYY-MM-DD) of the capability certification. */
  gasControlCertifiedOn: string | null;
  approvedMaxUnderground: number;
  /** Operator or trustee running the mine when it is not the owner (托管). */
  operator: string | null;
  licenceNumber: string | null;
  /** ISO date (YYYY-MM-DD) the safety production licence expires. */
  licenceValidUntil: string | null;
  mechanisation: MechanisationLevel;
  latitude: number | null;
  longitude: number | null;
  status: MineStatus;
  statusSince: string;
  createdAt: string;
  updatedAt: string;
}

/** The facts a regulator may edit. `status` is absent on purpose: it changes only through transitions. */
export type MineFacts = Omit<Mine, 'id' | 'status' | 'statusSince' | 'createdAt' | 'updatedAt'>;

export interface MineStatusChange {
  id: string;
  mineId: string;
  from: MineStatus;
  to: MineStatus;
  event: string;
  reason: string;
  /** Legal basis or document number (e.g. an order number), when given. */
  basis: string | null;
  actorId: string;
  at: string;
}
