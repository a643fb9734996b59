import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { AppError, notFound } from '../http/errors';
import { requireRole } from '../auth/middleware';
import { endSessions, findUser, issueReset, resetMail, RESET_BY_ADMIN_MS } from '../auth/password-resets';
import { mailBase, requestBase } from '../http/links';
import { sendAppMail } from '../collect/mail';
import type { AdminResetResult } from '../../shared/api/passwords';

/**
 * POST /api/users/:id/password-reset: an admin resets someone's password. Their sessions end at
 * once; the link to choose a new password goes to them by e-mail, or, with no SMTP server, to the
 * admin to hand over.
 */
export const userResetRoutes = new Hono<AppEnv>().post('/:id/password-reset', requireRole('admin'), async (c) => {
  const { store, config, clock } = c.var.deps;
  const user = await findUser(store, c.req.param('id'));
  if (!user) throw notFound('user');
  await endSessions(store, user.id);
  const { token, expiresAt } = await issueReset(store, user.id, clock.now(), RESET_BY_ADMIN_MS);
  let body: AdminResetResult;
  if (config.SMTP_URL) {
    const mail = await resetMail(user, `${mailBase(c.var.deps.config)}/reset#${token}`, RESET_BY_ADMIN_MS);
    try {
      await sendAppMail(config, { to: { name: user.name, address: user.email }, ...mail });
    } catch (e) {
      throw new AppError(
        502,
        'mail-failed',
        `the mail server did not take the reset e-mail (${e instanceof Error ? e.message : String(e)}); try again`,
      );
    }
    body = { mailed: true, expiresAt };
  } else {
    body = { mailed: false, url: `${requestBase(c)}/reset#${token}`, expiresAt };
  }
  return c.json(body, 201);
});
