/**
 * Labels of the statutory follow-ups (issue 15, second part): the public notice of suspension and
 * closure orders, the licence suspended by a stop order; zh-CN and English, spread into the main
 * dictionaries.
 */
export const statutoryZh = {
  'order.notice.title': '公告',
  'order.notice.due': '停产整顿、关闭决定应于 {due} 前（5 个工作日内）向社会公告',
  'order.notice.overdue': '公告逾期：应于 {due} 前发布，至今未记录',
  'order.notice.recorded': '已于 {date} 公告（{ref}）',
  'order.notice.recordedLate': '公告晚于期限（应于 {due} 前，实际 {date}）',
  'order.notice.holidays': '工作日按周一至周五计算，未计入法定节假日和调休',
  'order.notice.date': '公告日期',
  'order.notice.ref': '公告文号或链接',
  'order.notice.record': '记录公告',
  'order.notice.listOverdue': '公告逾期',
  'order.notice.listPending': '待公告',
  'order.col.notice': '公告',
  'order.col.licence': '安全生产许可证',
  'order.licence.suspendedHere': '已暂扣（本指令）',
  'order.licence.notSuspended': '—',
  'fact.licence.suspended': '已暂扣：{order}（{date}），经复产验收批准后恢复',
  'error.ORDER_NOTICE_INVALID':
    '公告信息有误：日期须为 YYYY-MM-DD，不得早于指令或晚于今天，并须填写文号或链接',
  'error.ORDER_NOTICE_NOT_NEEDED': '解除指令无需公告（复产验收决定另行公告）',
};

export const statutoryEn: Record<keyof typeof statutoryZh, string> = {
  'order.notice.title': 'Public notice',
  'order.notice.due': 'A suspension or closure must be announced publicly by {due} (within 5 working days)',
  'order.notice.overdue': 'Public notice overdue: due by {due}, none recorded',
  'order.notice.recorded': 'Announced on {date} ({ref})',
  'order.notice.recordedLate': 'Announced late (due by {due}, announced {date})',
  'order.notice.holidays':
    'Working days are counted Monday to Friday; public holidays and swapped weekends are not counted',
  'order.notice.date': 'Notice date',
  'order.notice.ref': 'Notice number or link',
  'order.notice.record': 'Record notice',
  'order.notice.listOverdue': 'Notice overdue',
  'order.notice.listPending': 'Notice pending',
  'order.col.notice': 'Notice',
  'order.col.licence': 'Safety production licence',
  'order.licence.suspendedHere': 'Suspended (by this order)',
  'order.licence.notSuspended': '—',
  'fact.licence.suspended': 'Suspended: {order} ({date}); restored when a resumption is approved',
  'error.ORDER_NOTICE_INVALID':
    'The notice is not valid: the date must be YYYY-MM-DD, not before the order nor after today, and the number or link is required',
  'error.ORDER_NOTICE_NOT_NEEDED':
    'A lift order needs no public notice (the resumption decision is announced on its own)',
};
