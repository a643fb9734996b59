import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { AppError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host an Origin header names, or null when it names none (`null`, `not a url`, `http://`). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Belt and braces beside the CSRF token: a browser always sends Origin on cross-site writes. A
 * sandboxed frame or a `file:` page sends `Origin: null`, which names no site, so it is refused
 * like any other site rather than trusted.
 */
export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (!SAFE.has(c.req.method) && origin) {
    const host = hostOf(origin);
    if (host === null)
      throw new AppError(
        403,
        'cross-origin',
        `the Origin header "${origin.slice(0, 100)}" names no site; requests from sandboxed frames and files are not accepted`,
      );
    if (host !== (c.req.header('host') ?? new URL(c.req.url).host))
      throw new AppError(403, 'cross-origin', 'cross-origin requests are not accepted');
  }
  await next();
};
