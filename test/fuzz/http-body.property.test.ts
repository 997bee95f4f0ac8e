import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertProperty, seedFromEnvironment } from './fuzz-property.ts';
import { createHttpFuzz, HTTP_PROPERTY_NAMES, type HttpFuzz } from './http-body.properties.ts';

const seed = seedFromEnvironment(process.env);
let fuzz: HttpFuzz;

beforeAll(async () => {
  fuzz = await createHttpFuzz();
});
afterAll(() => fuzz.dispose());

describe('bad input: HTTP bodies (buildApp + inject, SQLite)', () => {
  for (const name of HTTP_PROPERTY_NAMES) {
    it(name, async () => {
      const p = fuzz.properties.find((x) => x.name === name);
      if (!p) throw new Error(`no property ${name}`);
      await assertProperty(p, seed);
    });
  }
});
