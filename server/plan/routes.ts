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
  .get('/:id/plan', requireRole('viewer'), (c) => c.json(plans.getPlan(c.var.deps.db, c.req.param('id'))))
  .put('/:id/plan', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SavePlanSchema);
    return c.json(plans.savePlan(c.var.deps.db, c.req.param('id'), input.plan, c.var.user!.id, c.var.deps.clock.now()));
  })
  .post('/:id/waves', requireRole('researcher'), (c) =>
    c.json(plans.openWave(c.var.deps.db, c.req.param('id'), c.var.deps.clock.now()), 201),
  )
  .get('/:id/fieldwork', requireRole('viewer'), (c) =>
    c.json(fieldwork(c.var.deps.db, c.req.param('id'), waveParam(c.req.query('wave')))),
  );
