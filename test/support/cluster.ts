/**
 * Runs the distributed mode as real processes on this machine — workers and a gateway started with
 * `node src/cli/main.ts worker|gateway`, PostgreSQL, NATS JetStream — and drives readings through the
 * gateway's HTTP door, remembering which readings it acknowledged. Used by test/cluster and bench/cluster.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import pg from 'pg';
import { createApiToken } from '../../src/core/access/accounts.ts';
import { principalFor, publicUser } from '../../src/core/access/authentication.ts';
import { argon2Hasher, cryptoSecrets, randomIds, systemClock } from '../../src/platform/system.ts';
import { generateDemoProvince } from '../../src/sim/demo-province.ts';
import { loadDemoProvince } from '../../src/sim/load-demo-province.ts';
import {
  minesOfYear,
  readMinePopulation,
  resolveRefdataDir,
} from '../../src/sim/reference/mine-population.ts';
import { generateCountry } from '../../src/sim/reference/real-province.ts';
import { createPorts } from '../../src/storage/create-ports.ts';
import { migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createScratchPostgres } from './engines.ts';
import { cddyManyFile } from './national-files.ts';

export { freePort } from './free-port.ts';

const REPO = join(import.meta.dirname, '../..');
export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** null when NATS answers, otherwise why not. */
export async function probeNats(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 3000, reconnect: false });
    await jetstreamManager(nc).then((m) => m.getAccountInfo());
    await nc.close();
    return null;
  } catch (e) {
    return `NATS JetStream at ${NATS_URL} is not reachable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export interface ClusterDatabase {
  url: string;
  /** Producing mines (no closed-mine alarms muddle the counts), codes. */
  mines: string[];
  /** The province regulator's token (the first province's, for a country seed). */
  token: string;
  /** The token whose scope holds a mine (a country seed has one regulator per province). */
  tokenFor: (mineCode: string) => string;
  pool: pg.Pool;
  dispose(): Promise<void>;
}

/**
 * A fresh PostgreSQL database with a seeded province and an ingestion token for the province regulator;
 * with `country`, every real mine of that year (`redline seed --country`) and a token per province.
 */
export async function createClusterDatabase(
  mineCount: number,
  options: { country?: number } = {},
): Promise<ClusterDatabase> {
  const scratch = await createScratchPostgres('redline_cluster');
  const url = scratch.url;
  const database = openDatabase(url);
  await migrateToLatest(database.db);
  const ports = createPorts(database.db, systemClock, randomIds);
  const province =
    options.country === undefined
      ? generateDemoProvince({ seed: 11, mineCount, now: systemClock.nowIso() })
      : generateCountry({
          sites: minesOfYear(
            readMinePopulation(resolveRefdataDir(process.env.REDLINE_REFDATA_DIR ?? null)),
            options.country,
          ),
          seed: 11,
          now: systemClock.nowIso(),
        });
  await loadDemoProvince(
    { ...ports, hasher: argon2Hasher },
    province,
    Object.fromEntries(province.users.map((x) => [x.username, `pw-${randomBytes(8).toString('hex')}`])),
  );
  // One token per province regulator, keyed by the province's two-digit prefix of the mine codes.
  const tokens = new Map<string, string>();
  for (const spec of province.users.filter((x) => x.role === 'province_regulator')) {
    const user = await ports.users.getByUsername(spec.username);
    const principal = await principalFor(ports, publicUser(user!), 'token');
    const { token } = await createApiToken({ ...ports, secrets: cryptoSecrets }, principal, {
      name: 'cluster test',
      // Feeds data, watches the live feed and acts on alarms.
      scopes: ['ingest', 'write'],
    });
    if (spec.scope.kind === 'region') tokens.set(spec.scope.regionId.slice(0, 2), token);
  }
  await database.close();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const first = [...tokens.values()][0]!;
  return {
    url,
    mines: province.mines.filter((m) => m.status === 'producing').map((m) => m.code),
    token: first,
    tokenFor: (code) => tokens.get(code.slice(0, 2)) ?? first,
    pool,
    async dispose() {
      await pool.end();
      await scratch.drop();
    },
  };
}

export type ClusterEvent = Record<string, unknown> & { event: string; t: number };

/** One process of the cluster, with the JSON events it printed. */
export class ClusterProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly events: ClusterEvent[] = [];
  readonly output: string[] = [];
  #waiters: Array<() => void> = [];
  exited = false;

  constructor(name: string, kind: 'worker' | 'gateway' | 'api', env: Record<string, string>) {
    this.name = name;
    this.child = spawn(process.execPath, ['src/cli/main.ts', kind], {
      cwd: REPO,
      env: { ...process.env, LOG_LEVEL: 'warn', MQTT_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        this.output.push(line);
        // The process's event lines (pino JSON with `t` and `event`), not Fastify's request log.
        if (line.startsWith('{')) {
          try {
            const e = JSON.parse(line) as Partial<ClusterEvent>;
            if (typeof e.t === 'number' && typeof e.event === 'string') this.events.push(e as ClusterEvent);
          } catch {
            // a partial line of a killed process
          }
        }
        for (const w of this.#waiters) w();
      }
    });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => this.output.push(chunk));
    this.child.once('exit', () => {
      this.exited = true;
      for (const w of this.#waiters) w();
    });
  }

  /** Resolves with the first event matching `pred` (already printed or coming). */
  waitFor(pred: (e: ClusterEvent) => boolean, timeoutMs = 30_000): Promise<ClusterEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.find(pred);
        if (hit) {
          done();
          resolve(hit);
        } else if (this.exited) {
          done();
          reject(new Error(`${this.name} exited:\n${this.output.slice(-30).join('\n')}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `${this.name}: no matching event in ${timeoutMs} ms:\n${this.output.slice(-30).join('\n')}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters = this.#waiters.filter((w) => w !== check);
      };
      this.#waiters.push(check);
      check();
    });
  }

  /** The partitions this worker owns according to its last acquired/released event. */
  owned(): number[] {
    const last = this.events.findLast(
      (e) => e.event === 'partition.acquired' || e.event === 'partition.released',
    );
    return this.exited ? [] : ((last?.owned as number[] | undefined) ?? []);
  }

  kill9(): void {
    this.child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(t);
  }
}

export interface ClusterEnv {
  DATABASE_URL: string;
  NATS_URL: string;
  REDLINE_NATS_PREFIX: string;
  REDLINE_PARTITIONS: string;
}

export function clusterEnv(db: Pick<ClusterDatabase, 'url'>, partitions = 12): ClusterEnv {
  return {
    DATABASE_URL: db.url,
    NATS_URL,
    REDLINE_NATS_PREFIX: `rlt${randomBytes(4).toString('hex')}`,
    REDLINE_PARTITIONS: String(partitions),
  };
}

/** Deletes the test's stream (its consumers go with it). */
export async function deleteStream(prefix: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(`${prefix.toUpperCase()}_IN`).catch(() => undefined);
  await nc.close();
}

/** Messages still in the test's stream (on a work queue: not yet finished by a worker). */
export async function streamBacklog(prefix: string): Promise<number> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(`${prefix.toUpperCase()}_IN`);
  await nc.close();
  return info.state.messages;
}

/** Sends each mine's point definitions (`perMine` methane points) through the gateway and waits until the workers stored them. */
export async function definePoints(
  baseUrl: string,
  db: ClusterDatabase,
  mines: string[],
  perMine: number,
): Promise<void> {
  const queue = [...mines];
  const post = async () => {
    for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
      const f = cddyManyFile(code, perMine);
      const r = await fetch(`${baseUrl}/api/ingest/files`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${db.tokenFor(code)}`,
          'x-file-name': f.name,
          'content-type': 'text/plain',
        },
        body: f.text,
      });
      if (r.status !== 200) throw new Error(`CDDY for ${code}: ${r.status} ${await r.text()}`);
    }
  };
  // A few at a time: a country seed defines thousands of mines.
  await Promise.all(Array.from({ length: 4 }, post));
  await until(
    async () => {
      const r = await db.pool.query<{ n: string }>(
        'select count(*) as n from monitoring_points p join mines m on m.id = p.mine_id where m.code = any($1)',
        [mines],
      );
      return Number(r.rows[0]!.n) >= mines.length * perMine;
    },
    60_000 + mines.length * 50,
  );
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Readings for the mines' points, one per point per step, steps one second apart in data time (ending
 * before now). The first point of each mine is over its 1.0 % alarm level in steps [spikeFrom, spikeTo),
 * so each mine has exactly one over-limit episode: one alarm raised, then cleared. Mines are split
 * over `lanes` clients sending at the same time; within a lane requests go one after another, so each
 * point's readings arrive in time order, as from a real mine.
 */
