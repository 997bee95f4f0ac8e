/** The signed-in frame's labels (menu button on a phone), zh-CN and English. */
export const shellZh = {
  'nav.open': '打开导航菜单',
  'nav.close': '关闭导航菜单',
  'areaType.key': '重点区域',
  'areaType.restricted': '限制区域',
  'areaType.other': '其他区域',
} as const;

export const shellEn: Record<keyof typeof shellZh, string> = {
  'nav.open': 'Open the navigation menu',
  'nav.close': 'Close the navigation menu',
  'areaType.key': 'Key area',
  'areaType.restricted': 'Restricted area',
  'areaType.other': 'Other area',
};
