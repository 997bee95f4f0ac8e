import { z } from 'zod';

/**
 * Schema pieces every route module shares: path ids, region codes, dates and the error body. Response
 * schemas named with `.meta({ id })` become components of the OpenAPI document (and named types in the
 * generated web client).
 */

/** A record's id as a path parameter, query or body field takes it. */
export const recordIdSchema = z.string().min(1).max(100);

/** `/:id` path parameters. */
export const idParams = z.object({ id: recordIdSchema });

/** `/:mineId` path parameters (and `?mineId=` where a mine is required). */
export const mineParams = z.object({ mineId: recordIdSchema });

/** `?page=&pageSize=` of the paged lists (50 a page by default, at most 500). */
export const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

/** `{ items: [...] }`, the answer of the lists that are not paged. */
export const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });

/**
 * Several fields of one kind, in the order named: `...fields.strings('id', 'mineId')` is `id: z.string(),
 * mineId: z.string()`. Each field gets its own schema instance.
 */
function fieldsOf<S extends z.ZodType>(make: () => S) {
  return <const K extends string>(...names: K[]): { [P in K]: S } =>
    Object.fromEntries(names.map((name) => [name, make()])) as { [P in K]: S };
}

/** A region's six-digit administrative division code (GB/T 2260), e.g. 520000 for the province. */
export const regionIdSchema = z.string().regex(/^\d{6}$/, 'a six-digit region code');

/** `?regionId=` narrowing a list to a region of your scope. */
export const regionQuery = z.object({ regionId: regionIdSchema.optional() });

/** A mine as the lists of several modules name it: id, code, name and its county. */
const mineRefFields = {
  mineId: z.string(),
  code: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionName: z.string(),
};

/**
 * The mine a record belongs to, as the records of accidents, closures, hazards and orders carry it: its id,
 * its name and the region path of its county (what scope checks read).
 */
const recordMineFields = {
  mineId: z.string(),
  mineName: z.string(),
  regionPath: z.string(),
};

type StampFields<A extends string, S> = { [K in `${A}ById` | `${A}ByName` | `${A}At`]: S };

/**
 * Who did `act` and when, the fields of the core's `ActStamp<act>`: `<act>ById`, `<act>ByName`, `<act>At`,
 * e.g. `...actStampFields('recorded')`. `nullable` for a stamp not yet set (a step not yet verified);
 * `timeFirst` lists `<act>At` first, as some older components do (the OpenAPI document keeps their order).
 */
function actStampFields<A extends string, N extends boolean = false>(
  act: A,
  { nullable, timeFirst = false }: { nullable?: N; timeFirst?: boolean } = {},
): StampFields<A, N extends true ? z.ZodNullable<z.ZodString> : z.ZodString> {
  const field = () => (nullable ? z.string().nullable() : z.string());
  const by = { [`${act}ById`]: field(), [`${act}ByName`]: field() };
  const at = { [`${act}At`]: field() };
  return (timeFirst ? { ...at, ...by } : { ...by, ...at }) as StampFields<
    A,
    N extends true ? z.ZodNullable<z.ZodString> : z.ZodString
  >;
}

/**
 * The same stamp as hazards and supervision records spell it, the actor's id under `<act>By`:
 * `<act>By`, `<act>ByName`, `<act>At`, e.g. `...byStampFields('uploaded')`.
 */
function byStampFields<A extends string>(act: A): { [K in `${A}By` | `${A}ByName` | `${A}At`]: z.ZodString } {
  return { [`${act}By`]: z.string(), [`${act}ByName`]: z.string(), [`${act}At`]: z.string() } as {
    [K in `${A}By` | `${A}ByName` | `${A}At`]: z.ZodString;
  };
}

/** A calendar date written YYYY-MM-DD. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Every error answer: `{ error: { code, message, requestId, details? } }` (codes in docs/errors.md). */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });

/** The error answers every API route may give; merged into each route's declared responses. */
export const errorResponses = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;

/** A stored file (evidence), sent as its own content type: bytes, never serialised. */
export const fileBodySchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary', description: 'The file, as uploaded.' });

/** An answer without a body (204). */
export const noContent = z.null().meta({ description: 'No content.' });

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `A & B` read as one object type, so an intersection equals the flat object it describes. */
type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

/**
 * Ties a response schema to the core type it answers with: it compiles only when the schema's output is
 * exactly `T`, so the answer neither loses a field (zod strips unknown keys) nor promises one the core
 * lacks. `shaped<Directive>()(z.object({ ... }))`.
 */
export function shaped<T>() {
  return <S extends z.ZodType>(
    schema: S & (Equals<Flat<z.output<S>>, Flat<T>> extends true ? unknown : { schemaDiffersFrom: T }),
  ): S => schema;
}

/**
 * A named answer object tied to its core type, the common case of `shaped`: it becomes a component of the
 * OpenAPI document (a named type in the web client) and compiles only when its fields are exactly `T`'s.
 * `component<Directive>()('Directive', { id: z.string(), ... })`.
 */
export function component<T>() {
  return <F extends z.ZodRawShape>(
    id: string,
    fields: F &
      (Equals<Flat<z.output<z.ZodObject<F>>>, Flat<T>> extends true ? unknown : { schemaDiffersFrom: T }),
  ): z.ZodObject<F> => z.object(fields).meta({ id });
}

/** One of a core list of values (statuses, kinds, grades) as a named enum component. */
export const namedEnum = <T extends string>(values: readonly T[], id: string) =>
  z.enum(values as [T, ...T[]]).meta({ id });

/**
 * Field groups for response schemas, spread into a component: `...fields.strings('id', 'mineId')`,
 * `...fields.recordMine`, `...fields.actStamp('recorded')`.
 */
export const fields = {
  strings: fieldsOf(() => z.string()),
  nullableStrings: fieldsOf(() => z.string().nullable()),
  numbers: fieldsOf(() => z.number()),
  nullableNumbers: fieldsOf(() => z.number().nullable()),
  booleans: fieldsOf(() => z.boolean()),
  /** A mine as the lists of several modules name it. */
  mineRef: mineRefFields,
  /** The mine a record belongs to. */
  recordMine: recordMineFields,
  actStamp: actStampFields,
  byStamp: byStampFields,
};
