import type { Ports, SecurityEvent } from '../core/ports.ts';

/**
 * Records security events (refused requests, failed and throttled logins) without letting a flood of
 * them flood the database: at most `perKeyPerMinute` per actor or address and `totalPerMinute` in all;
 * the rest are counted as suppressed, and the count is written with the next event that gets through.
 */
export class SecurityRecorder {
  readonly #ports: Pick<Ports, 'securityLog' | 'ids' | 'clock'>;
  readonly #perKey: number;
  readonly #total: number;
  #windowStartMs = 0;
  #inWindow = 0;
  #byKey = new Map<string, number>();
  #suppressed = 0;
  /** Writes in flight (tests wait for them). */
  #pending = new Set<Promise<void>>();

  constructor(
    ports: Pick<Ports, 'securityLog' | 'ids' | 'clock'>,
    options: { perKeyPerMinute?: number; totalPerMinute?: number } = {},
  ) {
    this.#ports = ports;
    this.#perKey = options.perKeyPerMinute ?? 30;
    this.#total = options.totalPerMinute ?? 600;
  }

  /** Records the event unless its key or the whole log is over the rate; never throws. */
  record(key: string, event: Omit<SecurityEvent, 'id' | 'at'>): boolean {
    const nowMs = Date.now();
    if (nowMs - this.#windowStartMs >= 60_000) {
      this.#windowStartMs = nowMs;
      this.#inWindow = 0;
      this.#byKey = new Map();
    }
    const n = this.#byKey.get(key) ?? 0;
    if (n >= this.#perKey || this.#inWindow >= this.#total) {
      this.#suppressed++;
      return false;
    }
    this.#byKey.set(key, n + 1);
    this.#inWindow++;
    const suppressed = this.#suppressed;
    this.#suppressed = 0;
    const reason =
      suppressed > 0 ? `${event.reason} (+${suppressed} similar events not recorded)` : event.reason;
    const write = this.#ports.securityLog
      .insert({ ...event, reason, id: this.#ports.ids.next('sec'), at: this.#ports.clock.nowIso() })
      .catch((e: unknown) => console.error('security log write failed:', e))
      .finally(() => this.#pending.delete(write));
    this.#pending.add(write);
    return true;
  }

  /** Resolves when every write begun so far is done. */
  async flush(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
