import { z } from 'zod';
import { requirePermission } from '../../core/access/permissions.ts';
import type { Principal } from '../../core/access/types.ts';
import {
  AUDIT_EXPORT_MAX,
  AUDIT_PAGE_MAX,
  auditCsv,
  searchAuditLog,
  searchSecurityLog,
  securityCsv,
} from '../../core/audit/audit-log-read.ts';
import { verifyAuditLog } from '../../core/audit/verify-audit-log.ts';
import { itemsOf } from '../route-schemas.ts';
import { routeModule } from '../route-kit.ts';
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

type LogSearch = ReturnType<typeof toSearch>;

const toSearch = (q: z.infer<typeof filterQuery>, limit: number) => ({
  ...(q.from ? { fromIso: q.from } : {}),
  ...(q.to ? { toIso: q.to } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.kind ? { kind: q.kind } : {}),
  limit,
});

export const registerAuditRoutes = routeModule(['audit'], (route, { ports }) => {
  route.get(
    '/api/audit/verify',
    {
      summary: 'Verify the hash chain of the whole audit log (province regulators).',
      response: auditVerificationSchema,
    },
    ({ principal }) => {
      requirePermission(principal, 'audit.verify');
      return verifyAuditLog(ports);
    },
  );

  /** A page of one of the logs, newest first, with the filters of `filterQuery`. */
  const logPage = <R extends z.ZodType>(
    url: string,
    summary: string,
    item: R,
    search: (principal: Principal, filter: LogSearch) => Promise<Array<z.input<R>>>,
  ) =>
    route.get(
      url,
      { summary, query: filterQuery, response: itemsOf(item) },
      async ({ principal, query }) => ({
        items: await search(principal, toSearch(query, query.limit)),
      }),
    );

  logPage(
    '/api/audit/entries',
    'Audit entries, newest first: who did what, with which credential. Filters: from/to (ISO), actor (id or name), kind (an action, or a prefix ending in ".").',
    auditEntrySchema,
    (p, filter) => searchAuditLog(ports, p, filter),
  );

  logPage(
    '/api/audit/security-events',
    'Security events, newest first: refused requests (actor, route, target, reason), failed and throttled logins. kind: denied | login_failed | login_refused.',
    securityEventSchema,
    (p, filter) => searchSecurityLog(ports, p, filter),
  );

  route.get(
    '/api/audit/export.csv',
    {
      summary: `The audit entries or the security events (source) as CSV, with the same filters (at most ${AUDIT_EXPORT_MAX} rows).`,
      query: filterQuery.extend({ source: z.enum(['audit', 'security']).default('audit') }),
      produces: ['text/csv'],
      response: csvFileSchema,
    },
    async ({ principal: p, query, reply }) => {
      const search = toSearch(query, AUDIT_EXPORT_MAX);
      const csv =
        query.source === 'audit'
          ? auditCsv(await searchAuditLog(ports, p, search))
          : securityCsv(await searchSecurityLog(ports, p, search));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="redline-${query.source}-log.csv"`)
        .send(`\uFEFF${csv}`);
    },
  );
});
