import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Briefing } from '../core/briefing/briefing-use-cases.ts';
import { unavailable } from '../core/errors.ts';
import { MINE_STATUSES } from '../core/registry/types.ts';
import { FACTOR_ZH, GAP_ZH, PRIORITY_ZH, STATUS_ZH, ruleZh } from './briefing-labels.ts';

/** Debian's fonts-wqy-zenhei: a CJK font that pdfkit can embed (the collection's face is named below). */
export const DEFAULT_CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const CJK_FACE = 'WenQuanYiZenHei';

export interface PdfOptions {
  fontPath?: string;
  /** Who issues the briefing (the signed-in user and their unit), printed under the title. */
  issuer?: { name: string; unit: string };
}

/** An instant as China Standard Time, `YYYY-MM-DD HH:mm`. */
export function formatCst(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** "+3", "−2" or "持平" for a change against the previous period. */
function delta(current: number, previous: number): string {
  const d = current - previous;
  return d === 0 ? '持平' : d > 0 ? `+${d}` : `−${-d}`;
}

/** Room (points) a table row takes, and what stays free for the footer at the page's foot. */
const ROW_PT = 15;
const FOOTER_PT = 40;

type Row = ReadonlyArray<string | number>;

/** The briefing as an A4 PDF in Chinese. */
export async function renderBriefingPdf(b: Briefing, opts: PdfOptions = {}): Promise<Buffer> {
  const fontPath = opts.fontPath ?? DEFAULT_CJK_FONT_PATH;
  if (!existsSync(fontPath)) {
    throw unavailable('REPORT_FONT_MISSING', `The CJK font for PDF reports is missing: ${fontPath}.`);
  }
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    info: { Title: `${b.region.name} 煤矿安全简报`, Author: opts.issuer?.unit ?? 'Redline' },
  });
  doc.registerFont('zh', fontPath, CJK_FACE);
  doc.font('zh');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - FOOTER_PT;
  /** Starts a new page unless `pt` more points fit above the footer. */
  const ensureRoom = (pt: number) => {
    if (doc.y + pt > bottom()) doc.addPage();
  };
  /** A section heading, kept on one page with the first lines (or rows) that follow it. */
  const heading = (text: string, keepWithPt = 3 * ROW_PT) => {
    ensureRoom(40 + keepWithPt);
    doc.moveDown(0.6).fontSize(13).fillColor('#7a0000').text(text, left).fillColor('black').fontSize(10);
    doc.moveDown(0.2);
  };
  /** A simple table: fixed column widths as fractions of the page width. */
  const table = (header: Row, rows: readonly Row[], fractions: readonly number[]) => {
    const xs: number[] = [];
    let x = left;
    for (const f of fractions) {
      xs.push(x);
      x += f * width;
    }
    const line = (cells: Row, bold: boolean) => {
      ensureRoom(ROW_PT);
      const y = doc.y;
      doc.fillColor(bold ? '#444444' : 'black');
      cells.forEach((c, i) => {
        doc.text(String(c), xs[i] ?? left, y, {
          width: (fractions[i] ?? 0.2) * width - 4,
          height: 13,
          lineBreak: false,
          ellipsis: true,
        });
      });
      doc.fillColor('black');
      doc.y = y + ROW_PT;
    };
    // No widowed rows: a table of up to 6 rows stays on one page; a longer one breaks with the header
    // repeated, and never leaves its last row alone on a page.
    ensureRoom(ROW_PT * (rows.length <= 6 ? rows.length + 1 : 3));
    line(header, true);
    rows.forEach((r, i) => {
      const remaining = rows.length - i;
      const lastTwoSplit = remaining === 2 && i >= 2 && doc.y + 2 * ROW_PT > bottom();
      if (doc.y + ROW_PT > bottom() || lastTwoSplit) {
        doc.addPage();
        line(header, true);
      }
      line(r, false);
    });
    doc.x = left;
  };

  doc.fontSize(18).text(`${b.region.name} 煤矿安全生产简报`, { align: 'center' });
  doc
    .fontSize(10)
    .text(
      `统计期间：${b.period.from} 至 ${b.period.to}    生成时间：${formatCst(b.generatedAt)}（北京时间）`,
      {
        align: 'center',
      },
    );
  if (opts.issuer) doc.text(`编制：${opts.issuer.unit}    签发人：${opts.issuer.name}`, { align: 'center' });

  const c = b.changes;
  heading('摘要：与上期相比');
  doc.text(`上期：${c.previousPeriod.from} 至 ${c.previousPeriod.to}`);
  table(
    ['事项', '本期', '上期', '变化'],
    (
      [
        ['发现隐患', c.hazardsFound],
        ['其中重大隐患', c.majorHazardsFound],
        ['整改销号隐患', c.hazardsClosed],
        ['监测报警', c.alarms],
        ['督导检查', c.visits],
        ['进入关闭程序煤矿', c.enteredClosing],
        ['完成关闭煤矿', c.closed],
      ] as const
    ).map(([label, v]) => [label, v.current, v.previous, delta(v.current, v.previous)]),
    [0.4, 0.2, 0.2, 0.2],
  );

  heading('一、煤矿数量（按状态）');
  table(
    ['状态', '矿井数'],
    [...MINE_STATUSES.map((s) => [STATUS_ZH[s], b.mines.byStatus[s]] as Row), ['合计', b.mines.total]],
    [0.5, 0.5],
  );
  doc.text(`其中30万吨/年以下小煤矿 ${b.mines.small} 处，尚未关闭 ${b.mines.smallNotClosed} 处。`);

  heading('二、关闭退出进展');
  doc.text(`本期进入关闭退出程序 ${b.closure.enteredClosing} 处，完成关闭 ${b.closure.closed} 处。`);
  if (b.closure.targets === null) doc.text('关闭目标：本地区未登记关闭目标。');
  else {
    table(
      ['地区', '期限', '目标数', '已关闭', '关闭中'],
      b.closure.targets.map((t) => [t.regionName, t.deadline, t.minesToClose, t.closed, t.inProgress]),
      [0.3, 0.2, 0.15, 0.15, 0.2],
    );
  }

  heading('三、隐患排查治理');
  table(
    ['本期发现', '其中重大', '本期整改销号', '当前未整改', '当前逾期'],
    [[b.hazards.found, b.hazards.majorFound, b.hazards.closed, b.hazards.open, b.hazards.overdue]],
    [0.2, 0.2, 0.2, 0.2, 0.2],
  );

  heading('四、监测报警（按类型）');
  doc.text(`本期报警共 ${b.alarms.total} 次。`);
  if (b.alarms.byRule.length > 0) {
    table(
      ['类型', '级别', '次数'],
      b.alarms.byRule.map((r) => [ruleZh(r.rule), PRIORITY_ZH[r.priority] ?? r.priority, r.raised]),
      [0.5, 0.25, 0.25],
    );
  }

  heading('五、监管包保覆盖');
  const s = b.supervision;
  doc.text(`在册未关闭煤矿 ${s.mines} 处，“四个一”全部落实 ${s.complete} 处。`);
  doc.text(
    `缺项：${(Object.keys(GAP_ZH) as Array<keyof typeof GAP_ZH>).map((g) => `${GAP_ZH[g]} ${s.missing[g]} 处`).join('，')}。`,
  );
  doc.text(`本期督导检查 ${s.visits} 次，覆盖煤矿 ${s.minesVisited} 处，其中下井 ${s.underground} 次。`);

  heading('六、事故及死亡人数（同比）');
  if (b.accidents === null) doc.text('无事故数据（事故登记模块未提供数据，未作统计）。');
  else {
    const a = b.accidents;
    table(
      ['', '事故起数', '死亡人数'],
      [
        ['本期', a.current.accidents, a.current.deaths],
        ['去年同期', a.previousYear.accidents, a.previousYear.deaths],
      ],
      [0.34, 0.33, 0.33],
    );
  }

  heading('七、风险最高的十处煤矿');
  table(
    ['排名', '煤矿', '地区', '状态', '风险分', '主要因素'],
    b.topRisk.map((r) => [
      r.rank,
      r.name,
      r.regionName,
      STATUS_ZH[r.status as keyof typeof STATUS_ZH] ?? r.status,
      r.score,
      [
        ...r.incidents.map((i) => `进行中：${ruleZh(i.rule)}`),
        ...r.factors
          .filter((f) => f.points > 0 && f.id !== 'live_incident')
          .sort((x, y) => y.points - x.points)
          .slice(0, 2)
          .map((f) => `${FACTOR_ZH[f.id]} ${f.points}`),
      ].join('；'),
    ]),
    [0.06, 0.2, 0.12, 0.12, 0.08, 0.42],
  );

  // Page numbers and the issuing unit at each page's foot (drawn inside the bottom margin, which must be
  // lifted for the moment or pdfkit would start a new page for the text).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { bottom: marginBottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#666666')
      .text(
        `${b.region.name} 煤矿安全生产简报 · 第 ${i - range.start + 1} 页 / 共 ${range.count} 页`,
        left,
        doc.page.height - marginBottom + 14,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = marginBottom;
  }
  doc.flushPages();
  doc.end();
  return done;
}
