import { DomainError } from '../errors.ts';

/**
 * Slows down password guessing: after `maxFailures` failed logins within `windowMs` for the same key
 * (a username, or a client address), further attempts are refused until `lockMs` has passed since the
 * last failure. Time comes in as arguments (pure; the caller owns the clock). Memory is bounded: old
 * entries are dropped as they expire.
 */
/** An attempt counted by `begin`, settled by `succeeded`. */
export interface LoginAttempt {
  readonly keys: readonly string[];
  readonly atMs: number;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #maxFailures: (key: string) => number;
  readonly #windowMs: number;
  readonly #lockMs: number;

  /**
   * `maxFailures` may depend on the key: by default 5 for a username (`user:…`) and 30 for a client
   * address (`ip:…`, shared by everyone behind one gateway).
   */
  constructor(
    options: { maxFailures?: number | ((key: string) => number); windowMs?: number; lockMs?: number } = {},
  ) {
    const m = options.maxFailures;
    this.#maxFailures =
      typeof m === 'function' ? m : m !== undefined ? () => m : (key) => (key.startsWith('ip:') ? 30 : 5);
    this.#windowMs = options.windowMs ?? 15 * 60_000;
    this.#lockMs = options.lockMs ?? 15 * 60_000;
  }

  /** Throws TOO_MANY_LOGIN_ATTEMPTS when any of the keys is locked. */
  check(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const recent = this.#recent(key, nowMs);
      if (recent.length >= this.#maxFailures(key)) {
        const waitS = Math.ceil((recent[recent.length - 1]! + this.#lockMs - nowMs) / 1000);
        throw new DomainError(
          'RateLimited',
          'TOO_MANY_LOGIN_ATTEMPTS',
          `Too many failed logins; try again in ${Math.max(1, Math.ceil(waitS / 60))} minute(s).`,
          { retryAfterS: Math.max(1, waitS) },
        );
      }
    }
  }

  /**
   * Checks and, in the same synchronous step, counts this attempt against every key (as a failure
   * until told otherwise), so concurrent guesses cannot all pass the check before any is recorded.
   * Throws TOO_MANY_LOGIN_ATTEMPTS when a key is locked. Settle the attempt with `succeeded` (or leave
   * it counted when the password was wrong).
   */
  begin(keys: readonly string[], nowMs: number): LoginAttempt {
    this.check(keys, nowMs);
    this.recordFailure(keys, nowMs);
    return { keys, atMs: nowMs };
  }

  /**
   * A good login: the username's count starts afresh; for the other keys (the address) only this
   * attempt is taken back — another user's success never clears an address's failures.
   */
  succeeded(attempt: LoginAttempt, userKeyPrefix = 'user:'): void {
    for (const key of attempt.keys) {
      if (key.startsWith(userKeyPrefix)) {
        this.#failures.delete(key);
        continue;
      }
      const list = this.#failures.get(key);
      if (!list) continue;
      const i = list.lastIndexOf(attempt.atMs);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.#failures.delete(key);
    }
  }

  recordFailure(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const recent = this.#recent(key, nowMs);
      recent.push(nowMs);
      this.#failures.set(key, recent);
    }
    if (this.#failures.size > 10_000) this.#prune(nowMs);
  }

  recordSuccess(keys: readonly string[]): void {
    for (const key of keys) this.#failures.delete(key);
  }

  #recent(key: string, nowMs: number): number[] {
    const keep = Math.max(this.#windowMs, this.#lockMs);
    return (this.#failures.get(key) ?? []).filter((t) => nowMs - t < keep);
  }

  #prune(nowMs: number): void {
    for (const key of [...this.#failures.keys()]) {
      if (this.#recent(key, nowMs).length === 0) this.#failures.delete(key);
    }
  }
}
