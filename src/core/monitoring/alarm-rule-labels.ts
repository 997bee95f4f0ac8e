import type { AlarmRule } from './engine/engine-types.ts';

/**
 * Each alarm rule's Chinese name, for server-written Chinese text (the briefing, a hazard's stored
 * description). The web keeps its own in web/src/i18n.
 */
export const ALARM_RULE_ZH: Readonly<Record<AlarmRule, string>> = {
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
  incident_fire_pattern: '火灾征兆事件',
  incident_gas_production: '瓦斯超限仍在生产',
  incident_power_cut_ineffective: '断电失效事件',
  incident_stopped_mine_work: '停产/关闭矿井违规作业',
};

/** A rule's Chinese name, or the code itself for a rule this table does not know. */
export const ruleZh = (rule: string): string =>
  (ALARM_RULE_ZH as Readonly<Record<string, string>>)[rule] ?? rule;
