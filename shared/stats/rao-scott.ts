/**
 * Tests on weighted survey tables: Kish's effective size of a group and Rao–Scott's first-order
 * correction of Pearson's chi-square. Both need only each cell's sum of weights and sum of squared
 * weights, so a table of any number of respondents is summarised in one pass.
 */
import { finite, nonNegative, StatsInputError } from './errors';
import { chiSquareSurvival } from './chisquare';

/**
 * Kish's effective sample size of a weighted group, (Σw)² / Σw² (Kish, Survey Sampling, 1965,
 * §11.7): the number of unweighted respondents who would give an estimate as precise. 0 for an
 * empty group.
 *
 * @example
 * kishEffectiveSize(4, 6); // weights 1, 1, 2: 16 / 6 = 2.67
 */
export function kishEffectiveSize(sumWeights: number, sumSquaredWeights: number): number {
  nonNegative('sumWeights', sumWeights);
  nonNegative('sumSquaredWeights', sumSquaredWeights);
  return sumSquaredWeights > 0 ? (sumWeights * sumWeights) / sumSquaredWeights : 0;
}

export interface RaoScottResult {
  /** Pearson's X² of the weighted cell shares at the unweighted sample size n. */
  pearson: number;
  /** The first-order design correction δ̄: the mean generalised design effect of the table. */
  designCorrection: number;
  /** X² ÷ δ̄, referred to chi-square on df. */
  statistic: number;
  df: number;
  p: number;
  /** Rows and columns with any weight (empty ones are left out, as in chiSquareTest). */
  rows: number;
  columns: number;
}

/**
 * Rao–Scott first-order corrected chi-square test of independence for a weighted r × c table (Rao &
 * Scott, Annals of Statistics 12(1), 1984; Lohr, Sampling: Design and Analysis, 2nd ed., 2010,
 * §10.3.2): X²_RS = X² / δ̄ on (r − 1)(c − 1) df, where X² = n Σ (p̂ᵢⱼ − p̂ᵢ₊p̂₊ⱼ)² / (p̂ᵢ₊p̂₊ⱼ) is
 * Pearson's statistic of the weighted shares at the n respondents, and the first-order correction
 * is computed from the design effects of the cell and marginal shares alone (the "simple" first
 * order correction, as SAS PROC SURVEYFREQ's default CHISQ):
 *   (r − 1)(c − 1)·δ̄ = Σᵢⱼ (1 − p̂ᵢ₊p̂₊ⱼ)·dᵢⱼ − Σᵢ (1 − p̂ᵢ₊)·dᵢ − Σⱼ (1 − p̂₊ⱼ)·dⱼ.
 * With weights and no clusters or strata, a share p̂ of the respondents in a set S has the
 * linearised with-replacement variance n/(n − 1)·Σₖ wₖ²(yₖ − p̂)²/W² and, against a simple random
 * sample's p̂(1 − p̂)/(n − 1), the design effect d = n·(Q_S(1 − p̂)² + (Q − Q_S)p̂²) / (W²·p̂(1 − p̂)),
 * W = Σw, Q = Σw² over everyone, Q_S over S. A share of 0 or 1 has no variance either way: d = 1.
 * All weights equal, every d is 1, δ̄ is 1 and the test is Pearson's.
 *
 * `weights[i][j]` is the cell's Σw, `squaredWeights[i][j]` its Σw², `n` the respondents in the table.
 */
export function raoScottChiSquare(
  weights: readonly (readonly number[])[],
  squaredWeights: readonly (readonly number[])[],
  n: number,
): RaoScottResult {
  if (!Array.isArray(weights) || weights.length === 0)
    throw new StatsInputError('weights', 'must be an array of rows of weighted counts');
  const width = Array.isArray(weights[0]) ? weights[0].length : 0;
  const check = (name: string, table: readonly (readonly number[])[]) => {
    if (!Array.isArray(table) || table.length !== weights.length)
      throw new StatsInputError(name, `must have ${weights.length} rows like weights`);
    table.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== width)
        throw new StatsInputError(`${name}[${i}]`, `must have ${width} cells like the first row`);
      row.forEach((x, j) => {
        nonNegative(() => `${name}[${i}][${j}]`, x);
      });
    });
  };
  check('weights', weights);
  check('squaredWeights', squaredWeights);
  finite('n', n);
  const rowW = weights.map((row) => row.reduce((a: number, b: number) => a + b, 0));
  const colW = Array.from({ length: width }, (_, j) => weights.reduce((a, row) => a + row[j], 0));
  const rowQ = squaredWeights.map((row) => row.reduce((a: number, b: number) => a + b, 0));
  const colQ = Array.from({ length: width }, (_, j) => squaredWeights.reduce((a, row) => a + row[j], 0));
  const rows = rowW.flatMap((t, i) => (t > 0 ? [i] : []));
  const cols = colW.flatMap((t, j) => (t > 0 ? [j] : []));
  if (rows.length < 2 || cols.length < 2)
    throw new StatsInputError('weights', 'needs at least two rows and two columns with weight');
  if (!(n >= 2)) throw new StatsInputError('n', 'must be at least 2 respondents');
  const W = rowW.reduce((a, b) => a + b, 0);
  const Q = rowQ.reduce((a, b) => a + b, 0);
  const deff = (w: number, q: number) => {
    const p = w / W;
    if (p <= 0 || p >= 1) return 1;
    return (n * (q * (1 - p) ** 2 + (Q - q) * p * p)) / (W * W * p * (1 - p));
  };
  let pearson = 0;
  let sum = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowW[i] / W) * (colW[j] / W);
      pearson += (n * (weights[i][j] / W - expected) ** 2) / expected;
      sum += (1 - expected) * deff(weights[i][j], squaredWeights[i][j]);
    }
  }
  for (const i of rows) sum -= (1 - rowW[i] / W) * deff(rowW[i], rowQ[i]);
  for (const j of cols) sum -= (1 - colW[j] / W) * deff(colW[j], colQ[j]);
  const df = (rows.length - 1) * (cols.length - 1);
  const designCorrection = sum / df;
  if (!(designCorrection > 0)) throw new StatsInputError('weights', 'give no positive design correction');
  const statistic = pearson / designCorrection;
  return {
    pearson,
    designCorrection,
    statistic,
    df,
    p: chiSquareSurvival(statistic, df),
    rows: rows.length,
    columns: cols.length,
  };
}
