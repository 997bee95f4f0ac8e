/** What the briefing module needs from storage (implemented in src/storage/stores/briefing-store.ts). */

/** Which mines a query covers: those under a region path, or exactly one mine. */
export interface BriefingMineFilter {
  regionPath?: string;
  mineId?: string;
}

/** Open hazards of one mine on a day. */
export interface MineHazardCounts {
  mineId: string;
  /** Open (not closed) hazards of any grade. */
  open: number;
  /** Open major hazards. */
  openMajor: number;
  /** Open hazards whose current due date is before the day. */
  overdue: number;
}

/** Alarm activations of one mine in a window, by priority; data gaps counted apart. */
export interface MineAlarmCounts {
  mineId: string;
  critical: number;
  high: number;
  medium: number;
  low: number;
  /** Activations of mine_data_stopped and point_silent (the mine or a point stopped sending). */
  dataGaps: number;
}

/** Hazard figures of a period [fromIso, toIso). */
export interface HazardPeriodCounts {
  found: number;
  majorFound: number;
  closed: number;
  /** Open on `today` and past their due date. */
  overdue: number;
  /** Open on `today`. */
  open: number;
}

export interface BriefingStore {
  hazardCountsByMine(filter: BriefingMineFilter, today: string): Promise<MineHazardCounts[]>;
  alarmCountsByMine(filter: BriefingMineFilter, fromMs: number, toMs: number): Promise<MineAlarmCounts[]>;
  hazardPeriod(
    filter: BriefingMineFilter,
    fromIso: string,
    toIso: string,
    today: string,
  ): Promise<HazardPeriodCounts>;
  /** Alarm activations in [fromMs, toMs) by rule. */
  alarmsByRule(
    filter: BriefingMineFilter,
    fromMs: number,
    toMs: number,
  ): Promise<Array<{ rule: string; priority: string; raised: number }>>;
  /** Status changes in [fromIso, toIso): how many distinct mines entered each status. */
  statusEntries(
    filter: BriefingMineFilter,
    fromIso: string,
    toIso: string,
  ): Promise<Array<{ toStatus: string; mines: number }>>;
  /** Site visits in [fromIso, toIso). */
  visitsInPeriod(
    filter: BriefingMineFilter,
    fromIso: string,
    toIso: string,
  ): Promise<{ visits: number; minesVisited: number; underground: number }>;
}
