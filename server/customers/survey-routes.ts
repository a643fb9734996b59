/**
 * The register's routes under /api/surveys/:id: drawing invitations from it (researchers; viewers
 * read the record), the report's customer value, and opening a case from its at-risk list.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { DrawRequestSchema, OpenCaseSchema } from '../../shared/customers/schema';
import { drawSample, listDraws } from './draws';
import { customerValueReport } from './report-value';
import { openCaseOnResponse } from './open-case';
import { ensureValues } from './value';

export const customerSurveyRoutes = new Hono<AppEnv>()
  .get('/:id/draws', requireRole('viewer'), async (c) =>
    c.json(await c.var.deps.store.run((db) => listDraws(db, c.req.param('id')))),
  )
  .post('/:id/draws', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, DrawRequestSchema);
    const result = await drawSample(c.var.deps.store, c.req.param('id'), input, c.var.user!.id, c.var.deps.clock.now());
    return c.json(result, input.preview ? 200 : 201);
  })
  .get('/:id/report/customer-value', requireRole('viewer'), async (c) => {
    await ensureValues(c.var.deps.store, c.var.deps.clock.now());
    return c.json(await c.var.deps.store.run((db) => customerValueReport(db, c.req.param('id'), c.var.user!)));
  })
  .post('/:id/cases', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, OpenCaseSchema);
    const opened = await c.var.deps.store.transaction((tx) =>
      openCaseOnResponse(tx, c.req.param('id'), input.responseId, c.var.user!.id, c.var.deps.clock.now()),
    );
    return c.json(opened, opened.created ? 201 : 200);
  });
