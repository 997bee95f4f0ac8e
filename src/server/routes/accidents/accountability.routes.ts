import { z } from 'zod';
import {
  ACCOUNTABILITY_ACTIONS,
  ACCOUNTABILITY_CHAINS,
  type AccountabilityAction,
  type AccountabilityChain,
} from '../../../core/accidents/accident-types.ts';
import {
  recordAccountability,
  viewAccountability,
} from '../../../core/accidents/accountability-use-cases.ts';
import { IMPORT_FIELDS, type ImportField } from '../../../core/accidents/accident-import.ts';
import { importAccidents } from '../../../core/accidents/import-use-case.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, regionIdSchema } from '../../route-schemas.ts';
import {
  accidentImportResultSchema,
  accountabilityRecordSchema,
  accountabilityViewSchema,
} from './accidents.schemas.ts';

const mapping = z.object({
  dataset: z.string().min(1).max(60),
  country: z.string().regex(/^[A-Z]{2}$/),
  columns: z.partialRecord(
    z.enum(IMPORT_FIELDS as [ImportField, ...ImportField[]]),
    z.string().min(1).max(200),
  ),
  dateFormat: z.enum(['yyyy-mm-dd', 'd/m/yyyy', 'm/d/yyyy']),
  countIf: z
    .object({
      deaths: z.array(z.string().max(200)).max(100).optional(),
      seriousInjuries: z.array(z.string().max(200)).max(100).optional(),
      minorInjuries: z.array(z.string().max(200)).max(100).optional(),
    })
    .optional(),
  include: z
    .array(z.object({ column: z.string().min(1).max(200), in: z.array(z.string().max(200)).min(1).max(100) }))
    .max(20)
    .optional(),
  nullValues: z.array(z.string().max(100)).max(50).optional(),
});

/** Accountability along the chain, and the CSV import of accidents. */
export const registerAccountabilityRoutes = routeModule(['accidents'], (route, { ports }) => {
  route.get(
    '/api/accidents/accountability',
    {
      summary:
        'Accountability records in your scope, per official and per chain; filter by region or official.',
      query: z.object({
        regionId: regionIdSchema.optional(),
        person: z.string().min(1).max(100).optional(),
      }),
      response: accountabilityViewSchema,
    },
    ({ principal, query }) => viewAccountability(ports, principal, query),
  );

  route.post(
    '/api/accidents/:id/accountability',
    {
      summary: 'Record an official held to account (enterprise, regulator, party or government chain).',
      params: idParams,
      body: z.object({
        personName: z.string().min(1).max(100),
        post: z.string().min(1).max(200),
        chain: z.enum(ACCOUNTABILITY_CHAINS as [AccountabilityChain, ...AccountabilityChain[]]),
        action: z.enum(ACCOUNTABILITY_ACTIONS as [AccountabilityAction, ...AccountabilityAction[]]),
        decidedOn: z.string().min(1).max(20),
        note: z.string().max(2000).optional(),
      }),
      response: z.object({ record: accountabilityRecordSchema }),
      status: 201,
    },
    async ({ principal, params, body }) => ({
      record: await recordAccountability(ports, principal, params.id, body),
    }),
  );

  route.post(
    '/api/accidents/import',
    {
      summary:
        'Import accidents from CSV text with a column mapping: accepted rows kept, bad rows listed (line, field, reason), filtered rows counted as skipped.',
      body: z.object({
        fileName: z.string().min(1).max(200),
        csv: z.string().min(1).max(15_000_000),
        mapping,
        mineId: z.string().min(1).max(100).nullable().optional(),
      }),
      response: accidentImportResultSchema,
    },
    ({ principal, body }) => importAccidents(ports, principal, body),
  );
});
