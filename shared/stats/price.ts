/**
 * Van Westendorp's Price Sensitivity Meter (van Westendorp, ESOMAR Congress 1976) with the
 * Newton–Miller–Smith purchase-probability extension (Newton, Miller & Smith, ESOMAR 1993), by
 * the conventions of the R package pricesensitivitymeter 1.3.3 with its defaults, the reference
 * researchers use. Conventions:
 *
 * - Validity: a respondent counts only if tooCheap < cheap < expensive < tooExpensive, strictly.
 *   Others are counted in `invalid` and otherwise ignored. Every price must be a number ≥ 0.
 * - Price grid: the sorted unique prices given by valid respondents (all four questions).
 * - For a price column X, F_X(p) = share of valid respondents with X ≤ p, except that F_X(p) = 0
 *   for p ≤ min X and 1 for p ≥ max X (the package's rule since 1.3.1; where min X = max X the
 *   first rule wins, as in the package).
 * - Curves: too cheap = 1 − F_tooCheap, cheap = 1 − F_cheap, expensive = F_expensive,
 *   too expensive = F_tooExpensive, not cheap = 1 − cheap, not expensive = 1 − expensive.
 * - Price points: PMC (point of marginal cheapness) where not cheap meets too cheap; PME (point of
 *   marginal expensiveness) where too expensive meets not expensive; IPP (indifference price point)
 *   where expensive meets cheap; OPP (optimal price point) where too expensive meets too cheap.
 * - A crossing is a sign change of the difference of the two curves between neighbouring grid
 *   prices — to zero, from zero or through zero — placed by linear interpolation between those
 *   two prices (exactly at a grid price where the difference is 0). The lowest crossing is
 *   reported. Each difference is −1 at the lowest grid price (where every F is 0) and at least 0
 *   at the highest, so every point exists, and a zero is always reached "to zero" from below
 *   before any "from zero".
 * - NMS, when every row has buyAtCheap and buyAtExpensive (5-point purchase likelihood, 5 = very
 *   likely): calibrated probabilities 5 → 0.7, 4 → 0.5, 3 → 0.3, 2 → 0.1, 1 → 0 at the cheap and
 *   expensive prices; 0 at the respondent's too-cheap and too-expensive prices; linear in price
 *   between those four prices and 0 outside them. reach(p) = mean probability over valid
 *   respondents, revenue(p) = p·reach(p), on the price grid; the optima are the first maxima.
 * - Weights (optional, one per row, ≥ 0, e.g. post-stratification weights): every share and mean
 *   above is weighted, so integer weights give what repeating each row that many times gives.
 */
import { integer, nonNegative, StatsInputError } from './errors';

export interface PsmRow {
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
  /** Purchase likelihood at the cheap price, 1–5 (5 = very likely); NMS only. */
  buyAtCheap?: number;
  /** Purchase likelihood at the expensive price, 1–5; NMS only. */
  buyAtExpensive?: number;
}

export interface PsmCurvePoint {
  price: number;
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
  notCheap: number;
  notExpensive: number;
}

export interface NmsPoint {
  price: number;
  reach: number;
  revenue: number;
}

export interface NmsResult {
  reachOptimal: number;
  revenueOptimal: number;
  curve: NmsPoint[];
}

export interface PsmResult {
  valid: number;
  invalid: number;
  /** Point of marginal cheapness: lower end of the acceptable range. */
  pmc: number;
  /** Point of marginal expensiveness: upper end of the acceptable range. */
  pme: number;
  /** Indifference price point. */
  ipp: number;
  /** Optimal price point. */
  opp: number;
  curves: PsmCurvePoint[];
  nms?: NmsResult;
}

/** Calibrated purchase probability by 5-point purchase likelihood. */
const NMS_CALIBRATION: Record<number, number> = { 1: 0, 2: 0.1, 3: 0.3, 4: 0.5, 5: 0.7 };

const PRICE_KEYS = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'] as const;

/**
 * Van Westendorp price points, curves and (with purchase likelihoods) the NMS reach and revenue
 * curves; see the module comment for every convention.
 *
 * @example
 * vanWestendorp([
 *   { tooCheap: 1, cheap: 2, expensive: 4, tooExpensive: 6 },
 *   { tooCheap: 2, cheap: 3, expensive: 5, tooExpensive: 7 },
 *   { tooCheap: 1, cheap: 3, expensive: 4, tooExpensive: 5 },
 * ]); // { valid: 3, invalid: 0, pmc: 2, pme: 5, ipp: 3, opp: 2, curves: [...] }
 */
