import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { parseJson, parseValue } from '../http/validate';
import { NewShareSchema, ReportQuerySchema, VerbatimQuerySchema } from '../../shared/api/report-query';
import { buildReport, prepareReport, searchVerbatims } from './service';
import { createShare, listShares, openShare, revokeShare } from './shares';

/** Managing a survey's report links (researchers). */
export const shareRoutes = new Hono<AppEnv>()
  .get('/:id/shares', requireRole('researcher'), (c) => c.json(listShares(c.var.deps.db, c.req.param('id'))))
  .post('/:id/shares', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, NewShareSchema);
    return c.json(createShare(c.var.deps.db, c.req.param('id'), input, c.var.user!.id, c.var.deps.clock.now()), 201);
  })
  .delete('/:id/shares/:shareId', requireRole('researcher'), (c) =>
    c.json(revokeShare(c.var.deps.db, c.req.param('id'), c.req.param('shareId'), c.var.deps.clock.now())));

/**
 * The report through a link, signed out: the same figures and filters as in the app, with the
 * link's language. Respondent-level exports are not offered here.
 */
export const sharedReportRoutes = new Hono<AppEnv>()
  .get('/:token/report', compress(), async (c) => {
    const { surveyId, lang } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId);
    return c.json({ ...buildReport(c.var.deps.db, surveyId, parseValue(ReportQuerySchema, c.req.query())), lang });
  })
  .get('/:token/report/verbatims', async (c) => {
    const { surveyId } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId);
    const query = parseValue(VerbatimQuerySchema, c.req.query());
    return c.json(searchVerbatims(c.var.deps.db, surveyId, query, query.search));
  });
