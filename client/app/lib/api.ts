/**
 * The app's one way to the server: JSON in and out, the session's CSRF token on every write, and
 * errors turned into ApiError so screens can react to a code instead of parsing text. Each call
 * names a route of the API contract (shared/api/contract) by its method and path template, so a
 * route that doesn't exist, a missing parameter or a body of the wrong shape fails to compile, and
 * the answer's type comes from the contract rather than from the caller.
 */
import type * as v from 'valibot';
import type { ApiRoutes } from '../../../shared/api/contract';
import type { Answer, AnswerKind, Method, ParamsOf } from '../../../shared/api/contract/define';
import type { ApiErrorCode, ApiErrorDetails, ApiErrorParams } from '../../../shared/api/errors';

type Key = keyof ApiRoutes & string;
/** The path templates of `M` routes whose answer is one of `kinds`. */
type PathOf<M extends Method, Kinds extends AnswerKind = AnswerKind> = {
  [K in Key]: K extends `${M} ${infer P}` ? (ApiRoutes[K]['answer'] extends Answer<unknown, Kinds> ? P : never) : never;
}[Key];
type RouteOf<M extends Method, P extends string> = ApiRoutes[`${M} ${P}` & Key];

type ParamsInit<P extends string> = keyof ParamsOf<P> extends never ? { params?: never } : { params: ParamsOf<P> };
type BodyInit<R> = R extends { body: infer S extends v.GenericSchema } ? { body: v.InferInput<S> } : { body?: never };
/** A query's values as the route's schema takes them (numbers are written out); or prepared params. */
type QueryInit<R> = R extends { query: infer S extends v.GenericSchema }
  ? { query?: { [K in keyof v.InferInput<S>]?: v.InferInput<S>[K] | number } | URLSearchParams }
  : { query?: never };
type Init<M extends Method, P extends string> = ParamsInit<P> & BodyInit<RouteOf<M, P>> & QueryInit<RouteOf<M, P>>;
/** The init argument, optional when nothing in it is required. */
type Args<M extends Method, P extends string> = object extends Init<M, P> ? [init?: Init<M, P>] : [init: Init<M, P>];
type Result<M extends Method, P extends string> = RouteOf<M, P>['answer'] extends Answer<infer T> ? T : never;

interface AnyInit {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined> | URLSearchParams;
  body?: unknown;
}

/** A route's address with its parameters filled in (encoded) and its query appended. */
function urlOf(path: string, init: AnyInit = {}): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(init.params?.[name] ?? ''));
  const query =
    init.query instanceof URLSearchParams
      ? init.query
      : new URLSearchParams(
          Object.entries(init.query ?? {}).flatMap(([k, x]) => (x === undefined || x === '' ? [] : [[k, String(x)]])),
        );
  const q = query.toString();
  return q ? `${filled}?${q}` : filled;
}

/** An answer the server refused, or a network failure (status 0, code "network"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where the server says the fault is, e.g. `definition.pages[0].questions[1].options`. */
    readonly path?: string,
    readonly details?: unknown,
    /** The code's params (shared/api/errors.ts), from which the app words the error. */
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The params the server sends with `code` (partial: an older server may leave some out), or undefined. */
  paramsOf<C extends ApiErrorCode>(code: C): Partial<ApiErrorParams[C]> | undefined {
    return this.code === code ? (this.params as Partial<ApiErrorParams[C]>) : undefined;
  }

  /** The details the server sends with `code` (shared/api/errors.ts), or undefined for another code. */
  detailsOf<C extends keyof ApiErrorDetails>(code: C): ApiErrorDetails[C] | undefined {
    // The server's AppError only carries details of the type its code has in ApiErrorDetails.
    return this.code === code ? (this.details as ApiErrorDetails[C]) : undefined;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

/** The token from /api/auth/state or the sign-in answer; the server rejects writes without it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the session has ended on the server (expired, signed out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (
      data as {
        error?: { code?: string; message?: string; path?: string; details?: unknown; params?: Record<string, unknown> };
      } | null
    )?.error;
    const error = new ApiError(
      res.status,
      e?.code ?? 'http-error',
      e?.message ?? res.statusText,
      e?.path,
      e?.details,
      e?.params ?? {},
    );
    // The sign-in call itself answers 401 for a wrong password; that is not a lost session.
    if (res.status === 401 && error.code === 'unauthenticated') onUnauthenticated();
    throw error;
  }
  return data as T;
}

/**
 * A write sent as the page unloads (closing the tab, reloading): the browser finishes it after the
 * page is gone. Browsers cap such bodies at 64 KB; a larger one is not sent.
 */
function sendOnUnload<P extends PathOf<'PUT', 'json'>>(path: P, ...args: Args<'PUT', P>) {
  const init = (args[0] ?? {}) as AnyInit;
  const payload = JSON.stringify(init.body);
  if (payload.length > 60_000) return;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  void fetch(urlOf(path, init), {
    method: 'PUT',
    headers,
    body: payload,
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => undefined);
}

function call<M extends Method>(method: M) {
  return <P extends PathOf<M, 'json' | 'empty'>>(path: P, ...args: Args<M, P>): Promise<Result<M, P>> => {
    // Read as unknown[]: over every method and path at once, the args' union is too large for the compiler.
    const init = ((args as unknown[])[0] ?? {}) as AnyInit;
    // Writes without a body of their own still send JSON, as the server's checks expect.
    const body = init.body ?? (method === 'POST' ? {} : undefined);
    return request<Result<M, P>>(method, urlOf(path, init), body);
  };
}

/** Calls by method: `api.get('/api/surveys/:id', { params: { id } })`. */
export const api = {
  sendOnUnload,
  get: call('GET'),
  post: call('POST'),
  put: call('PUT'),
  patch: call('PATCH'),
  delete: call('DELETE'),
};

/** The address of a GET route for a link, a download or a frame: `apiUrl('/api/surveys/:id/qr.svg', { params })`. */
export function apiUrl<P extends PathOf<'GET'>>(path: P, ...args: Args<'GET', P>): string {
  return urlOf(path, (args[0] ?? {}) as AnyInit);
}
