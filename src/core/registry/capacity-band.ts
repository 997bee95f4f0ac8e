import type { CapacityBand } from '../ports.ts';
import { SMALL_MINE_CAPACITY_T_PER_YEAR } from './types.ts';

/** Capacity bands used by the dashboard; the first is the closure programme's target group. */
export function capacityBandOf(tPerYear: number): CapacityBand {
  if (tPerYear < SMALL_MINE_CAPACITY_T_PER_YEAR) return 'lt300k';
  if (tPerYear < 900_000) return '300k_900k';
  if (tPerYear < 3_000_000) return '900k_3m';
  return 'ge3m';
}
