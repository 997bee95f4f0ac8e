import type { Role } from '../access/types.ts';
import type { GasClass } from '../registry/types.ts';
import type { SignOff } from './orders-ports.ts';

/**
 * The resumption acceptance checklist, as data. The law fixes the procedure (2024 Regulation art. 48)
 * but gives no list; these rows follow the derived checklist in the domain reference §7.
 */
export type ChecklistCheck =
  | { how: 'auto'; rule: 'hazards_closed' | 'monitoring_online' | 'personnel_online' | 'gas_control' }
  | { how: 'sign'; roles: readonly Role[] };

export interface ChecklistItemRule {
  id: string;
  label: string;
  check: ChecklistCheck;
  /** Only for these gas classes (all when absent). */
  gasClasses?: readonly GasClass[];
  source: string;
}

const REGULATORS: readonly Role[] = ['province_regulator', 'city_regulator', 'county_regulator'];

export const RESUMPTION_CHECKLIST: readonly ChecklistItemRule[] = [
  {
    id: 'hazards_closed',
    label: 'Every hazard of the mine closed',
    check: { how: 'auto', rule: 'hazards_closed' },
    source: '煤矿安全生产条例 (2024) art. 48; domain reference §7 checklist item 1',
  },
  {
    id: 'monitoring_online',
    label: 'Safety monitoring online without data gaps',
    check: { how: 'auto', rule: 'monitoring_online' },
    source: 'NMSA Gansu notice on data networking before resumption [S17]',
  },
  {
    id: 'personnel_online',
    label: 'Personnel positioning online',
    check: { how: 'auto', rule: 'personnel_online' },
    source: 'NMSA Gansu notice on data networking before resumption [S17]',
  },
  {
    id: 'plan_approved',
    label: 'Rectification plan approved by the regulator',
    check: { how: 'sign', roles: REGULATORS },
    source: '煤矿安全生产条例 (2024) art. 48 (rectification plan)',
  },
  {
    id: 'group_inspection',
    label: 'Supervision group inspection done',
    check: { how: 'sign', roles: ['group_member'] },
    source: 'Chongqing 2020 measures: one supervision group per mine',
  },
  {
    id: 'leader_signoff',
    label: 'Leader on contact duty signed off',
    check: { how: 'sign', roles: ['leader'] },
    source: 'Chongqing 2020 measures: one leader on contact duty per mine',
  },
  {
    id: 'gas_control',
    label: 'Certified gas-control capability',
    check: { how: 'auto', rule: 'gas_control' },
    gasClasses: ['high', 'outburst'],
    source: 'Guizhou "no gas-control capability, no production" [S48]; PRODUCT capability 9',
  },
];

/** Period the monitoring data must be complete before acceptance, and the longest tolerated gap. */
export interface MonitoringCheckOptions {
  periodMinutes: number;
  maxGapMinutes: number;
  /** Personnel snapshot older than this counts as offline. */
  personnelMaxAgeMinutes: number;
}

export const DEFAULT_MONITORING_CHECK: MonitoringCheckOptions = {
  periodMinutes: 24 * 60,
  maxGapMinutes: 15,
  personnelMaxAgeMinutes: 15,
};

/** What the automatic checks found (gathered by the use case, judged here). */
export interface ChecklistFacts {
  gasClass: GasClass;
  hasGasControlCapability: boolean;
  /** null: no hazard check is available, which blocks approval. */
  openHazards: number | null;
  /** Minutes (epoch ms, ascending, distinct) with data in the period. */
  dataMinutes: readonly number[];
  periodFromMs: number;
  nowMs: number;
  lastPersonnelMs: number | null;
  signOffs: readonly SignOff[];
}

export interface ChecklistItemResult {
  id: string;
  label: string;
  how: 'auto' | 'sign';
  roles: readonly Role[];
  done: boolean;
  detail: string;
  signedBy: { name: string; role: string; at: string; note: string } | null;
  source: string;
}

/** The longest stretch without data in [fromMs, nowMs], in minutes. */
export function longestGapMinutes(minutes: readonly number[], fromMs: number, nowMs: number): number {
  let prev = fromMs;
  let gap = 0;
  for (const m of minutes) {
    gap = Math.max(gap, m - prev);
    prev = m + 60_000;
  }
  gap = Math.max(gap, nowMs - prev);
  return Math.max(0, Math.floor(gap / 60_000));
}

function judgeAuto(
  rule: string,
  f: ChecklistFacts,
  o: MonitoringCheckOptions,
): { done: boolean; detail: string } {
  switch (rule) {
    case 'hazards_closed':
      if (f.openHazards === null)
        return { done: false, detail: 'hazard check not available: approval is blocked until it is' };
      return f.openHazards === 0
        ? { done: true, detail: 'no open hazards' }
        : { done: false, detail: `${f.openHazards} open hazard(s)` };
    case 'monitoring_online': {
      const gap = longestGapMinutes(f.dataMinutes, f.periodFromMs, f.nowMs);
      return gap <= o.maxGapMinutes
        ? { done: true, detail: `data for the last ${o.periodMinutes} min, longest gap ${gap} min` }
        : {
            done: false,
            detail: `longest gap ${gap} min in the last ${o.periodMinutes} min (at most ${o.maxGapMinutes})`,
          };
    }
    case 'personnel_online': {
      if (f.lastPersonnelMs === null) return { done: false, detail: 'no personnel data received' };
      const age = Math.floor((f.nowMs - f.lastPersonnelMs) / 60_000);
      return age <= o.personnelMaxAgeMinutes
        ? { done: true, detail: `last snapshot ${age} min ago` }
        : { done: false, detail: `last snapshot ${age} min ago (at most ${o.personnelMaxAgeMinutes})` };
    }
    case 'gas_control':
      return f.hasGasControlCapability
        ? { done: true, detail: 'certified' }
        : { done: false, detail: `${f.gasClass}-gas mine without certified gas-control capability` };
    default:
      return { done: false, detail: `unknown check ${rule}` };
  }
}

/** Judges every applicable checklist item. */
export function evaluateChecklist(
  f: ChecklistFacts,
  options: MonitoringCheckOptions = DEFAULT_MONITORING_CHECK,
): ChecklistItemResult[] {
  return RESUMPTION_CHECKLIST.filter((r) => !r.gasClasses || r.gasClasses.includes(f.gasClass)).map((r) => {
    if (r.check.how === 'auto') {
      const j = judgeAuto(r.check.rule, f, options);
      return { id: r.id, label: r.label, how: 'auto', roles: [], ...j, signedBy: null, source: r.source };
    }
    const s = f.signOffs.find((x) => x.item === r.id);
    return {
      id: r.id,
      label: r.label,
      how: 'sign',
      roles: r.check.roles,
      done: s !== undefined,
      detail: s ? `signed by ${s.signerName}` : `needs a signature by ${r.check.roles.join(' / ')}`,
      signedBy: s ? { name: s.signerName, role: s.signerRole, at: s.signedAt, note: s.note } : null,
      source: r.source,
    };
  });
}

/** True for a high-gas or outburst mine without certified gas-control capability. */
export function violatesGasControlRule(m: { gasClass: GasClass; hasGasControlCapability: boolean }): boolean {
  return (m.gasClass === 'high' || m.gasClass === 'outburst') && !m.hasGasControlCapability;
}
