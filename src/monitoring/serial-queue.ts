/**
 * The one queue of a monitoring runtime: calls run one at a time, in order. An urgent call (an
 * operator's action, a worker's rebuild after partitions moved) goes ahead of the calls still
 * waiting — never ahead of the one running — so it does not wait behind seconds of queued data. Data
 * calls keep their order.
 */
export class SerialQueue {
  readonly #waiting: Array<() => Promise<void>> = [];
  readonly #urgent: Array<() => Promise<void>> = [];
  #running = false;

  run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (urgent ? this.#urgent : this.#waiting).push(() => work().then(resolve, reject));
      if (!this.#running) void this.#drain();
    });
  }

  /** Calls waiting (not counting the one running). */
  get depth(): number {
    return this.#waiting.length + this.#urgent.length;
  }

  #next(): (() => Promise<void>) | undefined {
    return this.#urgent.length > 0 ? this.#urgent.shift() : this.#waiting.shift();
  }

  async #drain(): Promise<void> {
    this.#running = true;
    for (let next = this.#next(); next; next = this.#next()) await next();
    this.#running = false;
  }
}
