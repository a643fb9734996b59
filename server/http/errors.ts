import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorFields, log } from '../ops/log';
import type { ApiErrorCode, ApiErrorParams, DetailsOf, NotFoundThing } from '../../shared/api/errors';

/**
 * An error meant for the client: its status, a code from the shared list (shared/api/errors.ts)
 * with that code's params, and an English message naming what is wrong for API users.
 */
export class AppError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  readonly params: ApiErrorParams[C] | Record<string, never>;
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: C,
    message: string,
    readonly path?: string,
    /** The list of every fault, for the codes that send one (ApiErrorDetails). */
    readonly details?: DetailsOf<C>,
    params?: ApiErrorParams[C],
  ) {
    super(message);
    this.params = params ?? {};
  }
}

/** A refused field: `path` names it, `rule` says what it breaks (the app words it in the user's language). */
export const badRequest = (
  message: string,
  path?: string,
  details?: undefined,
  rule: ApiErrorParams['invalid']['rule'] = 'rule',
  limit?: number,
) =>
  new AppError(400, 'invalid', message, path, details, {
    field: path ?? '',
    rule,
    ...(limit === undefined ? {} : { limit }),
  });
export const notFound = (what: NotFoundThing) =>
  new AppError(404, 'not-found', `${what} not found`, undefined, undefined, { what });
export const conflict = <C extends ApiErrorCode>(code: C, message: string, params?: ApiErrorParams[C]) =>
  new AppError(409, code, message, undefined, undefined, params);

/** The one error handler: JSON `{ error: { code, params, message, path? } }`, never a stack trace. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const body: Record<string, unknown> = { code: err.code, params: err.params, message: err.message };
    if (err.path !== undefined) body.path = err.path;
    if (err.details !== undefined) body.details = err.details;
    return c.json({ error: body }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'too-large' : status === 401 ? 'unauthenticated' : 'http-error';
    const message = status === 413 ? 'request body is too large' : err.message || 'request refused';
    return c.json({ error: { code, params: {}, message } }, status);
  }
  const requestId: string | undefined = c.get('requestId');
  log.error('request failed', { requestId, method: c.req.method, path: c.req.path, ...errorFields(err) });
  return c.json({ error: { code: 'internal', params: {}, message: 'internal error', requestId } }, 500);
}
