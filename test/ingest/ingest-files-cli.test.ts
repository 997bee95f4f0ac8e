import { createMonitoringStore } from '../../src/storage/stores/monitoring-store.ts';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { useSeededCli } from '../support/cli-runner.ts';
import { cddyText, cdssText, coPoint, fileName, methanePoint } from './ingest-fixtures.ts';

describe('redline ingest-files DIR', () => {
  const cli = useSeededCli('redline-cli-', 20);
  const { redline } = cli;

  it('takes a directory once and prints the summary', async () => {
    const db = openDatabase(join(cli.tmp, 'redline.db'));
    const { code } = await db.db
      .selectFrom('mines')
      .select('code')
      .where('status', '=', 'producing')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await db.close();

    const inbox = join(cli.tmp, 'inbox');
    mkdirSync(inbox);
    const t1 = '2026-12-05 08:00:10';
    const t2 = '2026-12-05 08:00:20';
    const t3 = '2026-12-05 08:00:30';
    writeFileSync(join(inbox, fileName(code, 'CDDY', '2026-12-05 08:00:00')), cddyText(code));
    writeFileSync(join(inbox, fileName(code, 'CDSS', t1)), cdssText(code, t1, [[methanePoint(code), 0.3]]));
    writeFileSync(
      join(inbox, fileName(code, 'CDSS', t2)),
      cdssText(code, t2, [
        [methanePoint(code), 0.31],
        [coPoint(code), 'broken'],
      ]),
    );
    writeFileSync(join(inbox, 'notes.txt'), 'not an upload file||');
    const incomplete = fileName(code, 'CDSS', t3);
    writeFileSync(join(inbox, incomplete), cdssText(code, t3, [[methanePoint(code), 0.32]]).slice(0, -2));

    const r = await redline('ingest-files', inbox);
    expect(r.code, r.stderr).toBe(2); // not every file was stored
    expect(JSON.parse(r.stdout)).toEqual({
      files: 5,
      stored: 3,
      rejected: 1,
      incomplete: 1,
      recordsAccepted: 4,
      recordsRejected: 1,
      rejectedByReason: { 'value: expected a decimal number': 1, BAD_FILE_NAME: 1 },
    });
    expect(readdirSync(join(inbox, 'processed'))).toHaveLength(3);
    expect(readdirSync(join(inbox, 'rejected')).sort()).toEqual(['notes.txt', 'notes.txt.reason.json']);
    expect(existsSync(join(inbox, incomplete))).toBe(true);

    const after = openDatabase(join(cli.tmp, 'redline.db'));
    const n = await createMonitoringStore(after.db).countReadings();
    await after.close();
    expect(Number(n)).toBe(2);
  });
});
