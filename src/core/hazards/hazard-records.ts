import { requirePermission } from '../access/permissions.ts';
import type { Principal } from '../access/types.ts';
import { writeAudited } from '../audit/record-audit.ts';
import { conflict, invalidInput, notFound } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { requireMineInScope, requireMineWith } from '../registry/mine-scope.ts';
import { scopedMineFilter } from '../registry/mine-use-cases.ts';
import { clean, loadHazard, besideStep, recordBesideHazard } from './hazard-support.ts';
import type { HazardEvidence, SelfCheckReport } from './hazard-types.ts';

/** Evidence metadata and quarterly self-check reports. The bytes live outside the core (routes). */

type Deps = Pick<Ports, 'clock' | 'ids' | 'transaction'>;

export interface EvidenceFile {
  sha256: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkFile(f: EvidenceFile): void {
  if (!SHA256.test(f.sha256)) throw new Error('evidence checksum must be a lowercase SHA-256 hex digest');
  if (
    f.fileName.trim() === '' ||
    f.fileName.length > 200 ||
    /[/\\]/.test(f.fileName) ||
    f.fileName.includes('\u0000')
  ) {
    throw invalidInput(
      'EVIDENCE_FILE_NAME_INVALID',
      'Name the file in x-file-name (no slashes, at most 200 characters).',
    );
  }
}

/** Records an uploaded evidence file against a hazard (audited on the hazard's timeline). */
export function recordHazardEvidence(
  deps: Deps,
  principal: Principal,
  hazardId: string,
  file: EvidenceFile,
): Promise<HazardEvidence> {
  checkFile(file);
  return recordBesideHazard(deps, principal, 'hazard.evidence', hazardId, async (tx, h, now) => {
    if (h.state === 'closed') throw conflict('HAZARD_CLOSED', 'The hazard is closed; its evidence is final.');
    const e: HazardEvidence = {
      id: deps.ids.next('hzv'),
      hazardId,
      mineId: h.mineId,
      ...file,
      fileName: file.fileName.trim(),
      uploadedBy: principal.userId,
      uploadedByName: principal.displayName,
      uploadedAt: now,
    };
    await tx.hazards.insertEvidence(e);
    return besideStep(e, 'evidence', e.fileName, {
      evidenceId: e.id,
      sha256: e.sha256,
      sizeBytes: e.sizeBytes,
    });
  });
}

/** Evidence metadata of a hazard in scope. */
export async function getHazardEvidence(
  deps: Pick<Ports, 'hazards'>,
  principal: Principal,
  hazardId: string,
  evidenceId: string,
): Promise<HazardEvidence> {
  await loadHazard(deps, principal, 'hazard.read', hazardId);
  const e = await deps.hazards.getEvidence(evidenceId);
  if (!e || e.hazardId !== hazardId)
    throw notFound('EVIDENCE_NOT_FOUND', `No evidence "${evidenceId}" on this hazard.`);
  return e;
}

export interface SelfCheckInput {
  mineId: string;
  quarter: string;
  signer: string;
  summary: string;
  /** An evidence file already uploaded for the mine (e.g. the signed scan). */
  evidenceId?: string | null;
}

/** A mine files its signed quarterly major-hazard self-check report (2024 Regulation art. 35). */
export function fileSelfCheckReport(
  deps: Deps,
  principal: Principal,
  input: SelfCheckInput,
): Promise<SelfCheckReport> {
  requirePermission(principal, 'hazard.selfcheck');
  if (!/^\d{4}Q[1-4]$/.test(input.quarter)) {
    throw invalidInput('SELF_CHECK_QUARTER_INVALID', 'The quarter is written like 2026Q4.');
  }
  const signer = clean(input.signer);
  const summary = clean(input.summary);
  if (!signer || !summary)
    throw invalidInput('SELF_CHECK_INVALID', 'A self-check report needs its signer and a summary.');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'hazards', 'audit'], async (tx) => {
    const mine = await requireMineInScope(tx, principal, input.mineId);
    if (await tx.hazards.getSelfCheck(mine.id, input.quarter)) {
      throw conflict(
        'SELF_CHECK_ALREADY_FILED',
        `The ${input.quarter} self-check report of this mine is already filed.`,
      );
    }
    if (input.evidenceId) {
      const e = await tx.hazards.getEvidence(input.evidenceId);
      if (!e || e.mineId !== mine.id)
        throw invalidInput('EVIDENCE_NOT_FOUND', 'The attached file is not one of this mine.');
    }
    const r: SelfCheckReport = {
      id: deps.ids.next('hzs'),
      mineId: mine.id,
      regionPath: mine.regionPath,
      quarter: input.quarter,
      signer,
      summary,
      evidenceId: input.evidenceId ?? null,
      filedBy: principal.userId,
      filedByName: principal.displayName,
      filedAt: now,
    };
    return writeAudited(tx, principal, now, r, (r) => tx.hazards.insertSelfCheck(r), {
      action: 'hazard.self_check.file',
      targetType: 'mine',
      targetId: mine.id,
      after: { reportId: r.id, quarter: r.quarter, signer, summary, evidenceId: r.evidenceId },
    });
  });
}

