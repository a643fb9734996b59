import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { loadDemos } from './service';

export const demoRoutes = new Hono<AppEnv>().post('/', requireRole('researcher'), async (c) =>
  c.json(await loadDemos(c.var.deps, c.var.deps.clock.now(), c.var.user!.id), 201),
);
