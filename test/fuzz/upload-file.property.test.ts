import { describe, it } from 'vitest';
import { assertProperty, seedFromEnvironment } from './fuzz-property.ts';
import { uploadFileProperties } from './upload-file.properties.ts';

const seed = seedFromEnvironment(process.env);

describe('bad input: national upload files', () => {
  for (const p of uploadFileProperties()) {
    it(p.name, () => assertProperty(p, seed));
  }
});
