import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { LoginThrottle } from '../core/access/login-throttle.ts';
import type { PasswordHasher, Ports, Secrets } from '../core/ports.ts';
import type { LiveHub } from '../monitoring/live-hub.ts';
import type { MonitoringRuntime } from '../monitoring/monitoring-runtime.ts';
import type { MonitoringSink } from '../monitoring/monitoring-sink.ts';
import {
  EmbeddedMonitoringView,
  type MonitoringCommands,
  type MonitoringView,
} from '../monitoring/monitoring-view.ts';
import { StoredMonitoringView } from '../monitoring/stored-monitoring-view.ts';
import { DomainError } from '../core/errors.ts';
import { isApiPath, registerAuth, routePathOf } from './auth.ts';
import { registerErrorMapping, registerNotFound } from './error-mapping.ts';
import { SecurityRecorder } from './security-recorder.ts';
import { errorResponses } from './route-schemas.ts';
import { transformOpenApiObject } from './openapi-document.ts';
import { registerAuditRoutes } from './routes/audit.routes.ts';
import { registerHazardRoutes } from './routes/hazards/hazards.routes.ts';
import { registerMonitoringProposalRoutes } from './routes/hazards/monitoring-proposals.routes.ts';
import { registerOrderRoutes } from './routes/orders/orders.routes.ts';
import { registerSupervisionRoutes } from './routes/supervision/supervision.routes.ts';
import { registerDirectiveRoutes } from './routes/directives/directives.routes.ts';
import { registerExpertiseRoutes } from './routes/expertise/expertise.routes.ts';
import { registerClosureRoutes } from './routes/closure/closure.routes.ts';
import { registerAccidentRoutes } from './routes/accidents/accidents.routes.ts';
import { registerBriefingRoutes } from './routes/briefing/briefing.routes.ts';
import { registerIngestRoutes } from './routes/ingest/ingest.routes.ts';
import { registerAlarmConsoleRoutes } from './routes/monitoring/alarm-console.routes.ts';
import { registerAlarmRoutes } from './routes/monitoring/alarms.routes.ts';
import { registerLiveRoutes } from './routes/monitoring/live.routes.ts';
import { registerPointRoutes } from './routes/monitoring/points.routes.ts';
import { registerEvidenceRoutes } from './routes/monitoring/evidence.routes.ts';
import { registerMineImportRoutes } from './routes/registry/mine-import.routes.ts';
import { registerMineRoutes } from './routes/registry/mines.routes.ts';
import { registerSessionRoutes } from './routes/session.routes.ts';
import { registerTodayRoutes } from './routes/today/today.routes.ts';
import { registerSearchRoutes } from './routes/search/search.routes.ts';
import { registerMineOverviewRoutes } from './routes/registry/mine-overview.routes.ts';
import { registerAlarmLinkRoutes } from './routes/monitoring/alarm-links.routes.ts';
import { registerNotificationRoutes } from './routes/notifications/notifications.routes.ts';
import { registerStoppedRoutes } from './routes/stopped/stopped.routes.ts';

export interface AppDeps {
  ports: Ports;
  hasher: PasswordHasher;
  secrets: Secrets;
  config: { sessionTtlMs: number; cookieSecure: boolean };
  /** Directory of the built web UI; when missing, only the API is served. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Failed-login throttle (default: 5 failures per user or address within 15 min lock them for 15 min). */
  loginThrottle?: LoginThrottle;
  /** The monitoring pipeline and its live feed; absent when monitoring does not run in this process. */
  monitoring?: MonitoringDeps;
  /** Where hazard evidence files are kept (content-addressed by SHA-256); a temporary directory when absent. */
  evidenceDir?: string;
  /** Records refused requests and logins, rate-limited (default: 30 a minute per actor, 600 in all). */
  securityRecorder?: SecurityRecorder;
  /** Rows one list export may hold (default EXPORT_ROW_CAP in list-export-route.ts). */
  exportRowCap?: number;
}

