import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.ts';
import {
  addColumns,
  createTable,
  type ColumnSpec,
  type TableSpec,
} from '../../src/storage/dialect/table-spec.ts';

/**
 * The migrations' table specs (dialect/table-spec.ts). What they build on both engines is pinned by
 * schema-snapshot.test.ts; here: a spec the parser cannot read is refused with its table and column
 * named, before anything is created.
 */
describe('table specs', () => {
  let open: OpenDatabase | undefined;
  afterEach(() => open?.close());
  const db = () => (open = openDatabase(':memory:')).db as unknown as Parameters<typeof createTable>[0];

  it('build the columns, defaults, keys and indexes they declare', async () => {
    const d = db();
    await createTable(d, 'parents', { columns: { id: 'id primary key' } });
    await createTable(d, 'children', {
      columns: {
        parent_id: 'id not null references parents.id on delete cascade',
        n: 'int not null',
        label: "text not null default 'x'",
      },
      primaryKey: '(parent_id, n)',
      indexes: { children_label_idx: 'unique (label, n)' },
    });
    await addColumns(d, 'children', { done: 'bool not null default 0', note: 'text' });
    await d
      .insertInto('parents' as never)
      .values({ id: 'p' })
      .execute();
    await d
      .insertInto('children' as never)
      .values({ parent_id: 'p', n: 1 })
      .execute();
    const rows = await d
      .selectFrom('children' as never)
      .selectAll()
      .execute();
    expect(rows).toEqual([{ parent_id: 'p', n: 1, label: 'x', done: 0, note: null }]);
    await expect(
      d
        .insertInto('children' as never)
        .values({ parent_id: 'p', n: 1 } as never)
        .execute(),
    ).rejects.toThrow(/UNIQUE|PRIMARY/i);
  });

  it.each<[string, Record<string, ColumnSpec>, string | undefined, RegExp]>([
    ['an unknown type', { a: 'txt not null' as ColumnSpec }, undefined, /t\.a: unknown column type/],
    ['an unknown word', { a: 'text not nul' }, undefined, /t\.a: cannot read "not nul"/],
    ['on delete without references', { a: 'id on delete cascade' }, undefined, /t\.a: "on delete" without/],
    ['an index on a missing column', { a: 'text' }, '(a, b)', /t: no column b/],
    ['an index that is not a column list', { a: 'text' }, 'a, b', /not a column list/],
  ])('refuse %s', async (_, columns, index, message) => {
    const d = db();
    const indexes: TableSpec['indexes'] = index === undefined ? {} : { t_idx: index as `(${string})` };
    await expect(createTable(d, 't', { columns, indexes })).rejects.toThrow(message);
    const tables = await d
      .selectFrom('sqlite_master' as never)
      .select('name' as never)
      .execute();
    expect(tables).toEqual([]);
  });
});
