import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../../src/storage/database.ts';

/** A suite's SQLite file on disk: `redline.db` in a temporary folder of its own. */
export interface SqliteFile {
  /** The temporary folder (removed after the suite). */
  readonly dir: string;
  /** `redline.db` in it. */
  readonly file: string;
  /** Opens the file and migrates it to the latest schema. */
  open: () => Promise<OpenDatabase>;
}

/**
 * For suites that need a real file (another process or thread opens it, or a CLI run): the folder is
 * made at once and removed after the suite (or the module, called at top level).
 */
export function useSqliteFile(prefix: string): SqliteFile {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'redline.db');
  return {
    dir,
    file,
    open: async () => {
      const database = openDatabase(file);
      await migrateToLatest(database.db);
      return database;
    },
  };
}
