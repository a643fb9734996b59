/**
 * Counting a cross-tab in one pass over the selected responses, and its tests: Pearson's
 * chi-square on the whole table, and per row the pairwise column tests behind the letters. With
 * weights the cells are weighted; each column is tested at its own Kish effective size (Σw)²/Σw²
 * (a column of heavily weighted respondents counts for fewer than it holds, a column of light
 * ones for no more than it holds), and the chi-square carries Rao–Scott's first-order correction
 * computed from each cell's and margin's design effect.
 */
import type {
  ChiSquareReading,
  CrosstabCell,
  CrosstabColumn,
  CrosstabMeanCell,
  CrosstabRow,
  NoChiSquare,
} from '../../../shared/api/report-crosstab';
import { SIGNIFICANCE_LEVEL } from '../../../shared/api/report-research';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import {
  chiSquareTest,
  kishEffectiveSize,
  pairwiseMeans,
  pairwiseProportions,
  raoScottChiSquare,
} from '../../../shared/stats';
import type { Selection } from '../selection';
import type { Axis } from './axis';

/** A, B, … Z, AA, AB…: spreadsheet column names, so any number of columns gets a letter. */
export function letterOf(k: number): string {
  let s = '';
  for (let x = k + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The categories of `axis` that response `slot` is in, written into `out`; how many, or −1 unanswered. */
function categoriesOf(axis: Axis, slot: number, out: Int32Array): number {
  if (axis.type === 'coded') {
    const k = axis.categoryOf(slot);
    if (k < 0) return -1;
    out[0] = k;
    return 1;
  }
  if (!axis.answered[slot]) return -1;
  let m = 0;
  for (let k = 0; k < axis.chosen.length; k++) if (axis.chosen[k][slot]) out[m++] = k;
  return m;
}

interface Sums {
  n: number;
  w: number;
  ww: number;
  wx: number;
  wxx: number;
}

export interface Counted {
  /** [row][column] weighted counts. */
  cells: Float64Array[];
  /** [row][column] sums of squared weights, for the cells' design effects. */
  squared: Float64Array[];
  colN: Float64Array;
  colBase: Float64Array;
  /** Per column, Σw² of its respondents: with colBase, Kish's effective size of the column. */
  colSquared: Float64Array;
  total: { n: number; base: number; squared: number; cells: Float64Array };
  /** Per column, then the total: the row variable's weighted sums, for a scale row variable. */
  sums: Sums[] | null;
}

export function count(rows: Axis, columns: Axis, sel: Selection): Counted {
  const r = rows.categories.length;
  const c = columns.categories.length;
  const cells = Array.from({ length: r }, () => new Float64Array(c));
  const squared = Array.from({ length: r }, () => new Float64Array(c));
  const colN = new Float64Array(c);
  const colBase = new Float64Array(c);
  const colSquared = new Float64Array(c);
  const totalCells = new Float64Array(r);
  const scale = rows.type === 'coded' ? rows.scale : null;
  const numberOf = rows.type === 'coded' ? rows.numberOf : undefined;
  const sums: Sums[] | null =
    scale || numberOf ? Array.from({ length: c + 1 }, () => ({ n: 0, w: 0, ww: 0, wx: 0, wxx: 0 })) : null;
  const rowBuf = new Int32Array(Math.max(r, 1));
  const colBuf = new Int32Array(Math.max(c, 1));
  let totalN = 0;
  let totalBase = 0;
  let totalSquared = 0;
  const { mask, weights } = sel;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const nr = categoriesOf(rows, i, rowBuf);
    if (nr < 0) continue;
    const nc = categoriesOf(columns, i, colBuf);
    if (nc < 0) continue;
    const w = weights ? weights[i] : 1;
    const ww = w * w;
    totalN++;
    totalBase += w;
    totalSquared += ww;
    for (let a = 0; a < nr; a++) totalCells[rowBuf[a]] += w;
    const x = numberOf ? numberOf(i) : scale ? scale.min + rowBuf[0] : 0;
    if (sums) add(sums[c], w, x);
    for (let b = 0; b < nc; b++) {
      const col = colBuf[b];
      colN[col]++;
      colBase[col] += w;
      colSquared[col] += ww;
      for (let a = 0; a < nr; a++) {
        cells[rowBuf[a]][col] += w;
        squared[rowBuf[a]][col] += ww;
      }
      if (sums) add(sums[col], w, x);
    }
  }
  return {
    cells,
    squared,
    colN,
    colBase,
    colSquared,
    total: { n: totalN, base: totalBase, squared: totalSquared, cells: totalCells },
    sums,
  };
}

function add(s: Sums, w: number, x: number) {
  s.n++;
  s.w += w;
  s.ww += w * w;
  s.wx += w * x;
  s.wxx += w * x * x;
}

export function columnHeads(columns: Axis, counted: Counted): CrosstabColumn[] {
  return columns.categories.map((cat, k) => ({
    value: cat.value,
    label: cat.label,
    letter: letterOf(k),
    n: counted.colN[k],
    base: counted.colBase[k],
    effectiveN: kishEffectiveSize(counted.colBase[k], counted.colSquared[k]),
    smallBase: counted.colN[k] < SMALL_BASE,
  }));
}

/**
 * One row's cells with their letters: the column proportions compared pairwise, each column's
 * share at the column's own effective size.
 */
export function row(
  value: string,
  label: string,
  kind: CrosstabRow['kind'],
  counts: ArrayLike<number>,
  totalCount: number,
  heads: CrosstabColumn[],
  totalBase: number,
): CrosstabRow {
  const groups = heads.map((h, k) =>
    h.smallBase || h.base <= 0 ? null : { x: (counts[k] / h.base) * h.effectiveN, n: h.effectiveN },
  );
  const { higherThan } = pairwiseProportions(groups, SIGNIFICANCE_LEVEL);
  const cells: CrosstabCell[] = heads.map((h, k) => ({
    count: counts[k],
    share: h.base > 0 ? counts[k] / h.base : null,
    higherThan: higherThan[k].map((j) => heads[j].letter),
  }));
  return {
    value,
    label,
    kind,
    cells,
    total: { count: totalCount, share: totalBase > 0 ? totalCount / totalBase : null, higherThan: [] },
  };
}

/**
 * Mean and sd of a column's sums at the column's Kish effective size n′ = (Σw)²/Σw², the variance
 * with Bessel's correction at that size (the weighted variance × n′/(n′ − 1)).
 */
function summary(s: Sums): { mean: number; sd: number; n: number } | null {
  if (s.w <= 0) return null;
  const mean = s.wx / s.w;
  const n = kishEffectiveSize(s.w, s.ww);
  const spread = Math.max(0, s.wxx / s.w - mean * mean);
  return { mean, sd: n > 1 ? Math.sqrt((spread * n) / (n - 1)) : 0, n };
}

export function means(
  counted: Counted,
  heads: CrosstabColumn[],
): { cells: CrosstabMeanCell[]; total: CrosstabMeanCell } | null {
  if (!counted.sums) return null;
  const all = counted.sums.map((s) => summary(s));
  const groups = heads.map((h, k) => (h.smallBase || !all[k] || all[k]!.n < 2 ? null : all[k]));
  const { higherThan } = pairwiseMeans(groups, SIGNIFICANCE_LEVEL);
  const cell = (k: number, letters: string[]): CrosstabMeanCell => ({
    mean: all[k]?.mean ?? null,
    sd: all[k] && all[k]!.n > 1 ? all[k]!.sd : null,
    higherThan: letters,
  });
  return {
    cells: heads.map((_, k) =>
      cell(
        k,
        higherThan[k].map((j) => heads[j].letter),
      ),
    ),
    total: cell(heads.length, []),
  };
}

/**
 * Pearson's chi-square on the table, or why there is none. Weighted, Pearson's statistic of the
 * weighted shares at the n respondents is divided by Rao–Scott's first-order design correction;
 * Cochran's rule is read on the expected counts at that size.
 */
export function chiSquare(
  rows: Axis,
  columns: Axis,
  counted: Counted,
  weighted: boolean,
): { chiSquare: ChiSquareReading | null; reason: NoChiSquare | null } {
  if (rows.type === 'multi' || columns.type === 'multi') return { chiSquare: null, reason: 'multiple' };
  const rowsWithData = counted.total.cells.filter((x) => x > 0).length;
  const colsWithData = counted.colBase.filter((x) => x > 0).length;
  if (rowsWithData < 2 || colsWithData < 2) return { chiSquare: null, reason: 'too-few-categories' };
  const n = counted.total.n;
  const scale = counted.total.base > 0 ? n / counted.total.base : 1;
  const r = chiSquareTest(counted.cells.map((cells) => Array.from(cells, (x) => x * scale)));
  const rs = weighted
    ? raoScottChiSquare(
        counted.cells.map((c) => Array.from(c)),
        counted.squared.map((c) => Array.from(c)),
        n,
      )
    : null;
  const statistic = rs ? rs.statistic : r.statistic;
  const p = rs ? rs.p : r.p;
  return {
    chiSquare: {
      statistic,
      df: r.df,
      p,
      significant: p < SIGNIFICANCE_LEVEL,
      lowExpectedShare: r.lowExpectedShare,
      minExpected: r.minExpected,
      cochranWarning: r.cochranWarning,
      raoScott: rs ? { pearson: rs.pearson, designCorrection: rs.designCorrection } : null,
    },
    reason: null,
  };
}
