import type { Insertable, Selectable } from 'kysely';

/**
 * One codec per table: a declarative map from a record's camelCase fields to the table's snake_case
 * columns, with the conversions the storage conventions need (JSON as text, booleans as 0/1, numbers
 * that PostgreSQL may hand back as text); a closed string union is stored as text as it is. It replaces the
 * hand-written `toX(row)` / `xColumns(record)` pairs, and its types keep a record and its Kysely table
 * in step: every record field must name a column of a matching type (or a conversion to it), and every
 * column an insert requires must be written by some field.
 */

/** A two-way conversion between a field's value and its column's value. */
export interface Conversion<F, C> {
  decode(column: C): F;
  encode(field: F): C;
}

/** A field stored in several columns (or a column whose meaning depends on another). */
export interface Composite<T, F> {
  readonly columns: readonly (keyof Selectable<T> & string)[];
  decode(row: Selectable<T>): F;
  encode(field: F): Partial<Insertable<T>>;
}

/**
 * The columns whose stored value is the field's value as it is (both ways): of the field's type, or
 * wider where the field is a closed union (a state, a kind) stored as text, which the column holds
 * only as written. Nullability must agree: a nullable column never feeds a non-null field.
 */
type SameColumn<S, F> = {
  [C in keyof S & string]: [F] extends [S[C]]
    ? [Extract<S[C], null>] extends [Extract<F, null>]
      ? C
      : never
    : never;
}[keyof S & string];

type ConvertedColumn<S, F> = {
  [C in keyof S & string]: readonly [C, Conversion<F, S[C]>];
}[keyof S & string];

/** How one field is stored. */
export type FieldSpec<T, F> =
  SameColumn<Selectable<T>, F> | ConvertedColumn<Selectable<T>, F> | Composite<T, F>;

/** The whole map: one entry per field of the record. */
export type CodecSpec<R, T> = { readonly [K in keyof R]-?: FieldSpec<T, R[K]> };

type SpecColumns<S> = {
  [K in keyof S]: S[K] extends string
    ? S[K]
    : S[K] extends readonly [infer C, unknown]
      ? C
      : S[K] extends { readonly columns: readonly (infer C)[] }
        ? C
        : never;
}[keyof S];

type RequiredColumns<T> = {
  [C in keyof Insertable<T>]-?: undefined extends Insertable<T>[C] ? never : C;
}[keyof Insertable<T>];

type MissingColumns<T, S> = Exclude<RequiredColumns<T>, SpecColumns<S>>;

/** A table's codec: `decode` a selected row into its record, `encode` a record into an insertable row. */
export interface RowCodec<R, T> {
  readonly decode: (row: Selectable<T>) => R;
  readonly encode: (record: R) => Insertable<T>;
}

/**
 * Declares the codec of record type `R` stored in table type `T` (a Kysely table interface).
 * Curried so that `R` and `T` are given and the spec is checked against them:
 * `defineCodec<Order, Database['orders']>()({ id: 'id', mineIds: ['mine_ids_json', json<string[]>()] … })`.
 * A field whose decoded value is `undefined` is left out of the record (optional fields stay absent).
 */
export function defineCodec<R, T>() {
  return <const S extends CodecSpec<R, T>>(
    spec: S & ([MissingColumns<T, S>] extends [never] ? unknown : { missingColumns: MissingColumns<T, S> }),
  ): RowCodec<R, T> => {
    const fields = Object.entries(spec as Record<string, FieldSpec<T, unknown>>);
    return {
      decode(row) {
        const columns = row as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [field, how] of fields) {
          const value =
            typeof how === 'string'
              ? columns[how]
              : isConverted(how)
                ? how[1].decode(columns[how[0]] as never)
                : how.decode(row);
          if (value !== undefined) out[field] = value;
        }
        return out as R;
      },
      encode(record) {
        const values = record as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [field, how] of fields) {
          if (typeof how === 'string') out[how] = values[field];
          else if (isConverted(how)) out[how[0]] = how[1].encode(values[field]);
          else Object.assign(out, how.encode(values[field]));
        }
        return out as Insertable<T>;
      },
    };
  };
}

function isConverted<T, F>(
  how: ConvertedColumn<Selectable<T>, F> | Composite<T, F>,
): how is ConvertedColumn<Selectable<T>, F> {
  return Array.isArray(how);
}

/** `mineId` → `mine_id`: the storage convention's column name for a field. */
export type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? W | Words<Rest> : S;

/**
 * The fields stored as they are in the column their name gives by the convention, listed in one
 * string: `...asIs('id mineId expertName')` is `{ id: 'id', mineId: 'mine_id', expertName: 'expert_name' }`.
 * A field whose column is named otherwise, or which needs a conversion, is spelled out beside it.
 */
export function asIs<const S extends string>(fields: S): { readonly [K in Words<S>]: SnakeCase<K> } {
  return Object.fromEntries(
    fields
      .split(' ')
      .filter((f) => f !== '')
      .map((f) => [f, f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
  ) as { readonly [K in Words<S>]: SnakeCase<K> };
}

/** A number; PostgreSQL's bigint and numeric may arrive as text. */
export const num: Conversion<number, number> = {
  decode: (c) => Number(c),
  encode: (f) => f,
};

/** A nullable number. */
export const numOrNull: Conversion<number | null, number | null> = {
  decode: (c) => (c === null ? null : Number(c)),
  encode: (f) => f,
};

/** A boolean stored as 0/1 (both engines). */
export const bool: Conversion<boolean, number> = {
  decode: (c) => Number(c) === 1,
  encode: (f) => (f ? 1 : 0),
};

/** A value stored as JSON text. */
export const json = <V>(): Conversion<V, string> => ({
  decode: (c) => JSON.parse(c) as V,
  encode: (f) => JSON.stringify(f),
});

/** A nullable value stored as JSON text (null stays SQL NULL). */
export const jsonOrNull = <V>(): Conversion<V | null, string | null> => ({
  decode: (c) => (c === null ? null : (JSON.parse(c) as V)),
  encode: (f) => (f === null ? null : JSON.stringify(f)),
});
