/**
 * The design system's own words (web/src/components: tables, dialogs, buttons), zh-CN and English;
 * spread into the main dictionaries. Keys start with `kit.`.
 */
export const kitZh = {
  'kit.table.empty': '暂无记录',
  'kit.table.sortBy': '按“{column}”排序',
  'kit.table.actions': '操作',
  'kit.dialog.close': '关闭',
  'kit.dialog.cancel': '取消',
  'kit.dialog.confirm': '确定',
  'kit.field.required': '必填',
};

export const kitEn: Record<keyof typeof kitZh, string> = {
  'kit.table.empty': 'Nothing to show',
  'kit.table.sortBy': 'Sort by {column}',
  'kit.table.actions': 'Actions',
  'kit.dialog.close': 'Close',
  'kit.dialog.cancel': 'Cancel',
  'kit.dialog.confirm': 'Confirm',
  'kit.field.required': 'Required',
};
