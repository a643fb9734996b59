/**
 * A cross-tab as a CSV laid out like the table on the page: a header of column labels with
 * their letters and Total, then per row category its count, column share and letters, and the
 * chi-square test last. Measure names are codes, as in tables.csv; labels are in the query's language.
 */
import { writeCsv } from '../../http/csv';
import type { CrosstabDto, CrosstabRow } from '../../../shared/api/report-crosstab';

type Line = (string | number | null)[];

/**
 * The cross-tab in tables.csv's long form (section, key, label, measure, value): key is the row
 * variable and category, measure the column's value with what is measured (`business_share`).
 */
export function crosstabLongRows(x: CrosstabDto): Line[] {
  const out: Line[] = [];
  const key = (value: string) => `${x.rows.name}=${value}`;
  for (const r of [...x.body, ...(x.groups ?? [])]) {
    x.columnHeads.forEach((h, k) => {
      out.push(['crosstab', key(r.value), r.label, `${x.columns.name}=${h.value}_count`, r.cells[k].count]);
      out.push(['crosstab', key(r.value), r.label, `${x.columns.name}=${h.value}_share`, r.cells[k].share]);
      if (r.cells[k].higherThan.length)
        out.push([
          'crosstab',
          key(r.value),
          r.label,
          `${x.columns.name}=${h.value}_higher_than`,
          r.cells[k].higherThan.join(' '),
        ]);
    });
  }
  x.columnHeads.forEach((h) => {
    out.push(['crosstab', x.columns.name, h.label, `${h.value}_n`, h.n]);
  });
  if (x.chiSquare) {
    const label = `${x.rows.label} × ${x.columns.label}`;
    out.push(['crosstab', `${x.rows.name}*${x.columns.name}`, label, 'chi_square', x.chiSquare.statistic]);
    out.push(['crosstab', `${x.rows.name}*${x.columns.name}`, label, 'chi_square_df', x.chiSquare.df]);
    out.push(['crosstab', `${x.rows.name}*${x.columns.name}`, label, 'chi_square_p', x.chiSquare.p]);
  }
  return out;
}

export function crosstabCsv(x: CrosstabDto): string {
  const lines: Line[] = [];
  lines.push([x.rows.label, 'measure', ...x.columnHeads.map((h) => `${h.label} (${h.letter})`), 'Total']);
  lines.push(['', 'n', ...x.columnHeads.map((h) => h.n), x.total.n]);
  if (x.weighting) lines.push(['', 'weighted_base', ...x.columnHeads.map((h) => h.base), x.total.base]);
  lines.push(['', 'small_base', ...x.columnHeads.map((h) => (h.smallBase ? 'yes' : 'no')), '']);
  const add = (r: CrosstabRow) => {
    lines.push([r.label, 'count', ...r.cells.map((c) => c.count), r.total.count]);
    lines.push([r.label, 'column_share', ...r.cells.map((c) => c.share), r.total.share]);
    lines.push([r.label, 'higher_than', ...r.cells.map((c) => c.higherThan.join(' ')), '']);
  };
  x.body.forEach(add);
  x.groups?.forEach(add);
  if (x.mean) {
    lines.push(['mean', 'mean', ...x.mean.cells.map((c) => c.mean), x.mean.total.mean]);
    lines.push(['mean', 'sd', ...x.mean.cells.map((c) => c.sd), x.mean.total.sd]);
    lines.push(['mean', 'higher_than', ...x.mean.cells.map((c) => c.higherThan.join(' ')), '']);
  }
  lines.push([]);
  lines.push(['columns', x.columns.label]);
  if (x.chiSquare) {
    lines.push(['chi_square', x.chiSquare.statistic]);
    lines.push(['df', x.chiSquare.df]);
    lines.push(['p', x.chiSquare.p]);
    lines.push(['expected_under_5_share', x.chiSquare.lowExpectedShare]);
  } else lines.push(['chi_square', `none: ${x.chiSquareReason}`]);
  lines.push(['significance_level', x.significanceLevel]);
  if (x.weighting) lines.push(['design_effect', x.weighting.designEffect]);
  return writeCsv(null, lines);
}
