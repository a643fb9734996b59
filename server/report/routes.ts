import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { parseJson, parseValue } from '../http/validate';
import { ExportQuerySchema, ReportQuerySchema, VerbatimQuerySchema } from '../../shared/api/report-query';
import { CrosstabQuerySchema, TablesQuerySchema } from '../../shared/api/report-crosstab';
import { badRequest } from '../http/errors';
import { buildReport, prepareReport, searchVerbatims } from './service';
import { metrics } from '../ops/metrics';
import { buildCrosstab } from './crosstab/service';
import { crosstabCsv, crosstabLongRows } from './export/crosstab';
import { exportResponses, exportTables, type ResponseFormat } from './export/service';
import { saveLoyaltyValueInputs } from './settings';
import { LoyaltyValueInputsSchema } from '../../shared/api/report-settings';

const TYPES: Record<ResponseFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sps: 'text/plain; charset=utf-8',
};

/** After the role check, so only those allowed to read a report can set its first build going. */
const ready = createMiddleware<AppEnv>(async (c, next) => {
  await prepareReport(c.var.deps.store, c.req.param('id')!, c.var.deps.config.REPORT_WORKERS_FROM);
  await next();
});

const attachment = (filename: string) => ({ 'content-disposition': `attachment; filename="${filename}"` });

async function responses(c: Context<AppEnv>, format: ResponseFormat) {
  const { body, filename } = await exportResponses(
    c.var.deps.store,
    c.req.param('id')!,
    parseValue(ExportQuerySchema, c.req.query()),
    format,
  );
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': TYPES[format],
    ...attachment(filename),
  });
}

export const reportRoutes = new Hono<AppEnv>()
  .get('/:id/report', requireRole('viewer'), ready, compress(), async (c) => {
    const started = performance.now();
    try {
      return c.json(
        await buildReport(c.var.deps.store, c.req.param('id'), parseValue(ReportQuerySchema, c.req.query())),
      );
    } finally {
      metrics.reportBuildSeconds.observe((performance.now() - started) / 1000);
    }
  })
  .get('/:id/report/verbatims', requireRole('viewer'), ready, async (c) => {
    const query = parseValue(VerbatimQuerySchema, c.req.query());
    return c.json(await searchVerbatims(c.var.deps.store, c.req.param('id'), query, query.search, query));
  })
  .get('/:id/report/crosstab', requireRole('viewer'), ready, async (c) =>
    c.json(await buildCrosstab(c.var.deps.store, c.req.param('id'), parseValue(CrosstabQuerySchema, c.req.query()))),
  )
  .get('/:id/export/crosstab.csv', requireRole('viewer'), ready, async (c) => {
    const table = await buildCrosstab(
      c.var.deps.store,
      c.req.param('id'),
      parseValue(CrosstabQuerySchema, c.req.query()),
    );
    return c.body(crosstabCsv(table), 200, {
      'content-type': TYPES.csv,
      ...attachment(`crosstab-${c.req.param('id')}.csv`),
    });
  })
  .get('/:id/export/tables.csv', requireRole('viewer'), ready, async (c) => {
    const query = parseValue(TablesQuerySchema, c.req.query());
    if (!query.rows !== !query.columns) {
      const missing = query.rows ? 'columns' : 'rows';
      throw badRequest(`${missing}: is required to add a cross-tab (name both rows and columns, or neither)`, missing);
    }
    const crosstab =
      query.rows && query.columns
        ? await buildCrosstab(c.var.deps.store, c.req.param('id'), {
            ...query,
            rows: query.rows,
            columns: query.columns,
          })
        : null;
    const csv = await exportTables(
      c.var.deps.store,
      c.req.param('id'),
      query,
      crosstab ? crosstabLongRows(crosstab) : [],
    );
    return c.body(csv, 200, { 'content-type': TYPES.csv, ...attachment(`report-${c.req.param('id')}.csv`) });
  })
  // The figures every reader of the report starts the loyalty-value estimate from.
  .put('/:id/report/loyalty-value', requireRole('researcher'), async (c) => {
    const inputs = await parseJson(c, LoyaltyValueInputsSchema);
    return c.json({
      loyaltyValue: await c.var.deps.store.transaction((tx) =>
        saveLoyaltyValueInputs(tx, c.req.param('id'), inputs, c.var.user!.id, c.var.deps.clock.now()),
      ),
    });
  })
  .delete('/:id/report/loyalty-value', requireRole('researcher'), async (c) =>
    c.json({
      loyaltyValue: await c.var.deps.store.transaction((tx) =>
        saveLoyaltyValueInputs(tx, c.req.param('id'), null, c.var.user!.id, c.var.deps.clock.now()),
      ),
    }),
  )
  // Respondent-level data is the researcher's: a viewer (manager) reads the report, not the rows.
  .get('/:id/export/responses.csv', requireRole('researcher'), ready, (c) => responses(c, 'csv'))
  .get('/:id/export/responses.xlsx', requireRole('researcher'), ready, (c) => responses(c, 'xlsx'))
  .get('/:id/export/responses.sps', requireRole('researcher'), ready, (c) => responses(c, 'sps'));
