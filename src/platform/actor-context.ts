import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which credential the current request acts through, so the audit store can record it on every entry
 * without each use case passing it along. Set by the server around each route handler.
 */
export interface ActorContext {
  userId: string;
  /** `session` or `token:<id>`. */
  via: string;
}

const storage = new AsyncLocalStorage<ActorContext>();

export function runAsActor<T>(ctx: ActorContext, work: () => T): T {
  return storage.run(ctx, work);
}

/**
 * The credential of the current request when the entry's actor is that request's user (a queued job
 * of another user running in this context is never attributed to this credential).
 */
export function credentialFor(actorId: string): string | undefined {
  const ctx = storage.getStore();
  return ctx && ctx.userId === actorId ? ctx.via : undefined;
}
