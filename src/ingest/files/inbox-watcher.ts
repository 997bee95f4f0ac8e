/**
 * A watched directory where mine hosts (or an FTP/SMB drop) put national upload files. A file is taken
 * once it is settled (same size and modification time at two looks) and carries the `||` end marker;
 * it goes through `ingestUploadFile`, and only after that resolved — the records durably stored — is it
 * moved to `processed/` (stored) or `rejected/` (with `<name>.reason.json`, the report). A file still
 * without its end marker is left alone; once it has not changed for the grace period it is moved to
 * `rejected/` as incomplete. A failed write leaves the file where it is, to be tried at the next look.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeUploadBytes } from '../../core/monitoring/upload-file/upload-encoding.ts';
import type { Clock, Ids } from '../../core/ports.ts';
import type { MonitoringSink } from '../../monitoring/monitoring-sink.ts';
import { ingestUploadFile, type FileDoorStore, type FileReport } from './ingest-upload-file.ts';

export interface InboxDeps {
  runtime: MonitoringSink;
  store: FileDoorStore;
  ids: Ids;
  clock: Clock;
}

export interface InboxLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface InboxWatcherOptions extends InboxDeps {
  dir: string;
  /** Poll interval, besides `fs.watch` events (which miss changes on some network file systems). */
  pollMs?: number;
  /** How long a settled file without end marker may wait before it is rejected as incomplete. */
  incompleteGraceMs?: number;
  log?: InboxLog;
  onReport?: (report: FileReport) => void;
}

export interface InboxWatcher {
  /** One look at the directory; resolves with the reports of the files taken in this look. */
  scanOnce(): Promise<FileReport[]>;
  close(): Promise<void>;
}

export const PROCESSED_DIR = 'processed';
export const REJECTED_DIR = 'rejected';
const UPLOAD_FILE_RE = /\.txt$/i;
const END_MARKER = '||';

interface Look {
  size: number;
  mtimeMs: number;
  /** Clock time since which the settled file has lacked its end marker. */
  incompleteSinceMs?: number;
}

async function uploadFileNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && UPLOAD_FILE_RE.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Moves `name` into `dir/sub`, never over an earlier file of the same name (a re-sent file). */
async function moveInto(dir: string, sub: string, name: string): Promise<string> {
  const targetDir = join(dir, sub);
  await mkdir(targetDir, { recursive: true });
  let target = name;
  for (let n = 1; ; n++) {
    try {
      await stat(join(targetDir, target));
      target = name.replace(/(\.txt)$/i, `.${n}$1`);
    } catch {
      break;
    }
  }
  await rename(join(dir, name), join(targetDir, target));
  return target;
}

