import type { AccidentSummary } from '../../core/accidents/accident-use-cases.ts';
import type { CrackdownCase } from '../../core/closure/closure-types.ts';
import type { HazardView } from '../../core/hazards/hazard-queries.ts';
import type { AlarmView } from '../../core/monitoring/monitoring-ports.ts';
import type { Order } from '../../core/orders/orders-ports.ts';
import type { MineRow } from '../../core/ports.ts';
import type { SiteVisit } from '../../core/supervision/supervision-types.ts';
import { formatCst } from '../briefing-pdf.ts';
import {
  ACCIDENT_GRADE_WORDS,
  ALARM_PRIORITY_WORDS,
  ALARM_RULE_WORDS,
  ALARM_STATE_WORDS,
  CASE_STATUS_WORDS,
  CASE_TYPE_WORDS,
  ESCALATION_WORDS,
  GAS_CLASS_WORDS,
  HAZARD_GRADE_WORDS,
  HAZARD_SOURCE_WORDS,
  HAZARD_STATE_WORDS,
  INVESTIGATION_WORDS,
  MECHANISATION_WORDS,
  MINE_STATUS_WORDS,
  ORDER_KIND_WORDS,
  ORDER_STATUS_WORDS,
  VISITOR_ROLE_WORDS,
  YES_NO,
  wordsOf,
  type EnumLabels,
  type ExportLang,
  type Words,
} from './export-labels.ts';
import type { CellValue, ExportColumn } from './table-writer.ts';

/** A list's export: its sheet name and columns. */
export interface ListColumns<Row> {
  sheet: Words;
  columns: ReadonlyArray<ExportColumn<Row>>;
}

// Column builders, so a list's columns read as a table of header → field.
const text = <R>(header: Words, get: (r: R) => string | null, width = 18): ExportColumn<R> => ({
  header,
  width,
  value: (r) => get(r) ?? '',
});
const num = <R>(header: Words, get: (r: R) => number | null): ExportColumn<R> => ({
  header,
  width: 12,
  value: (r) => get(r),
});
/** An instant as China Standard Time, `YYYY-MM-DD HH:mm`. */
const time = <R>(header: Words, get: (r: R) => string | number | null): ExportColumn<R> => ({
  header,
  width: 18,
  value: (r) => {
    const v = get(r);
    if (v === null) return '';
    return formatCst(typeof v === 'number' ? new Date(v).toISOString() : v);
  },
});
const coded = <R, K extends string>(
  header: Words,
  labels: EnumLabels<K>,
  get: (r: R) => K | string,
): ExportColumn<R> => ({ header, width: 14, value: (r, lang) => wordsOf(labels, get(r), lang) });
const yesNo = <R>(header: Words, get: (r: R) => boolean): ExportColumn<R> =>
  coded(header, YES_NO, (r) => String(get(r)));
const byLang = <R>(header: Words, get: (r: R, lang: ExportLang) => CellValue): ExportColumn<R> => ({
  header,
  width: 18,
  value: get,
});

const MINE_CODE: Words = ['煤矿编码', 'Mine code'];
const MINE_NAME: Words = ['煤矿名称', 'Mine'];
const REGION: Words = ['所属区域', 'Region'];

export const MINE_COLUMNS: ListColumns<MineRow> = {
  sheet: ['煤矿', 'Mines'],
  columns: [
    text(MINE_CODE, (m) => m.code, 16),
    text(MINE_NAME, (m) => m.name, 24),
    byLang(REGION, (m, lang) => (lang === 'en' ? m.regionNameEn : m.regionName)),
    text(['所属企业', 'Enterprise'], (m) => m.enterpriseName, 24),
    coded(['状态', 'Status'], MINE_STATUS_WORDS, (m) => m.status),
    time(['状态起始时间', 'Status since'], (m) => m.statusSince),
    coded(['瓦斯等级', 'Gas class'], GAS_CLASS_WORDS, (m) => m.gasClass),
    num(['核定产能（吨/年）', 'Approved capacity (t/yr)'], (m) => m.approvedCapacityTPerYear),
    coded(['机械化', 'Mechanisation'], MECHANISATION_WORDS, (m) => m.mechanisation),
    text(['实际经营者', 'Operator'], (m) => m.operator, 20),
    text(['安全生产许可证号', 'Licence number'], (m) => m.licenceNumber, 20),
    text(['许可证有效期至', 'Licence valid until'], (m) => m.licenceValidUntil, 14),
    text(
      ['许可证暂扣（停产指令）', 'Licence suspended by order'],
      (m) => m.licenceSuspension?.orderNumber ?? null,
    ),
  ],
};

export const ALARM_COLUMNS: ListColumns<AlarmView> = {
  sheet: ['报警', 'Alarms'],
  columns: [
    time(['首次报警时间', 'First raised'], (a) => a.firstRaisedMs),
    text(MINE_CODE, (a) => a.mineCode, 16),
    text(MINE_NAME, (a) => a.mineName, 24),
    byLang(REGION, (a, lang) => (lang === 'en' ? a.regionNameEn : a.regionName)),
    coded(['报警类型', 'Alarm'], ALARM_RULE_WORDS, (a) => a.rule),
    coded(['级别', 'Priority'], ALARM_PRIORITY_WORDS, (a) => a.priority),
    coded(['状态', 'State'], ALARM_STATE_WORDS, (a) => a.state),
    text(['测点/区域', 'Point/area'], (a) => a.subject),
    text(['安装位置', 'Location'], (a) => a.location, 24),
    num(['数值', 'Value'], (a) => a.value),
    num(['峰值', 'Peak'], (a) => a.peakValue),
    text(['单位', 'Unit'], (a) => a.unit, 8),
    num(['报警次数', 'Activations'], (a) => a.activations),
    time(['最近变化时间', 'Last change'], (a) => a.updatedMs),
  ],
};

