import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  HTTPMethods,
} from 'fastify';
import { z } from 'zod';
import type { Principal } from '../core/access/types.ts';
import type { AppDeps } from './app.ts';
import { principalOf } from './auth.ts';
import { registerListExport, type ListExportSpec } from './list-export-route.ts';
import { idParams } from './route-schemas.ts';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** The success statuses a route answers with; the kit sets it, the handler returns the body. */
type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * One route as data: what the OpenAPI document says about it (summary, schemas, the answer and its
 * status) and what the auth hook reads before anything runs (`permission`, `tokenScope`, `public`).
 */
export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, R extends z.ZodType> {
  summary: string;
  description?: string;
  /** The module's tags unless the route names its own. */
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's schema, for `status` (default 200); none for streams that declare no body. */
  response?: R;
  status?: SuccessStatus;
  /** Content types of the answer, for routes that send files. */
  produces?: string[];
  /** Auth contract (auth.ts): the permission checked before the body is read, the token need, public. */
  config?: FastifyContextConfig;
}

/** What a handler gets: the caller, the validated request parts, and the raw request and reply. */
export interface RouteCall<P extends Schema, Q extends Schema, B extends Schema> {
  /** The authenticated caller (read it only on routes that are not public). */
  readonly principal: Principal;
  readonly params: Parsed<P>;
  readonly query: Parsed<Q>;
  readonly body: Parsed<B>;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
}

/** The answer's body; a route answering no body (204, `null`) may return nothing. */
type Answer<R extends z.ZodType> = null extends z.input<R> ? z.input<R> | void : z.input<R>;

export type RouteHandler<P extends Schema, Q extends Schema, B extends Schema, R extends z.ZodType> = (
  call: RouteCall<P, Q, B>,
) => Promise<Answer<R>> | Answer<R>;

type Declare = <
  R extends z.ZodType = z.ZodUnknown,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
>(
  url: string,
  spec: RouteSpec<P, Q, B, R>,
  handler: RouteHandler<P, Q, B, R>,
) => void;

/** One action on a record: `action(verb, { summary, body?, status? }, run)` declares `POST <base>/<verb>`. */
export type RecordAction<P extends z.ZodType, R extends z.ZodType> = <B extends Schema = undefined>(
  verb: string,
  spec: { summary: string; body?: B; status?: SuccessStatus },
  run: (principal: Principal, params: z.output<P>, body: Parsed<B>) => Promise<z.input<R>>,
) => void;

/** A module's routes: `route.get(url, spec, handler)` and likewise post, put, patch, delete. */
export interface RouteKit {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
  /** A list's export route (list-export-route.ts), under the module's tags unless it names its own. */
  listExport<F extends z.ZodRawShape, Row>(
    spec: Omit<ListExportSpec<F, Row>, 'tags'> & { tags?: string[] },
  ): void;
  /**
   * The actions on one record (a hazard's steps, a plan's decisions): each is `POST <base>/<verb>` with
   * the record's path parameters, runs one use case and answers the record under its name, `{ [key] }`.
   */
  recordActions<P extends z.ZodType, R extends z.ZodType>(
    base: string,
    params: P,
    key: string,
    record: R,
  ): RecordAction<P, R>;
  /**
   * `GET <url>` of one record by its `:id` path parameter: runs one use case and answers the record
   * under its name, `{ [key] }`.
   */
  getOne<R extends z.ZodType>(
    url: string,
    spec: { summary: string; key: string; record: R },
    load: (principal: Principal, id: string) => Promise<z.input<R>>,
  ): void;
  /**
   * `POST <url>` creating one record: runs one use case with the body and answers 201 with the record
   * under its name, `{ [key] }`.
   */
  create<R extends z.ZodType, B extends z.ZodType>(
    url: string,
    spec: { summary: string; body: B; key: string; record: R },
    run: (principal: Principal, body: z.output<B>) => Promise<z.input<R>>,
  ): void;
  /**
   * Routes that read their body their own way (raw bytes, NDJSON): `setup` prepares a plugin scope (its
   * content-type parsers) and `declare` declares the routes in it with a kit of the same module.
   */
  withBody(setup: (scoped: FastifyInstance) => void, declare: (route: RouteKit) => void): void;
  /** The app, for the routes that register plugins or reach its decorations. */
  app: FastifyInstance;
}

/**
 * The one way a route module declares its routes: each route is its URL, its spec (summary, zod schemas
 * of params / query / body, the answer and its status, the auth contract) and a handler that turns the
 * validated request into the use case's call. The kit writes the Fastify route — the module's tags, the
 * OpenAPI schema, the status — so route modules stay a list of thin, one-call handlers.
 */
export function routeKit(app: FastifyInstance, deps: AppDeps, tags: string[]): RouteKit {
  const declare =
    (method: HTTPMethods): Declare =>
    (url, spec, handler) => {
      const status = spec.status ?? 200;
      const schema: FastifySchema = {
        tags: spec.tags ?? tags,
        summary: spec.summary,
        ...(spec.description !== undefined ? { description: spec.description } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.body ? { body: spec.body } : {}),
        ...(spec.response ? { response: { [status]: spec.response } } : {}),
        ...(spec.produces ? { produces: spec.produces } : {}),
      };
      // Validation and serialisation run through the app's zod compilers; the spec types the handler.
      app.route({
        method,
        url,
        ...(spec.config ? { config: spec.config } : {}),
        schema,
        handler: async (req, reply) => {
          const call = {
            get principal() {
              return principalOf(req);
            },
            params: req.params,
            query: req.query,
            body: req.body,
            req,
            reply,
          } as unknown as RouteCall<never, never, never>;
          const answer = await handler(call);
          // A handler that sends the answer itself (a file, a stream) returns the reply.
          if (answer === reply) return reply;
          if (status === 204) return reply.status(204).send(null);
          if (status !== 200) reply.status(status);
          return answer;
        },
      });
    };
  const post = declare('POST');
  const get = declare('GET');
  return {
    get,
    post,
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
    recordActions: (base, params, key, record) => (verb, spec, run) =>
      post(`${base}/${verb}`, { ...spec, params, response: z.object({ [key]: record }) }, async (call) => ({
        [key]: await run(call.principal, call.params as z.output<typeof params>, call.body as never),
      })),
    getOne: (url, { key, record, summary }, load) =>
      get(url, { summary, params: idParams, response: z.object({ [key]: record }) }, async (call) => ({
        [key]: await load(call.principal, call.params.id),
      })),
    create: (url, { key, record, ...spec }, run) =>
      post(url, { ...spec, response: z.object({ [key]: record }), status: 201 }, async (call) => ({
        [key]: await run(call.principal, call.body as z.output<typeof spec.body>),
      })),
    withBody: (setup, declareRoutes) =>
      void app.register((scoped, _opts, done) => {
        setup(scoped);
        declareRoutes(routeKit(scoped, deps, tags));
        done();
      }),
    listExport: (spec) => registerListExport(app, deps, { ...spec, tags: spec.tags ?? tags }),
    app,
  };
}

/** A route module: its tags and the routes it declares with the kit; called as `(app, deps)` by app.ts. */
export function routeModule(
  tags: string[],
  declare: (route: RouteKit, deps: AppDeps) => void,
): (app: FastifyInstance, deps: AppDeps) => void {
  return (app, deps) => declare(routeKit(app, deps, tags), deps);
}