/** Producing and building mines in scope without a self-check report for the quarter. */
export async function listMissingSelfChecks(
  deps: Pick<Ports, 'mines' | 'regions' | 'hazards'>,
  principal: Principal,
  quarter: string,
  regionId: string | undefined,
) {
  requirePermission(principal, 'hazard.read');
  if (!/^\d{4}Q[1-4]$/.test(quarter))
    throw invalidInput('SELF_CHECK_QUARTER_INVALID', 'The quarter is written like 2026Q4.');
  const filter = await scopedMineFilter(deps, principal, regionId);
  const page = await deps.mines.search(filter, { offset: 0, limit: 100_000, sort: 'code', desc: false });
  const filed = new Set(await deps.hazards.listSelfCheckMineIds(quarter, filter.regionPath ?? ''));
  const items = page.items
    .filter((m) => (m.status === 'producing' || m.status === 'construction') && !filed.has(m.id))
    .map((m) => ({ mineId: m.id, code: m.code, name: m.name, status: m.status, regionName: m.regionName }));
  return { quarter, items };
}

/** Uploads a file for a mine that is not yet tied to a hazard (a self-check report's signed scan). */
export async function recordMineFile(
  deps: Deps,
  principal: Principal,
  mineId: string,
  file: EvidenceFile,
): Promise<HazardEvidence> {
  checkFile(file);
  requirePermission(principal, 'hazard.selfcheck');
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'hazards', 'audit'], async (tx) => {
    await requireMineInScope(tx, principal, mineId);
    const e: HazardEvidence = {
      id: deps.ids.next('hzv'),
      hazardId: null,
      mineId,
      ...file,
      uploadedBy: principal.userId,
      uploadedByName: principal.displayName,
      uploadedAt: now,
    };
    return writeAudited(tx, principal, now, e, (r) => tx.hazards.insertEvidence(r), {
      action: 'hazard.self_check.file_upload',
      targetType: 'mine',
      targetId: mineId,
      after: { evidenceId: e.id, sha256: e.sha256, fileName: e.fileName },
    });
  });
}

/**
 * The checks of `recordHazardEvidence` that need no file: run before an upload's bytes are read, so a
 * caller who may not add evidence to this hazard never has a byte written (issue 13).
 */
export async function checkHazardEvidenceUpload(
  deps: Pick<Ports, 'hazards'>,
  principal: Principal,
  hazardId: string,
): Promise<void> {
  const h = await loadHazard(deps, principal, 'hazard.evidence', hazardId);
  if (h.state === 'closed') throw conflict('HAZARD_CLOSED', 'The hazard is closed; its evidence is final.');
}

/** The checks of `recordMineFile` that need no file (see `checkHazardEvidenceUpload`). */
export async function checkMineFileUpload(
  deps: Pick<Ports, 'mines'>,
  principal: Principal,
  mineId: string,
): Promise<void> {
  await requireMineWith(deps, principal, 'hazard.selfcheck', mineId);
}
