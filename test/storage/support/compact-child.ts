/**
 * Child process of the kill-during-compaction test: opens the SQLite file named by argv[2], says
 * "ready", compacts every window of the head in small slices (argv[3] `directory`: planned by a head
 * directory, as the serving process does; `index`: found point by point, as on PostgreSQL), says
 * "done <ms>". The parent kills it with SIGKILL at a random moment in between.
 */
import { Kysely } from 'kysely';
import { createNodeSqliteDialect, openNodeSqlite } from '../../../src/storage/dialect/node-sqlite-dialect.ts';
import type { Database } from '../../../src/storage/schema.ts';
import { compactHead } from '../../../src/storage/telemetry/block-store.ts';
import { registerHeadDirectory } from '../../../src/storage/telemetry/head-directory.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: compact-child.ts <sqlite file>');
// Only the modules compaction needs (not every migration): the child starts fast.
const sqlite = openNodeSqlite(file);
const db = new Kysely<Database>({ dialect: createNodeSqliteDialect(sqlite) });
const byDirectory = process.argv[3] === 'directory';
if (byDirectory) registerHeadDirectory(db as unknown as Kysely<never>, sqlite.raw);
process.stdout.write('ready\n');
const started = performance.now();
// A few points per transaction, so that kills fall between slices as well as inside one.
const r = await compactHead(db, Date.parse('2100-01-01T00:00:00Z'), {
  rowsPerSlice: 400,
  minSlicePoints: 2,
  pointsPerSlice: 3,
});
process.stdout.write(`done ${Math.round(performance.now() - started)} ${JSON.stringify(r)}\n`);
await db.destroy();
