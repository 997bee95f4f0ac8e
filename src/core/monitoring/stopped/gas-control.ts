import type { GasClass, MineStatus } from '../../registry/types.ts';
import { judgeStoppedPeople, type PersonAt, type StoppedExemption } from './stopped-exemptions.ts';
import { STOPPED_STATUSES } from '../engine/engine-types.ts';

/**
 * A high-gas or outburst mine without certified gas-control capability (瓦斯防治能力, assessed by the
 * expertise module) may neither produce nor have anyone underground beyond its approved watch crew
 * (ADR 0014). Pure: the verdict for one people snapshot.
 */
export interface GasControlVerdict {
  isViolation: boolean;
  /** People underground beyond the watch crew (all of them when the mine has none). */
  beyondCrew: number;
  isProducing: boolean;
}

export function lacksGasControl(m: { gasClass: GasClass; hasGasControlCapability?: boolean }): boolean {
  return m.gasClass !== 'low' && m.hasGasControlCapability === false;
}

export function judgeGasControl(
  mine: {
    status: MineStatus;
    gasClass: GasClass;
    hasGasControlCapability?: boolean;
    exemptions?: readonly StoppedExemption[];
  },
  people: readonly PersonAt[],
  atMs: number,
): GasControlVerdict {
  const isProducing = mine.status === 'producing';
  if (!lacksGasControl(mine)) return { isViolation: false, beyondCrew: 0, isProducing };
  // Only a watch crew covers such a mine: not an evacuation (it had no business producing) nor a window.
  const crew = (mine.exemptions ?? []).filter((e) => e.kind === 'watch_crew');
  const beyondCrew = STOPPED_STATUSES.has(mine.status)
    ? judgeStoppedPeople(mine.status, crew, people, atMs).uncovered
    : people.length;
  return { isViolation: isProducing || beyondCrew > 0, beyondCrew, isProducing };
}

/** The alarm's message (parsed by the web into either language). */
export function gasControlMessage(
  mine: { status: MineStatus; gasClass: GasClass },
  v: GasControlVerdict,
): string {
  return `A ${mine.gasClass}-gas mine without gas-control capability is ${mine.status} with ${v.beyondCrew} people underground beyond its watch crew.`;
}
