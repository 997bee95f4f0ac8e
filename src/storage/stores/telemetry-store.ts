import type { Kysely } from 'kysely';
import type { SeriesResolution, TelemetryStore } from '../../core/monitoring/monitoring-ports.ts';
import type { Database } from '../schema.ts';
import { purgeTelemetryBefore } from '../dialect/telemetry-ddl.ts';
import { WINDOW_MS, closedBefore, compactHead, windowOf } from '../telemetry/block-store.ts';
import {
  countStoredReadings,
  newestOf,
  rawWindows,
  readHourColumns,
  readMinuteColumns,
  readRaw,
} from '../telemetry/block-reads.ts';

/** Readings: curves, newest values, compaction and retention (ADR 0005). */
export function createTelemetryStore(db: Kysely<Database>): TelemetryStore {
  return {
    /** Blocks merged with the head (storage/telemetry/block-store.ts). */
    async series(pointId: number, fromMs: number, toMs: number, resolution: SeriesResolution) {
      if (resolution === 'raw') {
        const r = await readRaw(db, pointId, fromMs, toMs);
        return { resolution, t: r.t, v: r.v, min: null, max: null };
      }
      if (resolution === '1h') return { resolution, ...(await readHourColumns(db, pointId, fromMs, toMs)) };
      return { resolution, ...(await readMinuteColumns(db, pointId, fromMs, toMs)) };
    },

    async lastReadings(
      pointIds: readonly number[],
    ): Promise<Map<number, { tsMs: number; value: number; status: number }>> {
      const out = new Map<number, { tsMs: number; value: number; status: number }>();
      for (const r of await newestOf(db, pointIds)) {
        out.set(r.pointId, { tsMs: r.tsMs, value: r.value, status: r.status });
      }
      return out;
    },

    compactReadings(nowMs) {
      return compactHead(db, closedBefore(nowMs));
    },

    rawReadingChunks(pointId, fromMs, toMs) {
      return rawWindows(db, pointId, fromMs, toMs);
    },

    /**
     * Head readings of windows before the raw cutoff go into blocks first (their rollups outlive
     * them), then whole blocks and rollups go on SQLite, whole time partitions on PostgreSQL.
     */
    async purgeOld(_pointIds, rawBeforeMs, aggregatesBeforeMs) {
      await compactHead(db, windowOf(rawBeforeMs));
      return purgeTelemetryBefore(db, WINDOW_MS, rawBeforeMs, aggregatesBeforeMs);
    },

    countReadings(): Promise<number> {
      return countStoredReadings(db);
    },
  };
}
