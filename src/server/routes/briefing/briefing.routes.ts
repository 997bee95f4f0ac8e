import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';

export function registerBriefingRoutes(_app: FastifyInstance, _deps: AppDeps): void {
  // The briefing routes are registered here.
}
