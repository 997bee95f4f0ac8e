import { z } from 'zod';
import { GAS_CLASSES, MECHANISATION_LEVELS } from './types.ts';

/** Validation of the editable facts of a mine: the same rules for the API, the importer and the seeder. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();

export const mineFactsSchema = z
  .object({
    code: z.string().regex(/^\d{12}$/, 'the national mine code has exactly 12 digits'),
    name: z.string().trim().min(2, 'a mine name has at least 2 characters').max(100),
    regionId: z.string().regex(/^\d{6}$/, 'a region id is a 6-digit division code'),
    enterpriseId: z.string().min(1).nullable(),
    approvedCapacityTPerYear: z
      .number()
      .int('capacity is a whole number of tonnes per year')
      .min(10_000, 'approved capacity below 10,000 t/yr is not plausible')
      .max(50_000_000, 'approved capacity above 50 Mt/yr is not plausible'),
    gasClass: z.enum(GAS_CLASSES as [string, ...string[]], {
      error: 'gas class is one of low, high, outburst',
    }),
    hasGasControlCapability: z.boolean(),
    gasControlEvidence: optionalText(500),
    gasControlCertifiedOn: isoDate.nullable(),
    approvedMaxUnderground: z.number().int().min(0).max(10_000),
    operator: optionalText(200),
    licenceNumber: optionalText(100),
    licenceValidUntil: isoDate.nullable(),
    mechanisation: z.enum(MECHANISATION_LEVELS as [string, ...string[]], {
      error: 'mechanisation is one of manual, partial, mechanised, intelligent',
    }),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  })
  .strict();

export type MineFactsInput = z.infer<typeof mineFactsSchema>;

/** Turns zod issues into one readable line per field: "approvedCapacityTPerYear: …". */
export function describeIssues(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.map((i) => ({
    field:
      i.path.length > 0 ? i.path.join('.') : i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(row)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}
