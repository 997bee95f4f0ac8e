import { notAllowed, notFound } from '../errors.ts';
import { ROLES, type Principal, type Role } from './types.ts';

/**
 * What each role may do, as data. A permission says nothing about *where*: the scope check
 * (`isRegionPathInScope`, `isMineInScope`) decides that, separately and always.
 */
export type Permission =
  | 'region.read'
  | 'mine.read'
  | 'mine.create'
  | 'mine.update'
  | 'mine.transition'
  | 'mine.import'
  | 'audit.read'
  | 'audit.verify'
  | 'token.create'
  | 'alarm.read'
  | 'alarm.act'
  | 'monitoring.read'
  | 'scenario.start'
  | 'ingest.write'
  | 'supervision.read'
  | 'supervision.plan.write'
  | 'supervision.plan.approve'
  | 'supervision.responsible.set'
  | 'supervision.assign'
  | 'supervision.visit.record'
  | 'supervision.finding.report'
  | 'hazard.read'
  | 'hazard.report'
  | 'hazard.evidence'
  | 'hazard.rectify'
  | 'hazard.verify'
  | 'hazard.extend'
  | 'hazard.supervise'
  | 'hazard.decide'
  | 'hazard.review'
  | 'hazard.selfcheck'
  | 'order.read'
  | 'order.issue'
  | 'resumption.apply'
  | 'resumption.sign'
  | 'resumption.decide'
  | 'campaign.manage'
  | 'campaign.progress'
  | 'closure.read'
  | 'closure.manage'
  | 'closure.step.record'
  | 'closure.step.verify'
  | 'ownership.record'
  | 'case.read'
  | 'case.manage'
  | 'accident.read'
  | 'accident.record'
  | 'accident.report'
  | 'accident.supplement'
  | 'accident.investigate'
  | 'accident.import'
  | 'accountability.read'
  | 'accountability.record'
  | 'briefing.read'
  | 'risk.read'
  | 'expertise.read'
  | 'expertise.assign'
  | 'expertise.profile'
  | 'expertise.guide'
  | 'expertise.assess'
  | 'expertise.approve'
  | 'expertise.finding.report'
  | 'upgrade.record'
  | 'upgrade.manage'
  | 'formalism.read'
  | 'directive.read'
  | 'directive.issue'
  | 'directive.acknowledge'
  | 'directive.visit'
  | 'audit.log.read'
  | 'stopped.declare'
  | 'stopped.approve';

const REGULATORS: readonly Role[] = ['province_regulator', 'city_regulator', 'county_regulator'];
const EVERYONE: readonly Role[] = ROLES;
/** Those who oversee from above the local departments: the state bureau and the government head (ADR 0009). */
const OVERSIGHT: readonly Role[] = ['mine_safety_bureau', 'government_head'];

