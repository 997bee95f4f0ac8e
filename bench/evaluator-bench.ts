/**
 * Alarm-evaluator throughput on one core: a province's worth of points (100 000) fed round-robin,
 * 10 000 000 evaluations per round, median of three rounds. The reading stream is precomputed so
 * the loop measures `evaluate` and nothing else: values mostly below the pre-alarm level with ~2 %
 * excursions past the alarm and power-cut levels, ~0.1 % faulted readings, so every branch runs.
 *
 * Run alone: `node bench/evaluator-bench.ts [--quick]` (prints JSON).
 */
import { createEvaluator, type PointThresholds } from '../src/core/monitoring/alarm-evaluator.ts';

export interface BenchMetric {
  value: number;
  unit: string;
  note: string;
}

const TARGET_READINGS_PER_S = 5_000_000;
const STREAM_LENGTH = 1 << 22;
const READING_INTERVAL_MS = 30_000;

const METHANE: PointThresholds = {
  upperAlarm: 1.0,
  upperAlarmRelease: 0.9,
  upperPowerCut: 1.5,
  upperPowerRestore: 1.0,
  lowerAlarm: null,
  lowerAlarmRelease: null,
  lowerPowerCut: null,
  lowerPowerRestore: null,
};
/** A wind-speed-like point with both limits, scaled to the same value stream. */
const BOTH_LIMITS: PointThresholds = {
  ...METHANE,
  upperPowerCut: null,
  upperPowerRestore: null,
  lowerAlarm: 0.05,
};

/** Deterministic stream (xorshift32), so runs compare. */
function buildStream(): { values: Float64Array; statuses: Uint8Array } {
  const values = new Float64Array(STREAM_LENGTH);
  const statuses = new Uint8Array(STREAM_LENGTH);
  let x = 0x9e3779b9;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
  for (let i = 0; i < STREAM_LENGTH; i++) {
    const r = next();
    values[i] = r < 0.02 ? 0.9 + next() * 1.2 : 0.1 + next() * 0.6;
    statuses[i] = next() < 0.001 ? 128 : 0;
  }
  return { values, statuses };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Measures evaluator throughput; `quick` uses 10 000 points and 1 000 000 evaluations per round. */
export async function runEvaluatorBench(opts: { quick: boolean }): Promise<Record<string, BenchMetric>> {
  const points = opts.quick ? 10_000 : 100_000;
  const evaluations = opts.quick ? 1_000_000 : 10_000_000;
  const rounds = 3;
  const { values, statuses } = buildStream();
  const mask = STREAM_LENGTH - 1;

  const evaluator = createEvaluator({ capacity: points });
  for (let p = 0; p < points; p++) evaluator.configurePoint(p, p % 10 === 0 ? BOTH_LIMITS : METHANE);

  let ts = 0;
  let cursor = 0;
  let events = 0;
  const pass = (n: number): number => {
    let point = 0;
    let withEvents = 0;
    for (let k = 0; k < n; k++) {
      const i = (cursor + k) & mask;
      if (evaluator.evaluate(point, values[i]!, statuses[i]!, ts) !== 0) withEvents++;
      if (++point === points) {
        point = 0;
        ts += READING_INTERVAL_MS;
      }
    }
    cursor = (cursor + n) & mask;
    return withEvents;
  };

  pass(Math.min(evaluations, 2_000_000)); // warm-up: let the JIT settle
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    events = pass(evaluations);
    const seconds = (performance.now() - start) / 1000;
    rates.push(evaluations / seconds);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const rate = median(rates);
  return {
    evaluator_readings_per_s: {
      value: Math.round(rate),
      unit: 'readings/s',
      note:
        `median of ${rounds} rounds of ${evaluations.toLocaleString('en')} evaluations over ` +
        `${points.toLocaleString('en')} points, one core; ${((events / evaluations) * 100).toFixed(1)} % of ` +
        `readings produced events; target ≥ ${TARGET_READINGS_PER_S.toLocaleString('en')}` +
        (rate >= TARGET_READINGS_PER_S ? ' (met)' : ' (NOT met)'),
    },
    evaluator_ns_per_reading: {
      value: Number((1e9 / rate).toFixed(1)),
      unit: 'ns',
      note: 'the same measurement as time per reading',
    },
  };
}

if (import.meta.main) {
  const result = await runEvaluatorBench({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
}
