import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerClosureRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The closure routes are registered here.
}
