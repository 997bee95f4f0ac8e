import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidInput } from '../../../core/errors.ts';
import {
  getHazardEvidence,
  recordHazardEvidence,
  recordMineFile,
  type EvidenceFile,
} from '../../../core/hazards/hazard-records.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { createEvidenceFiles } from './evidence-files.ts';

/** Evidence uploads are raw bodies up to this size. */
export const EVIDENCE_LIMIT_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

function fileMeta(req: FastifyRequest): { name: string; type: string; bytes: Buffer } {
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
  const bytes = req.body;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw invalidInput('EVIDENCE_EMPTY', 'Send the file as the request body.');
  }
  return { name, type: CONTENT_TYPE.test(type) ? type.toLowerCase() : 'application/octet-stream', bytes };
}

export function registerEvidenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const files = createEvidenceFiles(deps.evidenceDir);
  const { ports } = deps;
  const tags = ['hazards'];

  app.register((scoped, _opts, done) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: EVIDENCE_LIMIT_BYTES },
      (_req, body, next) => next(null, body),
    );
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const store = async (req: FastifyRequest): Promise<EvidenceFile> => {
      const { name, type, bytes } = fileMeta(req);
      // The bytes go to disk first: a file without a row is harmless; a row without its file is not.
      const sha256 = await files.put(bytes);
      return { sha256, fileName: name, contentType: type, sizeBytes: bytes.length };
    };
    r.post(
      '/api/hazards/:id/evidence',
      {
        bodyLimit: EVIDENCE_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Upload a photo or document as the raw body (x-file-name, content-type; at most 10 MB).',
          params: z.object({ id: z.string().min(1).max(100) }),
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const file = await store(req);
        return reply
          .status(201)
          .send({ evidence: await recordHazardEvidence(ports, p, req.params.id, file) });
      },
    );
    r.post(
      '/api/hazards/self-check-files',
      {
        bodyLimit: EVIDENCE_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            "Upload the signed scan of a mine's self-check report (raw body); returns its evidence id.",
          querystring: z.object({ mineId: z.string().min(1).max(100) }),
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const file = await store(req);
        return reply.status(201).send({ evidence: await recordMineFile(ports, p, req.query.mineId, file) });
      },
    );
    done();
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/hazards/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary:
          'The evidence file, checked against its SHA-256 (409 EVIDENCE_CHECKSUM_MISMATCH if changed).',
        params: z.object({ id: z.string().min(1).max(100), evidenceId: z.string().min(1).max(100) }),
      },
    },
    async (req, reply) => {
      const e = await getHazardEvidence(ports, principalOf(req), req.params.id, req.params.evidenceId);
      const bytes = await files.get(e.sha256);
      return reply
        .header('content-type', e.contentType)
        .header('x-sha256', e.sha256)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.fileName)}`)
        .send(bytes);
    },
  );
}
