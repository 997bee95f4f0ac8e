/** The soak benchmark's sample rows: their fields, the printed table, and the machine's CPU pressure. */
import { readFileSync } from 'node:fs';
import type { AlarmProbe } from './soak-alarm-probe.ts';
import { percentile } from './soak-client.ts';

/** A figure to one decimal, null kept. */
export const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** One row of the soak: the figures of one sampling interval. */
export interface Sample {
  t_s: number;
  target_readings_per_s: number;
  sent_readings_per_s: number;
  achieved_readings_per_s: number;
  backlog_readings: number;
  in_flight_requests: number;
  requests: number;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  people_files: number;
  people_p99_ms: number | null;
  rejected_lines: number;
  errors: number;
  rss_mb: number | null;
  heap_used_mb: number | null;
  heap_total_mb: number | null;
  event_loop_utilization: number | null;
  event_loop_delay_p99_ms: number | null;
  server_cpu_pct: number | null;
  loadgen_cpu_pct: number;
  other_cpu_pct: number | null;
  db_mb: number | null;
  generate_ms_max: number;
  late_send_ms_max: number;
  /** What the server wrote per second through write calls (SQLite WAL and file, sockets, logs), MiB. */
  server_written_mb_per_s: number | null;
  /** What the server's writes put on the storage layer per second, MiB. */
  server_disk_write_mb_per_s: number | null;
  /** Share of the interval some runnable task waited for a CPU (/proc/pressure/cpu avg10), %. */
  cpu_pressure_pct: number | null;
  /** Alarm probe: receipt → live feed p99 of the probes seen in the interval (ms), and those missed. */
  alarm_feed_p99_ms?: number | null;
  alarm_probes_seen?: number;
  alarm_probes_missed?: number;
  /** Distributed mode: each worker's resident memory, and the messages not yet stored. */
  workers_rss_mb?: Array<number | null>;
  stream_backlog_messages?: number | null;
}

/** "some avg10" of /proc/pressure/cpu (Linux PSI), or null. */
export function cpuPressure(): number | null {
  try {
    const m = /^some avg10=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const COLUMNS: Array<[string, (s: Sample) => string | number | null]> = [
  ['t s', (s) => s.t_s],
  ['sent/s', (s) => s.sent_readings_per_s],
  ['stored/s', (s) => s.achieved_readings_per_s],
  ['backlog', (s) => s.backlog_readings],
  ['p50 ms', (s) => s.p50_ms],
  ['p99 ms', (s) => s.p99_ms],
  ['max ms', (s) => s.max_ms],
  ['RYSS', (s) => s.people_files],
  ['RSS MB', (s) => s.rss_mb],
  ['heap MB', (s) => s.heap_used_mb],
  ['ELU', (s) => s.event_loop_utilization],
  ['srv %', (s) => s.server_cpu_pct],
  ['gen %', (s) => s.loadgen_cpu_pct],
  ['other %', (s) => s.other_cpu_pct],
  ['PSI %', (s) => s.cpu_pressure_pct],
  ['late ms', (s) => s.late_send_ms_max],
  ['wr MB/s', (s) => s.server_written_mb_per_s],
  ['db MB', (s) => s.db_mb],
  ['alarm ms', (s) => s.alarm_feed_p99_ms ?? null],
  ['err', (s) => s.errors],
];
/** Prints one sample as a table row. */
export const printRow = (s: Sample) =>
  console.log(COLUMNS.map(([h, f]) => String(f(s) ?? '–').padStart(Math.max(7, h.length))).join(' '));
/** Prints the table's header. */
export const printHeader = () =>
  console.log(COLUMNS.map(([h]) => h.padStart(Math.max(7, h.length))).join(' '));

/** The alarm probe's figures of one sampling interval. */
export function alarmFigures(a: ReturnType<AlarmProbe['takeInterval']>) {
  return {
    alarm_feed_p99_ms: round1(
      percentile(
        a.latencies.sort((x, y) => x - y),
        99,
      ),
    ),
    alarm_probes_seen: a.latencies.length,
    alarm_probes_missed: a.missed,
  };
}

/** The alarm probe's figures over the run. */
export function alarmSummary(a: ReturnType<AlarmProbe['totals']>) {
  const sorted = [...a.latencies].sort((x, y) => x - y);
  return {
    alarm_probes_sent: a.sent,
    alarm_probes_seen: a.seen,
    alarm_probes_missed: a.missed,
    alarm_feed_p50_ms: round1(percentile(sorted, 50)),
    alarm_feed_p99_ms: round1(percentile(sorted, 99)),
    alarm_feed_max_ms: round1(sorted.at(-1) ?? null),
    /** The first probes not seen on the feed (mine code, point code), to look up in a kept database. */
    alarm_probes_missed_first: a.missedPoints.slice(0, 20),
  };
}

/**
 * Whether the server stays steady after its first 10 minutes: RSS and V8 heap as 5-minute means and
 * the largest deviation of one from their mean (%), and the server's CPU per reading in the first and
 * the last 10 minutes (µs).
 */
export function steadiness(rows: readonly Sample[]) {
  const windowMeans = (pick: (s: Sample) => number | null) => {
    const sums = new Map<number, { sum: number; n: number }>();
    for (const s of rows) {
      const v = pick(s);
      if (s.t_s <= 600 || v === null) continue;
      const w = Math.floor((s.t_s - 1) / 300);
      const e = sums.get(w) ?? { sum: 0, n: 0 };
      e.sum += v;
      e.n++;
      sums.set(w, e);
    }
    return [...sums.values()].map((e) => Math.round(e.sum / e.n));
  };
  const spread = (xs: number[]) => {
    if (xs.length === 0) return null;
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.round((Math.max(...xs.map((x) => Math.abs(x - m))) / m) * 1000) / 10;
  };
  const usPerReading = (part: readonly Sample[]) => {
    const ok = part.filter((s) => s.server_cpu_pct !== null && s.achieved_readings_per_s > 0);
    const cpuMsPerS = ok.reduce((a, s) => a + s.server_cpu_pct! * 10, 0);
    const readings = ok.reduce((a, s) => a + s.achieved_readings_per_s, 0);
    return readings > 0 ? round1((cpuMsPerS * 1000) / readings) : null;
  };
  const end = rows.at(-1)?.t_s ?? 0;
  const rss = windowMeans((s) => s.rss_mb);
  const heap = windowMeans((s) => s.heap_used_mb);
  return {
    rss_5min_means_after_10min_mb: rss,
    rss_spread_after_10min_pct: spread(rss),
    heap_5min_means_after_10min_mb: heap,
    heap_spread_after_10min_pct: spread(heap),
    cpu_us_per_reading_first_10min: usPerReading(rows.filter((s) => s.t_s <= 600)),
    cpu_us_per_reading_last_10min: usPerReading(rows.filter((s) => s.t_s > end - 600)),
    backlog_nonzero_samples: rows.filter((s) => s.backlog_readings > 0).length,
    backlog_max_readings: Math.max(0, ...rows.map((s) => s.backlog_readings)),
  };
}
