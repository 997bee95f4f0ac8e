import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Migrations are frozen in time: each writes its own DDL, so changing live code never changes what an
 * old migration does to a database being created or upgraded. They may import only the dialect's
 * primitives and, for the data conversions of ADR 0005 (0012, 0017), the block codec and row builders,
 * which must read and write every block version they ever stored.
 *
 * table-spec.ts (createTable, addColumns: a table or column declared as data) is a primitive too: it
 * turns a spec into the same Kysely schema-builder chain on every run, and what it emits must never
 * change. The schema snapshot test (schema-snapshot.test.ts) pins its output — and so every
 * migration's — on SQLite and PostgreSQL.
 */
const DIR = join(import.meta.dirname, '../../src/storage/migrations');
const ALLOWED: Record<string, readonly string[] | '*'> = {
  kysely: '*',
  '../dialect/column-types.ts': '*',
  '../dialect/table-spec.ts': ['createTable', 'addColumns'],
  // 0012 makes the partitions its converted data falls into with the live maintenance code.
  '../dialect/telemetry-ddl.ts': ['isSqliteEngine', 'createBlockPartitions'],
  '../schema.ts': '*', // types only
  '../telemetry/block-codec.ts': '*',
  '../telemetry/block-store.ts': '*',
};

describe('migrations', () => {
  const files = readdirSync(DIR).filter((f) => /^\d{4}-.*\.ts$/.test(f));

  it('import nothing but the dialect primitives and the block codec', () => {
    const outside = files.flatMap((f) =>
      [
        ...readFileSync(join(DIR, f), 'utf8').matchAll(/^import (?:type )?\{?([^;]*?)\}? from '([^']+)';/gms),
      ].flatMap((m) => {
        const allowed = ALLOWED[m[2]!];
        if (allowed === '*') return [];
        const names = m[1]!
          .split(',')
          .map((n) => n.replace(/^\s*type\s+/, '').trim())
          .filter(Boolean);
        return names.filter((n) => !allowed?.includes(n)).map((n) => `${f}: ${n} from ${m[2]}`);
      }),
    );
    expect(outside).toEqual([]);
  });

  it('are numbered without repeats', () => {
    const numbers = files.map((f) => f.slice(0, 4));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
