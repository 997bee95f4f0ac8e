import { expect, it } from 'vitest';

/** One row of a state machine's table: from a state, an event, to a state or `'error'` (refused). */
export type TransitionRow<S extends string, E extends string> = readonly [from: S, event: E, to: S | 'error'];

/**
 * One test per row of a state machine's transition table (`from + event → to`): the machine `next` must
 * reach `to`, or, on an `'error'` row, throw what `refusal` matches (a `toThrow` argument).
 */
export function itTransitions<S extends string, E extends string>(
  table: ReadonlyArray<TransitionRow<S, E>>,
  next: (from: S, event: E) => S,
  refusal: unknown,
): void {
  for (const [from, event, to] of table)
    it(`${from} + ${event} → ${to}`, () => {
      if (to === 'error') expect(() => next(from, event)).toThrow(refusal);
      else expect(next(from, event)).toBe(to);
    });
}
