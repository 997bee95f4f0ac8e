/** Users, roles and scopes. */

import { valueList } from '../value-list.ts';

/** Every role, in the order the role pickers list them. */
const ROLE_LIST = [
  'province_regulator',
  'city_regulator',
  'county_regulator',
  'leader',
  'group_member',
  'mine_safety_officer',
  'gas_expert',
  'viewer',
  // The state's regional mine safety supervision bureau (矿山安全监察局): reviews and agrees resumptions.
  'mine_safety_bureau',
  // The head of a local government (政府主要负责人): approves resumptions (2024 Regulation art. 48; ADR 0009).
  'government_head',
] as const;

export type Role = (typeof ROLE_LIST)[number];
export const ROLES: readonly Role[] = ROLE_LIST;

/** A user sees a region and everything below it, or exactly one mine. */
export type Scope = { kind: 'region'; regionId: string } | { kind: 'mine'; mineId: string };

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  disabled: boolean;
  createdAt: string;
}

/** What the access checks need to know about the caller. */
export interface Principal {
  userId: string;
  username: string;
  /** The name recorded in the audit trail and shown to others. */
  displayName: string;
  role: Role;
  scope: Scope;
  /** The scope region's materialised path, resolved once at authentication (region scopes only). */
  scopePath: string | null;
  /**
   * Leaders on contact duty and supervision group members see only the mines assigned to them (PRODUCT.md:
   * "the mines assigned to them"), inside their region: resolved at authentication from the supervision
   * assignments. Absent for every other role (a regulator's scope stays the whole region).
   */
  assignedMineIds?: readonly string[];
  /** For mine scopes: the mine's own region path, so region-level reads can be checked. */
  via: 'session' | 'token';
  /** For a token: which one and what it may do (ADR 0007); absent for a session. */
  token?: { id: string; name: string; scopes: readonly TokenScope[] };
}

/**
 * What an API token may reach (ADR 0007): `ingest` the monitoring-data doors only (a mine's gateway),
 * `read` every GET route, `write` every route but token management. A session has no such limit.
 */
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const TOKEN_SCOPES = valueList('ingest', 'read', 'write');
