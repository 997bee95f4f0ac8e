/**
 * The long fuzz run over bad input: the same properties as test/fuzz/*.property.test.ts (upload-file
 * reader, MQTT payloads, HTTP bodies), each given an equal share of the time instead of a fixed number
 * of runs.
 *
 *   node bench/fuzz.ts --seconds 300 [--seed N] [--only <part of a property name>] [--path <fast-check path>]
 *
 * Prints a JSON summary {runs, failures, seconds, seed, properties} and writes it to
 * bench/results/fuzz-latest.json; exits 1 on any failure, with fast-check's report (seed, path,
 * counterexample) printed. Property k runs with seed N + k, so `--only <name> --seed N --path <path>`
 * replays one failing run.
 *
 * The properties run in a worker thread watched from here: a run that hangs synchronously (which no
 * in-process time limit can interrupt) stops the heartbeat, and the watchdog ends the worker and
 * reports the property, its seed and the run's path as a failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';

interface Options {
  seconds: number;
  seed: number;
  only: string | null;
  path: string | null;
}

interface PropertySummary {
  name: string;
  seed: number;
  runs: number;
  failed: boolean;
  report?: string;
}

interface Summary {
  runs: number;
  failures: number;
  seconds: number;
  seed: number;
  properties: PropertySummary[];
}

/** Heartbeat shared with the worker: [runs so far, index of the property running, runs of that property]. */
const BEAT = 0;
const PROPERTY = 1;
const PROPERTY_RUNS = 2;
/** No run for this long means a hang (a single run takes milliseconds; setting up a world, seconds). */
const HANG_MS = 60_000;
const MAX_REPORT_CHARS = 20_000;

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | null => {
    const i = argv.indexOf(flag);
    if (i < 0) return null;
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const seconds = Number(value('--seconds') ?? '60');
  if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
  const seedText = value('--seed');
  const seed = seedText === null ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { seconds, seed, only: value('--only'), path: value('--path') };
}

const clip = (s: string) => (s.length > MAX_REPORT_CHARS ? `${s.slice(0, MAX_REPORT_CHARS)}… (clipped)` : s);

// ---- the worker: runs the properties -------------------------------------------------------------

/** What the worker tells the main thread: the property names, each property's result, the end. */
type WorkerMessage =
  | { kind: 'names'; names: string[] }
  | { kind: 'property'; summary: PropertySummary }
  | { kind: 'done'; summary: Summary };

async function runProperties(
  options: Options,
  beat: Int32Array,
  post: (m: WorkerMessage) => void,
): Promise<Summary> {
  const { createAllProperties, checkProperty } = await import('../test/fuzz/properties.ts');
  const t0 = performance.now();
  const suite = await createAllProperties({
    onRun: () => {
      Atomics.add(beat, BEAT, 1);
      Atomics.add(beat, PROPERTY_RUNS, 1);
    },
  });
  post({ kind: 'names', names: suite.properties.map((p) => p.name) });
  const chosen = suite.properties
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => options.only === null || p.name.includes(options.only));
  if (chosen.length === 0) throw new Error(`no property matches --only ${options.only}`);
  const sliceMs = (options.seconds * 1000) / chosen.length;
  const results: PropertySummary[] = [];
  try {
    for (const { p, index } of chosen) {
      Atomics.store(beat, PROPERTY, index);
      Atomics.store(beat, PROPERTY_RUNS, 0);
      Atomics.add(beat, BEAT, 1);
      const seed = options.seed + index;
      const details = await checkProperty(p, {
        numRuns: options.path === null ? Number.MAX_SAFE_INTEGER : 1,
        seed,
        ...(options.path === null ? { timeLimitMs: sliceMs } : { path: options.path }),
      });
      const summary: PropertySummary = { name: p.name, seed, runs: details.numRuns, failed: details.failed };
      if (details.failed) summary.report = clip(fc.defaultReportMessage(details) ?? 'failed');
      results.push(summary);
      post({ kind: 'property', summary });
      console.error(
        `${details.failed ? 'FAIL' : 'ok  '} ${String(details.numRuns).padStart(8)} runs  ${p.name}`,
      );
    }
  } finally {
    await suite.dispose();
  }
  return {
    runs: results.reduce((n, r) => n + r.runs, 0),
    failures: results.filter((r) => r.failed).length,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    seed: options.seed,
    properties: results,
  };
}

// ---- the main thread: watches the worker and writes the summary --------------------------------

function finish(summary: Summary): never {
  const out = join(import.meta.dirname, 'results', 'fuzz-latest.json');
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  for (const p of summary.properties.filter((x) => x.failed)) {
    console.error(`\n✗ ${p.name} (seed ${p.seed})\n${p.report ?? ''}`);
    console.error(`replay: node bench/fuzz.ts --only "${p.name}" --seed ${summary.seed} --path <path above>`);
  }
  const { runs, failures, seconds, seed } = summary;
  console.log(JSON.stringify({ runs, failures, seconds, seed }));
  process.exit(failures > 0 ? 1 : 0);
}

function watch(options: Options): void {
  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const beat = new Int32Array(shared);
  const t0 = performance.now();
  const worker = new Worker(new URL(import.meta.url), { workerData: { options, shared } });
  let names: string[] = [];
  const finished: PropertySummary[] = [];
  let last = -1;
  let lastChange = performance.now();
  const timer = setInterval(() => {
    const now = Atomics.load(beat, BEAT);
    if (now !== last) {
      last = now;
      lastChange = performance.now();
      return;
    }
    if (performance.now() - lastChange < HANG_MS) return;
    clearInterval(timer);
    const index = Atomics.load(beat, PROPERTY);
    // The counter counts runs started: the last one is the one that hangs.
    const started = Atomics.load(beat, PROPERTY_RUNS);
    void worker.terminate();
    const hung: PropertySummary = {
      name: names[index] ?? `property #${index}`,
      seed: options.seed + index,
      runs: Math.max(0, started - 1),
      failed: true,
      report: `hung: no run finished for ${HANG_MS / 1000} s; the hanging run is fast-check path "${Math.max(0, started - 1)}" with seed ${options.seed + index}.`,
    };
    const properties = [...finished, hung];
    finish({
      runs: properties.reduce((n, r) => n + r.runs, 0),
      failures: properties.filter((r) => r.failed).length,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      seed: options.seed,
      properties,
    });
  }, 1000);
  worker.on('message', (m: WorkerMessage) => {
    switch (m.kind) {
      case 'names':
        names = m.names;
        break;
      case 'property':
        finished.push(m.summary);
        break;
      case 'done':
        clearInterval(timer);
        finish(m.summary);
    }
  });
  worker.on('error', (e) => {
    clearInterval(timer);
    console.error(e);
    process.exit(1);
  });
}

if (isMainThread) {
  watch(parseArgs(process.argv.slice(2)));
} else {
  const { options, shared } = workerData as { options: Options; shared: SharedArrayBuffer };
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  post({ kind: 'done', summary: await runProperties(options, new Int32Array(shared), post) });
}
