import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { findSession, SESSION_COOKIE } from './sessions';
import { hasRole, type Role } from '../../shared/api/auth';
import { API_TOKEN_PREFIX, userOfApiToken } from './api-tokens';

/**
 * Reads who is calling into c.var.user: an API token (`Authorization: Bearer ys_…`) or else the
 * session cookie. Never refuses by itself; a bearer that is no valid token leaves nobody signed in.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const user = await userOfApiToken(c.var.deps.store, bearer, c.var.deps.clock.now());
    c.set('user', user);
    c.set('csrf', null);
    c.set('authVia', user ? 'token' : null);
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  const found = token ? await findSession(c.var.deps.store, token, c.var.deps.clock.now()) : null;
  c.set('user', found?.user ?? null);
  c.set('csrf', found?.csrf ?? null);
  c.set('authVia', found ? 'session' : null);
  await next();
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed in with at least `role`; for state-changing methods with a session cookie also the
 * session's CSRF token in X-CSRF-Token (a cross-site page can't read it, so it can't forge the
 * request). An API token needs none: a browser never adds an Authorization header on its own.
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) throw new AppError(401, 'unauthenticated', 'sign in first');
    if (c.var.authVia === 'session' && !SAFE.has(c.req.method) && c.req.header('x-csrf-token') !== c.var.csrf) {
      throw new AppError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
    }
    if (!hasRole(user.role, role)) {
      throw new AppError(403, 'forbidden', `this needs the ${role} role`);
    }
    await next();
  };
}
