import { writeAudited } from '../audit/record-audit.ts';
import { invalidInput, conflict } from '../errors.ts';
import type { PasswordHasher, Ports } from '../ports.ts';
import { publicUser, validateNewPassword } from './authentication.ts';
import { ROLES, type Role, type Scope, type User } from './types.ts';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  password: string;
}

/** Mine safety officers are scoped to one mine; every other role to a region. */
export function checkRoleScope(role: Role, scope: Scope): void {
  if (!ROLES.includes(role)) throw invalidInput('ROLE_UNKNOWN', `Unknown role "${String(role)}".`);
  if (role === 'mine_safety_officer' && scope.kind !== 'mine') {
    throw invalidInput('SCOPE_INVALID', 'A mine safety officer is scoped to exactly one mine.');
  }
  if (role !== 'mine_safety_officer' && scope.kind !== 'region') {
    throw invalidInput('SCOPE_INVALID', `A ${role} is scoped to a region.`);
  }
}

/** Creates an account (used by the seeder and the CLI); audited as `user.create`. */
export async function createUser(
  deps: Pick<Ports, 'clock' | 'ids' | 'transaction'> & { hasher: PasswordHasher },
  actor: { id: string; name: string },
  input: NewUserInput,
): Promise<User> {
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(input.username)) {
    throw invalidInput('USERNAME_INVALID', 'A username is 2–40 lower-case letters, digits, ".", "_" or "-".');
  }
  validateNewPassword(input.password);
  checkRoleScope(input.role, input.scope);
  const passwordHash = await deps.hasher.hash(input.password);
  const now = deps.clock.nowIso();
  return deps.transaction(['mines', 'regions', 'users', 'audit'], async (tx) => {
    if (await tx.users.getByUsername(input.username)) {
      throw conflict('USERNAME_TAKEN', `The username "${input.username}" is taken.`);
    }
    if (input.scope.kind === 'region' && !(await tx.regions.get(input.scope.regionId))) {
      throw invalidInput('REGION_NOT_FOUND', `No region "${input.scope.regionId}".`);
    }
    if (input.scope.kind === 'mine' && !(await tx.mines.get(input.scope.mineId))) {
      throw invalidInput('MINE_NOT_FOUND', `No mine "${input.scope.mineId}".`);
    }
    const user = {
      id: deps.ids.next('user'),
      username: input.username,
      displayName: input.displayName.trim() || input.username,
      role: input.role,
      scope: input.scope,
      disabled: false,
      createdAt: now,
      passwordHash,
    };
    await writeAudited(tx, actor, now, user, (r) => tx.users.insert(r), {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: { username: user.username, role: user.role, scope: user.scope },
    });
    return publicUser(user);
  });
}

export { createApiToken } from './tokens.ts';
