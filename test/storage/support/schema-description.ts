import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { EngineName } from '../../support/engines.ts';

/**
 * What the migrations built, as the engine itself reports it (its catalogue, not the DDL text), in a
 * stable order: per table its columns (type, nullability, default), primary key, foreign keys, other
 * constraints, indexes (unique, partial) and partitioning; and the sequences. Kysely's own bookkeeping
 * tables are left out.
 */
export interface SchemaDescription {
  engine: EngineName;
  tables: Record<string, TableDescription>;
  sequences: string[];
}

export interface TableDescription {
  /** `name type [not null] [default …]`, in column order. */
  columns: string[];
  primaryKey: string[];
  foreignKeys: string[];
  /** Named constraints (`name kind …`). */
  constraints: string[];
  indexes: string[];
  /** Engine-specific table properties (SQLite: without rowid, autoincrement; PostgreSQL: partitioning). */
  options: string[];
}

/** The schema of `db` on `engine`, normalised for a checked-in snapshot. */
export function describeSchema<DB>(db: Kysely<DB>, engine: EngineName): Promise<SchemaDescription> {
  return engine === 'sqlite' ? describeSqlite(db) : describePostgres(db);
}

const isOwnTable = (name: string) => !name.startsWith('kysely_') && !name.startsWith('sqlite_');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function rows<R>(db: QueryExecutorProvider, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(db)).rows;
}

async function describeSqlite<DB>(db: Kysely<DB>): Promise<SchemaDescription> {
  const tables: Record<string, TableDescription> = {};
  const list = await rows<{ name: string; sql: string; wr: number }>(
    db,
    sql`select m.name, m.sql, t.wr from sqlite_master m join pragma_table_list t on t.name = m.name
        where m.type = 'table' and t.schema = 'main' order by m.name`,
  );
  for (const t of list.filter((x) => isOwnTable(x.name))) {
    const columns = await rows<{
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }>(db, sql`select name, type, "notnull", dflt_value, pk from pragma_table_info(${t.name}) order by cid`);
    const fks = await rows<{ from: string; table: string; to: string; on_update: string; on_delete: string }>(
      db,
      sql`select "from", "table", "to", on_update, on_delete from pragma_foreign_key_list(${t.name}) order by id, seq`,
    );
    const indexes = await rows<{ name: string; unique: number; origin: string; partial: number }>(
      db,
      sql`select name, "unique", origin, partial from pragma_index_list(${t.name}) order by name`,
    );
    const indexLines: string[] = [];
    for (const ix of indexes) {
      const cols = await rows<{ name: string | null }>(
        db,
        sql`select name from pragma_index_info(${ix.name}) order by seqno`,
      );
      const ddl = await rows<{ sql: string | null }>(
        db,
        sql`select sql from sqlite_master where type = 'index' and name = ${ix.name}`,
      );
      const where = ix.partial
        ? ` where ${/\bwhere\b(.*)$/is.exec(ddl[0]?.sql ?? '')?.[1]?.trim() ?? '?'}`
        : '';
      indexLines.push(
        `${ix.name}: ${ix.unique ? 'unique ' : ''}(${cols.map((c) => c.name ?? '<expr>').join(', ')})${where} [${ix.origin}]`,
      );
    }
    tables[t.name] = {
      columns: columns.map(
        (c) =>
          `${c.name} ${c.type.toLowerCase()}${c.notnull ? ' not null' : ''}${c.dflt_value === null ? '' : ` default ${c.dflt_value}`}`,
      ),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      foreignKeys: fks.map(
        (f) => `(${f.from}) references ${f.table}(${f.to}) on update ${f.on_update} on delete ${f.on_delete}`,
      ),
      constraints: [...t.sql.matchAll(/\bconstraint\s+"?(\w+)"?\s+(primary key|unique|foreign key|check)/gi)]
        .map((m) => `${m[1]} ${m[2]!.toLowerCase()}`)
        .sort(byName),
      indexes: indexLines,
      options: [
        ...(t.wr ? ['without rowid'] : []),
        ...(/\bautoincrement\b/i.test(t.sql) ? ['autoincrement'] : []),
      ],
    };
  }
  return { engine: 'sqlite', tables, sequences: [] };
}

async function describePostgres<DB>(db: Kysely<DB>): Promise<SchemaDescription> {
  const tables: Record<string, TableDescription> = {};
  const list = await rows<{
    name: string;
    kind: string;
    partkey: string | null;
    parent: string | null;
    bound: string | null;
  }>(
    db,
    sql`select c.relname as name, c.relkind as kind,
          case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
          (select p.relname from pg_inherits i join pg_class p on p.oid = i.inhparent where i.inhrelid = c.oid) as parent,
          pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  for (const t of list.filter((x) => isOwnTable(x.name))) {
    const columns = await rows<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
      identity_generation: string | null;
    }>(
      db,
      sql`select column_name, data_type, is_nullable, column_default, is_identity, identity_generation
          from information_schema.columns where table_schema = 'public' and table_name = ${t.name}
          order by ordinal_position`,
    );
    const constraints = await rows<{ name: string; type: string; def: string }>(
      db,
      sql`select conname as name, contype as type, pg_get_constraintdef(oid) as def from pg_constraint
          where conrelid = ${sql.lit(`public.${t.name}`)}::regclass order by conname`,
    );
    const indexes = await rows<{ name: string; def: string }>(
      db,
      sql`select indexname as name, indexdef as def from pg_indexes
          where schemaname = 'public' and tablename = ${t.name} order by indexname`,
    );
    const pk = constraints.find((c) => c.type === 'p');
    tables[t.name] = {
      columns: columns.map(
        (c) =>
          `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}` +
          `${c.column_default === null ? '' : ` default ${c.column_default}`}` +
          `${c.is_identity === 'YES' ? ` generated ${c.identity_generation?.toLowerCase()} as identity` : ''}`,
      ),
      primaryKey: pk ? /\(([^)]*)\)/.exec(pk.def)![1]!.split(', ') : [],
      foreignKeys: constraints.filter((c) => c.type === 'f').map((c) => c.def.toLowerCase()),
      constraints: constraints.map((c) => `${c.name} ${CONSTRAINT_KINDS[c.type] ?? c.type}`),
      indexes: indexes.map((i) => `${i.name}: ${i.def}`),
      options: [
        ...(t.partkey ? [`partition by ${t.partkey.toLowerCase()}`] : []),
        ...(t.parent ? [`partition of ${t.parent} ${t.bound?.toLowerCase() ?? ''}`.trim()] : []),
      ],
    };
  }
  const sequences = await rows<{ line: string }>(
    db,
    sql`select sequencename || ' ' || data_type::text || ' start ' || start_value || ' increment ' || increment_by
          || ' min ' || min_value || ' max ' || max_value || case when cycle then ' cycle' else '' end as line
        from pg_sequences where schemaname = 'public' and sequencename not like 'kysely_%' order by sequencename`,
  );
  return { engine: 'postgres', tables, sequences: sequences.map((s) => s.line) };
}

const CONSTRAINT_KINDS: Record<string, string> = {
  p: 'primary key',
  u: 'unique',
  f: 'foreign key',
  c: 'check',
};
