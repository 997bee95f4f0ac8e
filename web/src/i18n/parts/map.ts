/** The mine map's labels, zh-CN and English; spread into the main dictionaries. Keys start with `map.`. */
export const mapZh = {
  'nav.map': '矿井分布图',
  'map.title': '矿井分布图',
  'map.region': '地区',
  'map.count': '图上 {n} 处煤矿',
  'map.withoutPosition': '{n} 处煤矿未登记坐标，未在图上标出',
  'map.outlineNote': '区县范围按辖区内煤矿位置绘制（离线地图，不含行政区划边界数据）',
  'map.alarm': '有未恢复报警',
  'map.alarm.count': '未恢复报警 {n} 条（最高：{priority}）',
  'map.tooltip.capacity': '核定产能',
  'map.tooltip.status': '状态',
  'map.tooltip.region': '地区',
  'map.open': '点击煤矿打开其页面',
  'map.empty': '范围内没有登记坐标的煤矿',
  'map.legend.status': '按状态着色；红圈为有未恢复报警的煤矿',
} as const;

export const mapEn: Record<keyof typeof mapZh, string> = {
  'nav.map': 'Mine map',
  'map.title': 'Mine map',
  'map.region': 'Region',
  'map.count': '{n} mines on the map',
  'map.withoutPosition': '{n} mines have no recorded position and are not shown',
  'map.outlineNote':
    'District/county areas are drawn around their mines (offline map: no administrative boundary data)',
  'map.alarm': 'Open alarms',
  'map.alarm.count': '{n} open alarms (highest: {priority})',
  'map.tooltip.capacity': 'Approved capacity',
  'map.tooltip.status': 'Status',
  'map.tooltip.region': 'Region',
  'map.open': 'Click a mine to open its page',
  'map.empty': 'No mine with a recorded position in this area',
  'map.legend.status': 'Coloured by status; a red ring marks a mine with open alarms',
};
