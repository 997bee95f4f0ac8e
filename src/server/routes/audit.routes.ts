import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../core/access/permissions.ts';
import {
  AUDIT_EXPORT_MAX,
  AUDIT_PAGE_MAX,
  auditCsv,
  searchAuditLog,
  searchSecurityLog,
  securityCsv,
} from '../../core/audit/audit-log-read.ts';
import { verifyAuditLog } from '../../core/audit/verify-audit-log.ts';
import type { AppDeps } from '../app.ts';
import { principalOf } from '../auth.ts';
import {
  auditEntrySchema,
  auditVerificationSchema,
  csvFileSchema,
  securityEventSchema,
} from './session.schemas.ts';

const filterQuery = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  actor: z.string().max(80).optional(),
  kind: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(200),
});

const toSearch = (q: z.infer<typeof filterQuery>, limit: number) => ({
  ...(q.from ? { fromIso: q.from } : {}),
  ...(q.to ? { toIso: q.to } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.kind ? { kind: q.kind } : {}),
  limit,
});

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { ports } = deps;
  r.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole audit log (province regulators).',
        response: { 200: auditVerificationSchema },
      },
    },
    async (req) => {
      requirePermission(principalOf(req), 'audit.verify');
      return verifyAuditLog(deps.ports);
    },
  );

  r.get(
    '/api/audit/entries',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Audit entries, newest first: who did what, with which credential. Filters: from/to (ISO), actor (id or name), kind (an action, or a prefix ending in ".").',
        querystring: filterQuery,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }) },
      },
    },
    async (req) => ({
      items: await searchAuditLog(ports, principalOf(req), toSearch(req.query, req.query.limit)),
    }),
  );

  r.get(
    '/api/audit/security-events',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Security events, newest first: refused requests (actor, route, target, reason), failed and throttled logins. kind: denied | login_failed | login_refused.',
        querystring: filterQuery,
        response: { 200: z.object({ items: z.array(securityEventSchema) }) },
      },
    },
    async (req) => ({
      items: await searchSecurityLog(ports, principalOf(req), toSearch(req.query, req.query.limit)),
    }),
  );

  r.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary: `The audit entries or the security events (source) as CSV, with the same filters (at most ${AUDIT_EXPORT_MAX} rows).`,
        querystring: filterQuery.extend({ source: z.enum(['audit', 'security']).default('audit') }),
        produces: ['text/csv'],
        response: { 200: csvFileSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const search = toSearch(req.query, AUDIT_EXPORT_MAX);
      const csv =
        req.query.source === 'audit'
          ? auditCsv(await searchAuditLog(ports, p, search))
          : securityCsv(await searchSecurityLog(ports, p, search));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="redline-${req.query.source}-log.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
}
