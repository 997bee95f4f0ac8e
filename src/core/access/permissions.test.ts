import { describe, expect, it } from 'vitest';
import { hasPermission, isInScope, requireInScope, requirePermission } from './permissions.ts';
import type { Principal } from './types.ts';

/** A signed-in user of the given role and scope. */
const principal = (
  userId: string,
  displayName: string,
  role: Principal['role'],
  scope: Principal['scope'],
  scopePath: string | null,
): Principal => ({
  userId,
  username: displayName.toLowerCase(),
  displayName,
  role,
  scope,
  scopePath,
  via: 'session',
});

const county = principal(
  'u1',
  'County',
  'county_regulator',
  { kind: 'region', regionId: '990102' },
  '/990000/990100/990102/',
);
const officer = principal('u2', 'Officer', 'mine_safety_officer', { kind: 'mine', mineId: 'm-1' }, null);

describe('scope', () => {
  it.each([
    ['own county', county, { regionPath: '/990000/990100/990102/', mineId: 'm-9' }, true],
    [
      'a county whose id shares a prefix is not inside',
      county,
      { regionPath: '/990000/990100/9901021/' },
      false,
    ],
    ['a sibling county', county, { regionPath: '/990000/990100/990103/', mineId: 'm-9' }, false],
    ['the parent city', county, { regionPath: '/990000/990100/' }, false],
    ['own mine', officer, { regionPath: '/990000/990100/990102/', mineId: 'm-1' }, true],
    [
      'another mine of the same county',
      officer,
      { regionPath: '/990000/990100/990102/', mineId: 'm-2' },
      false,
    ],
  ] as const)('%s', (_name, principal, target, expected) => {
    expect(isInScope(principal, target)).toBe(expected);
  });

  it('out of scope reads as not found, so existence does not leak', () => {
    expect(() =>
      requireInScope(county, { regionPath: '/990000/990200/990201/', mineId: 'm-5' }, 'MINE', 'm-5'),
    ).toThrow(expect.objectContaining({ kind: 'NotFound', code: 'MINE_NOT_FOUND' }));
  });
});

describe('permissions', () => {
  it('only regulators change mines', () => {
    expect(hasPermission('county_regulator', 'mine.transition')).toBe(true);
    for (const role of ['leader', 'group_member', 'mine_safety_officer', 'gas_expert', 'viewer'] as const) {
      expect(hasPermission(role, 'mine.transition')).toBe(false);
      expect(hasPermission(role, 'mine.update')).toBe(false);
    }
  });

  it('a viewer is read-only', () => {
    expect(() => requirePermission({ ...county, role: 'viewer' }, 'mine.create')).toThrow(
      expect.objectContaining({ kind: 'NotAllowed', code: 'FORBIDDEN' }),
    );
  });
});
