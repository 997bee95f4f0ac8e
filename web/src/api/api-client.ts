import createClient from 'openapi-fetch';
import type { ErrorBody, paths } from './generated/api-schema.ts';

/** A failed API call: the server's error body, or a synthetic one for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  /** The error's `details` (e.g. the roles that may sign, the step whose turn it is), when it has any. */
  readonly details: Record<string, unknown> | null;

  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | null,
    details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

/** Codes the client makes up itself, when there is no server answer to show. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const BAD_RESPONSE = 'BAD_RESPONSE';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Mutating requests carry this token (from login or the session) in `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request other than the session calls answers 401: the session has ended. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

/** The ApiError of a server's error body, with its `details` when they are an object. */
function errorOf(status: number, body: ErrorBody): ApiError {
  const { details } = body.error;
  const detailsObject =
    typeof details === 'object' && details !== null && !Array.isArray(details)
      ? (details as Record<string, unknown>)
      : null;
  return new ApiError(status, body.error.code, body.error.message, body.error.requestId, detailsObject);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Session calls handle 401 themselves (it means "show the login page", not "session expired"). */
  isSessionCall?: boolean;
}

/** Sends one API request and returns its JSON body, or throws ApiError. */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e), null);
  }
  const body = await readJson(res);
  if (!res.ok) {
    if (res.status === 401 && options.isSessionCall !== true) onUnauthenticated?.();
    if (isErrorBody(body)) {
      throw errorOf(res.status, body);
    }
    throw new ApiError(res.status, BAD_RESPONSE, `HTTP ${res.status}`, res.headers.get('x-request-id'));
  }
  return body as T;
}

/** The ApiError for a failed answer's parsed body (for the few calls that do not go through `request`). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return errorOf(status, body);
  return new ApiError(status, BAD_RESPONSE, `HTTP ${status}`, null);
}

/** Builds `path?query` from the non-empty values. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/**
 * The typed API client, generated from the server's OpenAPI document (web/src/api/generated): paths,
 * parameters, bodies and answers are checked against the route schemas at compile time.
 */
export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // Resolved at call time, so the session's CSRF token and a test's fetch are always the current ones.
  fetch: (req: Request) => fetch(req),
});
api.use({
  onRequest({ request: req }) {
    if (req.method !== 'GET' && csrfToken !== null) req.headers.set('x-csrf-token', csrfToken);
    return req;
  },
});

/** The answer of a typed call, or ApiError (as `request` throws) for an error answer or a network failure. */
export async function answerOf<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
  options: Pick<RequestOptions, 'isSessionCall'> = {},
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e), null);
  }
  const { response } = result;
  if (!response.ok) {
    if (response.status === 401 && options.isSessionCall !== true) onUnauthenticated?.();
    const body = result.error;
    if (isErrorBody(body)) throw errorOf(response.status, body);
    throw new ApiError(
      response.status,
      BAD_RESPONSE,
      `HTTP ${response.status}`,
      response.headers.get('x-request-id'),
    );
  }
  return result.data as T;
}

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON answer of a GET path (for `useApiData<ApiAnswer<'/api/tokens'>>`), from the generated types. */
export type ApiAnswer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: infer R } };
}
  ? JsonOf<R>
  : never;

/** The JSON answer of a POST path (201 or 200), from the generated types. */
export type ApiPostAnswer<P extends keyof paths> = paths[P] extends {
  post: { responses: infer Rs };
}
  ? Rs extends { 201: infer R }
    ? JsonOf<R>
    : Rs extends { 200: infer R }
      ? JsonOf<R>
      : never
  : never;

/** The query parameters of a GET path, from the generated types. */
export type ApiQuery<P extends keyof paths> = paths[P] extends {
  get: { parameters: { query?: infer Q } };
}
  ? NonNullable<Q>
  : never;
