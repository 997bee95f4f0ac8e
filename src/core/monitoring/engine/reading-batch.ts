/**
 * Accepted readings in columns (typed arrays), so the hot path allocates four arrays per batch and
 * nothing per reading; the telemetry writer binds straight from them.
 */
export class ReadingBatch {
  readonly pointIds: Int32Array;
  readonly ts: Float64Array;
  readonly values: Float64Array;
  readonly statuses: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.pointIds = new Int32Array(capacity);
    this.ts = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.statuses = new Int32Array(capacity);
  }

  push(pointId: number, tsMs: number, value: number, status: number): void {
    const i = this.length++;
    this.pointIds[i] = pointId;
    this.ts[i] = tsMs;
    this.values[i] = value;
    this.statuses[i] = status;
  }

  /** One batch holding the readings of several, in order (one telemetry write for many messages). */
  static concat(batches: readonly ReadingBatch[]): ReadingBatch {
    if (batches.length === 1) return batches[0]!;
    const out = new ReadingBatch(batches.reduce((n, b) => n + b.length, 0));
    for (const b of batches) {
      out.pointIds.set(b.pointIds.subarray(0, b.length), out.length);
      out.ts.set(b.ts.subarray(0, b.length), out.length);
      out.values.set(b.values.subarray(0, b.length), out.length);
      out.statuses.set(b.statuses.subarray(0, b.length), out.length);
      out.length += b.length;
    }
    return out;
  }
}
