/** The notification bell's labels, zh-CN and English; spread into the main dictionaries. Keys start with `bell.`. */
export const bellZh = {
  'bell.label': '提醒',
  'bell.open': '提醒：{n} 条未读',
  'bell.heading': '提醒',
  'bell.empty': '暂无提醒',
  'bell.markAll': '全部标为已读',
  'bell.unread': '未读',
  'bell.group.escalation': '升级到我的报警',
  'bell.group.overdue': '辖区逾期事项',
  'bell.group.directive': '上级下发的通知',
  'bell.line.directive': '{kind}，{time} 下发，{date} 前回执',
  'bell.line.escalation': '{rule}，已升级至第 {level} 级，{time} 起未确认',
};

export const bellEn: Record<keyof typeof bellZh, string> = {
  'bell.label': 'Notifications',
  'bell.open': 'Notifications: {n} unread',
  'bell.heading': 'Notifications',
  'bell.empty': 'No notifications',
  'bell.markAll': 'Mark all read',
  'bell.unread': 'Unread',
  'bell.group.escalation': 'Alarms escalated to me',
  'bell.group.overdue': 'Overdue in my area',
  'bell.group.directive': 'Notices from above',
  'bell.line.directive': '{kind}, issued {time}, read-back by {date}',
  'bell.line.escalation': '{rule}, escalated to level {level}, unacknowledged since {time}',
};
