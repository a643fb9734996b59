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

function startSession(c: Context<AppEnv>, userId: string) {
  const { db, clock, config } = c.var.deps;
  const { token, csrfToken } = createSession(db, userId, clock.now(), config.SESSION_DAYS);
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
  .get('/state', (c) => {
    const body: AuthState = {
      setupNeeded: usersService.userCount(c.var.deps.db) === 0,
      user: c.var.user,
      csrf: c.var.csrf,
    };
    return c.json(body);
  })
  .post('/setup', loginLimit, async (c) => {
    const input = await parseJson(c, SetupSchema);
    const user = await usersService.createFirstAdmin(c.var.deps.db, input, c.var.deps.clock.now());
    return c.json({ user, csrf: startSession(c, user.id) }, 201);
  })
  .post('/login', loginLimit, async (c) => {
    const input = await parseJson(c, LoginSchema);
    countAttempt(c, input.email);
    const row = usersService.findByEmail(c.var.deps.db, input.email);
    const ok = await verifyPassword(input.password, row?.passwordHash ?? null);
    if (!row || !ok) throw new AppError(401, 'bad-credentials', 'wrong e-mail or password');
    signedIn(c, input.email);
    const { passwordHash: _omit, ...user } = row;
    return c.json({ user, csrf: startSession(c, user.id) });
  })
  .post('/accept-invite', loginLimit, async (c) => {
    const input = await parseJson(c, AcceptInviteSchema);
    const user = await usersService.acceptInvite(c.var.deps.db, input, c.var.deps.clock.now());
    return c.json({ user, csrf: startSession(c, user.id) }, 201);
  })
  .post('/logout', requireRole('viewer'), (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) deleteSession(c.var.deps.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .patch('/me', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, UpdateMeSchema);
    return c.json(usersService.updateMe(c.var.deps.db, c.var.user!.id, input));
  });
