import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerAccidentRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The accidents routes are registered here.
}
