import type { FastifyInstance } from 'fastify';
import { invalidInput } from '../../../core/errors.ts';
import { importMines } from '../../../core/registry/mine-import.ts';
import { readTable, TableFormatError } from '../../../ingest/tabular/read-table.ts';
import type { AppDeps } from '../../app.ts';
import { principalOf } from '../../auth.ts';

const TABLE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

export function registerMineImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.register((scoped, _opts, done) => {
    scoped.addContentTypeParser(TABLE_TYPES, { parseAs: 'buffer' }, (_req, body, next) => next(null, body));
    scoped.post(
      '/api/mines/import',
      {
        schema: {
          tags: ['registry'],
          summary:
            'Import mines from a CSV (UTF-8 or GB18030) or XLSX body. Good rows are stored; each bad row is reported with its reasons.',
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw invalidInput(
            'IMPORT_EMPTY',
            'Send the CSV or XLSX file as the request body (Content-Type text/csv or xlsx).',
          );
        }
        let table;
        try {
          table = await readTable(req.body);
        } catch (e) {
          if (e instanceof TableFormatError) throw invalidInput('IMPORT_UNREADABLE', e.message);
          throw e;
        }
        const report = await importMines(deps.ports, principalOf(req), table);
        for (const r of report.results) if (r.ok) await deps.monitoring?.view.refreshMine(r.mineId);
        return report;
      },
    );
    done();
  });
}
