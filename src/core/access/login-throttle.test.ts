import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

const T0 = 1_800_000_000_000;

describe('login throttle', () => {
  it('locks a username after five failures and lets it in again after the lock', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) {
      t.check(['user:county'], T0 + i);
      t.recordFailure(['user:county'], T0 + i);
    }
    expect(() => t.check(['user:county'], T0 + 10)).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_LOGIN_ATTEMPTS', kind: 'RateLimited' }),
    );
    expect(() => t.check(['user:province'], T0 + 10)).not.toThrow();
    expect(() => t.check(['user:county'], T0 + 4 + 15 * 60_000)).not.toThrow();
  });

  it('a success clears the count', () => {
    const t = new LoginThrottle({ maxFailures: 2 });
    t.recordFailure(['user:a'], T0);
    t.recordSuccess(['user:a']);
    t.recordFailure(['user:a'], T0 + 1);
    expect(() => t.check(['user:a'], T0 + 2)).not.toThrow();
  });
});