export class ReadingLoad {
  readonly mines: string[];
  readonly points: (mine: string) => string[];
  readonly steps: number;
  readonly baseMs: number;
  readonly spike: [number, number];
  /** Acknowledged readings as `point|ts`. */
  readonly acked = new Set<string>();
  ackedCount = 0;
  requests = 0;
  failures = 0;
  readonly latenciesMs: number[] = [];
  readonly #record: boolean;

  constructor(opts: {
    mines: string[];
    points: (mine: string) => string[];
    steps: number;
    spike: [number, number];
    /** Keep every acknowledged key (for exact checks; off for big benchmark runs). */
    record?: boolean;
  }) {
    this.mines = opts.mines;
    this.points = opts.points;
    this.steps = opts.steps;
    this.spike = opts.spike;
    this.#record = opts.record ?? true;
    this.baseMs = Math.floor(Date.now() / 1000) * 1000 - (opts.steps + 60) * 1000;
  }

  value(step: number, pointIndex: number): number {
    return pointIndex === 0 && step >= this.spike[0] && step < this.spike[1] ? 1.8 : 0.3 + (step % 7) * 0.01;
  }

  async run(
    baseUrl: string,
    token: string | ((mine: string) => string),
    opts: { lanes: number; stepsPerRequest: number; onStep?: (step: number) => void },
  ): Promise<void> {
    const tokenOf = typeof token === 'string' ? () => token : token;
    const lanes: string[][] = Array.from({ length: opts.lanes }, () => []);
    this.mines.forEach((m, i) => lanes[i % opts.lanes]!.push(m));
    const progress = new Array<number>(opts.lanes).fill(0);
    await Promise.all(
      lanes.map(async (laneMines, lane) => {
        // One request per token (a regulator sends only the mines of its scope).
        const byToken = new Map<string, string[]>();
        for (const m of laneMines) byToken.set(tokenOf(m), [...(byToken.get(tokenOf(m)) ?? []), m]);
        for (let s = 0; s < this.steps; s += opts.stepsPerRequest) {
          const end = Math.min(this.steps, s + opts.stepsPerRequest);
          for (const [tok, mines] of byToken) {
            const parts: string[] = [];
            const keys: string[] = [];
            for (const mine of mines) {
              const points = this.points(mine);
              for (let step = s; step < end; step++) {
                const ts = this.baseMs + step * 1000;
                points.forEach((point, i) => {
                  parts.push(
                    `{"mine":"${mine}","point":"${point}","value":${this.value(step, i)},"ts":${ts}}`,
                  );
                  keys.push(`${point}|${ts}`);
                });
              }
            }
            await this.#send(baseUrl, tok, `${parts.join('\n')}\n`, keys);
          }
          progress[lane] = end;
          opts.onStep?.(Math.min(...progress));
        }
      }),
    );
  }

  /** Sends until the gateway takes it (as a real client retries). */
  async #send(baseUrl: string, token: string, body: string, keys: string[]): Promise<void> {
    for (;;) {
      this.requests++;
      const started = performance.now();
      const r = await fetch(`${baseUrl}/api/ingest/readings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body,
      }).catch(() => null);
      if (r?.status === 200) {
        this.latenciesMs.push(performance.now() - started);
        const out = (await r.json()) as { rejected: Array<{ line: number }> };
        const bad = new Set(out.rejected.map((x) => x.line));
        this.ackedCount += keys.length - bad.size;
        if (this.#record) keys.forEach((k, i) => bad.has(i + 1) || this.acked.add(k));
        return;
      }
      this.failures++;
      await r?.text().catch(() => undefined);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
}
