import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { findSession, ROLE_RANK, SESSION_COOKIE, type Role } from './sessions';

/** Reads the session cookie, if any, into c.var.user. Never refuses by itself. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const found = token ? findSession(c.var.deps.db, token, c.var.deps.clock.now()) : null;
  c.set('user', found?.user ?? null);
  c.set('csrf', found?.csrf ?? null);
  await next();
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed in with at least `role`; for state-changing methods also the session's CSRF token in
 * X-CSRF-Token (a cross-site page can't read it, so it can't forge the request).
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) throw new AppError(401, 'unauthenticated', 'sign in first');
    if (!SAFE.has(c.req.method) && c.req.header('x-csrf-token') !== c.var.csrf) {
      throw new AppError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
    }
    if (ROLE_RANK[user.role] < ROLE_RANK[role]) {
      throw new AppError(403, 'forbidden', `this needs the ${role} role`);
    }
    await next();
  };
}
