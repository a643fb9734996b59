import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { parseJson } from '../http/validate';
import { rateLimit } from '../http/rate-limit';
import { AcceptInviteSchema, LoginSchema, SetupSchema, UpdateMeSchema, type AuthState } from '../../shared/api/auth';
import { verifyPassword } from './passwords';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions';
import { requireRole } from './middleware';
import { countAttempt, signedIn } from './account-limit';
import * as usersService from '../users/service';

async function startSession(c: Context<AppEnv>, userId: string) {
  const { store, clock, config } = c.var.deps;
  const { token, csrfToken } = await createSession(store, userId, clock.now(), config.SESSION_DAYS);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.COOKIE_SECURE === '1',
    maxAge: config.SESSION_DAYS * 86_400,
  });
  return csrfToken;
}

// Ten tries a minute per IP slows password guessing to a crawl without bothering real people.
const loginLimit = rateLimit('sign-in', () => 10);

export const authRoutes = new Hono<AppEnv>()
  .get('/state', async (c) => {
    const body: AuthState = {
      setupNeeded: (await usersService.userCount(c.var.deps.store)) === 0,
      user: c.var.user,
      csrf: c.var.csrf,
    };
    return c.json(body);
  })
  .post('/setup', loginLimit, async (c) => {
    const input = await parseJson(c, SetupSchema);
    const user = await usersService.createFirstAdmin(c.var.deps.store, input, c.var.deps.clock.now());
    return c.json({ user, csrf: await startSession(c, user.id) }, 201);
  })
  .post('/login', loginLimit, async (c) => {
    const input = await parseJson(c, LoginSchema);
    await countAttempt(c, input.email);
    const row = await usersService.findByEmail(c.var.deps.store, input.email);
    const ok = await verifyPassword(input.password, row?.passwordHash ?? null);
    if (!row || !ok) throw new AppError(401, 'bad-credentials', 'wrong e-mail or password');
    await signedIn(c, input.email);
    const { passwordHash: _omit, ...user } = row;
    return c.json({ user, csrf: await startSession(c, user.id) });
  })
  .post('/accept-invite', loginLimit, async (c) => {
    const input = await parseJson(c, AcceptInviteSchema);
    const user = await usersService.acceptInvite(c.var.deps.store, input, c.var.deps.clock.now());
    return c.json({ user, csrf: await startSession(c, user.id) }, 201);
  })
  .post('/logout', requireRole('viewer'), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.deps.store, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .patch('/me', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, UpdateMeSchema);
    return c.json(await usersService.updateMe(c.var.deps.store, c.var.user!.id, input));
  });
