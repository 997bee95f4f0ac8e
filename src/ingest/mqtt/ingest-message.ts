/**
 * One MQTT message through the pipeline, independent of the MQTT client: the topic says which mine
 * and what kind of data, the payload is parsed, handed to the runtime, and the outcome returned as a
 * result a gateway can read. Bad input (malformed payload, unknown mine, bad lines) is a result, not
 * an error: redelivery cannot fix it. Only failures that a retry may fix (storage) are thrown.
 */
import { isDomainError } from '../../core/errors.ts';
import { parseUploadFileName } from '../../core/monitoring/upload-file/upload-file-name.ts';
import type { Clock, Ids } from '../../core/ports.ts';
import { ingestUploadFile, type FileDoorStore, type FileReport } from '../files/ingest-upload-file.ts';
import type { MonitoringSink } from '../../monitoring/monitoring-sink.ts';
import { readPointDefinitionItem } from './json-point-definitions.ts';
import { ingestReadingItems, splitJsonItems } from './json-readings.ts';
import { readPayloadReadings } from './reading-lines.ts';

export interface IngestMessageDeps {
  runtime: MonitoringSink;
  store: FileDoorStore;
  ids: Ids;
  clock: Clock;
}

export type MessageKind = 'readings' | 'points' | 'personnel' | 'file';

/** Where a message goes, read from `<prefix>/<mineCode>/<kind>[/<fileName>]`. */
export interface TopicRoute {
  kind: MessageKind;
  /** The topic's mine segment as sent (checked to be a 12-digit code when the message is handled). */
  mine: string;
  fileName?: string;
}

export interface IngestResult {
  topic: string;
  kind: MessageKind;
  mineCode: string;
  /** stored: what was valid is durably stored (rejected items listed); rejected: nothing was taken. */
  outcome: 'stored' | 'rejected' | 'incomplete';
  accepted: number;
  /** `item`: the NDJSON line, the array element (1-based) or the national file's record number. */
  rejected: Array<{ item: number; field?: string; point?: string; reason: string }>;
  alarmsChanged?: number;
  /** Accepted readings that came late (received long after their time, or older than a point's newest). */
  late?: number;
  /** Why the whole message was refused. */
  reason?: string;
}

const KINDS = new Set(['readings', 'points', 'personnel']);

/** Reads a topic below `prefix`; null for topics this adapter does not handle. */
export function routeTopic(prefix: string, topic: string): TopicRoute | null {
  if (!topic.startsWith(`${prefix}/`)) return null;
  const parts = topic.slice(prefix.length + 1).split('/');
  const [mine, kind, fileName] = parts;
  if (mine === undefined || mine === '' || kind === undefined) return null;
  if (parts.length === 2 && KINDS.has(kind)) return { kind: kind as MessageKind, mine };
  if (parts.length === 3 && kind === 'files' && fileName) return { kind: 'file', mine, fileName };
  return null;
}

/** `yyyyMMddHHmmss` in China Standard Time, for the name of a file that arrived without one. */
function cstStamp(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace(/\D/g, '');
}

const MINE_CODE_RE = /^\d{12}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Handles one message. Resolves with the result once everything valid is durably stored; rejects only
 * when storing failed in a way a redelivery may fix.
 */
