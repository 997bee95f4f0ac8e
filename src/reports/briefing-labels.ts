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
  live_incident: '进行中的事件',
  unacknowledged_critical: '未确认紧急报警',
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

export { ruleZh } from '../core/monitoring/alarm-rule-labels.ts';

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
