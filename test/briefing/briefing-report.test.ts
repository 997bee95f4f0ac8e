import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { getBriefing, previousPeriod, validatePeriod } from '../../src/core/briefing/briefing-use-cases.ts';
import { getNextVisits, getRiskRanking } from '../../src/core/briefing/risk-use-cases.ts';
import { reportHazard } from '../../src/core/hazards/hazard-use-cases.ts';
import { MINE_STATUSES } from '../../src/core/registry/types.ts';
import { setContactLeader } from '../../src/core/supervision/assignment-use-cases.ts';
import { recordVisit } from '../../src/core/supervision/visit-use-cases.ts';
import { renderBriefingPdf } from '../../src/reports/briefing-pdf.ts';
import { renderBriefingXlsx } from '../../src/reports/briefing-xlsx.ts';
import { beltHazard, generalHazard } from '../hazards/hazard-fixtures.ts';
import { indexProvince } from '../http/http-kit.ts';
import { describeEachEngine } from '../support/engines.ts';
import { useWorld } from '../support/world.ts';

const PERIOD = { from: '2026-12-01', to: '2026-12-31' };

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('briefing report and risk ranking', (engine) => {
  const world = useWorld(engine, 40);
  let countyId: string;
  let mineId: string;
  let otherMineId: string;

  beforeAll(async () => {
    const province = indexProvince(world);
    const officer = await world.principal('officer');
    mineId = province.mineOf('officer').id;
    countyId = province.mineOf('officer').regionId;
    otherMineId = world.province.mines.find(
      (m) => m.regionId === countyId && m.id !== mineId && m.status !== 'closed',
    )!.id;
    for (const title of ['巷道积水', '风门关不严', '电缆破皮']) {
      await reportHazard(world.ports, officer, generalHazard(mineId, { title }));
    }
    await reportHazard(world.ports, officer, beltHazard(mineId));
  }, 120_000);

  it('counts the hazards found in the period and the mines by status', async () => {
    const b = await getBriefing(world.ports, await world.principal('county'), {
      regionId: countyId,
      ...PERIOD,
    });
    expect(b.hazards).toMatchObject({ found: 4, majorFound: 1, open: 4, closed: 0, overdue: 0 });
    const inCounty = world.province.mines.filter((m) => m.regionId === countyId);
    expect(b.mines.total).toBe(inCounty.length);
    for (const s of MINE_STATUSES) {
      expect(b.mines.byStatus[s], s).toBe(inCounty.filter((m) => m.status === s).length);
    }
    expect(b.topRisk.length).toBe(Math.min(10, inCounty.length));
  });

  it('a period outside the hazards finds none (and a reversed period is refused)', async () => {
    const county = await world.principal('county');
    const b = await getBriefing(world.ports, county, {
      regionId: countyId,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(b.hazards.found).toBe(0);
    expect(b.hazards.open).toBe(4);
    await expect(
      getBriefing(world.ports, county, { regionId: countyId, from: '2026-12-31', to: '2026-12-01' }),
    ).rejects.toMatchObject({ code: 'BRIEFING_PERIOD_INVALID' });
  });

  it('renders a PDF whose text holds the region name in Chinese and the figures', async () => {
    const b = await getBriefing(world.ports, await world.principal('county'), {
      regionId: countyId,
      ...PERIOD,
    });
    const text = pdfText(await renderBriefingPdf(b));
    expect(text).toContain(`${b.region.name} 煤矿安全生产简报`);
    expect(text).toContain('统计期间：2026-12-01 至 2026-12-31');
    expect(text).toMatch(new RegExp(`生产\\s+${b.mines.byStatus.producing}\\n`));
    expect(text).toMatch(new RegExp(`合计\\s+${b.mines.total}\\n`));
    // The hazard row: found, major, closed, open, overdue.
    expect(text).toMatch(/\n\s*4\s+1\s+0\s+4\s+0\s*\n/);
    expect(text).toContain(b.topRisk[0]!.name);
  });

  it('the PDF is signed, numbered, in Beijing time, opens with the change since the previous period, and has no near-empty page', async () => {
    const b = await getBriefing(world.ports, await world.principal('county'), {
      regionId: countyId,
      ...PERIOD,
    });
    expect(b.changes.previousPeriod).toEqual({ from: '2026-10-31', to: '2026-11-30' });
    expect(b.changes.hazardsFound).toEqual({ current: 4, previous: 0 });
    const text = pdfText(await renderBriefingPdf(b, { issuer: { name: '张三', unit: '示范县应急管理局' } }));
    expect(text).toContain('编制：示范县应急管理局');
    expect(text).toContain('签发人：张三');
    expect(text).toMatch(/生成时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    expect(text).not.toContain('UTC');
    expect(text).toContain('摘要：与上期相比');
    expect(text).toMatch(/发现隐患\s+4\s+0\s+\+4/);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(0);
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
      // Every page carries more than its footer: no page holds a widowed row or nothing at all.
      const lines = p.split('\n').filter((l) => l.trim() !== '' && !l.includes('页 / 共'));
      expect(lines.length, `page ${i + 1}`).toBeGreaterThan(3);
    });
  });

  it('periods are China Standard Time days; the previous period has the same length', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-07' })).toEqual({
      from: '2026-11-24',
      to: '2026-11-30',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    // 1 Dec 2026 00:00 in Beijing is 30 Nov 16:00 UTC.
    expect(validatePeriod({ from: '2026-12-01', to: '2026-12-01' })).toEqual({
      fromIso: '2026-11-30T16:00:00.000Z',
      toIso: '2026-12-01T16:00:00.000Z',
    });
  });

  it('renders an XLSX that reads back with the same figures', async () => {
    const b = await getBriefing(world.ports, await world.principal('county'), {
      regionId: countyId,
      ...PERIOD,
    });
    const wb = new ExcelJS.Workbook();
    const bytes = await renderBriefingXlsx(b);
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = wb.getWorksheet('简报')!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => values.set(row.getCell(1).text, row.getCell(2).value));
    expect(values.get('地区')).toBe(b.region.name);
    expect(values.get('隐患：本期发现')).toBe(4);
    expect(values.get('隐患：本期发现重大隐患')).toBe(1);
    expect(values.get('煤矿数：合计')).toBe(b.mines.total);
    const risk = wb.getWorksheet('风险排名')!;
    expect(risk.getRow(2).getCell(3).value).toBe(b.topRisk[0]!.name);
  });

  it('the risk ranking shows the hazards as contributions that add up to the score', async () => {
    const r = await getRiskRanking(world.ports, await world.principal('county'), { regionId: countyId });
    const row = r.items.find((i) => i.mineId === mineId)!;
    const pts = Object.fromEntries(row.factors.map((f) => [f.id, f.points]));
    expect(pts.open_hazards).toBe(8);
    expect(pts.open_major_hazards).toBe(15);
    expect(row.score).toBeCloseTo(
      row.factors.reduce((s, f) => s + f.points, 0),
      9,
    );
    expect(r.items.map((i) => i.score)).toEqual([...r.items.map((i) => i.score)].sort((a, b) => b - a));
  });

  it('where to go next: the leader sees the riskier mine first, the visited one after', async () => {
    const province = await world.principal('province');
    const leader = await world.principal('leader');
    await setContactLeader(world.ports, province, mineId, leader.userId);
    await setContactLeader(world.ports, province, otherMineId, leader.userId);
    let view = await getNextVisits(world.ports, leader, { onlyMine: true });
    expect(view.leaders).toHaveLength(1);
    const ids = view.leaders[0]!.mines.map((m) => m.mineId);
    expect(ids).toContain(otherMineId);
    expect(ids[0]).toBe(mineId);
    expect(view.leaders[0]!.mines[0]!.topFactors[0]).toEqual({ id: 'open_major_hazards', points: 15 });
    // A visit today lowers the inspection-recency factor of that mine only.
    await recordVisit(world.ports, leader, {
      mineId: otherMineId,
      startedAt: '2026-12-04T01:00:00Z',
      endedAt: '2026-12-04T03:00:00Z',
      wentToSite: true,
      wentUnderground: true,
      checklist: [{ item: '通风', result: 'ok' }],
    });
    view = await getNextVisits(world.ports, leader, { onlyMine: true });
    const visited = view.leaders[0]!.mines.find((m) => m.mineId === otherMineId)!;
    expect(visited.daysSinceVisit).toBe(0);
    expect(visited.topFactors.some((f) => f.id === 'inspection_recency')).toBe(false);
  });
});
