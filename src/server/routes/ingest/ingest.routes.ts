import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isInScope, requirePermission } from '../../../core/access/permissions.ts';
import type { Principal } from '../../../core/access/types.ts';
import { invalidInput, notFound } from '../../../core/errors.ts';
import { parseUploadFileName } from '../../../core/monitoring/upload-file/upload-file-name.ts';
import { ingestUploadFile } from '../../../ingest/files/ingest-upload-file.ts';
import type { MonitoringSink } from '../../../monitoring/monitoring-sink.ts';
import { ingestNdjsonReadings } from '../../../ingest/mqtt/readings-body.ts';
import { routeModule } from '../../route-kit.ts';
import { readBodyCapped, takeBodyAsStream } from '../../upload-body.ts';
import { monitoringOf } from '../monitoring/monitoring-access.ts';
import { fields } from '../../route-schemas.ts';

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json'];

/** An answer lists at most this many rejected lines with their reasons, then only counts (issue 13). */
export const REJECTIONS_LISTED = 100;
/** A national upload file is at most this big. */
export const INGEST_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

const readingsAnswer = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), point: z.string().optional(), reason: z.string() })),
  /** Every rejected line, listed or not. */
  rejectedCount: z.number().int(),
  alarmsChanged: z.number().int(),
  /** Accepted readings that came late (received long after their time, or older than a point's newest). */
  late: z.number().int(),
});

const fileReport = z.object({
  file: z.string(),
  ...fields.nullableStrings('mineCode', 'type'),
  encoding: z.enum(['utf-8', 'gb18030']).nullable(),
  outcome: z.enum(['stored', 'rejected', 'incomplete']),
  accepted: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), field: z.string().optional(), reason: z.string() })),
  rejectedCount: z.number().int(),
  reason: z.string().optional(),
});

type ReadingsAnswer = z.infer<typeof readingsAnswer>;

/** The mine with this code when the caller may send data for it; otherwise undefined (not told apart). */
function mineFor(sink: MonitoringSink, principal: Principal, code: string) {
  const mine = sink.mineByCode(code);
  if (!mine || !isInScope(principal, { regionPath: mine.regionPath, mineId: mine.id })) return undefined;
  return mine;
}

/**
 * Monitoring data from gateways over HTTP: NDJSON readings in bulk, and single national upload files.
 * Both answer only after what they took is durably stored (the runtime's promise), with per-line
 * results; a mine outside the caller's scope is refused line by line (readings) or as not found (a file).
 */
export const registerIngestRoutes = routeModule(['ingest'], (route, deps) => {
  const ingestOnly = { permission: 'ingest.write', tokenScope: 'ingest' } as const;
  const ndjson = (scoped: FastifyInstance) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (_req, body, next) => next(null, body));
  };
  route.withBody(ndjson, (scoped) =>
    scoped.post(
      '/api/ingest/readings',
      {
        summary:
          'Readings as NDJSON, one {"mine","point","value","status","ts"} a line (or a JSON array). Good lines are stored; each bad line is reported with its number and reason.',
        response: readingsAnswer,
        config: ingestOnly,
      },
      async ({ principal, req }): Promise<ReadingsAnswer> => {
        requirePermission(principal, 'ingest.write');
        const { sink: runtime } = monitoringOf(deps);
        const text = typeof req.body === 'string' ? req.body : '';
        const { accepted, rejected, alarmsChanged, late } = await ingestNdjsonReadings(runtime, text, {
          nowMs: deps.ports.clock.nowMs(),
          mayFeed: (code) => mineFor(runtime, principal, code) !== undefined,
        });
        return {
          accepted,
          rejected: rejected.slice(0, REJECTIONS_LISTED),
          rejectedCount: rejected.length,
          alarmsChanged,
          late,
        };
      },
    ),
  );

  // The file is taken as bytes, whatever the client calls it: it may be GB18030.
  // Read only after the caller may feed the mine the file names.
  route.withBody(takeBodyAsStream, (scoped) =>
    scoped.post(
      '/api/ingest/files',
      {
        summary:
          'One national upload file (UTF-8 or GB18030) as the raw body, its name in the x-file-name header. Answers the file report: outcome, accepted records, rejected lines with reasons.',
        response: fileReport,
        config: ingestOnly,
      },
      async ({ principal, req }) => {
        requirePermission(principal, 'ingest.write');
        const { sink: runtime } = monitoringOf(deps);
        const name = req.headers['x-file-name'];
        if (typeof name !== 'string' || name.trim() === '') {
          throw invalidInput(
            'FILE_NAME_MISSING',
            'Name the file in the x-file-name header, e.g. 620102000001_CDSS_20261205080000.txt.',
          );
        }
        const parsed = parseUploadFileName(name);
        // A bad name is the file report's business; a named mine must be one the caller may feed.
        if (parsed.ok && mineFor(runtime, principal, parsed.mineCode) === undefined) {
          throw notFound('MINE_NOT_FOUND', `No mine "${parsed.mineCode}" in your scope.`);
        }
        const body = await readBodyCapped(req, INGEST_FILE_LIMIT_BYTES);
        if (body.length === 0) {
          throw invalidInput('INGEST_EMPTY', 'Send the file as the request body.');
        }
        const report = await ingestUploadFile(
          { runtime, store: deps.ports.monitoring, ids: deps.ports.ids, clock: deps.ports.clock },
          name,
          body,
        );
        return {
          ...report,
          rejected: report.rejected.slice(0, REJECTIONS_LISTED),
          rejectedCount: report.rejected.length,
        };
      },
    ),
  );
});
