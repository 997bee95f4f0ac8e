import { isInScope, requirePermission, type Permission } from '../../../core/access/permissions.ts';
import type { Principal } from '../../../core/access/types.ts';
import { notFound, unavailable } from '../../../core/errors.ts';
import type { MonitoredMine } from '../../../core/monitoring/engine/engine-types.ts';
import { scopedMineFilter } from '../../../core/registry/mine-use-cases.ts';
import type { AppDeps, MonitoringDeps } from '../../app.ts';
import { regionIdSchema } from '../../route-schemas.ts';

export function monitoringOf(deps: AppDeps): MonitoringDeps {
  if (!deps.monitoring) {
    throw unavailable('MONITORING_NOT_RUNNING', 'Monitoring does not run in this server process.');
  }
  return deps.monitoring;
}

/** A mine the caller may see, as monitoring knows it; out of scope reads as not found. */
export async function mineInScope(
  m: MonitoringDeps,
  principal: Principal,
  mineId: string,
  permission: Permission,
): Promise<MonitoredMine> {
  requirePermission(principal, permission);
  const mine = await m.view.mine(mineId);
  if (!mine || !isInScope(principal, { regionPath: mine.regionPath, mineId: mine.id })) {
    throw notFound('MINE_NOT_FOUND', `No mine "${mineId}" in your scope.`);
  }
  return mine;
}

/** The alarm views' start (alarm.read): monitoring, and the caller's mines narrowed to a region of their scope. */
export async function alarmScopeOf(deps: AppDeps, principal: Principal, regionId: string | undefined) {
  requirePermission(principal, 'alarm.read');
  const m = monitoringOf(deps);
  return { m, scope: await scopedMineFilter(deps.ports, principal, regionId) };
}

/** A region filter as the monitoring routes take it: a six-digit region code. */
export const regionIdQuery = regionIdSchema.optional();
