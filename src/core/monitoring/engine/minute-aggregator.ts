/** A finished (or flushed) per-minute aggregate of one point. */
export interface MinuteBucket {
  pointId: number;
  minuteMs: number;
  min: number;
  max: number;
  sum: number;
  count: number;
}

const MINUTE = 60_000;

/**
 * Per-minute min/max/sum/count per point, kept in typed arrays indexed by point id. When a reading
 * falls in a later minute than the point's open bucket, the open bucket is handed out to be stored.
 * The open minute lives only in memory: after a crash it can be rebuilt from the raw readings.
 */
export class MinuteAggregator {
  readonly #minute: Float64Array;
  readonly #min: Float64Array;
  readonly #max: Float64Array;
  readonly #sum: Float64Array;
  readonly #count: Int32Array;

  constructor(capacity: number) {
    this.#minute = new Float64Array(capacity).fill(-1);
    this.#min = new Float64Array(capacity);
    this.#max = new Float64Array(capacity);
    this.#sum = new Float64Array(capacity);
    this.#count = new Int32Array(capacity);
  }

  add(pointId: number, tsMs: number, value: number, flushed: MinuteBucket[]): void {
    const minute = tsMs - (tsMs % MINUTE);
    const open = this.#minute[pointId]!;
    if (open !== minute) {
      if (open >= 0 && this.#count[pointId]! > 0) flushed.push(this.#bucket(pointId));
      this.#minute[pointId] = minute;
      this.#min[pointId] = value;
      this.#max[pointId] = value;
      this.#sum[pointId] = value;
      this.#count[pointId] = 1;
      return;
    }
    if (value < this.#min[pointId]!) this.#min[pointId] = value;
    if (value > this.#max[pointId]!) this.#max[pointId] = value;
    this.#sum[pointId] = this.#sum[pointId]! + value;
    this.#count[pointId] = this.#count[pointId]! + 1;
  }

  /** Every open bucket (e.g. at shutdown), which then restart empty. */
  drain(): MinuteBucket[] {
    const out: MinuteBucket[] = [];
    for (let id = 0; id < this.#minute.length; id++) {
      if (this.#minute[id]! >= 0 && this.#count[id]! > 0) {
        out.push(this.#bucket(id));
        this.#count[id] = 0;
        this.#minute[id] = -1;
      }
    }
    return out;
  }

  #bucket(id: number): MinuteBucket {
    return {
      pointId: id,
      minuteMs: this.#minute[id]!,
      min: this.#min[id]!,
      max: this.#max[id]!,
      sum: this.#sum[id]!,
      count: this.#count[id]!,
    };
  }
}
