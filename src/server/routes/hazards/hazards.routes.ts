import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerHazardRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The hazards routes are registered here.
}
