import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { isDomainError } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { registerMine } from './mine-use-cases.ts';
import { GAS_CLASSES, MECHANISATION_LEVELS, MINE_STATUSES } from './types.ts';

/**
 * Mine import from a table (CSV or XLSX, already read into rows of strings). Headers may be English
 * field names or the Chinese column names regulators' spreadsheets use. Every row is validated and
 * stored on its own: the good rows are kept, each bad row says why.
 */
const HEADER_ALIASES: Record<string, string> = {
  code: 'code',
  煤矿编码: 'code',
  矿井编码: 'code',
  name: 'name',
  煤矿名称: 'name',
  矿井名称: 'name',
  regionid: 'regionId',
  region: 'regionId',
  区县编码: 'regionId',
  行政区划代码: 'regionId',
  enterprise: 'enterprise',
  所属企业: 'enterprise',
  企业名称: 'enterprise',
  capacity: 'approvedCapacityTPerYear',
  approvedcapacitytperyear: 'approvedCapacityTPerYear',
  '核定生产能力(吨/年)': 'approvedCapacityTPerYear',
  核定生产能力: 'approvedCapacityTPerYear',
  gasclass: 'gasClass',
  瓦斯等级: 'gasClass',
  hasgascontrolcapability: 'hasGasControlCapability',
  瓦斯治理能力: 'hasGasControlCapability',
  gascontrolevidence: 'gasControlEvidence',
  瓦斯治理能力评估依据: 'gasControlEvidence',
  gascontrolcertifiedon: 'gasControlCertifiedOn',
  瓦斯治理能力评估日期: 'gasControlCertifiedOn',
  approvedmaxunderground: 'approvedMaxUnderground',
  井下限员: 'approvedMaxUnderground',
  核定入井人数: 'approvedMaxUnderground',
  operator: 'operator',
  托管单位: 'operator',
  'operator/trustee': 'operator',
  licencenumber: 'licenceNumber',
  安全生产许可证号: 'licenceNumber',
  licencevaliduntil: 'licenceValidUntil',
  许可证有效期至: 'licenceValidUntil',
  mechanisation: 'mechanisation',
  机械化程度: 'mechanisation',
  latitude: 'latitude',
  纬度: 'latitude',
  longitude: 'longitude',
  经度: 'longitude',
  status: 'status',
  状态: 'status',
};

const GAS_WORDS: Record<string, string> = {
  低瓦斯: 'low',
  高瓦斯: 'high',
  煤与瓦斯突出: 'outburst',
  突出: 'outburst',
};
const MECH_WORDS: Record<string, string> = {
  人工: 'manual',
  部分机械化: 'partial',
  综合机械化: 'mechanised',
  智能化: 'intelligent',
};
const STATUS_WORDS: Record<string, string> = {
  基建: 'construction',
  建设: 'construction',
  生产: 'producing',
  正常生产: 'producing',
  停产整顿: 'suspended',
  停产: 'suspended',
  复产验收中: 'resumption_review',
  关闭退出中: 'closing',
  已关闭: 'closed',
  关闭: 'closed',
};
const YES = new Set(['yes', 'y', 'true', '1', '是', '有']);
const NO = new Set(['no', 'n', 'false', '0', '否', '无', '']);

/** The column a registration error is about, so each rejected row names its field. */
const FIELD_OF_ERROR: Record<string, string> = {
  GAS_CONTROL_CAPABILITY_REQUIRED: 'hasGasControlCapability',
  REGION_NOT_FOUND: 'regionId',
  MINE_CODE_TAKEN: 'code',
  ENTERPRISE_NOT_FOUND: 'enterprise',
};

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface MineImportRow {
  /** 1-based line in the source table, header = line 1. */
  row: number;
  facts: Record<string, unknown>;
  status: string;
  enterpriseName: string | null;
}

export type MineImportParse = { ok: true; value: MineImportRow } | { ok: false; errors: ImportRowError[] };

export function normaliseHeader(h: string): string | undefined {
  // NFKC folds full-width brackets and letters (（吨/年） → (吨/年)), as Chinese templates write them.
  const k = h.normalize('NFKC').trim().replace(/\s+/g, '');
  return HEADER_ALIASES[k] ?? HEADER_ALIASES[k.toLowerCase()];
}

