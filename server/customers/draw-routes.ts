/** Inviting a survey's sample from the register (mounted under /api/surveys): researchers draw, viewers read the record. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { DrawRequestSchema } from '../../shared/customers/schema';
import { drawSample, listDraws } from './draws';

export const customerDrawRoutes = new Hono<AppEnv>()
  .get('/:id/draws', requireRole('viewer'), async (c) => c.json(await listDraws(c.var.deps.db, c.req.param('id'))))
  .post('/:id/draws', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, DrawRequestSchema);
    const result = await drawSample(c.var.deps.db, c.req.param('id'), input, c.var.user!.id, c.var.deps.clock.now());
    return c.json(result, input.preview ? 200 : 201);
  });
