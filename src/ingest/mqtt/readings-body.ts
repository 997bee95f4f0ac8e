/**
 * A bulk readings body of the HTTP door (`POST /api/ingest/readings`): NDJSON or a JSON array, every
 * item naming its mine. Items are read (reading-lines.ts), refused line by line when the mine is not
 * one the caller may feed, grouped by mine and handed to the sink in one call (the embedded runtime
 * judges them together and stores them in one write); resolves once what was taken is durably stored.
 * The route keeps only HTTP's part (permission, scope, the answer's shape).
 */
import { DomainError, invalidInput } from '../../core/errors.ts';
import type { PointReading } from '../../core/monitoring/upload-file/safety-monitoring-records.ts';
import type { MonitoringSink } from '../../monitoring/monitoring-sink.ts';
import { readingsOutcome } from './json-readings.ts';
import { readPayloadReadings } from './reading-lines.ts';

/** A readings request holds at most this many lines; a bigger batch is split by the sender. */
export const MAX_INGEST_LINES = 100_000;

export interface ReadingsBodyOutcome {
  accepted: number;
  /** Every rejected line, in line order. */
  rejected: Array<{ line: number; point?: string; reason: string }>;
  alarmsChanged: number;
  late: number;
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Takes one body. `mayFeed(mineCode)`: whether the caller may send data for that mine (asked once per
 * mine code); lines for other mines are refused as "no mine … in your scope". Throws an InvalidInput
 * DomainError for an empty or oversized body.
 */
export async function ingestNdjsonReadings(
  sink: Pick<MonitoringSink, 'ingestReadingsMany'>,
  text: string,
  options: { nowMs: number; mayFeed: (mineCode: string) => boolean },
): Promise<ReadingsBodyOutcome> {
  if (text.trim() === '') {
    throw invalidInput('INGEST_EMPTY', 'Send the readings as the body, one JSON object a line.');
  }
  const lineCount = countLines(text);
  if (lineCount > MAX_INGEST_LINES) {
    throw invalidInput(
      'INGEST_TOO_MANY_LINES',
      `A request holds at most ${MAX_INGEST_LINES} lines; this one has ${lineCount}. Send it in parts.`,
      { limit: MAX_INGEST_LINES, lines: lineCount },
    );
  }
  const read = readPayloadReadings(text, { mineRequired: true, nowMs: options.nowMs });
  if (read.count > MAX_INGEST_LINES) {
    throw invalidInput(
      'INGEST_TOO_MANY_LINES',
      `A request holds at most ${MAX_INGEST_LINES} readings; this one has ${read.count}. Send it in parts.`,
      { limit: MAX_INGEST_LINES, lines: read.count },
    );
  }
  if (read.count === 0) {
    throw invalidInput('INGEST_EMPTY', 'The body holds no readings (an empty JSON array).');
  }
  const rejected: ReadingsBodyOutcome['rejected'] = read.rejected.map((r) => ({
    line: r.item,
    ...(r.pointCode ? { point: r.pointCode } : {}),
    reason: r.reason,
  }));
  const byMine = new Map<string, { items: number[]; readings: PointReading[] } | null>();
  for (let i = 0; i < read.readings.length; i++) {
    const code = read.mines[i] ?? '';
    let group = byMine.get(code);
    if (group === undefined) {
      group = options.mayFeed(code) ? { items: [], readings: [] } : null;
      byMine.set(code, group);
    }
    if (group === null) {
      rejected.push({
        line: read.items[i]!,
        point: read.readings[i]!.pointCode,
        reason: `no mine ${code} in your scope`,
      });
      continue;
    }
    group.items.push(read.items[i]!);
    group.readings.push(read.readings[i]!);
  }
  const groups: Array<{ mineCode: string; items: number[]; readings: PointReading[] }> = [];
  for (const [mineCode, g] of byMine) if (g !== null) groups.push({ mineCode, ...g });
  let accepted = 0;
  let alarmsChanged = 0;
  let late = 0;
  const outcomes = groups.length === 0 ? [] : await sink.ingestReadingsMany(groups);
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    const o = outcomes[k]!;
    if (o instanceof DomainError) {
      for (let i = 0; i < g.readings.length; i++) {
        rejected.push({
          line: g.items[i]!,
          point: g.readings[i]!.pointCode,
          reason: `${o.code}: ${o.message}`,
        });
      }
      continue;
    }
    const out = readingsOutcome(o, g.items);
    accepted += out.accepted;
    alarmsChanged += out.alarmsChanged;
    late += out.late;
    for (const x of out.rejected) rejected.push({ line: x.item, point: x.point, reason: x.reason });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { accepted, rejected, alarmsChanged, late };
}
