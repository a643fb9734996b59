import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { parseJson } from '../http/validate';
import { NewApiTokenSchema } from '../../shared/api/api-tokens';
import { requireRole } from './middleware';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';

/** A signed-in user's own API tokens. Making one needs a browser session: a token can't mint others. */
export const apiTokenRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), async (c) => c.json(await listApiTokens(c.var.deps.store, c.var.user!.id)))
  .post('/', requireRole('viewer'), async (c) => {
    if (c.var.authVia !== 'session')
      throw new AppError(
        403,
        'session-required',
        'API tokens are made by a signed-in user in the app, not with another token',
      );
    const input = await parseJson(c, NewApiTokenSchema);
    return c.json(await createApiToken(c.var.deps.store, c.var.user!, input, c.var.deps.clock.now()), 201);
  })
  .delete('/:id', requireRole('viewer'), async (c) => {
    await revokeApiToken(c.var.deps.store, c.var.user!.id, c.req.param('id'));
    return c.body(null, 204);
  });
