import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerExpertiseRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The expertise routes are registered here.
}