export function vanWestendorp(rows: PsmRow[], weights?: readonly number[]): PsmResult {
  if (!Array.isArray(rows) || rows.length === 0) throw new StatsInputError('rows', 'must not be empty');
  const withNms = checkRows(rows);
  checkWeights(weights, rows.length);
  const keep = rows.flatMap((r, i) =>
    r.tooCheap < r.cheap && r.cheap < r.expensive && r.expensive < r.tooExpensive ? [i] : [],
  );
  if (keep.length === 0) {
    throw new StatsInputError('rows', 'no respondent has tooCheap < cheap < expensive < tooExpensive');
  }
  const valid = keep.map((i) => rows[i]);
  const w = keep.map((i) => (weights ? weights[i] : 1));
  const grid = Array.from(new Set(Float64Array.from(valid.flatMap((r) => PRICE_KEYS.map((k) => r[k]))).sort()));
  // Sums of weights (counts when unweighted) rather than shares, so that a curve difference of
  // exactly 0 is found exactly.
  const [tc, c, e, te] = PRICE_KEYS.map((k) =>
    ecdfCounts(
      valid.map((r) => r[k]),
      w,
      grid,
    ),
  );
  const n = w.reduce((a, b) => a + b, 0);
  if (!(n > 0)) throw new StatsInputError('weights', "the valid respondents' weights add up to 0");
  const curves = grid.map((price, i) => ({
    price,
    tooCheap: 1 - tc[i] / n,
    cheap: 1 - c[i] / n,
    expensive: e[i] / n,
    tooExpensive: te[i] / n,
    notCheap: c[i] / n,
    notExpensive: 1 - e[i] / n,
  }));
  // Each difference below is n times the difference of the two curves named in the module comment.
  const result: PsmResult = {
    valid: valid.length,
    invalid: rows.length - valid.length,
    pmc: firstCrossing(
      grid,
      grid.map((_, i) => c[i] + tc[i] - n),
    ),
    pme: firstCrossing(
      grid,
      grid.map((_, i) => te[i] + e[i] - n),
    ),
    ipp: firstCrossing(
      grid,
      grid.map((_, i) => e[i] + c[i] - n),
    ),
    opp: firstCrossing(
      grid,
      grid.map((_, i) => te[i] + tc[i] - n),
    ),
    curves,
  };
  if (withNms) result.nms = newtonMillerSmith(valid, w, n, grid);
  return result;
}

/** Checks every row; returns whether the rows carry NMS purchase likelihoods. */
function checkRows(rows: PsmRow[]): boolean {
  const withNms = rows[0]?.buyAtCheap !== undefined || rows[0]?.buyAtExpensive !== undefined;
  rows.forEach((row, i) => {
    if (row === null || typeof row !== 'object') throw new StatsInputError(`rows[${i}]`, 'must be an object of prices');
    for (const k of PRICE_KEYS) nonNegative(() => `rows[${i}].${k}`, row[k]);
    for (const k of ['buyAtCheap', 'buyAtExpensive'] as const) {
      if ((row[k] !== undefined) !== withNms) {
        throw new StatsInputError(`rows[${i}].${k}`, 'give both purchase likelihoods for every respondent or for none');
      }
      if (withNms) {
        const v = integer(() => `rows[${i}].${k}`, row[k], 1);
        if (v > 5) throw new StatsInputError(`rows[${i}].${k}`, `must be on the 1–5 scale, got ${v}`);
      }
    }
  });
  return withNms;
}

function checkWeights(weights: readonly number[] | undefined, n: number) {
  if (weights === undefined) return;
  if (!Array.isArray(weights) || weights.length !== n)
    throw new StatsInputError('weights', `must give one weight per row (${n})`);
  weights.forEach((x, i) => {
    nonNegative(() => `weights[${i}]`, x);
  });
}

/**
 * W·F_X at each grid price (W the total weight; n·F_X unweighted), with the package's boundary
 * rule: 0 at and below min X, W at and above max X.
 */
function ecdfCounts(values: number[], weights: number[], grid: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const min = values[order[0]];
  const max = values[order[order.length - 1]];
  const total = weights.reduce((a, b) => a + b, 0);
  let k = 0;
  let atOrBelow = 0;
  return grid.map((p) => {
    while (k < order.length && values[order[k]] <= p) atOrBelow += weights[order[k++]];
    if (p <= min) return 0;
    if (p >= max) return total;
    return atOrBelow;
  });
}

/**
 * The lowest price where `difference` (given on the grid, starting negative) changes sign: a grid
 * price where it is exactly 0, or the linear interpolation between two neighbours of opposite sign.
 */
function firstCrossing(grid: number[], difference: number[]): number {
  for (let i = 1; i < grid.length; i++) {
    const a = difference[i - 1];
    const b = difference[i];
    if (b === 0) return grid[i];
    if (a * b < 0) return grid[i - 1] + ((grid[i] - grid[i - 1]) * a) / (a - b);
  }
  // Unreachable: every difference is ≥ 0 at the highest grid price.
  return grid[grid.length - 1];
}

function newtonMillerSmith(rows: PsmRow[], weights: number[], n: number, grid: number[]): NmsResult {
  const index = new Map(grid.map((p, i) => [p, i]));
  const sum = new Array<number>(grid.length).fill(0);
  // Each respondent adds only on the grid prices inside their own too-cheap…too-expensive range:
  // O(n · span), which stays small because survey price grids are short.
  // Knots as scalars, not small arrays per respondent: this loop runs once per respondent and
  // grid price, and a report over 100,000 respondents would otherwise spend its time collecting them.
  const knotX = new Float64Array(4);
  const knotV = new Float64Array(4);
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    const w = weights[j];
    knotX[0] = r.tooCheap;
    knotV[0] = 0;
    knotX[1] = r.cheap;
    knotV[1] = NMS_CALIBRATION[r.buyAtCheap!];
    knotX[2] = r.expensive;
    knotV[2] = NMS_CALIBRATION[r.buyAtExpensive!];
    knotX[3] = r.tooExpensive;
    knotV[3] = 0;
    let segment = 1;
    for (let i = index.get(r.tooCheap)! + 1; grid[i] < r.tooExpensive; i++) {
      while (grid[i] > knotX[segment]) segment++;
      const t = (grid[i] - knotX[segment - 1]) / (knotX[segment] - knotX[segment - 1]);
      sum[i] += w * (knotV[segment - 1] * (1 - t) + knotV[segment] * t);
    }
  }
  const curve = grid.map((price, i) => ({ price, reach: sum[i] / n, revenue: (price * sum[i]) / n }));
  const argmax = (key: 'reach' | 'revenue') =>
    curve.reduce((best, point) => (point[key] > best[key] ? point : best), curve[0]).price;
  return { reachOptimal: argmax('reach'), revenueOptimal: argmax('revenue'), curve };
}
