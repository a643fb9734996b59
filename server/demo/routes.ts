import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { loadDemo } from './service';

export const demoRoutes = new Hono<AppEnv>()
  .post('/', requireRole('researcher'), (c) =>
    c.json(loadDemo(c.var.deps.db, c.var.deps.clock.now(), c.var.user!.id), 201));
