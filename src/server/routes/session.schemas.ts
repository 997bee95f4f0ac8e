import { z } from 'zod';
import { fields, namedEnum } from '../route-schemas.ts';
import { PERMISSIONS } from '../../core/access/permissions.ts';
import { ROLES, TOKEN_SCOPES } from '../../core/access/types.ts';

/** Answers of the session, token and audit routes (named components of the OpenAPI document). */

export const roleSchema = namedEnum(ROLES, 'Role');
export const permissionSchema = namedEnum(PERMISSIONS, 'Permission');

export const scopeSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('region'), regionId: z.string() }),
    z.object({ kind: z.literal('mine'), mineId: z.string() }),
  ])
  .meta({ id: 'Scope' });

export const sessionUserSchema = z
  .object({
    ...fields.strings('id', 'username', 'displayName'),
    role: roleSchema,
    scope: scopeSchema,
    disabled: z.boolean(),
    ...fields.strings('createdAt', 'scopeName', 'scopeNameEn'),
  })
  .meta({ id: 'SessionUser' });

export const sessionSchema = z
  .object({
    user: sessionUserSchema,
    csrfToken: z.string().nullable(),
    /** What the user's role may do: the web asks these instead of re-deriving roles. */
    permissions: z.array(permissionSchema),
  })
  .meta({ id: 'SessionResponse' });

const tokenScopeSchema = z.enum(TOKEN_SCOPES).meta({ id: 'TokenScope' });

export const tokenViewSchema = z
  .object({
    ...fields.strings('id', 'name'),
    scopes: z.array(tokenScopeSchema),
    createdAt: z.string(),
    ...fields.nullableStrings('expiresAt', 'revokedAt', 'lastUsedAt'),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'TokenView' });

export const createdTokenSchema = z
  .object({
    ...fields.strings('id', 'token', 'name'),
    scopes: z.array(tokenScopeSchema),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedToken' });

export const auditEntrySchema = z
  .object({
    seq: z.number(),
    ...fields.strings('at', 'actorId', 'actorName'),
    actorVia: z.string().optional(),
    ...fields.strings('action', 'targetType', 'targetId'),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const securityEventKindSchema = z
  .enum(['denied', 'login_failed', 'login_refused'])
  .meta({ id: 'SecurityEventKind' });

export const securityEventSchema = z
  .object({
    ...fields.strings('id', 'at'),
    kind: securityEventKindSchema,
    ...fields.nullableStrings('actorId', 'actorName', 'actorVia', 'method', 'route', 'target'),
    status: z.number().nullable(),
    reason: z.string(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'SecurityEvent' });

export const auditVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), entries: z.number(), headHash: z.string() }),
    z.object({
      ok: z.literal(false),
      ...fields.numbers('entries', 'firstBadSeq'),
      problem: z.enum(['hash-mismatch', 'broken-link', 'sequence-gap', 'head-mismatch']),
      message: z.string(),
    }),
  ])
  .meta({ id: 'AuditVerification' });

/** A CSV download (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right). */
export const csvFileSchema = z.string().meta({ description: 'CSV file' });