/** Converts one table row (header → cell text) into typed facts, or says which cells are wrong. */
export function parseMineImportRow(row: number, cells: Record<string, string>): MineImportParse {
  const errors: ImportRowError[] = [];
  const get = (f: string) => (cells[f] ?? '').trim();
  const num = (f: string, required: boolean): number | null => {
    const s = get(f).replace(/,/g, '');
    if (s === '') {
      if (required) errors.push({ row, field: f, message: 'is required' });
      return null;
    }
    const n = Number(s);
    if (!Number.isFinite(n)) errors.push({ row, field: f, message: `"${get(f)}" is not a number` });
    return Number.isFinite(n) ? n : null;
  };
  const oneOf = (f: string, words: Record<string, string>, allowed: readonly string[], fallback?: string) => {
    const s = get(f);
    if (s === '' && fallback !== undefined) return fallback;
    const v = words[s] ?? s.toLowerCase();
    if (!allowed.includes(v))
      errors.push({ row, field: f, message: `"${s}" is not one of ${allowed.join(', ')}` });
    return v;
  };
  const flag = get('hasGasControlCapability').toLowerCase();
  if (!YES.has(flag) && !NO.has(flag)) {
    errors.push({ row, field: 'hasGasControlCapability', message: `"${flag}" is not yes/no` });
  }
  const optional = (f: string) => (get(f) === '' ? null : get(f));
  const facts: Record<string, unknown> = {
    code: get('code'),
    name: get('name'),
    regionId: get('regionId'),
    enterpriseId: null,
    approvedCapacityTPerYear: num('approvedCapacityTPerYear', true),
    gasClass: oneOf('gasClass', GAS_WORDS, GAS_CLASSES),
    hasGasControlCapability: YES.has(flag),
    gasControlEvidence: optional('gasControlEvidence'),
    gasControlCertifiedOn: optional('gasControlCertifiedOn'),
    approvedMaxUnderground: num('approvedMaxUnderground', true),
    operator: optional('operator'),
    licenceNumber: optional('licenceNumber'),
    licenceValidUntil: optional('licenceValidUntil'),
    mechanisation: oneOf('mechanisation', MECH_WORDS, MECHANISATION_LEVELS, 'mechanised'),
    latitude: num('latitude', false),
    longitude: num('longitude', false),
  };
  const status = oneOf('status', STATUS_WORDS, MINE_STATUSES, 'producing');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { row, facts, status, enterpriseName: optional('enterprise') } };
}

export interface MineImportReport {
  rows: number;
  imported: number;
  rejected: number;
  results: Array<
    | { row: number; ok: true; mineId: string; code: string }
    | { row: number; ok: false; errors: ImportRowError[] }
  >;
}

/**
 * Imports table rows. Each good row is registered in its own transaction (audited); a failing row
 * never undoes another. Enterprises named in the table are matched by name and created when new.
 */
export async function importMines(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction' | 'enterprises' | 'mineChanged'>,
  principal: Principal,
  table: { headers: string[]; rows: string[][] },
): Promise<MineImportReport> {
  requirePermission(principal, 'mine.import');
  const fields = table.headers.map(normaliseHeader);
  const report: MineImportReport = { rows: table.rows.length, imported: 0, rejected: 0, results: [] };
  const missing = ['code', 'name', 'regionId', 'approvedCapacityTPerYear', 'gasClass'].filter(
    (f) => !fields.includes(f),
  );
  if (missing.length > 0) {
    report.rejected = table.rows.length;
    report.results = table.rows.map((_r, i) => ({
      row: i + 2,
      ok: false,
      errors: [{ row: i + 2, field: missing.join(', '), message: 'column missing from the header' }],
    }));
    return report;
  }
  for (const [i, cells] of table.rows.entries()) {
    const rowNo = i + 2;
    const record: Record<string, string> = {};
    fields.forEach((f, j) => {
      if (f !== undefined) record[f] = cells[j] ?? '';
    });
    const parsed = parseMineImportRow(rowNo, record);
    if (!parsed.ok) {
      report.rejected++;
      report.results.push({ row: rowNo, ok: false, errors: parsed.errors });
      continue;
    }
    try {
      const facts = { ...parsed.value.facts };
      if (parsed.value.enterpriseName)
        facts.enterpriseId = await ensureEnterprise(deps, parsed.value.enterpriseName);
      const mine = await registerMine(deps, principal, { facts, initialStatus: parsed.value.status });
      report.imported++;
      report.results.push({ row: rowNo, ok: true, mineId: mine.id, code: mine.code });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      report.rejected++;
      const issues = (e.details?.issues as Array<{ field: string; message: string }> | undefined) ?? [
        { field: FIELD_OF_ERROR[e.code] ?? '(row)', message: e.message },
      ];
      report.results.push({ row: rowNo, ok: false, errors: issues.map((x) => ({ row: rowNo, ...x })) });
    }
  }
  return report;
}

async function ensureEnterprise(deps: Pick<Ports, 'ids' | 'enterprises'>, name: string): Promise<string> {
  const found = await deps.enterprises.findByName(name);
  if (found) return found.id;
  const id = deps.ids.next('ent');
  await deps.enterprises.insert({ id, name, creditCode: null, parentId: null });
  return id;
}
