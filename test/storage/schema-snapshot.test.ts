import { afterEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../support/engines.ts';
import { describeSchema } from './support/schema-description.ts';

/**
 * The schema every migration produces, pinned on both engines: a fresh database migrated to the
 * latest version is described from the engine's own catalogue (tables, columns with type, nullability
 * and default, keys, foreign keys, indexes, partitioning, sequences) and compared with the checked-in
 * snapshot. A change to a migration or to a DDL primitive the migrations use shows here as a diff.
 * A new migration that changes the schema on purpose regenerates it:
 * `npx vitest run test/storage/schema-snapshot.test.ts -u` (review the diff; CI never writes it).
 */
describeEachEngine('schema built by the migrations', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(() => database?.dispose());

  it('matches the snapshot', async () => {
    database = await createTestDatabase(engine);
    const description = await describeSchema(database.db, engine);
    expect(Object.keys(description.tables).length).toBeGreaterThan(50);
    await expect(`${JSON.stringify(description, null, 2)}\n`).toMatchFileSnapshot(
      `./schema-snapshot/${engine}.json`,
    );
  });
});
