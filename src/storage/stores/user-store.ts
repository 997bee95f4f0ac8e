import type { Kysely, Selectable } from 'kysely';
import type { Role, Scope, TokenScope } from '../../core/access/types.ts';
import type {
  ApiToken,
  ApiTokenStore,
  MineStatusChangeStore,
  SessionStore,
  StoredUser,
  UserStore,
} from '../../core/ports.ts';
import type { MineStatus } from '../../core/registry/types.ts';
import type { Database, UsersTable } from '../schema.ts';

const toUser = (r: Selectable<UsersTable>): StoredUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  scope: scopeOf(r),
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

function scopeOf(r: Selectable<UsersTable>): Scope {
  if (r.scope_kind === 'mine' && r.scope_mine_id) return { kind: 'mine', mineId: r.scope_mine_id };
  if (r.scope_kind === 'region' && r.scope_region_id) return { kind: 'region', regionId: r.scope_region_id };
  // A row that breaks this is a programming error (the insert path never writes one).
  throw new Error(`User ${r.id} has an invalid scope (${r.scope_kind}).`);
}

export function createUserStore(db: Kysely<Database>): UserStore {
  return {
    async get(id) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toUser(r);
    },
    async getByUsername(username) {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return r && toUser(r);
    },
    async insert(u) {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          scope_kind: u.scope.kind,
          scope_region_id: u.scope.kind === 'region' ? u.scope.regionId : null,
          scope_mine_id: u.scope.kind === 'mine' ? u.scope.mineId : null,
          password_hash: u.passwordHash,
          disabled: u.disabled ? 1 : 0,
          created_at: u.createdAt,
        })
        .execute();
    },
    async listNames(ids) {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      for (const r of rows) out.set(r.id, r.display_name);
      return out;
    },
  };
}

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async insert(s) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        r && {
          id: r.id,
          userId: r.user_id,
          csrfToken: r.csrf_token,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      );
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteExpired(nowIso) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<', nowIso).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

const ALL_SCOPES: TokenScope[] = ['write', 'read', 'ingest'];

const toToken = (r: Selectable<Database['api_tokens']>): ApiToken => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  // A token made before scopes existed keeps the full access it was issued with.
  scopes: r.scopes === null ? ALL_SCOPES : (JSON.parse(r.scopes) as TokenScope[]),
  lastUsedAt: r.last_used_at,
});

export function createApiTokenStore(db: Kysely<Database>): ApiTokenStore {
  return {
    async insert(t) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          token_hash: t.tokenHash,
          user_id: t.userId,
          name: t.name,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          revoked_at: t.revokedAt,
          scopes: JSON.stringify(t.scopes),
          last_used_at: t.lastUsedAt,
        })
        .execute();
    },
    async getByHash(tokenHash) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r && toToken(r);
    },
    async get(id) {
      const r = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toToken(r);
    },
    async listByUser(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toToken);
    },
    async revoke(id, at) {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export function createMineStatusChangeStore(db: Kysely<Database>): MineStatusChangeStore {
  return {
    async insert(c) {
      await db
        .insertInto('mine_status_changes')
        .values({
          id: c.id,
          mine_id: c.mineId,
          from_status: c.from,
          to_status: c.to,
          event: c.event,
          reason: c.reason,
          basis: c.basis,
          actor_id: c.actorId,
          at: c.at,
        })
        .execute();
    },
    async listByMine(mineId) {
      const rows = await db
        .selectFrom('mine_status_changes')
        .selectAll()
        .where('mine_id', '=', mineId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        mineId: r.mine_id,
        from: r.from_status as MineStatus,
        to: r.to_status as MineStatus,
        event: r.event,
        reason: r.reason,
        basis: r.basis,
        actorId: r.actor_id,
        at: r.at,
      }));
    },
  };
}
