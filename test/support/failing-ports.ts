import type { Ports, Stores } from '../../src/core/ports.ts';

/**
 * `ports` whose transactions fail when they insert a status change (`disk full`): for proving that a use
 * case's writes roll back together.
 */
export function failingStatusChanges(ports: Ports): Ports {
  return {
    ...ports,
    transaction: (names, work) =>
      ports.transaction(names, (tx) =>
        work({
          ...tx,
          statusChanges: {
            ...(tx as Partial<Stores>).statusChanges!,
            insert: () => Promise.reject(new Error('disk full')),
          },
        }),
      ),
  };
}