async function reject(dir: string, name: string, report: FileReport): Promise<void> {
  const moved = await moveInto(dir, REJECTED_DIR, name);
  await writeFile(join(dir, REJECTED_DIR, `${moved}.reason.json`), `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Runs one file through the pipeline and files it by outcome; an incomplete file stays in place.
 * Throws (leaving the file) when storing failed.
 */
export async function takeUploadFile(deps: InboxDeps, dir: string, name: string, bytes: Uint8Array) {
  const report = await ingestUploadFile(deps, name, bytes);
  if (report.outcome === 'stored') await moveInto(dir, PROCESSED_DIR, name);
  else if (report.outcome === 'rejected') await reject(dir, name, report);
  return report;
}

/** Starts watching `dir` (created when missing). */
export function startInboxWatcher(options: InboxWatcherOptions): InboxWatcher {
  const { dir } = options;
  const pollMs = options.pollMs ?? 2000;
  const graceMs = options.incompleteGraceMs ?? 10 * 60_000;
  const settleMs = Math.min(500, pollMs);
  const log = options.log ?? console;
  const looks = new Map<string, Look>();
  let closed = false;
  let scanning: Promise<FileReport[]> | null = null;
  let again = false;
  let soon: NodeJS.Timeout | undefined;

  const scheduleSoon = () => {
    if (closed || soon !== undefined) return;
    soon = setTimeout(() => {
      soon = undefined;
      void scanOnce().catch((e: unknown) => log.error(`inbox ${dir}: ${String(e)}`));
    }, settleMs);
  };

  const take = async (name: string, look: Look, prev: Look | undefined): Promise<FileReport | null> => {
    if (prev?.size !== look.size || prev.mtimeMs !== look.mtimeMs) {
      looks.set(name, look); // first look, or still being written
      return null;
    }
    const bytes = await readFile(join(dir, name));
    const now = options.clock.nowMs();
    if (!decodeUploadBytes(bytes).text.includes(END_MARKER)) {
      const since = prev.incompleteSinceMs ?? now;
      looks.set(name, { ...look, incompleteSinceMs: since });
      if (now - since < graceMs) return null;
      const report = await ingestUploadFile(options, name, bytes);
      await reject(dir, name, {
        ...report,
        outcome: 'rejected',
        reason: `incomplete: no end marker "||" after ${Math.round(graceMs / 1000)} s without change`,
      });
      looks.delete(name);
      log.warn(`inbox: ${name} rejected as incomplete`);
      return report;
    }
    const report = await takeUploadFile(options, dir, name, bytes);
    looks.delete(name);
    return report;
  };

  const scan = async (): Promise<FileReport[]> => {
    const reports: FileReport[] = [];
    const names = await uploadFileNames(dir);
    for (const gone of [...looks.keys()].filter((n) => !names.includes(n))) looks.delete(gone);
    let unsettled = false;
    for (const name of names) {
      if (closed) break;
      try {
        const s = await stat(join(dir, name));
        const report = await take(name, { size: s.size, mtimeMs: s.mtimeMs }, looks.get(name));
        if (report === null) {
          unsettled ||= looks.get(name)?.incompleteSinceMs === undefined;
          continue;
        }
        options.onReport?.(report);
        reports.push(report);
        log.info(
          `inbox: ${name} ${report.outcome} (${report.accepted} accepted, ${report.rejected.length} rejected)`,
        );
      } catch (e) {
        // Vanished under us, or storing failed: the file (if any) stays and is looked at again.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') log.error(`inbox: ${name} not taken, will retry: ${String(e)}`);
        looks.delete(name);
      }
    }
    if (unsettled) scheduleSoon();
    return reports;
  };

  function scanOnce(): Promise<FileReport[]> {
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = scan().finally(() => {
      scanning = null;
      if (again && !closed) {
        again = false;
        scheduleSoon();
      }
    });
    return scanning;
  }

  let watcher: FSWatcher | undefined;
  const ready = mkdir(dir, { recursive: true }).then(() => {
    if (closed) return;
    watcher = watch(dir, (_event, file) => {
      if (file === null || UPLOAD_FILE_RE.test(file)) scheduleSoon();
    });
    watcher.on('error', (e) => log.warn(`inbox ${dir}: watching failed (${e.message}); polling only`));
  });
  const poll = setInterval(() => {
    void scanOnce().catch((e: unknown) => log.error(`inbox ${dir}: ${String(e)}`));
  }, pollMs);

  return {
    async scanOnce() {
      await ready;
      return scanOnce();
    },
    async close() {
      closed = true;
      clearInterval(poll);
      clearTimeout(soon);
      await ready.catch(() => undefined);
      watcher?.close();
      await scanning?.catch(() => undefined);
    },
  };
}

export interface InboxSummary {
  files: number;
  stored: number;
  rejected: number;
  incomplete: number;
  recordsAccepted: number;
  recordsRejected: number;
  /** File-level refusals by code (e.g. BAD_FILE_NAME), line-level ones by field and reason. */
  rejectedByReason: Record<string, number>;
}

function reasonKey(r: FileReport['rejected'][number]): string {
  // Drop what varies from line to line (the point code, the value received) so reasons add up.
  let reason = r.field === 'pointCode' ? r.reason.replace(/^[A-Za-z0-9]+: /, '') : r.reason;
  reason = reason.replace(/,? got [\s\S]*$/, '');
  return r.field ? `${r.field}: ${reason}` : reason;
}

/** Adds up file reports for a one-shot run. */
export function summarizeReports(reports: readonly FileReport[]): InboxSummary {
  const s: InboxSummary = {
    files: reports.length,
    stored: 0,
    rejected: 0,
    incomplete: 0,
    recordsAccepted: 0,
    recordsRejected: 0,
    rejectedByReason: {},
  };
  const count = (key: string) => {
    s.rejectedByReason[key] = (s.rejectedByReason[key] ?? 0) + 1;
  };
  for (const r of reports) {
    s[r.outcome]++;
    s.recordsAccepted += r.accepted;
    s.recordsRejected += r.rejected.length;
    if (r.outcome === 'rejected' && r.reason) count(/^([A-Z_]+):/.exec(r.reason)?.[1] ?? r.reason);
    for (const x of r.rejected) count(reasonKey(x));
  }
  return s;
}

/**
 * Takes every upload file in `dir` once, as they are (no settling: for a directory that is not being
 * written to), filing them like the watcher; incomplete files stay. Stops at the first failed write.
 */
export async function ingestDirectoryOnce(deps: InboxDeps, dir: string): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const name of await uploadFileNames(dir)) {
    reports.push(await takeUploadFile(deps, dir, name, await readFile(join(dir, name))));
  }
  return reports;
}
