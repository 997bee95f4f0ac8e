import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerOrderRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The orders routes are registered here.
}