export interface MonitoringDeps {
  /** The monitoring runtime, when it runs in this process (the embedded mode); routes never use it. */
  runtime?: MonitoringRuntime;
  /** Where the ingestion routes hand data: the runtime, or JetStream on a gateway. */
  sink: MonitoringSink;
  /** What the monitoring routes read and the commands they send: the engine, or the database. */
  view: MonitoringView;
  hub: LiveHub;
  /** The demo simulator's scenario control, when the simulator runs. */
  scenarios?: ScenarioControl;
}

/** Monitoring deps for the embedded mode: the runtime serves as the ingestion sink and the view. */
export function embeddedMonitoring(
  runtime: MonitoringRuntime,
  hub: LiveHub,
  scenarios?: ScenarioControl,
): MonitoringDeps {
  return {
    runtime,
    sink: runtime,
    view: new EmbeddedMonitoringView(runtime),
    hub,
    ...(scenarios ? { scenarios } : {}),
  };
}

/**
 * Monitoring deps for a stateless API server: the routes read the database and send commands through
 * `commands` (to the worker owning the mine); `hub` carries the live feed, `sink` the ingested data.
 */
export function storedMonitoring(deps: {
  ports: Pick<Ports, 'mines' | 'monitoring'>;
  commands: MonitoringCommands;
  hub: LiveHub;
  sink: MonitoringSink;
  scenarios?: ScenarioControl;
}): MonitoringDeps {
  return {
    sink: deps.sink,
    view: new StoredMonitoringView({ ports: deps.ports, commands: deps.commands }),
    hub: deps.hub,
    ...(deps.scenarios ? { scenarios: deps.scenarios } : {}),
  };
}

