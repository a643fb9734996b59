/** Weighting a sample to known population shares, and the price in precision of doing so. */
import { integer, nonNegative, numbers, positive, sameLength, shares, StatsInputError } from './errors';

/** Target shares rescaled to sum to exactly 1, so the weights' mean is 1 up to rounding only. */
function normalised(name: string, record: unknown): Map<string, number> {
  const checked = shares(name, record);
  const sum = Object.values(checked).reduce((a, b) => a + b, 0);
  return new Map(Object.entries(checked).map(([k, v]) => [k, v / sum]));
}

function labels(name: string, xs: unknown): string[] {
  if (!Array.isArray(xs) || xs.length === 0) throw new StatsInputError(name, 'must not be empty');
  xs.forEach((x, i) => {
    if (typeof x !== 'string') throw new StatsInputError(`${name}[${i}]`, 'must be a category label (string)');
  });
  return xs as string[];
}

function requireCovered(name: string, targets: Map<string, number>, present: Set<string>): void {
  for (const [category, share] of targets) {
    if (share > 0 && !present.has(category)) {
      throw new StatsInputError(`${name}.${category}`, `has a share of ${share} but no respondent in the sample`);
    }
  }
}

/**
 * Post-stratification weights (Holt & Smith, "Post stratification", JRSS A 142, 1979; Lohr,
 * Sampling: Design and Analysis, on post-stratification): every respondent of cell c gets
 * w = T_c / s_c, T_c the population share and s_c the sample share of c, so weighted cell
 * shares equal the targets and the weights have mean 1. `targets` are shares summing to 1; every
 * sample cell needs a target, and every target cell with a positive share needs at least one
 * respondent. A cell with target 0 gets weight 0.
 *
 * @example
 * postStratify(['m', 'm', 'm', 'f'], { m: 0.5, f: 0.5 }); // [2/3, 2/3, 2/3, 2]
 */
export function postStratify(cells: string[], targets: Record<string, number>): number[] {
  labels('cells', cells);
  const t = normalised('targets', targets);
  const counts = new Map<string, number>();
  cells.forEach((c, i) => {
    if (!t.has(c)) throw new StatsInputError(`cells[${i}]`, `cell "${c}" has no target share`);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  requireCovered('targets', t, new Set(cells));
  const n = cells.length;
  return cells.map((c) => (t.get(c)! * n) / counts.get(c)!);
}

export interface RakeOptions {
  /** Full passes over all variables before giving up; default 100. */
  maxIterations?: number;
  /** Converged when every weighted margin is within this of its target share; default 1e-6. */
  tolerance?: number;
  /** Starting (design) weights, positive; default all 1. */
  initialWeights?: number[];
}

export interface RakeResult {
  /** Mean 1. */
  weights: number[];
  /** Full passes made. */
  iterations: number;
  converged: boolean;
}

/**
 * Raking, i.e. iterative proportional fitting (Deming & Stephan, Annals of Mathematical
 * Statistics 11, 1940): each pass scales the weights of every category of each variable in turn so
 * that its weighted share matches the target; passes repeat until every margin is within
 * `tolerance` of its target or `maxIterations` passes are done. `targets` maps each variable to
 * shares summing to 1; each row names a category of every variable. Weights are returned with
 * mean 1; when raking cannot converge (contradictory or empty cells) `converged` is false and the
 * weights are those of the last pass.
 *
 * @example
 * rake(rows, { sex: { m: 0.49, f: 0.51 }, age: { young: 0.3, old: 0.7 } });
 */
export function rake(
  rows: Record<string, string>[],
  targets: Record<string, Record<string, number>>,
  options: RakeOptions = {},
): RakeResult {
  if (!Array.isArray(rows) || rows.length === 0) throw new StatsInputError('rows', 'must not be empty');
  if (targets === null || typeof targets !== 'object' || Object.keys(targets).length === 0) {
    throw new StatsInputError('targets', 'must name at least one variable');
  }
  const maxIterations = integer('maxIterations', options.maxIterations ?? 100, 1);
  const tolerance = positive('tolerance', options.tolerance ?? 1e-6);
  const n = rows.length;
  const variables = Object.keys(targets).map((variable) => {
    const t = normalised(`targets.${variable}`, targets[variable]);
    const codes = rows.map((row, i) => {
      const value = row?.[variable];
      if (typeof value !== 'string' || !t.has(value)) {
        const allowed = [...t.keys()].join(', ');
        throw new StatsInputError(`rows[${i}].${variable}`, `must be one of ${allowed}, got ${String(value)}`);
      }
      return value;
    });
    requireCovered(`targets.${variable}`, t, new Set(codes));
    return { t, codes };
  });
  let w: number[];
  if (options.initialWeights === undefined) {
    w = new Array<number>(n).fill(1);
  } else {
    numbers('initialWeights', options.initialWeights);
    sameLength('rows', rows, 'initialWeights', options.initialWeights);
    w = options.initialWeights.map((x, i) => positive(() => `initialWeights[${i}]`, x));
  }

  const margins = (codes: string[]) => {
    const totals = new Map<string, number>();
    codes.forEach((c, i) => {
      totals.set(c, (totals.get(c) ?? 0) + w[i]);
    });
    return totals;
  };
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < maxIterations) {
    iterations += 1;
    for (const { t, codes } of variables) {
      const totals = margins(codes);
      const total = w.reduce((a, b) => a + b, 0);
      // A category already weighted to 0 (target share 0) stays at 0 rather than becoming 0/0.
      w = w.map((x, i) => (x === 0 ? 0 : (x * t.get(codes[i])! * total) / totals.get(codes[i])!));
    }
    const total = w.reduce((a, b) => a + b, 0);
    if (total === 0) throw new StatsInputError('targets', 'cannot be met together: every weight fell to 0');
    converged = variables.every(({ t, codes }) => {
      const totals = margins(codes);
      return [...t].every(([c, share]) => Math.abs((totals.get(c) ?? 0) / total - share) <= tolerance);
    });
  }
  const total = w.reduce((a, b) => a + b, 0);
  return { weights: w.map((x) => (x * n) / total), iterations, converged };
}

/**
 * Kish's approximate design effect of unequal weighting (Kish, "Weighting for unequal Pᵢ", Journal
 * of Official Statistics 8(2), 1992):
 * deff = n·Σw² / (Σw)² = 1 + CV²(w). The effective sample size is n / deff.
 *
 * @example
 * kishDeff([1, 1, 1, 1]); // 1
 * kishDeff([0.5, 1.5]);   // 1.25
 */
export function kishDeff(weights: number[]): number {
  numbers('weights', weights);
  let sum = 0;
  let squares = 0;
  weights.forEach((x, i) => {
    const v = nonNegative(() => `weights[${i}]`, x);
    sum += v;
    squares += v * v;
  });
  if (sum === 0) throw new StatsInputError('weights', 'must not all be 0');
  return (weights.length * squares) / (sum * sum);
}
