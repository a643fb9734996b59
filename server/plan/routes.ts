import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { badRequest } from '../http/errors';
import { requireRole } from '../auth/middleware';
import { SavePlanSchema } from '../../shared/api/plan';
import * as plans from './service';
import { fieldwork } from './fieldwork';

function waveParam(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw badRequest('wave: must be a wave number (1, 2, …)', 'wave');
  return Number(raw);
}

/** The research plan, its waves and the fieldwork it drives; mounted at /api/surveys. */
export const planRoutes = new Hono<AppEnv>()
  .get('/:id/plan', requireRole('viewer'), async (c) =>
    c.json(await c.var.deps.store.run((db) => plans.getPlan(db, c.req.param('id')))),
  )
  .put('/:id/plan', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SavePlanSchema);
    const id = c.req.param('id');
    const userId = c.var.user!.id;
    const now = c.var.deps.clock.now();
    return c.json(await c.var.deps.store.transaction((tx) => plans.savePlan(tx, id, input.plan, userId, now)));
  })
  .post('/:id/waves', requireRole('researcher'), async (c) => {
    const id = c.req.param('id');
    const now = c.var.deps.clock.now();
    return c.json(await c.var.deps.store.transaction((tx) => plans.openWave(tx, id, now)), 201);
  })
  .get('/:id/fieldwork', requireRole('viewer'), async (c) => {
    const wave = waveParam(c.req.query('wave'));
    return c.json(await c.var.deps.store.run((db) => fieldwork(db, c.req.param('id'), wave)));
  });
