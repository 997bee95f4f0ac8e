import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachStepFile } from '../../../core/closure/closure-steps.ts';
import { getClosure } from '../../../core/closure/closure-use-cases.ts';
import { requirePermission } from '../../../core/access/permissions.ts';
import { conflict, notFound } from '../../../core/errors.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';
import { takeBodyAsStream } from '../../upload-body.ts';
import { createEvidenceFiles, storeUpload, uploadedFileMeta } from '../hazards/evidence-files.ts';
import { fileBodySchema } from '../../route-schemas.ts';
import { closureViewSchema } from './closure.schemas.ts';

const stepParams = z.object({ id: z.string().min(1).max(100), step: z.string().min(1).max(60) });

/** A closure step's evidence file: raw-body upload and checked download (the hazards evidence pattern). */
export function registerClosureFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const files = createEvidenceFiles(deps.evidenceDir);
  const { ports } = deps;
  const tags = ['closure'];

  app.register((scoped, _opts, done) => {
    takeBodyAsStream(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/closure/closures/:id/steps/:step/file',
      {
        config: { permission: 'closure.step.record' },
        schema: {
          tags,
          summary: "Attach a photo or document (raw body, x-file-name) to a recorded step's evidence.",
          params: stepParams,
          response: { 200: z.object({ closure: closureViewSchema }) },
        },
      },
      async (req) => {
        const p = principalOf(req);
        requirePermission(p, 'closure.step.record');
        const meta = uploadedFileMeta(req);
        // Check permission, scope and step state before anything is written to disk.
        const before = await getClosure(ports, p, req.params.id);
        const step = before.steps.find((s) => s.step === req.params.step);
        if (!step) throw notFound('CLOSURE_STEP_NOT_FOUND', `No closure step "${req.params.step}".`);
        if (step.state !== 'recorded')
          throw conflict(
            'CLOSURE_STEP_NOT_RECORDED',
            'Record the step first; a file attaches to recorded, unverified evidence.',
          );
        return {
          closure: await storeUpload(files, req, meta, (file) =>
            attachStepFile(ports, p, req.params.id, req.params.step, file),
          ),
        };
      },
    );
    done();
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/closure/closures/:id/steps/:step/file',
    {
      schema: {
        tags,
        summary: "A step's evidence file, checked against its SHA-256.",
        params: stepParams,
        produces: ['application/octet-stream'],
        response: { 200: fileBodySchema },
      },
    },
    async (req, reply) => {
      const c = await getClosure(ports, principalOf(req), req.params.id);
      const f = c.steps.find((s) => s.step === req.params.step)?.file;
      if (!f) throw notFound('CLOSURE_FILE_NOT_FOUND', 'This step has no evidence file.');
      const bytes = await files.get(f.sha256);
      return reply
        .header('content-type', f.contentType)
        .header('x-sha256', f.sha256)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(bytes);
    },
  );
}
