import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { parseValue } from '../http/validate';
import { ReportQuerySchema, VerbatimQuerySchema } from '../../shared/api/report-query';
import { buildReport, searchVerbatims } from './service';

export const reportRoutes = new Hono<AppEnv>()
  .get('/:id/report', requireRole('viewer'), (c) =>
    c.json(buildReport(c.var.deps.db, c.req.param('id'), parseValue(ReportQuerySchema, c.req.query()))))
  .get('/:id/report/verbatims', requireRole('viewer'), (c) => {
    const query = parseValue(VerbatimQuerySchema, c.req.query());
    return c.json(searchVerbatims(c.var.deps.db, c.req.param('id'), query, query.search));
  });
