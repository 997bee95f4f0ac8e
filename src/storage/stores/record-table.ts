import type { Expression, Kysely, Selectable } from 'kysely';
import type { RowCodec } from '../row-codec.ts';
import type { Database } from '../schema.ts';
import { escapeLike } from './region-store.ts';

type TableName = Extract<keyof Database, string>;
type Column<N extends TableName> = keyof Database[N] & string;

/**
 * Conditions on columns, all of which must hold. A value is equality (`null` matches SQL NULL; an
 * `undefined` one is no condition, so an optional filter field can be passed as it is); `{ in }` is
 * membership in a list or a one-column subquery; `{ under }` is a region-path prefix (`like 'path%'`).
 */
export type Match<N extends TableName> = {
  [C in keyof Selectable<Database[N]>]?:
    Selectable<Database[N]>[C] | Condition<Selectable<Database[N]>[C]> | undefined;
};

export type Condition<V> =
  { readonly in: readonly V[] | Expression<Record<string, V>> } | { readonly under: string };

/** A column to sort by, ascending unless given as `[column, 'desc']`. */
export type OrderBy<N extends TableName> = Column<N> | readonly [Column<N>, 'asc' | 'desc'];

/** The condition of an optional region filter: the subtree under the path, or none when no path is given. */
export const underPath = (path: string | undefined): Condition<string> | undefined =>
  path === undefined ? undefined : { under: path };

/** Newest first by `column`, rows of the same time newest id first: the order of most history lists. */
export const newestFirst = <C extends string>(column: C) =>
  [
    [column, 'desc'],
    ['id', 'desc'],
  ] as const;

/** The store shapes every record table repeats, over its codec. */
export interface RecordTable<N extends TableName, R> {
  insert: (record: R) => Promise<void>;
  /** Inserts in chunks (each one statement) so no statement exceeds the engines' parameter limits. */
  insertMany: (records: readonly R[], chunkSize?: number) => Promise<void>;
  /** Rewrites every column but the key of the record's row, or only the columns named. */
  update: (record: R, only?: readonly Column<N>[]) => Promise<void>;
  /** Inserts the record, or rewrites the row with its key if there is one. */
  upsert: (record: R) => Promise<void>;
  /** The row whose `id` is given, if any. */
  get: (id: string) => Promise<R | undefined>;
  /** The first row matching, if any. */
  find: (match: Match<N>) => Promise<R | undefined>;
  /** The rows matching, in the order given. */
  list: (match: Match<N>, orderBy: readonly OrderBy<N>[], limit?: number) => Promise<R[]>;
  /** Deletes the rows matching. */
  remove: (match: Match<N>) => Promise<void>;
}

interface LooseWhere {
  where(column: string, op: string, value: unknown): LooseWhere;
}

/**
 * The kit a store builds per table from the table's codec (`storage/row-codec.ts`). `key` names the
 * columns an update finds its row by (default `id`). Queries with their own filters stay in the store
 * and decode with the codec.
 */
export function recordTable<N extends TableName, R>(
  db: Kysely<Database>,
  table: N,
  codec: RowCodec<R, Database[N]>,
  key: readonly Column<N>[] = ['id' as Column<N>],
): RecordTable<N, R> {
  // Kysely cannot type a query over a table chosen by a type parameter; the typed surface above is
  // checked at each call site, so the queries run on an untyped view of the same connection.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const name: string = table;
  const decode = (row: Record<string, unknown>) => codec.decode(row as Selectable<Database[N]>);

  function splitKey(record: R) {
    const rest: Record<string, unknown> = { ...codec.encode(record) };
    const where = key.map((column): [string, unknown] => [column, rest[column]]);
    for (const column of key) delete rest[column];
    return { where, rest };
  }

  /** Adds the match's conditions to a query (a select or a delete). */
  function where<Q>(q: Q, match: Match<N>): Q {
    let out = q as LooseWhere;
    for (const [column, value] of Object.entries(match as Record<string, unknown>)) {
      if (value === undefined) continue;
      if (value === null) out = out.where(column, 'is', null);
      else if (typeof value !== 'object') out = out.where(column, '=', value);
      else if ('in' in value) out = out.where(column, 'in', value.in);
      else out = out.where(column, 'like', `${escapeLike((value as { under: string }).under)}%`);
    }
    return out as unknown as Q;
  }

  const select = (match: Match<N>) => where(loose.selectFrom(name).selectAll(), match);
  /**
   * A match meant to name rows (get, find, remove) must name at least one column: with every value
   * undefined it would take any row — or, for a remove, delete them all.
   */
  const naming = (match: Match<N>, what: string) => {
    if (!Object.values(match as Record<string, unknown>).some((v) => v !== undefined))
      throw new Error(`${name}.${what}: the match names no column (every value is undefined)`);
    return match;
  };

  return {
    async insert(record) {
      await loose.insertInto(name).values(codec.encode(record)).execute();
    },
    async insertMany(records, chunkSize = 200) {
      for (let i = 0; i < records.length; i += chunkSize) {
        const rows = records.slice(i, i + chunkSize).map((r) => codec.encode(r));
        await loose.insertInto(name).values(rows).execute();
      }
    },
    async update(record, only) {
      const { where, rest } = splitKey(record);
      const values = only ? Object.fromEntries(only.map((column) => [column, rest[column]])) : rest;
      let q = loose.updateTable(name).set(values);
      for (const [column, value] of where) q = q.where(column, '=', value);
      await q.execute();
    },
    async upsert(record) {
      const { rest } = splitKey(record);
      await loose
        .insertInto(name)
        .values(codec.encode(record))
        .onConflict((oc) => oc.columns(key).doUpdateSet(rest))
        .execute();
    },
    async get(id) {
      const r = await select(naming({ id } as Match<N>, 'get')).executeTakeFirst();
      return r && decode(r);
    },
    async find(match) {
      const r = await select(naming(match, 'find')).executeTakeFirst();
      return r && decode(r);
    },
    async list(match, orderBy, limit) {
      let q = select(match);
      for (const o of orderBy) q = typeof o === 'string' ? q.orderBy(o) : q.orderBy(o[0], o[1]);
      if (limit !== undefined) q = q.limit(limit);
      const rows = await q.execute();
      return rows.map(decode);
    },
    async remove(match) {
      await where(loose.deleteFrom(name), naming(match, 'remove')).execute();
    },
  };
}
