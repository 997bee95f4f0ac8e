import type { RiskFactorId } from '../core/briefing/risk-factors.ts';
import type { MineStatus } from '../core/registry/types.ts';

/** The report's Chinese labels (the briefing is read at a standing-committee meeting). */
export const STATUS_ZH: Readonly<Record<MineStatus, string>> = {
  construction: '建设',
  producing: '生产',
  suspended: '停产整顿',
  resumption_review: '复产验收',
  closing: '关闭退出中',
  closed: '已关闭',
};

export const FACTOR_ZH: Readonly<Record<RiskFactorId, string>> = {
  open_hazards: '未整改隐患',
  open_major_hazards: '未整改重大隐患',
  overdue_hazards: '逾期隐患',
  alarms_critical_30d: '30天紧急报警',
  alarms_high_30d: '30天高级报警',
  alarms_medium_30d: '30天中级报警',
  data_gaps_30d: '30天数据中断',
  gas_class: '瓦斯等级',
  small_capacity: '30万吨以下小煤矿',
  inspection_recency: '距上次督导检查',
  accident_history: '三年内事故',
};

const RULE_ZH: Readonly<Record<string, string>> = {
  people_in_stopped_mine: '停产/关闭矿井有人下井',
  activity_in_stopped_mine: '停产/关闭矿井有生产活动',
  power_cut_level: '达到断电值',
  power_cut_ineffective: '断电失效',
  stop_work_level: '超温停止作业',
  over_limit: '超限',
  low_limit: '低于下限',
  smoke: '烟雾',
  belt_protection: '皮带保护',
  co_rising: '一氧化碳持续上升',
  headcount_over_limit: '井下超员',
  area_over_limit: '区域超员',
  restricted_area: '进入限制区域',
  mine_data_stopped: '矿井数据中断',
  pre_alarm: '预警',
  sensor_fault: '传感器故障',
  point_silent: '测点无数据',
  overtime_underground: '井下超时',
  gas_control_lacking: '无瓦斯防治能力的高瓦斯/突出矿井生产或有人下井',
  suspected_tampering: '疑似数据造假',
};

export const ruleZh = (rule: string): string => RULE_ZH[rule] ?? rule;

export const PRIORITY_ZH: Readonly<Record<string, string>> = {
  critical: '紧急',
  high: '高',
  medium: '中',
  low: '低',
};

export const GAP_ZH = {
  plan: '一矿一策',
  responsible: '责任人',
  group: '督导组',
  leader: '包保领导',
} as const;
