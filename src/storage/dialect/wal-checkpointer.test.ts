import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeSqlite } from './node-sqlite-dialect.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fill(path: string, withCheckpointer: boolean) {
  const db = openNodeSqlite(path);
  const cp = withCheckpointer ? startWalCheckpointer(db, path) : null;
  if (!cp) db.raw.exec('PRAGMA wal_autocheckpoint = 0');
  db.raw.exec('create table t (id integer primary key, v blob)');
  const ins = db.raw.prepare('insert into t (v) values (randomblob(4000))');
  for (let i = 0; i < 2_000; i++) ins.run();
  return { db, cp, size: () => statSync(path).size };
}

async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return ok();
}

describe('the WAL checkpointer thread', () => {
  it('copies committed pages into the database file while the serving connection never checkpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-wal-'));
    dirs.push(dir);
    // Without it (and without automatic checkpoints) the 8 MB stay in the WAL: the file does not grow.
    const bare = fill(join(dir, 'bare.db'), false);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(bare.size()).toBeLessThan(1_000_000);
    bare.db.close();
    const served = fill(join(dir, 'served.db'), true);
    expect(await until(() => served.size() > 8_000_000, 5_000)).toBe(true);
    // Still one database: the serving connection reads everything it wrote.
    expect(served.db.raw.prepare('select count(*) as n from t').get()).toEqual({ n: 2_000 });
    await served.cp!.close();
    served.db.close();
  });

  it('is not started for an in-memory database', () => {
    const db = openNodeSqlite(':memory:');
    expect(startWalCheckpointer(db, ':memory:')).toBeNull();
    db.close();
  });
});

describe('the WAL under steady writes', () => {
  it('stays bounded: the checkpointer starts it over instead of letting it grow with the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-wal-'));
    dirs.push(dir);
    const path = join(dir, 'steady.db');
    const db = openNodeSqlite(path);
    const cp = startWalCheckpointer(db, path)!;
    db.raw.exec('create table t (id integer primary key, v blob)');
    const ins = db.raw.prepare('insert into t (v) values (randomblob(4000))');
    // ~80 MB written at ~20 MB/s in small commits, faster than a province's ingest writes.
    for (let i = 0; i < 20_000; i++) {
      ins.run();
      if (i % 500 === 499) await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1_200));
    ins.run();
    const wal = statSync(`${path}-wal`).size;
    expect(wal).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(statSync(path).size).toBeGreaterThan(70_000_000);
    await cp.close();
    db.close();
  });
});
