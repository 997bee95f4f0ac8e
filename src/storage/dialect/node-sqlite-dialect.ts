import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

/**
 * Adapts Node's built-in `node:sqlite` to the better-sqlite3-shaped interface Kysely's SqliteDialect
 * expects: array parameters, a `reader` flag, booleans bound as 0/1, and a bounded cache of prepared
 * statements (node:sqlite does not cache them itself, and preparing dominates small queries).
 */
const STATEMENT_CACHE_SIZE = 200;

function toSqliteParam(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === undefined) return null;
  return v;
}

class NodeSqliteStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;

  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }

  all(parameters: readonly unknown[]): unknown[] {
    return this.#stmt.all(...(parameters.map(toSqliteParam) as never[]));
  }

  run(parameters: readonly unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.#stmt.run(...(parameters.map(toSqliteParam) as never[]));
  }

  iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    return this.#stmt.iterate(...(parameters.map(toSqliteParam) as never[])) as IterableIterator<unknown>;
  }
}

export class NodeSqliteDatabase implements SqliteDatabase {
  readonly raw: DatabaseSync;
  readonly #cache = new Map<string, NodeSqliteStatement>();

  constructor(raw: DatabaseSync) {
    this.raw = raw;
  }

  prepare(text: string): SqliteStatement {
    // Kysely opens a transaction with a deferred `begin`. Another connection writes to the same file
    // (the compaction thread), so a transaction that read first could not upgrade to writing after
    // that connection committed (SQLITE_BUSY_SNAPSHOT, which no busy timeout retries). An immediate
    // begin takes the write lock first, waiting under the busy timeout as any write does.
    const sql = text === 'begin' ? 'begin immediate' : text;
    let stmt = this.#cache.get(sql);
    if (stmt) {
      // Refresh LRU position.
      this.#cache.delete(sql);
      this.#cache.set(sql, stmt);
      return stmt;
    }
    stmt = new NodeSqliteStatement(this.raw.prepare(sql));
    this.#cache.set(sql, stmt);
    if (this.#cache.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return stmt;
  }

  close(): void {
    this.#cache.clear();
    if (this.raw.isOpen) this.raw.close();
  }
}

/** Opens a SQLite file (or ":memory:") in WAL mode with the pragmas Redline relies on. */
export function openNodeSqlite(path: string): NodeSqliteDatabase {
  const raw = new DatabaseSync(path);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  // Readings are clustered by (point, time): every point's newest leaf page is written each poll, so
  // the page cache must hold about one page per point (a province: 10^4–10^5 pages).
  raw.exec('PRAGMA cache_size = -262144');
  raw.exec('PRAGMA temp_store = MEMORY');
  return new NodeSqliteDatabase(raw);
}

export function createNodeSqliteDialect(db: NodeSqliteDatabase): SqliteDialect {
  return new SqliteDialect({ database: db });
}
