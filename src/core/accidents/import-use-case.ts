import { requirePermission } from '../access/permissions.ts';
import { writeAccidentAudited } from './accident-access.ts';
import type { Principal } from '../access/types.ts';
import { invalidInput } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { requireMineInScope } from '../registry/mine-scope.ts';
import { gradeOfRow, planImport, type ImportMapping, type RowError } from './accident-import.ts';
import type { Accident } from './accident-types.ts';
import { newAccidentState } from './accident-use-cases.ts';

export interface ImportInput {
  fileName: string;
  csv: string;
  mapping: ImportMapping;
  /**
   * Attach every accepted row to this register mine. Absent: the rows go into the reference set
   * (mineId null, the mapping's country) so that foreign data never counts in a Chinese region's figures.
   */
  mineId?: string | null;
}

export interface ImportResult {
  fileName: string;
  rows: number;
  accepted: number;
  rejected: number;
  skipped: number;
  errors: RowError[];
  skippedReasons: Array<{ reason: string; rows: number }>;
}

/** Imports accidents from a CSV through a column mapping: good rows kept, bad rows listed, nothing else touched. */
export async function importAccidents(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction' | 'mines' | 'accidents'>,
  p: Principal,
  input: ImportInput,
): Promise<ImportResult> {
  requirePermission(p, 'accident.import');
  const mine = input.mineId ? await requireMineInScope(deps, p, input.mineId) : null;
  const outcome = planImport(input.csv, input.mapping);
  if (!outcome.ok)
    throw invalidInput(
      'ACCIDENT_IMPORT_MAPPING_INVALID',
      `The file cannot be read with this mapping: ${outcome.issues.join('; ')}.`,
      { issues: outcome.issues },
    );
  const { plan } = outcome;
  const now = deps.clock.nowIso();
  const rows: Accident[] = plan.accepted.map((r) => ({
    id: deps.ids.next('acc'),
    mineId: mine?.id ?? null,
    mineName: mine?.name ?? r.mineName,
    regionPath: mine?.regionPath ?? null,
    country: mine ? 'CN' : input.mapping.country,
    occurredAt: r.occurredAt,
    type: r.type,
    deaths: r.deaths,
    missing: 0,
    seriousInjuries: r.seriousInjuries,
    minorInjuries: r.minorInjuries,
    directLossCny: r.directLossCny,
    grade: gradeOfRow(r),
    description: r.description,
    source: 'imported',
    externalRef: r.externalRef,
    ...newAccidentState(r.occurredAt, p, now),
  }));
  const result: ImportResult = {
    fileName: input.fileName,
    rows: plan.rows,
    accepted: rows.length,
    rejected: plan.rejectedLines.length,
    skipped: plan.skipped,
    errors: plan.errors,
    skippedReasons: plan.skippedReasons,
  };
  await writeAccidentAudited(deps, p, now, rows, (s, r) => s.insertMany(r), {
    action: 'accident.import',
    targetType: mine ? 'mine' : 'accident-reference',
    targetId: mine?.id ?? input.mapping.dataset,
    after: { ...result, errors: result.errors.length, dataset: input.mapping.dataset },
  });
  return result;
}
