import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerSupervisionRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The supervision routes are registered here.
}
