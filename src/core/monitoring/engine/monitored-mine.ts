import type { MineRow } from '../../ports.ts';
import type { MonitoredMine } from './engine-types.ts';

/**
 * What monitoring keeps of a registry mine: what its rules judge by (status, headcount, gas class,
 * gas-control capability, the approved watch crew or dismantling window of a stopped mine) and scope.
 */
export function monitoredMineOf(m: MineRow, exemptions?: MonitoredMine['exemptions']): MonitoredMine {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    status: m.status,
    approvedMaxUnderground: m.approvedMaxUnderground,
    gasClass: m.gasClass,
    regionPath: m.regionPath,
    hasGasControlCapability: m.hasGasControlCapability,
    ...(exemptions === undefined ? {} : { exemptions }),
  };
}
