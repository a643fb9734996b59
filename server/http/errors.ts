import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorFields, log } from '../ops/log';

/** An error meant for the client: its status, a stable code, a message naming what is wrong. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, path?: string, details?: unknown) =>
  new AppError(400, 'invalid', message, path, details);
export const notFound = (what: string) => new AppError(404, 'not-found', `${what} not found`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** The one error handler: JSON `{ error: { code, message, path? } }`, never a stack trace. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof AppError) {
    const body: Record<string, unknown> = { code: err.code, message: err.message };
    if (err.path !== undefined) body.path = err.path;
    if (err.details !== undefined) body.details = err.details;
    return c.json({ error: body }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'too-large' : status === 401 ? 'unauthenticated' : 'http-error';
    const message = status === 413 ? 'request body is too large' : err.message || 'request refused';
    return c.json({ error: { code, message } }, status);
  }
  const requestId: string | undefined = c.get('requestId');
  log.error('request failed', { requestId, method: c.req.method, path: c.req.path, ...errorFields(err) });
  return c.json({ error: { code: 'internal', message: 'internal error', requestId } }, 500);
}
