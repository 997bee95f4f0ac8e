import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { Clock, Ids, PasswordHasher, Secrets } from '../core/ports.ts';

/** The real-world implementations of the core's small ports: clock, ids, secrets, password hashing. */
export const systemClock: Clock = {
  nowIso: () => new Date().toISOString(),
  nowMs: () => Date.now(),
};

export const randomIds: Ids = {
  next: (prefix) => `${prefix}-${randomUUID()}`,
};

export const cryptoSecrets: Secrets = {
  newToken: () => randomBytes(32).toString('base64url'),
};

// The package declares Algorithm as an ambient const enum; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** argon2id with OWASP's minimum parameters (19 MiB, t=2, p=1). */
export const argon2Hasher: PasswordHasher = {
  hash: (password) =>
    hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  verify: async (stored, password) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
