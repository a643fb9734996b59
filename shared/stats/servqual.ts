/**
 * SERVQUAL gap analysis.
 *
 * Signature:
 *   servqual(items: ServqualItem[], responses: ServqualResponse[]): ServqualResult
 * `items` lists the statements in questionnaire order, each with its dimension (tangibles,
 * reliability, responsiveness, assurance, empathy in the original; any names work). Each response
 * gives one expectation and one perception rating per item, in the same order, and optionally the
 * respondent's 100 importance points over the dimensions. Respondents with a missing rating are
 * the caller's to drop (complete cases), as in the original analysis.
 */
import { finite, mean, nonNegative, SHARE_SUM_TOLERANCE, StatsInputError } from './errors';

export interface ServqualItem {
  id: string;
  dimension: string;
}

export interface ServqualResponse {
  /** E: one rating per item, in `items` order. */
  expectations: number[];
  /** P: one rating per item, in `items` order. */
  perceptions: number[];
  /** Points per dimension summing to 100 (a dimension left out has 0); for every respondent or none. */
  importance?: Record<string, number>;
}

export interface ServqualItemResult {
  id: string;
  dimension: string;
  expectation: number;
  perception: number;
  /** Mean of P − E. */
  gap: number;
}

export interface ServqualDimensionResult {
  dimension: string;
  expectation: number;
  perception: number;
  /** Mean over respondents of the respondent's mean item gap in this dimension. */
  gap: number;
  /** Mean importance points (0…100), or null when no importance was asked. */
  importance: number | null;
}

export interface ServqualResult {
  n: number;
  items: ServqualItemResult[];
  /** In order of first appearance in `items`. */
  dimensions: ServqualDimensionResult[];
  /** Mean over respondents of the mean of their dimension gaps. */
  unweighted: number;
  /** Mean over respondents of Σ (points/100)·dimension gap; null without importance. */
  weighted: number | null;
}

/**
 * SERVQUAL gap scores after Parasuraman, Zeithaml & Berry (Journal of Retailing 64(1), 1988) and
 * the scoring steps of Zeithaml, Parasuraman & Berry, Delivering Quality Service (1990): per item
 * gap = P − E; a respondent's dimension gap is the mean of their item gaps in that dimension; the
 * unweighted SERVQUAL score is the mean of the dimension gaps; the weighted score multiplies each
 * dimension gap by the respondent's importance points / 100 and adds them up. Both are computed per
 * respondent and then averaged.
 *
 * @example
 * servqual(
 *   [{ id: 'q1', dimension: 'reliability' }, { id: 'q2', dimension: 'empathy' }],
 *   [{ expectations: [7, 6], perceptions: [5, 6], importance: { reliability: 60, empathy: 40 } }],
 * ); // unweighted −1 (mean of −2 and 0), weighted −1.2 (0.6·−2 + 0.4·0)
 */
export function servqual(items: ServqualItem[], responses: ServqualResponse[]): ServqualResult {
  const dimensionOf = checkItems(items);
  const dimensions = [...new Set(dimensionOf)];
  if (!Array.isArray(responses) || responses.length === 0) throw new StatsInputError('responses', 'must not be empty');
  const weighted = responses[0]?.importance !== undefined;
  const k = items.length;
  const n = responses.length;
  const expectations = items.map(() => new Float64Array(n));
  const perceptions = items.map(() => new Float64Array(n));
  const importance = weighted ? Object.fromEntries(dimensions.map((d) => [d, new Float64Array(n)])) : undefined;
  responses.forEach((r, ri) => {
    const name = `responses[${ri}]`;
    const e = ratings(`${name}.expectations`, r?.expectations, k);
    const p = ratings(`${name}.perceptions`, r?.perceptions, k);
    for (let j = 0; j < k; j++) {
      expectations[j][ri] = e[j];
      perceptions[j][ri] = p[j];
    }
    if ((r.importance !== undefined) !== weighted) {
      throw new StatsInputError(`${name}.importance`, 'give importance points for every respondent or for none');
    }
    if (r.importance !== undefined) {
      importancePoints(`${name}.importance`, r.importance, dimensions).forEach((w, d) => {
        importance![dimensions[d]][ri] = w;
      });
    }
  });
  return servqualColumns(items, { expectations, perceptions, importance });
}

/** SERVQUAL's input by column, as a report keeps answers: one array per item, indexed by respondent. */
export interface ServqualColumns {
  /** Per item, in `items` order: each respondent's expectation. */
  expectations: ArrayLike<number>[];
  /** Per item: each respondent's perception. */
  perceptions: ArrayLike<number>[];
  /** Per dimension: each respondent's importance points (a respondent's add up to 100; a dimension left out has 0). */
  importance?: Record<string, ArrayLike<number>>;
  /** The respondents (indexes into the columns) to count; all of them when left out. */
  rows?: ArrayLike<number>;
  /** Per respondent (indexed like the columns), a survey weight ≥ 0: every mean becomes Σw·x / Σw. */
  weights?: ArrayLike<number>;
}

/**
 * `servqual` over columns, with the same definitions: what a report over many thousands of
 * respondents calls, as no per-respondent object is made. Every listed respondent must have
 * every rating (complete cases). With `weights`, each mean over respondents is the weighted mean
 * (as post-stratified or raked data are read); `n` stays the number of respondents.
 *
 * @example
 * servqualColumns([{ id: 'q1', dimension: 'reliability' }], { expectations: [[7, 6]], perceptions: [[5, 6]] });
 * // gap of q1 (5 − 7 + 6 − 6) / 2 = −1
 */
