import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps, AppEnv } from '../http/context';
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
  .get('/:id/shares', requireRole('researcher'), async (c) =>
    c.json(await c.var.deps.store.run((db) => listShares(db, c.req.param('id')))),
  )
  .post('/:id/shares', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, NewShareSchema);
    const share = await c.var.deps.store.transaction((tx) =>
      createShare(tx, c.req.param('id'), input, c.var.user!.id, c.var.deps.clock.now()),
    );
    return c.json(share, 201);
  })
  .delete('/:id/shares/:shareId', requireRole('researcher'), async (c) =>
    c.json(
      await c.var.deps.store.transaction((tx) =>
        revokeShare(tx, c.req.param('id'), c.req.param('shareId'), c.var.deps.clock.now()),
      ),
    ),
  );

/** The survey and language of a live link, its report's columns readied. */
async function opened(deps: AppDeps, token: string) {
  const link = await deps.store.run((db) => openShare(db, token));
  await prepareReport(deps.store, link.surveyId, deps.config.REPORT_WORKERS_FROM);
  return link;
}

/**
 * The report through a link, signed out: the same figures, filters and cross-tabs as in the app,
 * with the link's language. Respondent-level exports are not offered here; a cross-tab's CSV is
 * the table on the page, with no respondent in it.
 */
export const sharedReportRoutes = new Hono<AppEnv>()
  .get('/:token/report', compress(), async (c) => {
    const { surveyId, lang } = await opened(c.var.deps, c.req.param('token'));
    return c.json({
      ...(await buildReport(c.var.deps.store, surveyId, parseValue(ReportQuerySchema, c.req.query()))),
      lang,
    });
  })
  .get('/:token/report/verbatims', async (c) => {
    const { surveyId } = await opened(c.var.deps, c.req.param('token'));
    const query = parseValue(VerbatimQuerySchema, c.req.query());
    return c.json(await searchVerbatims(c.var.deps.store, surveyId, query, query.search, query));
  })
  .get('/:token/report/crosstab', async (c) => {
    const { surveyId, lang } = await opened(c.var.deps, c.req.param('token'));
    const query = parseValue(CrosstabQuerySchema, c.req.query());
    return c.json(await buildCrosstab(c.var.deps.store, surveyId, query, lang));
  })
  .get('/:token/export/crosstab.csv', async (c) => {
    const { surveyId, lang } = await opened(c.var.deps, c.req.param('token'));
    const query = parseValue(CrosstabQuerySchema, c.req.query());
    const csv = crosstabCsv(await buildCrosstab(c.var.deps.store, surveyId, query, lang));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="crosstab.csv"',
    });
  });