/** Starting scripted incidents in the demo simulator. */
export interface ScenarioControl {
  available(): Array<{ name: string; timeline: Array<{ offsetMs: number; what: string }> }>;
  active(): Array<{ name: string; mineId: string; mineName: string; startedAtMs: number }>;
  /**
   * Starts a scenario on a mine, or on a suitable one the simulator picks among those `isAllowed`
   * accepts (the caller's scope); returns what started.
   */
  start(
    name: string,
    mineId: string | null,
    isAllowed: (mineId: string) => boolean,
  ): Promise<{
    name: string;
    mineId: string;
    mineName: string;
    startedAtMs: number;
    timeline: Array<{ offsetMs: number; what: string }>;
  }>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/** The Swagger UI page runs an inline initialiser script and inline styles; nothing from elsewhere. */
const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
/** A slow client's headers must arrive within this; a whole request body within REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 60_000;

const JSON_CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** Builds the HTTP application without listening, so tests can `inject` requests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    genReqId: () => `req-${deps.secrets.newToken().slice(0, 12)}`,
    // On close, connections still open (an idle keep-alive, a client that stopped mid-request, a live
    // feed) are closed, so a graceful stop cannot hang on them.
    forceCloseConnections: true,
    // A body trickled in slowly cannot hold a connection (and its memory) for minutes.
    requestTimeout: REQUEST_TIMEOUT_MS,
  });
  app.server.headersTimeout = HEADERS_TIMEOUT_MS;
  // JSON bodies are decoded by their declared charset (a gateway on zh-CN Windows may send GB18030);
  // an unknown charset is refused clearly instead of being read as UTF-8.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const charset = /;\s*charset=("?)([^";\s]+)\1/i
      .exec(req.headers['content-type'] ?? '')?.[2]
      ?.toLowerCase();
    const decoder = charset === undefined ? 'utf-8' : JSON_CHARSETS[charset];
    if (!decoder) {
      done(
        new DomainError(
          'InvalidInput',
          'UNSUPPORTED_CHARSET',
          `The body's charset "${charset}" is not supported; send UTF-8 or GB18030.`,
          { charset },
        ),
      );
      return;
    }
    let text: string;
    try {
      text = new TextDecoder(decoder, { fatal: true }).decode(body as Buffer);
    } catch {
      done(
        new DomainError('InvalidInput', 'BODY_NOT_DECODABLE', `The body is not valid ${decoder} text.`, {
          charset: decoder,
        }),
      );
      return;
    }
    void parseJson(req, text, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorMapping(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Redline API',
        description:
          'Coal mine safety supervision platform. Errors: { error: { code, message, requestId } }.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'redline_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Response schemas named with `.meta({ id })` become components (named types in the web client).
    transformObject: transformOpenApiObject,
  });
  // Every API route answers errors in one shape: declared once here for all of them.
  app.addHook('onRoute', (route) => {
    if (!isApiPath(route.url) || route.url.startsWith('/api/docs')) return;
    const schema = route.schema ?? {};
    if (schema.hide === true) return;
    route.schema = { ...schema, response: { ...errorResponses, ...(schema.response as object | undefined) } };
  });
  // The browsable API page is public, like the OpenAPI document it renders.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    const path = routePathOf(req);
    reply.header('content-security-policy', path.startsWith('/api/docs') ? DOCS_CSP : CSP);
    if (deps.config.cookieSecure)
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Nothing answered to a known caller (CSRF token, exports, records) may sit in a shared cache.
    if (req.principal || isApiPath(path)) reply.header('cache-control', 'no-store');
    return payload;
  });

  registerAuth(app, deps.ports);
  const recorder = deps.securityRecorder ?? new SecurityRecorder(deps.ports);
  app.decorate('securityRecorder', recorder);
  // Refused requests go to the security log a province regulator reads (logins record their own).
  app.addHook('onResponse', async (req, reply) => {
    const status = reply.statusCode;
    if (status !== 401 && status !== 403 && status !== 429) return;
    const route = routePathOf(req);
    if (!isApiPath(route) || route === '/api/session') return;
    const p = req.principal;
    const params = req.params as Record<string, unknown> | undefined;
    recorder.record(p ? `user:${p.userId}` : `ip:${req.ip}`, {
      kind: 'denied',
      actorId: p?.userId ?? null,
      actorName: p?.displayName ?? null,
      actorVia: p ? (p.token ? `token:${p.token.id}` : 'session') : null,
      method: req.method,
      route,
      target: params && Object.keys(params).length > 0 ? JSON.stringify(params).slice(0, 300) : null,
      status,
      reason: req.errorCode ?? `HTTP ${status}`,
      ip: req.ip,
    });
  });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness.',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    () => ({
      status: 'ok',
    }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  registerSessionRoutes(app, deps);
  registerMineRoutes(app, deps);
  registerMineImportRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerIngestRoutes(app, deps);
  registerAlarmRoutes(app, deps);
  registerAlarmConsoleRoutes(app, deps);
  registerPointRoutes(app, deps);
  registerEvidenceRoutes(app, deps);
  registerLiveRoutes(app, deps);
  registerHazardRoutes(app, deps);
  registerMonitoringProposalRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerStoppedRoutes(app, deps);
  registerSupervisionRoutes(app, deps);
  registerDirectiveRoutes(app, deps);
  registerExpertiseRoutes(app, deps);
  registerClosureRoutes(app, deps);
  registerAccidentRoutes(app, deps);
  registerBriefingRoutes(app, deps);
  registerTodayRoutes(app, deps);
  registerSearchRoutes(app, deps);
  registerMineOverviewRoutes(app, deps);
  registerAlarmLinkRoutes(app, deps);
  registerNotificationRoutes(app, deps);

  const webRoot = deps.webRoot ? resolve(deps.webRoot) : null;
  const spa = webRoot !== null && existsSync(resolve(webRoot, 'index.html'));
  // Files are looked up at request time, so a rebuilt UI is served without a restart.
  if (spa) await app.register(fastifyStatic, { root: webRoot, index: ['index.html'] });
  registerNotFound(app, spa);
  return app;
}
