import ExcelJS from 'exceljs';
import type { Briefing } from '../core/briefing/briefing-use-cases.ts';
import { inertCell, inertRow, inertText } from '../core/export/safe-cells.ts';
import { MINE_STATUSES } from '../core/registry/types.ts';
import { FACTOR_ZH, GAP_ZH, PRIORITY_ZH, STATUS_ZH, ruleZh } from './briefing-labels.ts';

/**
 * The briefing as a workbook: a summary sheet ("简报") with the key figures as label/value rows, and one
 * sheet per table (alarms by type, the riskiest mines with every factor's points).
 */
export async function renderBriefingXlsx(b: Briefing): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Redline';
  const summary = wb.addWorksheet('简报');
  summary.columns = [
    { header: '项目', key: 'label', width: 36 },
    { header: '数值', key: 'value', width: 20 },
  ];
  const add = (label: string, value: string | number) =>
    summary.addRow({ label: inertText(label), value: inertCell(value) });
  add('地区', b.region.name);
  add('地区代码', b.region.id);
  add('统计期间起', b.period.from);
  add('统计期间止', b.period.to);
  add('生成时间 (UTC)', b.generatedAt);
  for (const s of MINE_STATUSES) add(`煤矿数：${STATUS_ZH[s]}`, b.mines.byStatus[s]);
  add('煤矿数：合计', b.mines.total);
  add('30万吨/年以下小煤矿', b.mines.small);
  add('其中尚未关闭', b.mines.smallNotClosed);
  add('本期进入关闭退出程序', b.closure.enteredClosing);
  add('本期完成关闭', b.closure.closed);
  add('隐患：本期发现', b.hazards.found);
  add('隐患：本期发现重大隐患', b.hazards.majorFound);
  add('隐患：本期整改销号', b.hazards.closed);
  add('隐患：当前未整改', b.hazards.open);
  add('隐患：当前逾期', b.hazards.overdue);
  add('报警：本期合计', b.alarms.total);
  add('监管覆盖：未关闭煤矿', b.supervision.mines);
  add('监管覆盖："四个一"全部落实', b.supervision.complete);
  for (const g of Object.keys(GAP_ZH) as Array<keyof typeof GAP_ZH>) {
    add(`监管覆盖：缺${GAP_ZH[g]}`, b.supervision.missing[g]);
  }
  add('督导检查次数', b.supervision.visits);
  add('督导检查覆盖煤矿', b.supervision.minesVisited);
  add('下井检查次数', b.supervision.underground);
  if (b.accidents === null) add('事故', '无事故数据');
  else {
    add('事故起数：本期', b.accidents.current.accidents);
    add('死亡人数：本期', b.accidents.current.deaths);
    add('事故起数：去年同期', b.accidents.previousYear.accidents);
    add('死亡人数：去年同期', b.accidents.previousYear.deaths);
  }
  summary.getRow(1).font = { bold: true };

  if (b.closure.targets !== null) {
    const t = wb.addWorksheet('关闭目标');
    t.addRow(['地区', '期限', '目标数', '已关闭', '关闭中']);
    for (const x of b.closure.targets)
      t.addRow(inertRow([x.regionName, x.deadline, x.minesToClose, x.closed, x.inProgress]));
    t.getRow(1).font = { bold: true };
  }

  const alarms = wb.addWorksheet('报警类型');
  alarms.addRow(['类型', '规则', '级别', '次数']);
  for (const r of b.alarms.byRule)
    alarms.addRow(inertRow([ruleZh(r.rule), r.rule, PRIORITY_ZH[r.priority] ?? r.priority, r.raised]));
  alarms.getRow(1).font = { bold: true };

  const risk = wb.addWorksheet('风险排名');
  const factorIds = b.topRisk[0]?.factors.map((f) => f.id) ?? [];
  risk.addRow([
    '排名',
    '煤矿编码',
    '煤矿',
    '地区',
    '状态',
    '风险分',
    ...factorIds.map((id) => FACTOR_ZH[id]),
  ]);
  for (const r of b.topRisk) {
    risk.addRow(
      inertRow([
        r.rank,
        r.code,
        r.name,
        r.regionName,
        STATUS_ZH[r.status as keyof typeof STATUS_ZH] ?? r.status,
        r.score,
        ...r.factors.map((f) => (f.noData ? '无数据' : f.points)),
      ]),
    );
  }
  risk.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
