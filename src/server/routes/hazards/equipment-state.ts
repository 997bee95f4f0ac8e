import type { EquipmentState } from '../../../core/hazards/hazard-review.ts';
import type { MonitoringRuntime } from '../../../ingest/monitoring-runtime.ts';

/**
 * "Is this equipment running?" from the monitoring engine's last value of the equipment's point
 * (a switch point: 1 = running). Unknown (no monitoring, unknown point, no reading yet) is null.
 */
export function createEquipmentState(runtime: MonitoringRuntime | undefined): EquipmentState {
  return {
    isRunning(mineId, pointCode) {
      if (!runtime) return null;
      const engine = runtime.engine;
      const id = engine.pointId(mineId, pointCode);
      if (id === undefined) return null;
      const v = engine.lastValue(id);
      return v === null ? null : v > 0;
    },
  };
}