export const ROLE_PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = {
  'region.read': EVERYONE,
  'mine.read': EVERYONE,
  'mine.create': REGULATORS,
  'mine.update': REGULATORS,
  'mine.transition': REGULATORS,
  'mine.import': REGULATORS,
  'audit.read': [...REGULATORS, 'leader', 'group_member', 'mine_safety_officer', 'viewer', ...OVERSIGHT],
  'audit.verify': ['province_regulator'],
  // A mine's safety officer creates the token its upload gateway uses; regulators create their own.
  'token.create': [...REGULATORS, 'mine_safety_officer'],
  'alarm.read': EVERYONE,
  // Acknowledging and shelving: the regulators on duty and the mine's own safety officer.
  'alarm.act': [...REGULATORS, 'mine_safety_officer'],
  'monitoring.read': EVERYONE,
  // Demo scenarios (simulated incidents) are started by regulators, only when the simulator runs.
  'scenario.start': REGULATORS,
  // Sending monitoring data (bulk readings, national files): regulators, and a mine's officer's
  // upload-gateway token for its own mine.
  'ingest.write': [...REGULATORS, 'mine_safety_officer'],
  // Supervision (一矿一策、责任人、督导组、包保领导): everyone reads in scope; the enterprise's officer
  // drafts its plan and names its responsible person; regulators approve plans and assign groups and
  // leaders; leaders and group members record site visits; their findings become hazards.
  'supervision.read': EVERYONE,
  'supervision.plan.write': [...REGULATORS, 'mine_safety_officer'],
  'supervision.plan.approve': REGULATORS,
  'supervision.responsible.set': [...REGULATORS, 'mine_safety_officer'],
  'supervision.assign': REGULATORS,
  'supervision.visit.record': ['leader', 'group_member'],
  'supervision.finding.report': [...REGULATORS, 'leader', 'group_member'],
  // Hazards: everyone in scope reads; the mine, regulators and inspectors report and add evidence; only
  // the mine rectifies and files self-checks; only regulators verify, extend, list under supervision,
  // decide proposals and run the daily review.
  'hazard.read': EVERYONE,
  'hazard.report': [...REGULATORS, 'leader', 'group_member', 'mine_safety_officer'],
  'hazard.evidence': [...REGULATORS, 'leader', 'group_member', 'mine_safety_officer'],
  'hazard.rectify': ['mine_safety_officer'],
  'hazard.verify': REGULATORS,
  'hazard.extend': REGULATORS,
  'hazard.supervise': REGULATORS,
  'hazard.decide': REGULATORS,
  'hazard.review': REGULATORS,
  'hazard.selfcheck': ['mine_safety_officer'],
  // Orders (stop-work, suspension, closure, lift), resumption acceptance and campaigns.
  'order.read': EVERYONE,
  'order.issue': REGULATORS,
  // The mine applies for its own resumption acceptance; a regulator may file it on its behalf.
  'resumption.apply': [...REGULATORS, 'mine_safety_officer'],
  // The chain of 2024 Regulation art. 48 (ADR 0009): the group inspects, the leader signs, the department
  // head (a regulator) signs, the bureau reviews and agrees; each step names its role.
  'resumption.sign': [...REGULATORS, 'leader', 'group_member', 'mine_safety_bureau'],
  // Only the government head approves; the department, the bureau and the government head may refuse.
  'resumption.decide': [...REGULATORS, 'mine_safety_bureau', 'government_head'],
  'campaign.manage': REGULATORS,
  'campaign.progress': [...REGULATORS, 'group_member', 'mine_safety_officer'],
  // Closure programme: everyone in scope reads; regulators open closures, set targets and list mines;
  // the mine (or a regulator) records a step with evidence; only regulators verify it — never the mine.
  'closure.read': EVERYONE,
  'closure.manage': REGULATORS,
  'closure.step.record': [...REGULATORS, 'mine_safety_officer'],
  'closure.step.verify': REGULATORS,
  'ownership.record': REGULATORS,
  // Crackdown cases (illegal trusteeship, false integration, evasion, tampering) are not shown to the
  // mine under investigation; regulators run them.
  'case.read': [...REGULATORS, 'leader', 'group_member', 'viewer', ...OVERSIGHT],
  'case.manage': REGULATORS,
  // Accidents (Order 493): everyone in scope reads; the mine (the unit) records its own accident and the
  // reports it makes, as do regulators; regulators run the investigation, record accountability and import
  // reference data; accountability of officials is read by regulators, leaders, groups and viewers.
  'accident.read': EVERYONE,
  'accident.record': [...REGULATORS, 'mine_safety_officer'],
  'accident.report': [...REGULATORS, 'mine_safety_officer'],
  // Supplementary reports (补报) of changed casualties, which may re-grade the accident: regulators whose
  // scope covers the accident (whoever recorded it, or any regulator of its region).
  'accident.supplement': REGULATORS,
  'accident.investigate': REGULATORS,
  'accident.import': REGULATORS,
  'accountability.read': [...REGULATORS, 'leader', 'group_member', 'viewer', ...OVERSIGHT],
  'accountability.record': REGULATORS,
  // Briefing reports and the risk ranking are for the people in charge: regulators, leaders on contact
  // duty, supervision groups and read-only viewers (e.g. a standing committee), each in their scope.
  'briefing.read': [...REGULATORS, 'leader', 'group_member', 'viewer', ...OVERSIGHT],
  'risk.read': [...REGULATORS, 'leader', 'group_member', 'viewer', ...OVERSIGHT],
  // Gas-control expert service team: regulators assign experts and approve their signed capability
  // assessments (which set the registry flag); experts record guidance, training and sign assessments;
  // a regulator turns an expert's finding into a hazard.
  'expertise.read': EVERYONE,
  'expertise.assign': REGULATORS,
  'expertise.profile': [...REGULATORS, 'gas_expert'],
  'expertise.guide': ['gas_expert'],
  'expertise.assess': ['gas_expert'],
  'expertise.approve': REGULATORS,
  'expertise.finding.report': REGULATORS,
  // Industry upgrading: the mine and regulators record progress; regulators set targets and record mergers.
  'upgrade.record': [...REGULATORS, 'mine_safety_officer'],
  'upgrade.manage': REGULATORS,
  // Supervision quality (against formalism): those who supervise the supervisors.
  'formalism.read': [...REGULATORS, 'viewer', 'mine_safety_bureau'],
  // Directives and accident warning notices (通知、事故警示通报): regulators issue them and list late mines
  // for a visit; each recipient mine's safety officer confirms reading and replies; everyone in scope reads.
  'directive.read': EVERYONE,
  'directive.issue': REGULATORS,
  'directive.acknowledge': ['mine_safety_officer'],
  'directive.visit': REGULATORS,
  // The audit and security log (who did what, failed logins, refused requests): the province regulator.
  'audit.log.read': ['province_regulator'],
  // Stopped mines (ADR 0014): the mine's safety officer declares its watch crew or dismantling window (a
  // regulator may declare on its behalf); a regulator approves — never the one who declared.
  'stopped.declare': [...REGULATORS, 'mine_safety_officer'],
  'stopped.approve': REGULATORS,
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[permission].includes(role);
}

