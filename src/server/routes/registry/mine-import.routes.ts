import { invalidInput, isDomainError } from '../../../core/errors.ts';
import { importMines } from '../../../core/registry/mine-import.ts';
import {
  DEFAULT_TABLE_LIMITS,
  readTable,
  TableFormatError,
  TableLimitError,
} from '../../../platform/tabular/read-table.ts';
import { routeModule } from '../../route-kit.ts';
import { readBodyCapped, takeBodyAsStream } from '../../upload-body.ts';
import { mineImportReportSchema } from './registry.schemas.ts';

/** A table file's error as the API's: a cap that was hit, or an unreadable file. */
export function tableError(e: unknown): unknown {
  if (e instanceof TableLimitError)
    return invalidInput('TABLE_LIMIT_EXCEEDED', e.message, { limit: e.limit, max: e.max });
  if (e instanceof TableFormatError) return invalidInput('IMPORT_UNREADABLE', e.message);
  return e;
}

export const registerMineImportRoutes = routeModule(['registry'], (route, { ports }) =>
  // The body is read only after the permission check, within the table's byte cap.
  route.withBody(takeBodyAsStream, (scoped) =>
    scoped.post(
      '/api/mines/import',
      {
        summary:
          'Import mines from a CSV (UTF-8 or GB18030) or XLSX body. Good rows are stored; each bad row is reported with its reasons.',
        response: mineImportReportSchema,
        config: { permission: 'mine.import' },
      },
      async ({ principal, req }) => {
        let body: Buffer;
        try {
          body = await readBodyCapped(req, DEFAULT_TABLE_LIMITS.bytes);
        } catch (e) {
          if (isDomainError(e) && e.code === 'BODY_TOO_LARGE')
            throw invalidInput('TABLE_LIMIT_EXCEEDED', e.message, {
              limit: 'bytes',
              max: DEFAULT_TABLE_LIMITS.bytes,
            });
          throw e;
        }
        if (body.length === 0) {
          throw invalidInput(
            'IMPORT_EMPTY',
            'Send the CSV or XLSX file as the request body (Content-Type text/csv or xlsx).',
          );
        }
        let table;
        try {
          table = await readTable(body);
        } catch (e) {
          throw tableError(e);
        }
        return importMines(ports, principal, table);
      },
    ),
  ),
);