export const HAZARD_COLUMNS: ListColumns<HazardView> = {
  sheet: ['隐患', 'Hazards'],
  columns: [
    time(['上报时间', 'Reported'], (h) => h.reportedAt),
    text(MINE_NAME, (h) => h.mineName, 24),
    text(['隐患', 'Hazard'], (h) => h.title, 32),
    coded(['等级', 'Grade'], HAZARD_GRADE_WORDS, (h) => h.grade),
    coded(['来源', 'Source'], HAZARD_SOURCE_WORDS, (h) => h.source),
    coded(['状态', 'State'], HAZARD_STATE_WORDS, (h) => h.state),
    text(['整改责任人', 'Responsible person'], (h) => h.plan?.responsiblePerson ?? null),
    text(['整改期限', 'Due'], (h) => h.currentDueDate, 12),
    yesNo(['逾期', 'Overdue'], (h) => h.overdue),
    coded(['升级', 'Escalation'], ESCALATION_WORDS, (h) => h.escalation),
    text(['上报人', 'Reported by'], (h) => h.reportedByName),
    time(['销号时间', 'Closed'], (h) => h.closedAt),
  ],
};

export const ORDER_COLUMNS: ListColumns<Order> = {
  sheet: ['指令', 'Orders'],
  columns: [
    text(['文号', 'Number'], (o) => o.number, 24),
    coded(['类型', 'Kind'], ORDER_KIND_WORDS, (o) => o.kind),
    coded(['状态', 'Status'], ORDER_STATUS_WORDS, (o) => o.status),
    time(['生效时间', 'Effective'], (o) => o.effectiveAt),
    time(['撤离期限', 'Evacuate by'], (o) => o.evacuateBy),
    num(['涉及煤矿数', 'Mines named'], (o) => o.mineIds.length),
    text(['签发人', 'Issuer'], (o) => o.issuerName),
    text(['法律依据', 'Legal basis'], (o) => o.legalBasis, 32),
    text(['事由', 'Reason'], (o) => o.reason, 32),
    text(['公告日期', 'Notice date'], (o) => o.noticeDate, 12),
    time(['解除/终止时间', 'Ended'], (o) => o.endedAt),
  ],
};

/** A site visit with its mine's code and name (the visit itself names only the mine's id). */
export type VisitRow = SiteVisit & { mineCode: string; mineName: string };

export const VISIT_COLUMNS: ListColumns<VisitRow> = {
  sheet: ['到矿检查', 'Site visits'],
  columns: [
    time(['开始时间', 'Start'], (v) => v.startedAt),
    time(['结束时间', 'End'], (v) => v.endedAt),
    text(MINE_CODE, (v) => v.mineCode, 16),
    text(MINE_NAME, (v) => v.mineName, 24),
    text(['检查人', 'Visitor'], (v) => v.visitorName),
    coded(['检查人身份', 'Visitor role'], VISITOR_ROLE_WORDS, (v) => v.visitorRole),
    num(['时长（分钟）', 'Duration (min)'], (v) => v.durationMinutes),
    yesNo(['到现场', 'Went to the site'], (v) => v.wentToSite),
    yesNo(['下井', 'Went underground'], (v) => v.wentUnderground),
    num(['发现问题数', 'Findings'], (v) => v.findings.length),
    text(['检查情况', 'Notes'], (v) => v.notes, 40),
  ],
};

export const CASE_COLUMNS: ListColumns<CrackdownCase> = {
  sheet: ['打击案件', 'Crackdown cases'],
  columns: [
    time(['立案时间', 'Opened'], (c) => c.openedAt),
    coded(['案件类型', 'Case type'], CASE_TYPE_WORDS, (c) => c.type),
    text(MINE_NAME, (c) => c.mineName, 24),
    coded(['状态', 'Status'], CASE_STATUS_WORDS, (c) => c.status),
    text(['案情摘要', 'Summary'], (c) => c.summary, 40),
    text(['立案人', 'Opened by'], (c) => c.openedByName),
    num(['证据数', 'Evidence'], (c) => c.evidence.length),
    time(['最近更新', 'Updated'], (c) => c.updatedAt),
  ],
};

export const ACCIDENT_COLUMNS: ListColumns<AccidentSummary> = {
  sheet: ['事故', 'Accidents'],
  columns: [
    time(['发生时间', 'Occurred'], (a) => a.occurredAt),
    text(MINE_NAME, (a) => a.mineName, 24),
    text(['类型', 'Type'], (a) => a.type),
    coded(['等级', 'Grade'], ACCIDENT_GRADE_WORDS, (a) => a.grade),
    num(['死亡', 'Deaths'], (a) => a.deaths),
    num(['重伤(含急性中毒)', 'Serious injuries (incl. poisoning)'], (a) => a.seriousInjuries),
    num(['轻伤', 'Minor injuries'], (a) => a.minorInjuries),
    num(['直接经济损失(元)', 'Direct loss (CNY)'], (a) => a.directLossCny),
    coded(['调查状态', 'Investigation'], INVESTIGATION_WORDS, (a) => a.investigationState),
    text(['调查期限', 'Investigation due'], (a) => a.investigationDueOn, 12),
    yesNo(['迟报', 'Late report'], (a) => a.hasLateReport),
  ],
};
