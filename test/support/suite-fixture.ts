import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export interface FixtureOptions {
  /** A fresh value before each test instead of one for the whole describe block. */
  each?: boolean;
  /** The time making it may take (a seeded database on PostgreSQL takes a while). */
  timeoutMs?: number;
}

/**
 * A value of a describe block: made by `make` before its tests (or before each), disposed after them, and
 * read in the tests through a stand-in that forwards every property to the current value. Registered in
 * order, fixtures are disposed in reverse (an app closes before its database goes).
 */
export function useFixture<T extends object>(
  make: () => Promise<T>,
  dispose: (value: T) => unknown,
  options: FixtureOptions = {},
): T {
  let current: T | undefined;
  const now = (): T => {
    if (!current) throw new Error('the fixture is read before its suite has started');
    return current;
  };
  const timeout = options.timeoutMs ?? 120_000;
  const setUp = async () => {
    current = await make();
  };
  const tearDown = async () => {
    const value = current;
    current = undefined;
    if (value) await dispose(value);
  };
  if (options.each) {
    beforeEach(setUp, timeout);
    afterEach(tearDown);
  } else {
    beforeAll(setUp, timeout);
    afterAll(tearDown);
  }
  return standIn(now);
}

/** An object that forwards every property to what `current` returns when it is read (methods bound to it). */
export function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = current();
      const v: unknown = Reflect.get(value, key);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(value) : v;
    },
    has: (_, key) => Reflect.has(current(), key),
  });
}
