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
}
