import type { Role } from '../access/types.ts';
import type { GasClass } from '../registry/types.ts';
import type { SignOff } from './orders-ports.ts';

/**
 * The resumption acceptance checklist, as data. The law fixes the procedure (2024 Regulation art. 48)
 * but gives no list; these rows follow the derived checklist in the domain reference §7.
 */
export type ChecklistCheck =
  | { how: 'auto'; rule: 'hazards_closed' | 'monitoring_online' | 'personnel_online' | 'gas_control' }
  /** A step of the approval chain: signed, in table order, by one of `roles`. */
  | { how: 'sign'; roles: readonly Role[] }
  /** The last step: the approval itself (the decision), by one of `roles`. */
  | { how: 'decide'; roles: readonly Role[] };

export interface ChecklistItemRule {
  id: string;
  label: string;
  check: ChecklistCheck;
  /** Only for these gas classes (all when absent). */
  gasClasses?: readonly GasClass[];
  source: string;
}

const REGULATORS: readonly Role[] = ['province_regulator', 'city_regulator', 'county_regulator'];
const ART_48 = '煤矿安全生产条例 (2024) art. 48';

/**
 * The checklist and, after the automatic checks, the approval chain in the order the law words it
 * (ADR 0009): the supervision group inspects, the leader on contact duty signs, the head of the
 * department with coal-mine safety duties signs the acceptance (a regulator whose scope covers the
 * mine: county level or higher), the mine safety supervision bureau reviews and agrees, and the
 * government head approves. A step is signed only after every step before it.
 */
export const RESUMPTION_CHECKLIST: readonly ChecklistItemRule[] = [
  {
    id: 'hazards_closed',
    label: 'Every hazard of the mine closed',
    check: { how: 'auto', rule: 'hazards_closed' },
    source: `${ART_48}; domain reference §7 checklist item 1`,
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
    id: 'gas_control',
    label: 'Certified gas-control capability',
    check: { how: 'auto', rule: 'gas_control' },
    gasClasses: ['high', 'outburst'],
    source: 'Guizhou "no gas-control capability, no production" [S48]; PRODUCT capability 9',
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
    id: 'department_head',
    label: 'Head of the coal-mine safety department signed the acceptance',
    check: { how: 'sign', roles: REGULATORS },
    source: `${ART_48} (acceptance by the county-or-higher department, signed by its head)`,
  },
  {
    id: 'bureau_review',
    label: 'Mine safety supervision bureau reviewed and agreed',
    check: { how: 'sign', roles: ['mine_safety_bureau'] },
    source: `${ART_48} (review and agreement of the local mine safety supervision bureau)`,
  },
  {
    id: 'government_approval',
    label: 'Government head approved',
    check: { how: 'decide', roles: ['government_head'] },
    source: `${ART_48} (approval by the head of the local people's government)`,
  },
];

/** The ids of the approval chain's steps, in order (signed steps, then the decision). */
export const RESUMPTION_STEPS: readonly string[] = RESUMPTION_CHECKLIST.filter(
  (r) => r.check.how !== 'auto',
).map((r) => r.id);

/** The chain step whose turn it is: the first one not signed, or null when every signed step is done. */
export function currentResumptionStep(signed: ReadonlySet<string>): ChecklistItemRule | null {
  for (const r of RESUMPTION_CHECKLIST) {
    if (r.check.how === 'auto') continue;
    if (r.check.how === 'decide') return r;
    if (!signed.has(r.id)) return r;
  }
  return null;
}

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
  /** Start of the judged period: the later of (now − period) and when the mine's points were connected. */
  periodFromMs: number;
  /** When the mine's first point was connected to the platform; null: none is. */
  monitoringSinceMs: number | null;
  nowMs: number;
  lastPersonnelMs: number | null;
  signOffs: readonly SignOff[];
  /** The decision, once taken (shown as the last step of the chain). */
  decision?: {
    status: 'approved' | 'rejected';
    byName: string;
    byRole: string;
    at: string;
    reason: string;
  } | null;
  /** Newest raw reading of the mine (covers the minute not yet aggregated), or null. */
  lastReadingMs?: number | null;
}

export interface ChecklistItemResult {
  id: string;
  label: string;
  how: 'auto' | 'sign' | 'decide';
  roles: readonly Role[];
  done: boolean;
  /** English, for logs and API users; the UI shows `detailCode` with `detailParams` in its language. */
  detail: string;
  detailCode: DetailCode;
  detailParams: Record<string, string | number>;
  signedBy: { name: string; role: string; at: string; note: string } | null;
  source: string;
}

/** The stable codes of the checklist details (the UI's catalogue keys are `res.detail.<code>`). */
export const DETAIL_CODES = [
  'hazards_unavailable',
  'hazards_none',
  'hazards_open',
  'monitoring_no_points',
  'monitoring_no_data',
  'monitoring_ok',
  'monitoring_gap',
  'personnel_none',
  'personnel_ok',
  'personnel_stale',
  'gas_certified',
  'gas_missing',
  'decision_needed',
  'decided',
  'signed',
  'signature_needed',
  'unknown',
] as const;
export type DetailCode = (typeof DETAIL_CODES)[number];

