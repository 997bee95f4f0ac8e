/** The soak benchmark's sample rows: their fields, the printed table, and the machine's CPU pressure. */
import { readFileSync } from 'node:fs';

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
