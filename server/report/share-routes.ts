import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { parseJson, parseValue } from '../http/validate';
import { NewShareSchema, ReportQuerySchema, VerbatimQuerySchema } from '../../shared/api/report-query';
import { CrosstabQuerySchema } from '../../shared/api/report-crosstab';
import { buildReport, prepareReport, searchVerbatims } from './service';
import { buildCrosstab } from './crosstab/service';
import { crosstabCsv } from './export/crosstab';
import { createShare, listShares, openShare, revokeShare } from './shares';

/** Managing a survey's report links (researchers). */
export const shareRoutes = new Hono<AppEnv>()
  .get('/:id/shares', requireRole('researcher'), (c) => c.json(listShares(c.var.deps.db, c.req.param('id'))))
  .post('/:id/shares', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, NewShareSchema);
    return c.json(createShare(c.var.deps.db, c.req.param('id'), input, c.var.user!.id, c.var.deps.clock.now()), 201);
  })
  .delete('/:id/shares/:shareId', requireRole('researcher'), (c) =>
    c.json(revokeShare(c.var.deps.db, c.req.param('id'), c.req.param('shareId'), c.var.deps.clock.now())),
  );

/**
 * The report through a link, signed out: the same figures, filters and cross-tabs as in the app,
 * with the link's language. Respondent-level exports are not offered here; a cross-tab's CSV is
 * the table on the page, with no respondent in it.
 */
export const sharedReportRoutes = new Hono<AppEnv>()
  .get('/:token/report', compress(), async (c) => {
    const { surveyId, lang } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId, c.var.deps.config.REPORT_WORKERS_FROM);
    return c.json({ ...buildReport(c.var.deps.db, surveyId, parseValue(ReportQuerySchema, c.req.query())), lang });
  })
  .get('/:token/report/verbatims', async (c) => {
    const { surveyId } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId, c.var.deps.config.REPORT_WORKERS_FROM);
    const query = parseValue(VerbatimQuerySchema, c.req.query());
    return c.json(searchVerbatims(c.var.deps.db, surveyId, query, query.search, query));
  })
  .get('/:token/report/crosstab', async (c) => {
    const { surveyId, lang } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId, c.var.deps.config.REPORT_WORKERS_FROM);
    const query = parseValue(CrosstabQuerySchema, c.req.query());
    return c.json(await buildCrosstab(c.var.deps.db, surveyId, query, lang));
  })
  .get('/:token/export/crosstab.csv', async (c) => {
    const { surveyId, lang } = openShare(c.var.deps.db, c.req.param('token'));
    await prepareReport(c.var.deps.db, surveyId, c.var.deps.config.REPORT_WORKERS_FROM);
    const query = parseValue(CrosstabQuerySchema, c.req.query());
    const csv = crosstabCsv(await buildCrosstab(c.var.deps.db, surveyId, query, lang));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="crosstab.csv"',
    });
  });
