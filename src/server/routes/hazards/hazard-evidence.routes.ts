import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkHazardEvidenceUpload,
  checkMineFileUpload,
  getHazardEvidence,
  recordHazardEvidence,
  recordMineFile,
  type EvidenceFile,
} from '../../../core/hazards/hazard-records.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { takeBodyAsStream } from '../../upload-body.ts';
import { createEvidenceFiles, storeUpload, uploadedFileMeta } from './evidence-files.ts';
import { fileBodySchema, idParams, mineParams } from '../../route-schemas.ts';
import { hazardEvidenceSchema } from './hazards.schemas.ts';

export function registerEvidenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const files = createEvidenceFiles(deps.evidenceDir);
  const { ports } = deps;
  const tags = ['hazards'];

  app.register((scoped, _opts, done) => {
    takeBodyAsStream(scoped);
    const r = scoped.withTypeProvider<ZodTypeProvider>();
    const store = <T>(req: FastifyRequest, record: (file: EvidenceFile) => Promise<T>): Promise<T> =>
      storeUpload(files, req, uploadedFileMeta(req), record);
    r.post(
      '/api/hazards/:id/evidence',
      {
        config: { permission: 'hazard.evidence' },
        schema: {
          tags,
          summary: 'Upload a photo or document as the raw body (x-file-name, content-type; at most 10 MB).',
          params: idParams,
          response: { 201: z.object({ evidence: hazardEvidenceSchema }) },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await checkHazardEvidenceUpload(ports, p, req.params.id);
        const evidence = await store(req, (file) => recordHazardEvidence(ports, p, req.params.id, file));
        return reply.status(201).send({ evidence });
      },
    );
    r.post(
      '/api/hazards/self-check-files',
      {
        config: { permission: 'hazard.selfcheck' },
        schema: {
          tags,
          summary:
            "Upload the signed scan of a mine's self-check report (raw body); returns its evidence id.",
          querystring: mineParams,
          response: { 201: z.object({ evidence: hazardEvidenceSchema }) },
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        await checkMineFileUpload(ports, p, req.query.mineId);
        const evidence = await store(req, (file) => recordMineFile(ports, p, req.query.mineId, file));
        return reply.status(201).send({ evidence });
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
        response: { 200: fileBodySchema },
        produces: ['application/octet-stream'],
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
