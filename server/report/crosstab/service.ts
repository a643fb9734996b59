import { badRequest } from '../../http/errors';
import { createTranslator, loadAppMessages, type Locale } from '../../../shared/i18n';
import { interfaceLocale } from '../../../shared/survey/survey-language';
import type { CrosstabDto, CrosstabQuery, CrosstabRow } from '../../../shared/api/report-crosstab';
import { SIGNIFICANCE_LEVEL } from '../../../shared/api/report-research';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import type { Store } from '../../db/store';
import { weightedSelection } from '../service';
import { resolveAxis } from './axis';
import { codedQuestions } from '../../coding/variables';
import { chiSquare, columnHeads, count, means, row } from './table';

/** NPS groups by the standard cut-offs (Reichheld 2003), as rows of points 0–10. */
const NPS_GROUPS = [
  { value: 'detractors', key: 'report.detractors', from: 0, to: 6 },
  { value: 'passives', key: 'report.passives', from: 7, to: 8 },
  { value: 'promoters', key: 'report.promoters', from: 9, to: 10 },
] as const;

/**
 * The cross-tab of two variables over the responses the report's query selects and weights
 * (the same selection and weights as the report), with labels in `query.lang`, else in
 * `linkLang` (a share link's), else in the survey's default language.
 */
export async function buildCrosstab(
  store: Store,
  surveyId: string,
  query: CrosstabQuery,
  linkLang?: string,
): Promise<CrosstabDto> {
  const { def, cols, sel, quotas, weighting } = await weightedSelection(store, surveyId, query);
  const lang = query.lang ?? linkLang ?? def.defaultLanguage;
  const locale: Locale = interfaceLocale(lang);
  const t = createTranslator(locale, await loadAppMessages(locale));
  const coded = [query.rows, query.columns].some((x) => x.startsWith('coded:'))
    ? await codedQuestions(store, surveyId, def, cols)
    : undefined;
  const ctx = { def, cols, sel, quotas, lang, t, coded };
  const rows = resolveAxis(query.rows, 'rows', ctx);
  const columns = resolveAxis(query.columns, 'columns', ctx);
  if (query.rows === query.columns)
    throw badRequest('columns: is the same variable as rows; pick two different ones', 'columns');
  const counted = count(rows, columns, sel);
  const heads = columnHeads(columns, counted);
  const totalBase = counted.total.base;
  const body = rows.categories.map((cat, r) =>
    row(cat.value, cat.label, 'category', counted.cells[r], counted.total.cells[r], heads, totalBase),
  );
  let groups: CrosstabRow[] | null = null;
  if (rows.variable.kind === 'nps') {
    groups = NPS_GROUPS.map((g) => {
      const counts = heads.map((_, k) => sumRows(counted.cells, g.from, g.to, k));
      const total = Array.from(counted.total.cells.subarray(g.from, g.to + 1)).reduce((a, b) => a + b, 0);
      return row(g.value, t(g.key), 'group', counts, total, heads, totalBase);
    });
  }
  const test = chiSquare(rows, columns, counted, weighting !== null);
  return {
    rows: rows.variable,
    columns: columns.variable,
    columnHeads: heads,
    total: { n: counted.total.n, base: totalBase },
    body,
    groups,
    mean: means(counted, heads),
    multipleRows: rows.type === 'multi',
    chiSquare: test.chiSquare,
    chiSquareReason: test.reason,
    weighting: weighting
      ? { method: weighting.method, designEffect: weighting.designEffect, effectiveN: weighting.effectiveN }
      : null,
    significanceLevel: SIGNIFICANCE_LEVEL,
    smallBase: SMALL_BASE,
  };
}

function sumRows(cells: Float64Array[], from: number, to: number, col: number): number {
  let s = 0;
  for (let r = from; r <= to; r++) s += cells[r][col];
  return s;
}
