import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileReport } from '../../src/ingest/files/ingest-upload-file.ts';
import {
  startInboxWatcher,
  summarizeReports,
  type InboxWatcher,
} from '../../src/ingest/files/inbox-watcher.ts';
import { encodeGb18030 } from '../../src/core/monitoring/upload-file/gb18030-encoder.test-helper.ts';
import type { DemoMine } from '../../src/sim/demo-province.ts';
import { cdssText, coPoint, fileName, methanePoint, quietLog, useIngestWorld } from './ingest-fixtures.ts';

const GRACE_MS = 60_000;

describe('inbox watcher', () => {
  const w = useIngestWorld({ each: true });
  let dir: string;
  let inbox: InboxWatcher;
  let mine: DemoMine;
  const reports: FileReport[] = [];

  beforeEach(async () => {
    mine = w.officerMine;
    await w.definePoints(mine);
    dir = mkdtempSync(join(tmpdir(), 'redline-inbox-'));
    reports.length = 0;
    // A long poll: the test drives the looks itself (fs.watch may still trigger some).
    inbox = startInboxWatcher({
      dir,
      runtime: w.runtime,
      store: w.world.ports.monitoring,
      ids: w.world.ports.ids,
      clock: w.world.clock,
      pollMs: 60_000,
      incompleteGraceMs: GRACE_MS,
      log: quietLog,
      onReport: (r) => reports.push(r),
    });
  });
  afterEach(async () => {
    await inbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Two looks: the first notes size and time, the second takes what did not change. */
  const twoLooks = async () => {
    await inbox.scanOnce();
    await inbox.scanOnce();
  };
  const list = (sub = '') => readdirSync(join(dir, sub)).sort();

  it('stores a complete file and only then moves it to processed/', async () => {
    const time = '2026-12-05 08:00:10';
    const name = fileName(mine.code, 'CDSS', time);
    // Hold the runtime's write until the test has looked at the inbox.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const ingest = w.runtime.ingestReadings.bind(w.runtime);
    const spy = vi.spyOn(w.runtime, 'ingestReadings').mockImplementationOnce(async (...args) => {
      await held;
      return ingest(...args);
    });
    writeFileSync(
      join(dir, name),
      encodeGb18030(cdssText(mine.code, time, [[methanePoint(mine.code), 0.33]])),
    );
    const looks = twoLooks();
    await expect.poll(() => spy.mock.calls.length).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(list()).toContain(name);
    expect(existsSync(join(dir, 'processed'))).toBe(false);
    release();
    await looks;
    await expect.poll(() => existsSync(join(dir, 'processed', name))).toBe(true);
    expect(existsSync(join(dir, name))).toBe(false);
    expect(await w.world.ports.monitoring.countReadings()).toBe(1);
    expect(reports).toMatchObject([{ file: name, outcome: 'stored', accepted: 1, encoding: 'gb18030' }]);
  });

  it('stores a file with a malformed line and keeps the rejection in the report', async () => {
    const time = '2026-12-05 08:00:20';
    const name = fileName(mine.code, 'CDSS', time);
    writeFileSync(
      join(dir, name),
      cdssText(mine.code, time, [
        [methanePoint(mine.code), 0.3],
        [coPoint(mine.code), 'n/a'],
      ]),
    );
    await twoLooks();
    await expect.poll(() => existsSync(join(dir, 'processed', name))).toBe(true);
    expect(reports[0]).toMatchObject({
      outcome: 'stored',
      accepted: 1,
      rejected: [{ line: 3, field: 'value' }],
    });
    expect(await w.world.ports.monitoring.countReadings()).toBe(1);
  });

  it('moves a file with a bad name to rejected/ with the reason beside it', async () => {
    const name = 'readings-from-mine.txt';
    writeFileSync(join(dir, name), 'x;y~||');
    await twoLooks();
    await expect.poll(() => existsSync(join(dir, 'rejected', name))).toBe(true);
    const reason = JSON.parse(
      readFileSync(join(dir, 'rejected', `${name}.reason.json`), 'utf8'),
    ) as FileReport;
    expect(reason).toMatchObject({ file: name, outcome: 'rejected' });
    expect(reason.reason).toMatch(/^BAD_FILE_NAME/);
    expect(list()).toEqual(['rejected']);
  });

  it('leaves a file without its end marker, takes it once complete, and rejects one that stays cut off', async () => {
    const t1 = '2026-12-05 08:00:30';
    const growing = fileName(mine.code, 'CDSS', t1);
    const full = cdssText(mine.code, t1, [[methanePoint(mine.code), 0.34]]);
    writeFileSync(join(dir, growing), full.slice(0, -2));
    await twoLooks();
    await inbox.scanOnce();
    expect(list()).toContain(growing);
    expect(await w.world.ports.monitoring.countReadings()).toBe(0);

    writeFileSync(join(dir, growing), full);
    await twoLooks();
    await expect.poll(() => existsSync(join(dir, 'processed', growing))).toBe(true);
    expect(await w.world.ports.monitoring.countReadings()).toBe(1);

    const t2 = '2026-12-05 08:00:40';
    const cut = fileName(mine.code, 'CDSS', t2);
    writeFileSync(join(dir, cut), cdssText(mine.code, t2, [[methanePoint(mine.code), 0.35]]).slice(0, -2));
    await twoLooks();
    w.world.clock.advance(GRACE_MS - 1000);
    await inbox.scanOnce();
    expect(list()).toContain(cut);
    w.world.clock.advance(2000);
    await inbox.scanOnce();
    await expect.poll(() => existsSync(join(dir, 'rejected', cut))).toBe(true);
    const reason = JSON.parse(
      readFileSync(join(dir, 'rejected', `${cut}.reason.json`), 'utf8'),
    ) as FileReport;
    expect(reason.reason).toMatch(/incomplete: no end marker/);
    expect(await w.world.ports.monitoring.countReadings()).toBe(1);
  });

  it('a file that fails to store stays in the inbox and is taken at a later look', async () => {
    const time = '2026-12-05 08:00:50';
    const name = fileName(mine.code, 'CDSS', time);
    const raw = w.world.database.sqlite!.raw;
    raw.exec(
      "create trigger fail_readings before insert on readings_head begin select raise(abort, 'disk full'); end",
    );
    writeFileSync(join(dir, name), cdssText(mine.code, time, [[methanePoint(mine.code), 0.36]]));
    await twoLooks();
    expect(list()).toContain(name);
    raw.exec('drop trigger fail_readings');
    await twoLooks();
    await expect.poll(() => existsSync(join(dir, 'processed', name))).toBe(true);
    expect(await w.world.ports.monitoring.countReadings()).toBe(1);
  });
});

it('summarises reports with reasons that add up across lines', () => {
  const s = summarizeReports([
    {
      file: 'a',
      mineCode: '1',
      type: 'CDSS',
      encoding: 'utf-8',
      outcome: 'stored',
      accepted: 3,
      rejected: [
        { line: 2, field: 'value', reason: 'expected a decimal number, got "x"' },
        { line: 3, field: 'value', reason: 'expected a decimal number, got "y"' },
        { line: 4, field: 'pointCode', reason: 'P1: unknown point: send its definition (CDDY) first' },
      ],
    },
    {
      file: 'b',
      mineCode: null,
      type: null,
      encoding: 'utf-8',
      outcome: 'rejected',
      accepted: 0,
      rejected: [],
      reason: 'BAD_FILE_NAME: no',
    },
    {
      file: 'c',
      mineCode: '1',
      type: 'CDSS',
      encoding: 'utf-8',
      outcome: 'incomplete',
      accepted: 0,
      rejected: [],
    },
  ]);
  expect(s).toEqual({
    files: 3,
    stored: 1,
    rejected: 1,
    incomplete: 1,
    recordsAccepted: 3,
    recordsRejected: 3,
    rejectedByReason: {
      'value: expected a decimal number': 2,
      'pointCode: unknown point: send its definition (CDDY) first': 1,
      BAD_FILE_NAME: 1,
    },
  });
});