export async function ingestMessage(
  deps: IngestMessageDeps,
  route: TopicRoute,
  topic: string,
  payload: Uint8Array,
): Promise<IngestResult> {
  const base = { topic, kind: route.kind, mineCode: route.mine };
  const refuse = (reason: string): IngestResult => ({
    ...base,
    outcome: 'rejected',
    accepted: 0,
    rejected: [],
    reason,
  });
  if (!MINE_CODE_RE.test(route.mine)) {
    return refuse(`the topic's mine segment "${route.mine}" is not a 12-digit mine code`);
  }
  if (payload.length === 0) return refuse('the payload is empty');
  const fromReport = (r: FileReport): IngestResult => ({
    ...base,
    outcome: r.outcome,
    accepted: r.accepted,
    rejected: r.rejected.map((x) => ({
      item: x.line,
      ...(x.field === undefined ? {} : { field: x.field }),
      reason: x.reason,
    })),
    ...(r.reason === undefined ? {} : { reason: r.reason }),
  });
  const asFile = (type: string) => `${route.mine}_${type}_${cstStamp(deps.clock.nowMs())}.txt`;

  try {
    switch (route.kind) {
      case 'file': {
        const fileName = route.fileName ?? '';
        const name = parseUploadFileName(fileName);
        if (name.ok && name.mineCode !== route.mine) {
          return refuse(
            `the file ${fileName} is for mine ${name.mineCode}, but the topic names ${route.mine}`,
          );
        }
        return fromReport(await ingestUploadFile(deps, fileName, payload));
      }
      case 'personnel':
        return fromReport(await ingestUploadFile(deps, asFile('RYSS'), payload));
      case 'points': {
        if (!looksLikeJsonArray(payload)) {
          return fromReport(await ingestUploadFile(deps, asFile('CDDY'), payload));
        }
        const text = decodeUtf8(payload);
        if (text === null) return refuse('the payload is not UTF-8 text');
        const nowMs = deps.clock.nowMs();
        const items = splitJsonItems(text).map((raw) => readPointDefinitionItem(raw, nowMs));
        if (items.length === 0) return refuse('the payload holds no point definitions (an empty array)');
        const rejected = items.flatMap((i) => (i.ok ? [] : [{ item: i.item, reason: i.reason }]));
        const defs = items.flatMap((i) => (i.ok ? [i.definition] : []));
        const accepted = defs.length > 0 ? (await deps.runtime.definePoints(route.mine, defs)).accepted : 0;
        return { ...base, outcome: accepted > 0 ? 'stored' : 'rejected', accepted, rejected };
      }
      case 'readings': {
        const text = decodeUtf8(payload);
        if (text === null) return refuse('the payload is not UTF-8 text');
        const read = readPayloadReadings(text, { mineRequired: false, nowMs: deps.clock.nowMs() });
        if (read.count === 0)
          return refuse('the payload holds no readings (an empty array or only blank lines)');
        const rejected: IngestResult['rejected'] = read.rejected.map((r) => ({
          item: r.item,
          ...(r.pointCode ? { point: r.pointCode } : {}),
          reason: r.reason,
        }));
        // Items naming another mine than the topic's are refused; the rest go on (the arrays as read
        // when every item agrees, the usual case).
        let items = read.items;
        let readings = read.readings;
        if (read.mines.some((m) => m !== null && m !== route.mine)) {
          items = [];
          readings = [];
          for (let i = 0; i < read.readings.length; i++) {
            const m = read.mines[i];
            if (m !== null && m !== route.mine) {
              rejected.push({
                item: read.items[i]!,
                point: read.readings[i]!.pointCode,
                reason: `"mine" ${m} differs from the topic's mine ${route.mine}`,
              });
            } else {
              items.push(read.items[i]!);
              readings.push(read.readings[i]!);
            }
          }
        }
        const out = await ingestReadingItems(deps.runtime, route.mine, items, readings);
        rejected.push(...out.rejected);
        rejected.sort((a, b) => a.item - b.item);
        // Readings the runtime took without storing a row (already stored: a redelivery; or no value)
        // are not refused: the message is stored as far as the gateway is concerned.
        const taken = out.accepted > 0 || readings.length > out.rejected.length;
        return {
          ...base,
          outcome: taken ? 'stored' : 'rejected',
          accepted: out.accepted,
          rejected,
          alarmsChanged: out.alarmsChanged,
          late: out.late,
        };
      }
    }
  } catch (e) {
    // A domain error (unknown mine, …) is an answer about the message; anything else may pass.
    if (isDomainError(e)) return refuse(`${e.code}: ${e.message}`);
    throw e;
  }
}

function looksLikeJsonArray(payload: Uint8Array): boolean {
  for (const b of payload) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) {
      continue; // whitespace and a UTF-8 BOM
    }
    return b === 0x5b; // [
  }
  return false;
}

function decodeUtf8(payload: Uint8Array): string | null {
  try {
    return utf8.decode(payload);
  } catch {
    return null;
  }
}
