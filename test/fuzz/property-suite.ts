import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertProperty, seedFromEnvironment, type FuzzSuite } from './fuzz-property.ts';

/**
 * The Vitest suite of properties that need a world: one test per name (known before the world is built),
 * the world built once before them by `create` and disposed after them; `FUZZ_SEED` replays a failure.
 */
export function describeProperties(
  title: string,
  names: readonly string[],
  create: () => Promise<FuzzSuite>,
): void {
  const seed = seedFromEnvironment(process.env);
  let suite: FuzzSuite | undefined;
  beforeAll(async () => {
    suite = await create();
  });
  afterAll(() => suite?.dispose());

  describe(title, () => {
    for (const name of names) {
      it(name, async () => {
        const p = suite?.properties.find((x) => x.name === name);
        if (!p) throw new Error(`no property ${name}`);
        await assertProperty(p, seed);
      });
    }
  });
}
