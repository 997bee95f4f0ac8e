import type { AccidentGrade } from '../../core/accidents/accident-grading.ts';
import type { InvestigationState } from '../../core/accidents/investigation-machine.ts';
import type { CaseStatus, CaseType } from '../../core/closure/closure-types.ts';
import type {
  EscalationLevel,
  HazardGrade,
  HazardSource,
  HazardState,
} from '../../core/hazards/hazard-types.ts';
import type { AlarmPriority, AlarmState } from '../../core/monitoring/alarms/alarm-lifecycle.ts';
import type { AlarmRule } from '../../core/monitoring/engine/engine-types.ts';
import type { OrderKind, OrderStatus } from '../../core/orders/orders-ports.ts';
import type { GasClass, MechanisationLevel, MineStatus } from '../../core/registry/types.ts';

/** The languages an export is written in (the web's two). */
export const EXPORT_LANGS = ['zh-CN', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

/** A code's words in both languages: `[zh-CN, en]`. */
export type Words = readonly [zh: string, en: string];
export type EnumLabels<K extends string> = Readonly<Record<K, Words>>;

/** One code's words in `lang`; a code a table does not know is shown as "—", never raw. */
export function wordsOf<K extends string>(labels: EnumLabels<K>, code: K | string, lang: ExportLang): string {
  const w = (labels as Readonly<Record<string, Words>>)[code];
  return w === undefined ? '—' : w[lang === 'en' ? 1 : 0];
}

/** Yes / no. */
export const YES_NO: EnumLabels<'true' | 'false'> = { true: ['是', 'Yes'], false: ['否', 'No'] };

// The words are the web catalogue's (web/src/i18n), so an export reads like the page it came from.

export const MINE_STATUS_WORDS: EnumLabels<MineStatus> = {
  construction: ['基建', 'Construction'],
  producing: ['生产', 'Producing'],
  suspended: ['停产整顿', 'Suspended'],
  resumption_review: ['复产验收中', 'Resumption review'],
  closing: ['关闭退出中', 'Closing'],
  closed: ['已关闭', 'Closed'],
};

export const GAS_CLASS_WORDS: EnumLabels<GasClass> = {
  low: ['低瓦斯', 'Low-gas'],
  high: ['高瓦斯', 'High-gas'],
  outburst: ['煤与瓦斯突出', 'Outburst'],
};

export const MECHANISATION_WORDS: EnumLabels<MechanisationLevel> = {
  manual: ['人工', 'Manual'],
  partial: ['部分机械化', 'Partly mechanised'],
  mechanised: ['综合机械化', 'Mechanised'],
  intelligent: ['智能化', 'Intelligent'],
};

export const ALARM_PRIORITY_WORDS: EnumLabels<AlarmPriority> = {
  critical: ['紧急', 'Critical'],
  high: ['高', 'High'],
  medium: ['中', 'Medium'],
  low: ['低', 'Low'],
};

export const ALARM_STATE_WORDS: EnumLabels<AlarmState> = {
  normal: ['正常', 'Normal'],
  unack_active: ['未确认', 'Unacknowledged'],
  ack_active: ['已确认', 'Acknowledged'],
  rtn_unack: ['已恢复未确认', 'Cleared, unacknowledged'],
  shelved: ['已搁置', 'Shelved'],
  suppressed: ['设计抑制', 'Suppressed by design'],
  out_of_service: ['停用', 'Out of service'],
};

export const ALARM_RULE_WORDS: EnumLabels<AlarmRule> = {
  people_in_stopped_mine: ['停产/关闭矿井有人员下井', 'People underground in a stopped/closed mine'],
  activity_in_stopped_mine: [
    '停产/关闭矿井有生产或供电信号',
    'Production or power signals in a stopped/closed mine',
  ],
  power_cut_level: ['达到断电值', 'Power-cut level reached'],
  power_cut_ineffective: ['断电失效', 'Power cut ineffective'],
  stop_work_level: ['超温停止作业', 'Stop-work temperature'],
  over_limit: ['超限报警', 'Over limit'],
  low_limit: ['低于下限', 'Below lower limit'],
  smoke: ['烟雾报警', 'Smoke'],
  belt_protection: ['皮带保护动作/失效', 'Belt protection tripped/failed'],
  co_rising: ['CO持续上升（火灾征兆）', 'CO rising (possible fire)'],
  headcount_over_limit: ['井下超员', 'Too many people underground'],
  area_over_limit: ['区域超员', 'Too many people in an area'],
  restricted_area: ['进入限制区域', 'Restricted area entered'],
  mine_data_stopped: ['矿井监测数据中断', 'Mine stopped sending monitoring data'],
  pre_alarm: ['预警', 'Pre-alarm'],
  sensor_fault: ['传感器故障', 'Sensor fault'],
  point_silent: ['测点无数据', 'Point silent'],
  overtime_underground: ['井下超时', 'Overtime underground'],
  gas_control_lacking: [
    '无瓦斯防治能力的高瓦斯/突出矿井生产或有人下井',
    'High-gas/outburst mine without gas-control capability producing or manned',
  ],
  suspected_tampering: ['疑似数据造假', 'Suspected falsified data'],
  incident_fire_pattern: [
    '火灾征兆事件（皮带保护失效＋烟雾/温度/CO上升＋井下有人）',
    'Fire pattern (failed belt protection + smoke/heat/CO rising + people underground)',
  ],
  incident_gas_production: ['瓦斯超限仍在生产', 'Gas over the limit while producing'],
  incident_power_cut_ineffective: ['断电失效事件', 'Power cut did not take effect'],
  incident_stopped_mine_work: ['停产/关闭矿井违规作业', 'Work in a stopped or closed mine'],
};

export const HAZARD_STATE_WORDS: EnumLabels<HazardState> = {
  reported: ['已上报', 'Reported'],
  assigned: ['已落实', 'Assigned'],
  rectifying: ['整改中', 'Rectifying'],
  awaiting_verification: ['待验收', 'Awaiting verification'],
  closed: ['已销号', 'Closed'],
};

export const HAZARD_GRADE_WORDS: EnumLabels<HazardGrade> = {
  major: ['重大隐患', 'Major'],
  general: ['一般隐患', 'General'],
};

export const HAZARD_SOURCE_WORDS: EnumLabels<HazardSource> = {
  self_check: ['自查', 'Self-check'],
  inspection: ['检查', 'Inspection'],
  alarm: ['报警', 'Alarm'],
  public_report: ['举报', 'Public report'],
};

export const ESCALATION_WORDS: EnumLabels<EscalationLevel> = {
  none: ['未升级', 'Not escalated'],
  county: ['区县督办', 'County'],
  city: ['市级督办', 'City'],
  province: ['省级督办', 'Province'],
};

export const ORDER_KIND_WORDS: EnumLabels<OrderKind> = {
  stop_work: ['区域停产', 'Region stop-work'],
  suspend_mine: ['停产整顿', 'Suspension'],
  close_mine: ['关闭', 'Closure'],
  lift: ['解除', 'Lift'],
};

export const ORDER_STATUS_WORDS: EnumLabels<OrderStatus> = {
  scheduled: ['待生效', 'Scheduled'],
  in_force: ['生效中', 'In force'],
  lifted: ['已解除', 'Lifted'],
  superseded: ['已替代', 'Superseded'],
};

export const VISITOR_ROLE_WORDS: EnumLabels<'leader' | 'group_member'> = {
  leader: ['包保领导', 'Responsible leader'],
  group_member: ['督导组成员', 'Supervision group member'],
};

export const CASE_TYPE_WORDS: EnumLabels<CaseType> = {
  illegal_trusteeship: ['违法托管', 'Illegal trusteeship'],
  false_integration: ['假整合', 'False integration'],
  evasion_of_supervision: ['逃避监管', 'Evasion of supervision'],
  data_tampering: ['篡改数据', 'Data tampering'],
};

export const CASE_STATUS_WORDS: EnumLabels<CaseStatus> = {
  open: ['立案', 'Open'],
  investigating: ['调查中', 'Investigating'],
  decided: ['已处理', 'Decided'],
  closed: ['已结案', 'Closed'],
};

export const ACCIDENT_GRADE_WORDS: EnumLabels<AccidentGrade> = {
  especially_major: ['特别重大事故', 'Especially major'],
  major: ['重大事故', 'Major'],
  larger: ['较大事故', 'Larger'],
  general: ['一般事故', 'General'],
  none: ['未达分级', 'Below grading'],
};

export const INVESTIGATION_WORDS: EnumLabels<InvestigationState> = {
  investigating: ['调查中', 'Investigating'],
  extended: ['已延期', 'Extended'],
  reported: ['已提交报告', 'Report submitted'],
  closed: ['已结案', 'Closed'],
};
