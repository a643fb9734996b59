import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { buildReport } from './service';

export const reportRoutes = new Hono<AppEnv>()
  .get('/:id/report', requireRole('viewer'), (c) => c.json(buildReport(c.var.deps.db, c.req.param('id'))));
