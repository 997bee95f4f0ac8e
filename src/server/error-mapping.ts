import type { FastifyError, FastifyInstance } from 'fastify';
import type { DomainErrorKind } from '../core/errors.ts';
import { isDomainError } from '../core/errors.ts';

/** The one place where domain error kinds become HTTP status codes (see docs/errors.md). */
export const STATUS_BY_KIND: Readonly<Record<DomainErrorKind, number>> = {
  InvalidInput: 400,
  Unauthenticated: 401,
  NotAllowed: 403,
  NotFound: 404,
  Conflict: 409,
  Unavailable: 503,
  RateLimited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The code of the error the request was answered with (the security log records it). */
    errorCode: string | null;
  }
}

export function registerErrorMapping(app: FastifyInstance): void {
  app.decorateRequest('errorCode', null);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const requestId = req.id;
    if (isDomainError(err)) {
      req.errorCode = err.code;
      const body: ErrorBody = { error: { code: err.code, message: err.message, requestId } };
      if (err.details) body.error.details = err.details;
      if (err.kind === 'RateLimited' && typeof err.details?.retryAfterS === 'number') {
        reply.header('retry-after', String(err.details.retryAfterS));
      }
      return reply.status(STATUS_BY_KIND[err.kind]).send(body);
    }
    if (err.validation) {
      const issues = err.validation.map((v) => ({
        field: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `The request is not valid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
          requestId,
          details: { issues },
        },
      } satisfies ErrorBody);
    }
    // Fastify's own client errors (bad JSON, body too large, unsupported media type).
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({
        error: { code: err.code ?? 'BAD_REQUEST', message: err.message, requestId },
      } satisfies ErrorBody);
    }
    req.log.error({ err, requestId }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on the server. The error was logged; quote the request id to support.',
        requestId,
      },
    } satisfies ErrorBody);
  });
}

/**
 * Unknown routes answer ROUTE_NOT_FOUND. With the web UI served (`spa`), a page URL — a GET outside
 * /api and /assets — gets index.html instead, because the UI routes on the client.
 */
export function registerNotFound(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    const isPage =
      spa && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/');
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: { code: 'ROUTE_NOT_FOUND', message: `No route ${req.method} ${req.url}.`, requestId: req.id },
    } satisfies ErrorBody);
  });
}
