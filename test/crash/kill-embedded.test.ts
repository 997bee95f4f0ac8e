/**
 * Single-node crash safety: the real embedded server (`node src/cli/main.ts serve`, SQLite file in WAL
 * mode) is killed with SIGKILL 20 times while gateways push readings over HTTP NDJSON at full rate,
 * and restarted on the same data directory each time. Every reading whose request was answered 200
 * with its line accepted must be in the database at the end; the file must pass
 * `PRAGMA integrity_check`, hold no reading twice, keep an intact audit chain, and the server must
 * start cleanly and take data after the last kill.
 *
 * Reproduce a run with `CRASH_SEED=<seed>` (printed); `CRASH_KILLS=<n>` changes the number of kills.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createToken,
  runCli,
  startServerProcess,
  type ServerProcess,
} from '../../bench/support/server-process.ts';
import { readStoredReadings } from '../support/stored-readings.ts';
import { cddyFile, type CrashPoint, Gateway, seededRandom } from './crash-gateway.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MINES = 4;
const POINTS_PER_MINE = 40;
/** Gateways per mine, each owning its own share of the points (a point's readings stay in order). */
const GATEWAYS_PER_MINE = 2;
/** Ingestion before each kill, ms (drawn uniformly). */
const GAP_MS: [number, number] = [300, 1500];

describe('kill -9 of the embedded server during full-rate HTTP ingestion', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'redline-crash-'));
  const dbFile = join(tmp, 'redline.db');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: dbFile,
    REDLINE_DATA_DIR: join(tmp, 'data'),
    LOG_LEVEL: 'warn',
    MQTT_URL: '',
    REDLINE_INBOX: '',
  };
  let server: ServerProcess | null = null;

  afterAll(async () => {
    await server?.kill9();
    rmSync(tmp, { recursive: true, force: true });
  });

  it(`loses no acknowledged reading over ${KILLS} kills, and the database stays sound`, async () => {
    const started = performance.now();
    const random = seededRandom(SEED);
    console.log(`[crash] seed ${SEED} (CRASH_SEED=${SEED} reproduces the kill times), data in ${tmp}`);

    const seeded = await runCli(['seed', '--mines', '20'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const registry = new DatabaseSync(dbFile, { readOnly: true });
    const mineCodes = registry
      .prepare(`select code from mines where status = 'producing' order by code limit ${MINES}`)
      .all()
      .map((r) => String(r.code));
    registry.close();
    expect(mineCodes).toHaveLength(MINES);
    const token = await createToken(env, 'province', 'crash-test gateways');

    // Points: one CDDY file per mine through the API, as a mine's KJ system uploads it.
    let live = await startServerProcess(env);
    server = live;
    const points: CrashPoint[] = [];
    for (const mine of mineCodes) {
      const file = cddyFile(mine, POINTS_PER_MINE, Date.now());
      const res = await fetch(`${live.baseUrl}/api/ingest/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/plain',
          'x-file-name': file.name,
        },
        body: file.text,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ outcome: 'stored', accepted: POINTS_PER_MINE });
      for (const code of file.pointCodes) points.push({ index: points.length, mine, code });
    }
    const gateways: Gateway[] = [];
    for (const mine of mineCodes) {
      const own = points.filter((p) => p.mine === mine);
      for (let g = 0; g < GATEWAYS_PER_MINE; g++) {
        gateways.push(
          new Gateway(
            mine,
            token,
            own.filter((_, i) => i % GATEWAYS_PER_MINE === g),
          ),
        );
      }
    }

    // Ingest, kill at a random moment with requests in flight, restart on the same data, again.
    const gaps: number[] = [];
    let inFlightAtKill = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      if (kill > 0) {
        live = await startServerProcess(env);
        server = live;
      }
      const runs = gateways.map((g) => g.run(live.baseUrl));
      const gap = GAP_MS[0] + random() * (GAP_MS[1] - GAP_MS[0]);
      gaps.push(gap);
      await sleep(gap);
      // Strike while at least one request is on the wire (nearly always already the case).
      for (let spin = 0; spin < 1000 && gateways.every((g) => !g.busy); spin++) await sleep(1);
      inFlightAtKill += gateways.filter((g) => g.busy).length;
      for (const g of gateways) g.halt();
      await live.kill9();
      await Promise.all(runs);
      server = null;
    }

    // After the last kill: it starts cleanly, takes data again, and shuts down gracefully.
    live = await startServerProcess(env);
    server = live;
    const ackedBefore = sum(gateways, (g) => g.acked);
    const finalRuns = gateways.map((g) => g.run(live.baseUrl));
    await sleep(1000);
    for (const g of gateways) g.halt();
    await Promise.all(finalRuns);
    expect(
      sum(gateways, (g) => g.acked),
      'the restarted server takes readings',
    ).toBeGreaterThan(ackedBefore);
    expect(await live.stop(), live.output()).toBe(0);
    server = null;

    // What the gateways were told is what the database holds.
    const db = new DatabaseSync(dbFile);
    const integrity = db.prepare('pragma integrity_check').all();
    const idOf = new Map<string, number>();
    for (const r of db.prepare('select id, point_code from monitoring_points').all()) {
      idOf.set(String(r.point_code), Number(r.id));
    }
    // Blocks decoded and the head's readings, as the store reads them (test/support/stored-readings.ts).
    const { byPoint: stored, rows, distinct, aggregates } = readStoredReadings(db);
    const countOf = (table: string) => Number(db.prepare(`select count(*) as n from ${table}`).get()?.n);
    const alarmEvents = countOf('alarm_events');
    const auditEntries = countOf('audit_log');
    db.close();
    const audit = await runCli(['audit', 'verify'], env);

    const missing: string[] = [];
    let acked = 0;
    for (const g of gateways) {
      for (let k = 0; k < g.ackedPoint.length; k++) {
        acked++;
        const p = points[g.ackedPoint[k]!]!;
        const ts = g.ackedTs[k]!;
        if (stored.get(idOf.get(p.code) ?? -1)?.has(ts) !== true) missing.push(`${p.code}@${ts}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const figures = {
      kills: KILLS,
      acked,
      stored: rows,
      storedWithoutAck: rows - (acked - missing.length),
      missing: missing.length,
      requestsAnswered: sum(gateways, (g) => g.answered),
      requestsFailed: sum(gateways, (g) => g.failed),
      requestsInFlightAtKills: inFlightAtKill,
      alarmEvents,
      auditEntries,
      meanGapMs: Math.round(gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)),
      aggregateMinutesShort: aggregates.short,
      aggregateMinutesChecked: aggregates.checked,
      aggregateReadingsUncounted: aggregates.uncounted,
      seconds: Math.round(seconds * 10) / 10,
    };
    console.log(`[crash] ${JSON.stringify(figures)}`);

    expect(
      sum(gateways, (g) => g.rejectedLines),
      'no line was refused',
    ).toBe(0);
    expect(
      sum(gateways, (g) => g.non200),
      'every answer was 200 or a dropped connection',
    ).toBe(0);
    expect(
      sum(gateways, (g) => g.unaccounted),
      'accepted = lines - rejected in every answer',
    ).toBe(0);
    expect(inFlightAtKill, 'requests were in flight when the server was killed').toBeGreaterThan(0);
    expect(acked).toBeGreaterThan(KILLS * 1000);
    expect(missing.slice(0, 20), `${missing.length} acknowledged readings are missing`).toEqual([]);
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(distinct).toBe(rows);
    // Alarms were raised and cleared throughout, so the audit chain was written across the kills.
    expect(alarmEvents).toBeGreaterThan(KILLS);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
  }, 240_000);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