export function servqualColumns(items: ServqualItem[], input: ServqualColumns): ServqualResult {
  const dimensionOf = checkItems(items);
  const dimensions = [...new Set(dimensionOf)];
  const k = items.length;
  const { expectations: E, perceptions: P } = input;
  if (!Array.isArray(E) || E.length !== k)
    throw new StatsInputError('expectations', `must hold one column per item (${k})`);
  if (!Array.isArray(P) || P.length !== k)
    throw new StatsInputError('perceptions', `must hold one column per item (${k})`);
  const rows = input.rows ?? Array.from({ length: E[0].length }, (_, i) => i);
  const n = rows.length;
  if (n === 0) throw new StatsInputError('rows', 'must not be empty');
  const importance = input.importance;
  if (importance) {
    const unknown = Object.keys(importance).find((key) => !dimensions.includes(key));
    if (unknown !== undefined) throw new StatsInputError(`importance.${unknown}`, 'is not a dimension of the items');
  }
  const points = dimensions.map((d) => importance?.[d]);
  const dimIndex = dimensionOf.map((d) => dimensions.indexOf(d));
  const count = new Float64Array(dimensions.length);
  dimIndex.forEach((d) => {
    count[d]++;
  });
  const itemE = new Float64Array(k);
  const itemP = new Float64Array(k);
  const dimGap = new Float64Array(dimensions.length);
  const dimImportance = new Float64Array(dimensions.length);
  const gapSum = new Float64Array(dimensions.length);
  let unweighted = 0;
  let weightedSum = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const w = input.weights ? input.weights[row] : 1;
    if (!(w >= 0) || !Number.isFinite(w)) nonNegative(`weights[${row}]`, w);
    total += w;
    gapSum.fill(0);
    for (let j = 0; j < k; j++) {
      const e = E[j][row];
      const p = P[j][row];
      if (!Number.isFinite(e)) finite(`expectations[${j}][${row}]`, e);
      if (!Number.isFinite(p)) finite(`perceptions[${j}][${row}]`, p);
      itemE[j] += w * e;
      itemP[j] += w * p;
      gapSum[dimIndex[j]] += p - e;
    }
    let meanGap = 0;
    for (let d = 0; d < dimensions.length; d++) {
      const g = gapSum[d] / count[d];
      dimGap[d] += w * g;
      meanGap += g;
    }
    unweighted += (w * meanGap) / dimensions.length;
    if (importance) {
      let sum = 0;
      for (let d = 0; d < dimensions.length; d++) {
        const pts = points[d]?.[row] ?? 0;
        if (!(pts >= 0) || !Number.isFinite(pts)) nonNegative(`importance.${dimensions[d]}[${row}]`, pts);
        sum += pts;
        dimImportance[d] += w * pts;
        weightedSum += w * (pts / 100) * (gapSum[d] / count[d]);
      }
      if (Math.abs(sum - 100) > 100 * SHARE_SUM_TOLERANCE) {
        throw new StatsInputError(`importance[${row}]`, `importance points must sum to 100, got ${sum}`);
      }
    }
  }
  if (!(total > 0)) throw new StatsInputError('weights', 'must not all be 0');
  return {
    n,
    items: items.map((item, j) => ({
      id: item.id,
      dimension: item.dimension,
      expectation: itemE[j] / total,
      perception: itemP[j] / total,
      gap: (itemP[j] - itemE[j]) / total,
    })),
    dimensions: dimensions.map((dimension, d) => {
      const members = dimIndex.map((x, j) => (x === d ? j : -1)).filter((j) => j >= 0);
      return {
        dimension,
        expectation: mean(members.map((j) => itemE[j] / total)),
        perception: mean(members.map((j) => itemP[j] / total)),
        gap: dimGap[d] / total,
        importance: importance ? dimImportance[d] / total : null,
      };
    }),
    unweighted: unweighted / total,
    weighted: importance ? weightedSum / total : null,
  };
}

function checkItems(items: ServqualItem[]): string[] {
  if (!Array.isArray(items) || items.length === 0) throw new StatsInputError('items', 'must not be empty');
  const ids = new Set<string>();
  return items.map((item, j) => {
    if (typeof item?.id !== 'string' || item.id === '') {
      throw new StatsInputError(`items[${j}].id`, 'must be a non-empty string');
    }
    if (ids.has(item.id)) throw new StatsInputError(`items[${j}].id`, `"${item.id}" appears twice`);
    ids.add(item.id);
    if (typeof item.dimension !== 'string' || item.dimension === '') {
      throw new StatsInputError(`items[${j}].dimension`, 'must be a non-empty string');
    }
    return item.dimension;
  });
}

function ratings(name: string, xs: unknown, k: number): number[] {
  if (!Array.isArray(xs) || xs.length !== k) throw new StatsInputError(name, `must hold one rating per item (${k})`);
  return xs.map((x, j) => finite(() => `${name}[${j}]`, x));
}

function importancePoints(name: string, points: Record<string, number>, dimensions: string[]): number[] {
  const keys = Object.keys(points);
  const unknown = keys.find((key) => !dimensions.includes(key));
  if (unknown !== undefined) throw new StatsInputError(`${name}.${unknown}`, 'is not a dimension of the items');
  const values = dimensions.map((d) => nonNegative(() => `${name}.${d}`, points[d] ?? 0));
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 100 * SHARE_SUM_TOLERANCE) {
    throw new StatsInputError(name, `importance points must sum to 100, got ${sum}`);
  }
  return values;
}
