/**
 * Evidence beyond the mine's word (ADR 0012): Redline's alarms against the mine's own alarm records
 * (YCBJ); zh-CN and English. Keys start with `evidence.`.
 */
export const evidenceZh = {
  'evidence.title': '报警核验：平台与矿井自报',
  'evidence.period': '时段',
  'evidence.days': '近 {n} 天',
  'evidence.hint':
    '对比本平台检测到的测点报警与矿井上传的异常报警记录：矿井从未上报的为“未上报”；同一测点相差 {min} 分钟以内视为已上报（平台策略）。处置率＝填写了处理措施的记录占比。',
  'evidence.redline': '平台检测报警',
  'evidence.mine': '矿井自报报警',
  'evidence.hidden': '未上报',
  'evidence.unhandled': '未填处理措施',
  'evidence.rate': '报警处置率',
  'evidence.hiddenList': '矿井未上报的报警（{n} 条）',
  'evidence.col.rule': '报警类型',
  'evidence.col.point': '测点编码',
  'evidence.col.raised': '报警时间',
  'evidence.col.cleared': '解除时间',
  'evidence.stillActive': '仍在报警',
} as const;

export const evidenceEn: Record<keyof typeof evidenceZh, string> = {
  'evidence.title': "Alarm check: Redline vs the mine's own records",
  'evidence.period': 'Period',
  'evidence.days': 'Last {n} days',
  'evidence.hint':
    'Redline\'s point alarms against the alarm records the mine uploads (YCBJ): alarms the mine never reported are "hidden"; a record on the same point within {min} min counts as reported (platform policy). Handling rate = share of records with a handling measure.',
  'evidence.redline': 'Detected by Redline',
  'evidence.mine': 'Reported by the mine',
  'evidence.hidden': 'Hidden',
  'evidence.unhandled': 'No handling measure',
  'evidence.rate': 'Handling rate',
  'evidence.hiddenList': 'Alarms the mine never reported ({n})',
  'evidence.col.rule': 'Alarm',
  'evidence.col.point': 'Point code',
  'evidence.col.raised': 'Raised',
  'evidence.col.cleared': 'Cleared',
  'evidence.stillActive': 'Still active',
};
