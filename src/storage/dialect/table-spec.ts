import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { col } from './column-types.ts';

/**
 * Tables and indexes declared as data, for the migrations. A column is a line that reads like SQL
 * with the portable types of column-types.ts:
 *
 *   'id primary key' · 'text not null unique' · 'isoTime' · "text not null default 'producing'" ·
 *   'id not null references mines.id' · 'id not null references users.id on delete cascade'
 *
 * Each spec becomes the Kysely schema-builder chain the migrations used to spell out by hand, so the
 * DDL is the engine's own for both SQLite and PostgreSQL. Migrations are frozen in time, and this
 * file is one of their primitives: what it emits for a given spec must never change. The schema
 * snapshot test (test/storage/schema-snapshot.test.ts) pins its output on both engines.
 */
export type LogicalType = keyof typeof col;
export type ColumnSpec = LogicalType | `${LogicalType} ${string}`;
/** A parenthesised column list: `(mine_id, at)`. */
export type ColumnList = `(${string})`;

export interface TableSpec {
  /** The columns in order, each a column spec. */
  columns: Record<string, ColumnSpec>;
  /** A composite primary key, made as the constraint `<table>_pk`. */
  primaryKey?: ColumnList;
  /** Named unique constraints. */
  unique?: Record<string, ColumnList>;
  /** Indexes by name, created after the table: `(a, b)` or `unique (a, b)`. */
  indexes?: Record<string, ColumnList | `unique ${ColumnList}`>;
}

/**
 * Creates `table` with its columns (in order) and table constraints, then its indexes. The whole spec
 * is read first: one it cannot read creates nothing.
 */
export async function createTable(db: Kysely<unknown>, table: string, spec: TableSpec): Promise<void> {
  const names = Object.keys(spec.columns);
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(table);
  for (const [name, text] of Object.entries(spec.columns)) {
    const column = parseColumn(table, name, text);
    builder = builder.addColumn(name, col[column.type], (c) => applyModifiers(c, column));
  }
  if (spec.primaryKey)
    builder = builder.addPrimaryKeyConstraint(`${table}_pk`, columnsOf(table, spec.primaryKey, names));
  for (const [name, list] of Object.entries(spec.unique ?? {}))
    builder = builder.addUniqueConstraint(name, columnsOf(table, list, names));
  const indexes = Object.entries(spec.indexes ?? {}).map(([name, index]) => {
    const created = db.schema
      .createIndex(name)
      .on(table)
      .columns(columnsOf(table, index.replace(/^unique /, ''), names));
    return index.startsWith('unique ') ? created.unique() : created;
  });
  await builder.execute();
  for (const index of indexes) await index.execute();
}

/** Adds columns to an existing table, one `alter table` each (SQLite adds one column per statement). */
export async function addColumns(
  db: Kysely<unknown>,
  table: string,
  columns: Record<string, ColumnSpec>,
): Promise<void> {
  for (const [name, spec] of Object.entries(columns)) {
    const column = parseColumn(table, name, spec);
    await db.schema
      .alterTable(table)
      .addColumn(name, col[column.type], (c) => applyModifiers(c, column))
      .execute();
  }
}

interface ParsedColumn {
  type: LogicalType;
  isNotNull: boolean;
  isPrimaryKey: boolean;
  isUnique: boolean;
  defaultTo?: string | number;
  references?: string;
  onDelete?: 'cascade' | 'set null' | 'restrict' | 'no action';
}

const MODIFIERS: ReadonlyArray<[RegExp, (c: ParsedColumn, m: RegExpExecArray) => void]> = [
  [/^not null\b/, (c) => (c.isNotNull = true)],
  [/^primary key\b/, (c) => (c.isPrimaryKey = true)],
  [/^unique\b/, (c) => (c.isUnique = true)],
  [/^default '([^']*)'/, (c, m) => (c.defaultTo = m[1])],
  [/^default (-?\d+(?:\.\d+)?)\b/, (c, m) => (c.defaultTo = Number(m[1]))],
  [/^references (\w+\.\w+)\b/, (c, m) => (c.references = m[1])],
  [
    /^on delete (cascade|set null|restrict|no action)\b/,
    (c, m) => (c.onDelete = m[1] as ParsedColumn['onDelete']),
  ],
];

/** Reads a column spec; a word it does not know is a programmer error, named with its table and column. */
function parseColumn(table: string, name: string, spec: ColumnSpec): ParsedColumn {
  const [type, ...rest] = spec.trim().split(/\s+/);
  if (!type || !Object.hasOwn(col, type))
    throw new Error(`${table}.${name}: unknown column type in "${spec}"`);
  const column: ParsedColumn = {
    type: type as LogicalType,
    isNotNull: false,
    isPrimaryKey: false,
    isUnique: false,
  };
  let text = rest.join(' ');
  while (text !== '') {
    const found = MODIFIERS.map(([re, apply]) => [re.exec(text), apply] as const).find(([m]) => m !== null);
    if (!found) throw new Error(`${table}.${name}: cannot read "${text}" in "${spec}"`);
    const [match, apply] = found;
    apply(column, match!);
    text = text.slice(match![0].length).trim();
  }
  if (column.onDelete && !column.references)
    throw new Error(`${table}.${name}: "on delete" without "references"`);
  return column;
}

function applyModifiers(c: ColumnDefinitionBuilder, column: ParsedColumn): ColumnDefinitionBuilder {
  let b = c;
  if (column.isNotNull) b = b.notNull();
  if (column.isPrimaryKey) b = b.primaryKey();
  if (column.isUnique) b = b.unique();
  if (column.defaultTo !== undefined) b = b.defaultTo(column.defaultTo);
  if (column.references) b = b.references(column.references);
  if (column.onDelete) b = b.onDelete(column.onDelete);
  return b;
}

/** `(a, b)` → ['a', 'b'], each a column of the table. */
function columnsOf(table: string, list: string, known: readonly string[]): string[] {
  const inner = /^\(([^()]+)\)$/.exec(list.trim());
  if (!inner) throw new Error(`${table}: "${list}" is not a column list like (a, b)`);
  const names = inner[1]!.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new Error(`${table}: no column ${unknown.join(', ')}`);
  return names;
}