/** Throws NotAllowed (HTTP 403) when the role lacks the permission. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!hasPermission(principal.role, permission)) {
    throw notAllowed('FORBIDDEN', `The role "${principal.role}" may not do "${permission}".`, { permission });
  }
}

/** A target is described by what the scope check needs: its region path and, for mines, its id. */
export interface ScopeTarget {
  regionPath: string;
  mineId?: string;
}

/** Roles whose scope is narrowed to the mines assigned to them (PRODUCT.md: "assigned mines"). */
export const ASSIGNED_MINE_ROLES: readonly Role[] = ['leader', 'group_member'];

/**
 * True when the principal's scope covers the target (a region and everything below it, or one mine).
 * A leader's or group member's mine target must also be one of their assigned mines; their region-level
 * targets (a region's order, the region list) stay bounded by the region.
 */
export function isInScope(principal: Principal, target: ScopeTarget): boolean {
  if (principal.scope.kind === 'mine') {
    return target.mineId !== undefined && target.mineId === principal.scope.mineId;
  }
  if (principal.scopePath === null || !target.regionPath.startsWith(principal.scopePath)) return false;
  const assigned = principal.assignedMineIds;
  return assigned === undefined || target.mineId === undefined || assigned.includes(target.mineId);
}

/**
 * Throws NotFound when the target lies outside the scope, so that a caller cannot learn whether a
 * mine outside its scope exists. `what` names the thing for the error code (e.g. "MINE").
 */
export function requireInScope(principal: Principal, target: ScopeTarget, what: string, id: string): void {
  if (!isInScope(principal, target)) {
    throw notFound(`${what}_NOT_FOUND`, `No ${what.toLowerCase()} "${id}" in your scope.`);
  }
}

/** Every permission, in the table's order. */
export const PERMISSIONS: readonly Permission[] = Object.keys(ROLE_PERMISSIONS) as Permission[];

/** What a role may do (the session tells the web, so it never re-derives roles). */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => ROLE_PERMISSIONS[p].includes(role));
}
