import type { Clock, Ids } from '../../src/core/ports.ts';

/** A clock the test moves by hand. */
export function createFixedClock(
  startIso = '2026-12-05T00:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(startIso);
  return {
    nowIso: () => new Date(now).toISOString(),
    nowMs: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}

/** Predictable ids: "<prefix>-1", "<prefix>-2", … */
export function createSequentialIds(): Ids {
  let n = 0;
  return { next: (prefix) => `${prefix}-${++n}` };
}
