import { z } from 'zod';
import { namedEnum } from '../route-schemas.ts';
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
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    scope: scopeSchema,
    disabled: z.boolean(),
    createdAt: z.string(),
    scopeName: z.string(),
    scopeNameEn: z.string(),
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
    id: z.string(),
    name: z.string(),
    scopes: z.array(tokenScopeSchema),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'TokenView' });

export const createdTokenSchema = z
  .object({
    id: z.string(),
    token: z.string(),
    name: z.string(),
    scopes: z.array(tokenScopeSchema),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedToken' });

export const auditEntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    actorVia: z.string().optional(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const securityEventKindSchema = z
  .enum(['denied', 'login_failed', 'login_refused'])
  .meta({ id: 'SecurityEventKind' });

export const securityEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: securityEventKindSchema,
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorVia: z.string().nullable(),
    method: z.string().nullable(),
    route: z.string().nullable(),
    target: z.string().nullable(),
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
      entries: z.number(),
      firstBadSeq: z.number(),
      problem: z.enum(['hash-mismatch', 'broken-link', 'sequence-gap', 'head-mismatch']),
      message: z.string(),
    }),
  ])
  .meta({ id: 'AuditVerification' });

/** A CSV download (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese right). */
export const csvFileSchema = z.string().meta({ description: 'CSV file' });
