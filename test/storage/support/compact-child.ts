/**
 * Child process of the kill-during-compaction test: opens the SQLite file named by argv[2], says
 * "ready", compacts every window of the head, says "done <ms>". The parent kills it with SIGKILL at a
 * random moment in between.
 */
import { Kysely } from 'kysely';
import { createNodeSqliteDialect, openNodeSqlite } from '../../../src/storage/dialect/node-sqlite-dialect.ts';
import type { Database } from '../../../src/storage/schema.ts';
import { compactHead } from '../../../src/storage/telemetry/block-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: compact-child.ts <sqlite file>');
// Only the modules compaction needs (not every migration): the child starts fast.
const db = new Kysely<Database>({ dialect: createNodeSqliteDialect(openNodeSqlite(file)) });
process.stdout.write('ready\n');
const started = performance.now();
const r = await compactHead(db, Date.parse('2100-01-01T00:00:00Z'));
process.stdout.write(`done ${Math.round(performance.now() - started)} ${JSON.stringify(r)}\n`);
await db.destroy();
