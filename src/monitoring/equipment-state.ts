import type { EquipmentState } from '../core/hazards/hazard-review.ts';
import type { MonitoringView } from './monitoring-view.ts';

/**
 * "Is this equipment running?" from monitoring's last value of the equipment's point (a switch
 * point: 1 = running). Unknown (no monitoring, unknown point, no reading yet) is null.
 */
export function createEquipmentState(view: MonitoringView | undefined): EquipmentState {
  return {
    async isRunning(mineId, pointCode) {
      if (!view) return null;
      const id = await view.pointId(mineId, pointCode);
      if (id === undefined) return null;
      const v = await view.lastValue(id);
      return v === null ? null : v > 0;
    },
  };
}
