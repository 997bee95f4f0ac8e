import type { Kysely } from 'kysely';
import type { Scope, TokenScope } from '../../core/access/types.ts';
import type {
  ApiToken,
  ApiTokenStore,
  MineStatusChangeStore,
  Session,
  SessionStore,
  StoredUser,
  UserStore,
} from '../../core/ports.ts';
import type { MineStatusChange } from '../../core/registry/types.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, type Composite, type Conversion } from '../row-codec.ts';
import { newestFirst, recordTable } from './record-table.ts';

/** A user's scope: its kind, and the region or the mine it names. */
const scope: Composite<Database['users'], Scope> = {
  columns: ['scope_kind', 'scope_region_id', 'scope_mine_id'],
  decode(r) {
    if (r.scope_kind === 'mine' && r.scope_mine_id) return { kind: 'mine', mineId: r.scope_mine_id };
    if (r.scope_kind === 'region' && r.scope_region_id)
      return { kind: 'region', regionId: r.scope_region_id };
    // A row that breaks this is a programming error (the insert path never writes one).
    throw new Error(`User ${r.id} has an invalid scope (${r.scope_kind}).`);
  },
  encode: (s) => ({
    scope_kind: s.kind,
    scope_region_id: s.kind === 'region' ? s.regionId : null,
    scope_mine_id: s.kind === 'mine' ? s.mineId : null,
  }),
};

const userCodec = defineCodec<StoredUser, Database['users']>()({
  ...asIs('id username displayName role'),
  scope,
  disabled: ['disabled', bool],
  ...asIs('createdAt passwordHash'),
});

export function createUserStore(db: Kysely<Database>): UserStore {
  const users = recordTable(db, 'users', userCodec);
  return {
    get: users.get,
    getByUsername: (username) => users.find({ username }),
    insert: users.insert,
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

const sessionCodec = defineCodec<Session, Database['sessions']>()({
  ...asIs('id userId csrfToken createdAt expiresAt'),
});

export function createSessionStore(db: Kysely<Database>): SessionStore {
  const sessions = recordTable(db, 'sessions', sessionCodec);
  return {
    insert: sessions.insert,
    get: sessions.get,
    delete: (id) => sessions.remove({ id }),
    async deleteExpired(nowIso) {
      const r = await db.deleteFrom('sessions').where('expires_at', '<', nowIso).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

const ALL_SCOPES: TokenScope[] = ['write', 'read', 'ingest'];

/** A token made before scopes existed keeps the full access it was issued with. */
const scopes: Conversion<TokenScope[], string | null> = {
  decode: (c) => (c === null ? ALL_SCOPES : (JSON.parse(c) as TokenScope[])),
  encode: (f) => JSON.stringify(f),
};

const tokenCodec = defineCodec<ApiToken, Database['api_tokens']>()({
  ...asIs('id tokenHash userId name createdAt expiresAt revokedAt'),
  scopes: ['scopes', scopes],
  lastUsedAt: 'last_used_at',
});

export function createApiTokenStore(db: Kysely<Database>): ApiTokenStore {
  const tokens = recordTable(db, 'api_tokens', tokenCodec);
  return {
    insert: tokens.insert,
    getByHash: (tokenHash) => tokens.find({ token_hash: tokenHash }),
    get: tokens.get,
    listByUser: (userId) => tokens.list({ user_id: userId }, newestFirst('created_at')),
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

const statusChangeCodec = defineCodec<MineStatusChange, Database['mine_status_changes']>()({
  ...asIs('id mineId'),
  from: 'from_status',
  to: 'to_status',
  ...asIs('event reason basis actorId at'),
});

export function createMineStatusChangeStore(db: Kysely<Database>): MineStatusChangeStore {
  const changes = recordTable(db, 'mine_status_changes', statusChangeCodec);
  return {
    insert: changes.insert,
    listByMine: (mineId) => changes.list({ mine_id: mineId }, newestFirst('at')),
  };
}
