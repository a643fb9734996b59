import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { InviteSchema, NewUserSchema, UpdateUserSchema } from '../../shared/api/auth';
import * as users from './service';
import { requestBase } from '../http/links';

export const userRoutes = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', (c) => c.json(users.listUsers(c.var.deps.db)))
  .post('/', async (c) => {
    const input = await parseJson(c, NewUserSchema);
    return c.json(await users.createUser(c.var.deps.db, input, c.var.deps.clock.now()), 201);
  })
  .post('/invites', async (c) => {
    const input = await parseJson(c, InviteSchema);
    const invite = users.createInvite(c.var.deps.db, input, c.var.user!.id, c.var.deps.clock.now());
    return c.json({ ...invite, url: `${requestBase(c)}/invite#${invite.token}` }, 201);
  })
  .patch('/:id', async (c) => {
    const input = await parseJson(c, UpdateUserSchema);
    return c.json(users.updateRole(c.var.deps.db, c.req.param('id'), input.role, c.var.user!.id));
  })
  .delete('/:id', (c) => {
    users.deleteUser(c.var.deps.db, c.req.param('id'), c.var.user!.id);
    return c.body(null, 204);
  });
