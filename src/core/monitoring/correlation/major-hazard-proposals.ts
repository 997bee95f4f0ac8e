import type { AlarmRule, EvidenceItem } from '../engine/engine-types.ts';

/**
 * Monitoring evidence that meets a major-hazard criterion (2020 criteria, issue 12 step 6): proposed
 * to a regulator, who confirms it as a major hazard (with the evidence attached) or dismisses it with a
 * reason. Nothing becomes a hazard without a person's decision.
 */
export const MONITORING_HAZARD_RULES: Readonly<
  Partial<Record<AlarmRule, { category: string; titleZh: string; titleEn: string }>>
> = {
  incident_gas_production: {
    category: '2020-2-2',
    titleZh: '瓦斯超限后继续作业（监测证据）',
    titleEn: 'Work continued after gas exceeded the limit (monitoring evidence)',
  },
  incident_power_cut_ineffective: {
    category: '2020-4-2',
    titleZh: '甲烷传感器断电失效（监测证据）',
    titleEn: 'Methane power cut did not take effect (monitoring evidence)',
  },
  suspected_tampering: {
    category: '2020-15-6',
    titleZh: '安全监控数据疑似造假（监测证据）',
    titleEn: 'Safety-monitoring data suspected falsified (monitoring evidence)',
  },
  incident_fire_pattern: {
    category: '2020-15-8',
    titleZh: '带式输送机保护失效并出现火灾征兆（监测证据）',
    titleEn: 'Belt protection failed with signs of fire (monitoring evidence)',
  },
  headcount_over_limit: {
    category: '2020-1-6',
    titleZh: '井下人员超过核定人数20%以上（监测证据）',
    titleEn: 'People underground 20 % or more over the approved maximum (monitoring evidence)',
  },
};

/** Over-manning is a major hazard from 20 % over the approved number (2020 criteria art. 4(6)). */
export const OVER_MANNING_FACTOR = 1.2;

/** The facts of an alarm a proposal is judged from. */
export interface ProposableAlarm {
  id: string;
  mineId: string;
  mineName: string;
  rule: AlarmRule;
  subject: string;
  value: number | null;
  activeSinceMs: number | null;
  firstRaisedMs: number;
  evidence?: EvidenceItem[] | null;
}

export interface MonitoringHazardProposal {
  /** One activation of one alarm: `<alarm id>@<activation data time>`. */
  key: string;
  alarmId: string;
  mineId: string;
  mineName: string;
  rule: AlarmRule;
  category: string;
  titleZh: string;
  titleEn: string;
  /** Data time of the activation. */
  atMs: number;
  evidence: EvidenceItem[];
}

/**
 * The proposal an alarm makes, or null: its rule maps to a criterion, and for over-manning the count
 * is at least 20 % over the mine's approved maximum.
 */
export function proposalOf(
  alarm: ProposableAlarm,
  approvedMaxUnderground: number | null,
): MonitoringHazardProposal | null {
  const rule = MONITORING_HAZARD_RULES[alarm.rule];
  if (!rule) return null;
  if (alarm.rule === 'headcount_over_limit') {
    if (approvedMaxUnderground === null || approvedMaxUnderground <= 0 || alarm.value === null) return null;
    if (alarm.value < approvedMaxUnderground * OVER_MANNING_FACTOR) return null;
  }
  const atMs = alarm.activeSinceMs ?? alarm.firstRaisedMs;
  const evidence: EvidenceItem[] =
    alarm.evidence && alarm.evidence.length > 0
      ? alarm.evidence
      : [
          {
            kind: alarm.rule === 'headcount_over_limit' ? 'people' : 'alarm',
            alarmId: alarm.id,
            rule: alarm.rule,
            pointCode: null,
            location: null,
            value: alarm.value,
            unit: null,
            atMs,
          },
        ];
  return {
    key: `${alarm.id}@${atMs}`,
    alarmId: alarm.id,
    mineId: alarm.mineId,
    mineName: alarm.mineName,
    rule: alarm.rule,
    category: rule.category,
    titleZh: rule.titleZh,
    titleEn: rule.titleEn,
    atMs,
    evidence,
  };
}
