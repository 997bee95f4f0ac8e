import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../core/access/permissions.ts';
import { verifyAuditLog } from '../../core/audit/verify-audit-log.ts';
import type { AppDeps } from '../app.ts';
import { principalOf } from '../auth.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole audit log (province regulators).',
      },
    },
    async (req) => {
      requirePermission(principalOf(req), 'audit.verify');
      return verifyAuditLog(deps.ports);
    },
  );
}
