import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerDirectiveRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The directives routes are registered here.
}
