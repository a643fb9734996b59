/**
 * Password change, reset by e-mail, and signing out everywhere (mounted beside ./routes.ts under
 * /api/auth). A changed password ends every session of the user; the device that changed it gets
 * a fresh one.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { parseJson } from '../http/validate';
import { rateLimit } from '../http/rate-limit';
import { sendAppMail } from '../collect/mail';
import {
  ChangePasswordSchema,
  ResetCompleteSchema,
  ResetRequestSchema,
  type SignedIn,
} from '../../shared/api/passwords';
import { requireRole } from './middleware';
import { createSession, SESSION_COOKIE, type SessionUser } from './sessions';
import {
  changePassword,
  completeReset,
  endSessions,
  issueReset,
  resetMail,
  resetRecentlyIssued,
  RESET_BY_MAIL_MS,
} from './password-resets';
import * as usersService from '../users/service';
import { mailBase } from '../http/links';

async function signIn(c: Context<AppEnv>, user: SessionUser): Promise<SignedIn> {
  const { store, clock, config } = c.var.deps;
  const { token, csrfToken } = await createSession(store, user.id, clock.now(), config.SESSION_DAYS);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.COOKIE_SECURE === '1',
    maxAge: config.SESSION_DAYS * 86_400,
  });
  // The audit log records the action under the user it signed in.
  c.set('user', user);
  return { user, csrf: csrfToken };
}

// Each is a scrypt check or a mail: ten a minute per IP, as for signing in.
const passwordLimit = rateLimit('passwords', () => 10);

export const passwordRoutes = new Hono<AppEnv>()
  .post('/password', passwordLimit, requireRole('viewer'), async (c) => {
    const input = await parseJson(c, ChangePasswordSchema);
    await changePassword(c.var.deps.store, c.var.user!.id, input.currentPassword, input.newPassword);
    return c.json(await signIn(c, c.var.user!));
  })
  .post('/logout-everywhere', requireRole('viewer'), async (c) => {
    await endSessions(c.var.deps.store, c.var.user!.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .post('/password-reset', passwordLimit, async (c) => {
    const input = await parseJson(c, ResetRequestSchema);
    const { store, config, clock } = c.var.deps;
    if (!config.SMTP_URL)
      throw new AppError(409, 'no-mail', 'this server sends no e-mail: ask an administrator for a reset link');
    const row = await usersService.findByEmail(store, input.email);
    if (row && !(await resetRecentlyIssued(store, row.id, clock.now()))) {
      const { token } = await issueReset(store, row.id, clock.now(), RESET_BY_MAIL_MS);
      const mail = await resetMail(row, `${mailBase(c.var.deps.config)}/reset#${token}`, RESET_BY_MAIL_MS);
      // Sent after answering, and the same answer for an unknown address: nobody learns who has an account.
      sendAppMail(config, { to: { name: row.name, address: row.email }, ...mail }).catch((e: unknown) =>
        console.error(`password reset mail to ${row.email} failed:`, e instanceof Error ? e.message : e),
      );
    }
    return c.json({ sent: true }, 202);
  })
  .post('/password-reset/complete', passwordLimit, async (c) => {
    const input = await parseJson(c, ResetCompleteSchema);
    const user = await completeReset(c.var.deps.store, input.token, input.password, c.var.deps.clock.now());
    return c.json(await signIn(c, user));
  });
