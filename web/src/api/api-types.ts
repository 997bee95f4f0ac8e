/**
 * The shapes the web UI reads from the HTTP API. The UI talks to the server over HTTP only,
 * so these mirror the JSON contract rather than importing server or core types.
 */

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

export type GasClass = 'low' | 'high' | 'outburst';
export const GAS_CLASSES: readonly GasClass[] = ['low', 'high', 'outburst'];

export type MechanisationLevel = 'manual' | 'partial' | 'mechanised' | 'intelligent';

export type CapacityBand = 'lt300k' | '300k_900k' | '900k_3m' | 'ge3m';
export const CAPACITY_BANDS: readonly CapacityBand[] = ['lt300k', '300k_900k', '900k_3m', 'ge3m'];

/** Approved capacity below this is a "small mine", targeted by the closure programme (t/yr). */
export const SMALL_MINE_CAPACITY_T_PER_YEAR = 300_000;

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  id: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parentId: string | null;
  path: string;
}

export interface RegionsResponse {
  regions: Region[];
}

export type StatusCounts = Record<MineStatus, number>;

export interface DistrictSummary {
  region: Region;
  total: number;
  smallMines: number;
  byStatus: StatusCounts;
}

export interface DashboardResponse {
  region: Region;
  totals: { mines: number; capacityTPerYear: number; smallMines: number };
  byStatus: StatusCounts;
  byGasClass: Record<GasClass, number>;
  capacityBands: Array<{ band: CapacityBand; count: number }>;
  byDistrict: DistrictSummary[];
  highGasWithoutCapability: number;
}

export interface Mine {
  id: string;
  code: string;
  name: string;
  regionId: string;
  enterpriseId: string | null;
  approvedCapacityTPerYear: number;
  gasClass: GasClass;
  hasGasControlCapability: boolean;
  gasControlEvidence: string | null;
  gasControlCertifiedOn: string | null;
  approvedMaxUnderground: number;
  operator: string | null;
  licenceNumber: string | null;
  licenceValidUntil: string | null;
  mechanisation: MechanisationLevel;
  latitude: number | null;
  longitude: number | null;
  status: MineStatus;
  statusSince: string;
  createdAt: string;
  updatedAt: string;
}

export interface MineRow extends Mine {
  regionName: string;
  regionNameEn: string;
  enterpriseName: string | null;
}

export type MineSortKey = 'name' | 'code' | 'capacity' | 'status' | 'region';
export type SortOrder = 'asc' | 'desc';

export interface MinesResponse {
  items: MineRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MineResponse {
  mine: MineRow;
  regionChain: Region[];
}

export interface StatusChange {
  id: string;
  from: MineStatus;
  to: MineStatus;
  event: string;
  reason: string;
  basis: string | null;
  actorId: string;
  actorName: string;
  at: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface MineHistoryResponse {
  statusChanges: StatusChange[];
  audit: AuditEntry[];
}