interface Judged {
  done: boolean;
  detail: string;
  detailCode: DetailCode;
  detailParams: Record<string, string | number>;
}

const judged = (
  done: boolean,
  detailCode: DetailCode,
  detail: string,
  detailParams: Record<string, string | number> = {},
): Judged => ({ done, detail, detailCode, detailParams });

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

function judgeAuto(rule: string, f: ChecklistFacts, o: MonitoringCheckOptions): Judged {
  switch (rule) {
    case 'hazards_closed':
      if (f.openHazards === null)
        return judged(
          false,
          'hazards_unavailable',
          'hazard check not available: approval is blocked until it is',
        );
      return f.openHazards === 0
        ? judged(true, 'hazards_none', 'no open hazards')
        : judged(false, 'hazards_open', `${f.openHazards} open hazard(s)`, { n: f.openHazards });
    case 'monitoring_online': {
      if (f.monitoringSinceMs === null)
        return judged(false, 'monitoring_no_points', 'no monitoring points connected');
      const minutes = [...f.dataMinutes];
      const lastMinute = minutes.at(-1);
      // The newest reading counts when its minute reaches into the period: a mine's first poll may be
      // stamped (data time) a moment before its points were registered.
      const readingMinute =
        f.lastReadingMs === undefined || f.lastReadingMs === null
          ? null
          : Math.floor(f.lastReadingMs / 60_000) * 60_000;
      if (readingMinute !== null && readingMinute + 60_000 > f.periodFromMs) {
        if (lastMinute === undefined || readingMinute > lastMinute) minutes.push(readingMinute);
      }
      if (minutes.length === 0)
        return judged(false, 'monitoring_no_data', `no monitoring data in the last ${o.periodMinutes} min`, {
          period: o.periodMinutes,
        });
      // The period starts when the mine's points were connected, at most `periodMinutes` ago: before
      // that the platform had nothing to judge (ADR 0009).
      const observed = Math.floor((f.nowMs - f.periodFromMs) / 60_000);
      const gap = longestGapMinutes(minutes, f.periodFromMs, f.nowMs);
      const params = { observed, gap, max: o.maxGapMinutes };
      return gap <= o.maxGapMinutes
        ? judged(true, 'monitoring_ok', `data for the last ${observed} min, longest gap ${gap} min`, params)
        : judged(
            false,
            'monitoring_gap',
            `longest gap ${gap} min in the last ${observed} min (at most ${o.maxGapMinutes})`,
            params,
          );
    }
    case 'personnel_online': {
      if (f.lastPersonnelMs === null) return judged(false, 'personnel_none', 'no personnel data received');
      const age = Math.floor((f.nowMs - f.lastPersonnelMs) / 60_000);
      const params = { age, max: o.personnelMaxAgeMinutes };
      return age <= o.personnelMaxAgeMinutes
        ? judged(true, 'personnel_ok', `last snapshot ${age} min ago`, params)
        : judged(
            false,
            'personnel_stale',
            `last snapshot ${age} min ago (at most ${o.personnelMaxAgeMinutes})`,
            params,
          );
    }
    case 'gas_control':
      return f.hasGasControlCapability
        ? judged(true, 'gas_certified', 'certified')
        : judged(false, 'gas_missing', `${f.gasClass}-gas mine without certified gas-control capability`, {
            gasClass: f.gasClass,
          });
    default:
      return judged(false, 'unknown', `unknown check ${rule}`, { rule });
  }
}

/** Detail parameters that are all text (typed so that either branch of a choice fits). */
const textParams = (p: Record<string, string>): Record<string, string> => p;

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
    if (r.check.how === 'decide') {
      const d = f.decision ?? null;
      return {
        id: r.id,
        label: r.label,
        how: 'decide',
        roles: r.check.roles,
        done: d !== null && d.status === 'approved',
        detail:
          d === null ? `needs the approval of ${r.check.roles.join(' / ')}` : `${d.status} by ${d.byName}`,
        detailCode: d === null ? 'decision_needed' : 'decided',
        detailParams: textParams(
          d === null ? { roles: r.check.roles.join(',') } : { status: d.status, name: d.byName },
        ),
        signedBy: d === null ? null : { name: d.byName, role: d.byRole, at: d.at, note: d.reason },
        source: r.source,
      };
    }
    const s = f.signOffs.find((x) => x.item === r.id);
    return {
      id: r.id,
      label: r.label,
      how: 'sign',
      roles: r.check.roles,
      done: s !== undefined,
      detail: s ? `signed by ${s.signerName}` : `needs a signature by ${r.check.roles.join(' / ')}`,
      detailCode: s ? 'signed' : 'signature_needed',
      detailParams: textParams(s ? { name: s.signerName } : { roles: r.check.roles.join(',') }),
      signedBy: s ? { name: s.signerName, role: s.signerRole, at: s.signedAt, note: s.note } : null,
      source: r.source,
    };
  });
}

/** True for a high-gas or outburst mine without certified gas-control capability. */
export function violatesGasControlRule(m: { gasClass: GasClass; hasGasControlCapability: boolean }): boolean {
  return (m.gasClass === 'high' || m.gasClass === 'outburst') && !m.hasGasControlCapability;
}
