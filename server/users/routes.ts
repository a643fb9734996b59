import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { InviteSchema, NewUserSchema, UpdateUserSchema } from '../../shared/api/auth';
import * as users from './service';
import { requestBase } from '../http/links';

export const userRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json(await users.listUsers(c.var.deps.store)))
  .post('/', async (c) => {
    const input = await parseJson(c, NewUserSchema);
    return c.json(await users.createUser(c.var.deps.store, input, c.var.deps.clock.now()), 201);
  })
  .post('/invites', async (c) => {
    const input = await parseJson(c, InviteSchema);
    const invite = await users.createInvite(c.var.deps.store, input, c.var.user!.id, c.var.deps.clock.now());
    return c.json({ ...invite, url: `${requestBase(c)}/invite#${invite.token}` }, 201);
  })
  .patch('/:id', async (c) => {
    const input = await parseJson(c, UpdateUserSchema);
    return c.json(await users.updateRole(c.var.deps.store, c.req.param('id'), input.role, c.var.user!.id));
  })
  .delete('/:id', async (c) => {
    await users.deleteUser(c.var.deps.store, c.req.param('id'), c.var.user!.id);
    return c.body(null, 204);
  });
