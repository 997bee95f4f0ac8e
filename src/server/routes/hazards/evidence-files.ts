import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { conflict, invalidInput } from '../../../core/errors.ts';
import type { EvidenceFile } from '../../../core/hazards/hazard-records.ts';
import { streamToQuarantine, type QuarantinedFile } from '../../upload-body.ts';

/** Evidence uploads are raw bodies up to this size. */
export const EVIDENCE_LIMIT_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

/** An uploaded file's name (the URI-encoded x-file-name header) and content type (else octet-stream). */
export function uploadedFileMeta(req: FastifyRequest): { name: string; type: string } {
  const raw = req.headers['x-file-name'];
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw invalidInput(
      'EVIDENCE_FILE_NAME_INVALID',
      'Name the file in the x-file-name header (URI-encoded).',
    );
  }
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw invalidInput('EVIDENCE_FILE_NAME_INVALID', 'The x-file-name header is not valid URI encoding.');
  }
  const type = (req.headers['content-type'] ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
  return { name, type: CONTENT_TYPE.test(type) ? type.toLowerCase() : 'application/octet-stream' };
}

/**
 * Called after the access checks: the raw body streams into quarantine, moves into the store, then the
 * row is recorded (a row without its file must never exist); a refused row takes its new file along.
 */
export async function storeUpload<T>(
  files: EvidenceFiles,
  req: FastifyRequest,
  meta: { name: string; type: string },
  record: (file: EvidenceFile) => Promise<T>,
): Promise<T> {
  const q = await streamToQuarantine(req, files.dir, EVIDENCE_LIMIT_BYTES, 'EVIDENCE_EMPTY');
  const placed = await files.adopt(q);
  try {
    return await record({
      sha256: q.sha256,
      fileName: meta.name,
      contentType: meta.type,
      sizeBytes: q.sizeBytes,
    });
  } catch (e) {
    await placed.undo();
    throw e;
  }
}

/**
 * Evidence bytes on disk, content-addressed: `<dir>/<sha256>`. The database holds the checksum, so a
 * file changed on disk is detected when it is read.
 */
export interface EvidenceFiles {
  readonly dir: string;
  /** Stores the bytes (once per content) and returns their SHA-256. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes, after checking them against `sha256` (409 when missing or tampered with). */
  get(sha256: string): Promise<Buffer>;
  /**
   * Moves a quarantined upload into place (once per content). Returns `undo`, which removes the file
   * again when this call put it there (the database refused its row) and does nothing otherwise.
   */
  adopt(file: QuarantinedFile): Promise<{ undo(): Promise<void> }>;
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function createEvidenceFiles(dir: string | undefined): EvidenceFiles {
  let resolved: string | null = dir ?? null;
  const root = (): string => {
    // Without a configured directory (tests), a private temporary one.
    resolved ??= mkdtempSync(join(tmpdir(), 'redline-evidence-'));
    mkdirSync(resolved, { recursive: true });
    return resolved;
  };
  return {
    get dir() {
      return root();
    },
    async put(bytes) {
      const sha = sha256Of(bytes);
      const path = join(root(), sha);
      if (!existsSync(path)) {
        const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, path);
      }
      return sha;
    },
    async adopt(file) {
      const path = join(root(), file.sha256);
      if (existsSync(path)) {
        await file.discard();
        return { undo: () => Promise.resolve() };
      }
      await rename(file.path, path);
      return { undo: () => rm(path, { force: true }) };
    },
    async get(sha256) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(root(), sha256));
      } catch {
        throw conflict('EVIDENCE_FILE_MISSING', 'The evidence file is missing from the evidence store.', {
          sha256,
        });
      }
      const actual = sha256Of(bytes);
      if (actual !== sha256) {
        throw conflict(
          'EVIDENCE_CHECKSUM_MISMATCH',
          'The evidence file on disk does not match the checksum recorded when it was uploaded: it was changed.',
          { expected: sha256, actual },
        );
      }
      return bytes;
    },
  };
}
