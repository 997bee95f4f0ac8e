import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../core/access/types.ts';
import { recordAudit } from '../core/audit/record-audit.ts';
import { invalidInput } from '../core/errors.ts';
import { formatCst } from '../reports/briefing-pdf.ts';
import { EXPORT_LANGS, type ExportLang } from '../reports/list-export/export-labels.ts';
import type { ListColumns } from '../reports/list-export/list-columns.ts';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportTableStream,
  type ExportFormat,
} from '../reports/list-export/table-writer.ts';
import type { AppDeps } from './app.ts';
import { principalOf } from './auth.ts';
import { fileBodySchema } from './route-schemas.ts';

/** Rows one export may hold; past it the export is refused (EXPORT_TOO_LARGE) rather than cut short. */
export const EXPORT_ROW_CAP = 20_000;

/** One list's export: its URL, the list's own filters and loader, and the columns it writes. */
export interface ListExportSpec<F extends z.ZodRawShape, Row> {
  url: string;
  /** The list's name: the file's name and the audit entry's target (`mines`, `hazards`, …). */
  list: string;
  tags: string[];
  /** The list route's filters (without paging); the web sends the same filter state to both. */
  filters: z.ZodObject<F>;
  columns: ListColumns<Row>;
  /**
   * The list's rows for the filters, through the list's own use case (permission and scope checks
   * included), at most `limit` of them, in the list's order.
   */
  load(principal: Principal, filters: z.infer<z.ZodObject<F>>, limit: number): Promise<readonly Row[]>;
}

/**
 * Registers `GET <url>?format=xlsx|csv&lang=zh-CN|en&<the list's filters>`: the list as the user sees
 * it, as a file. Authentication and the route's permission run before anything (auth.ts); the rows
 * come from the list's loader, so the scope is the list's; the export is audited (`list.export`: who,
 * which list, which filters, how many rows) before the file is sent.
 */
export function registerListExport<F extends z.ZodRawShape, Row>(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'ports' | 'exportRowCap'>,
  spec: ListExportSpec<F, Row>,
): void {
  const { ports } = deps;
  const cap = deps.exportRowCap ?? EXPORT_ROW_CAP;
  const query = spec.filters.extend({
    format: z.enum(EXPORT_FORMATS).default('xlsx'),
    lang: z.enum(EXPORT_LANGS).default('zh-CN'),
  });
  // Untyped on purpose: the zod schema still validates the query, and the answer is a stream.
  app.get(
    spec.url,
    {
      schema: {
        tags: spec.tags,
        summary: `The list with its filters as an XLSX or CSV file (headers and codes in the language asked for, times in China Standard Time, at most ${cap} rows).`,
        querystring: query,
        response: { 200: fileBodySchema },
        produces: [CONTENT_TYPES.xlsx, 'text/csv'],
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const { format, lang, ...filters } = req.query as { format: ExportFormat; lang: ExportLang };
      const rows = await spec.load(p, filters as z.infer<z.ZodObject<F>>, cap + 1);
      if (rows.length > cap) {
        throw invalidInput(
          'EXPORT_TOO_LARGE',
          `More than ${cap} rows match these filters; narrow them and export again.`,
          { limit: cap },
        );
      }
      const at = ports.clock.nowIso();
      await ports.transaction(['audit'], (tx) =>
        recordAudit(tx, p, at, {
          action: 'list.export',
          targetType: 'list',
          targetId: spec.list,
          after: { format, lang, filters, rows: rows.length },
        }),
      );
      const stream = exportTableStream({ format, lang, ...spec.columns, rows });
      const day = formatCst(at).slice(0, 10);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="redline-${spec.list}-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
