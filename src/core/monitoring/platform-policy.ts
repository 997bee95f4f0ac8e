/**
 * Values the monitoring rules use that come from no regulation: Redline's own policy, labelled as
 * such wherever they are shown (GET /api/monitoring/policy, docs/alarms.md), each with the setting
 * that changes it (or "constant" where a code change is needed). A regulation value lives in the
 * threshold table with its article instead.
 */
import { CO_TREND_FLOOR_PPM, CO_TREND_MIN_SLOPE_PPM_PER_H } from './engine/reading-rules.ts';
import { FLAT_READINGS } from './engine/periodic-rules.ts';
import { DEFAULT_READING_TIME_POLICY } from './engine/reading-time-policy.ts';
import { DEFAULT_SILENT_MINE_CASE_AFTER_HOURS } from './stopped/silent-mine.ts';
import { ALARM_EVIDENCE_SLACK_MS } from './evidence/alarm-evidence.ts';

export interface PlatformPolicyValue {
  id: string;
  value: number;
  unit: string;
  meaningEn: string;
  meaningZh: string;
  /** The environment variable that sets it, or null when it is a constant of the code. */
  setting: string | null;
  /** Always "platform policy": no regulation sets it. */
  source: 'platform policy (no regulation)';
}

const policy = (v: Omit<PlatformPolicyValue, 'source'>): PlatformPolicyValue => ({
  ...v,
  source: 'platform policy (no regulation)',
});

/** The defaults; a deployment may change those with a setting. */
export const PLATFORM_POLICY: readonly PlatformPolicyValue[] = [
  policy({
    id: 'pre_alarm_fraction',
    value: 0.8,
    unit: 'of the alarm level',
    meaningEn: 'A gas pre-alarm at this fraction of the point’s alarm level',
    meaningZh: '气体预警值为报警值的该比例',
    setting: 'REDLINE_PRE_ALARM_FRACTION',
  }),
  policy({
    id: 'co_trend_floor',
    value: CO_TREND_FLOOR_PPM,
    unit: 'ppm',
    meaningEn: 'CO rising trend is judged only at or above this level',
    meaningZh: 'CO 上升趋势仅在不低于该浓度时判定',
    setting: null,
  }),
  policy({
    id: 'co_trend_slope',
    value: CO_TREND_MIN_SLOPE_PPM_PER_H,
    unit: 'ppm/h',
    meaningEn: 'CO rising at least this fast (over about 30 min) is an early fire warning',
    meaningZh: 'CO 约 30 分钟内上升速率不低于该值视为火灾早期征兆',
    setting: null,
  }),
  policy({
    id: 'flat_line_readings',
    value: FLAT_READINGS,
    unit: 'uploads',
    meaningEn: 'Unchanged uploads before a point counts as flat-lined',
    meaningZh: '数值连续不变达到该次数视为数据不变化',
    setting: null,
  }),
  policy({
    id: 'reading_future_skew',
    value: DEFAULT_READING_TIME_POLICY.futureSkewMs / 1000,
    unit: 's',
    meaningEn: 'A reading dated further ahead of the receiving clock is refused',
    meaningZh: '数据时间超前接收时钟超过该值即拒收',
    setting: 'REDLINE_READING_FUTURE_SKEW_S',
  }),
  policy({
    id: 'reading_late_after',
    value: DEFAULT_READING_TIME_POLICY.lateAfterMs / 1000,
    unit: 's',
    meaningEn: 'A reading received later than this after its time counts as late',
    meaningZh: '数据晚于其时间该值以上到达即记为迟到',
    setting: 'REDLINE_READING_LATE_AFTER_S',
  }),
  policy({
    id: 'silent_after',
    value: 5,
    unit: 'min',
    meaningEn: 'A producing mine’s point or the whole mine sending nothing this long raises a silence alarm',
    meaningZh: '生产矿井测点或整矿无数据达到该时长即报警',
    setting: null,
  }),
  policy({
    id: 'silent_mine_case_after',
    value: DEFAULT_SILENT_MINE_CASE_AFTER_HOURS,
    unit: 'h',
    meaningEn:
      'A mine that must keep monitoring online (any status but closed) and stays silent this long gets an evasion case',
    meaningZh: '除已关闭外的矿井监测数据中断达到该时长，自动立案（逃避监管）',
    setting: 'REDLINE_SILENT_MINE_CASE_AFTER_HOURS',
  }),
  policy({
    id: 'alarm_evidence_slack',
    value: ALARM_EVIDENCE_SLACK_MS / 60_000,
    unit: 'min',
    meaningEn:
      'A mine’s own alarm record (YCBJ) this far apart in time from Redline’s alarm on the same point still reports it',
    meaningZh: '矿井自报报警记录（YCBJ）与本平台同一测点报警相差不超过该时长，即视为已上报',
    setting: null,
  }),
];
