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
  const itemE = new Array<number>(k).fill(0);
  const itemP = new Array<number>(k).fill(0);
  const dimGap = new Array<number>(dimensions.length).fill(0);
  const dimImportance = new Array<number>(dimensions.length).fill(0);
  let unweighted = 0;
  let weightedSum = 0;

  responses.forEach((r, ri) => {
    const name = `responses[${ri}]`;
    const e = ratings(`${name}.expectations`, r?.expectations, k);
    const p = ratings(`${name}.perceptions`, r?.perceptions, k);
    const gapSum = new Array<number>(dimensions.length).fill(0);
    const count = new Array<number>(dimensions.length).fill(0);
    for (let j = 0; j < k; j++) {
      itemE[j] += e[j];
      itemP[j] += p[j];
      const d = dimensions.indexOf(dimensionOf[j]);
      gapSum[d] += p[j] - e[j];
      count[d] += 1;
    }
    const gaps = gapSum.map((g, d) => g / count[d]);
    gaps.forEach((g, d) => (dimGap[d] += g));
    unweighted += mean(gaps);
    if ((r.importance !== undefined) !== weighted) {
      throw new StatsInputError(`${name}.importance`, 'give importance points for every respondent or for none');
    }
    if (r.importance !== undefined) {
      const points = importancePoints(`${name}.importance`, r.importance, dimensions);
      points.forEach((w, d) => {
        dimImportance[d] += w;
        weightedSum += (w / 100) * gaps[d];
      });
    }
  });

  const n = responses.length;
  return {
    n,
    items: items.map((item, j) => ({
      id: item.id,
      dimension: item.dimension,
      expectation: itemE[j] / n,
      perception: itemP[j] / n,
      gap: (itemP[j] - itemE[j]) / n,
    })),
    dimensions: dimensions.map((dimension, d) => {
      const members = dimensionOf.map((x, j) => (x === dimension ? j : -1)).filter((j) => j >= 0);
      return {
        dimension,
        expectation: mean(members.map((j) => itemE[j] / n)),
        perception: mean(members.map((j) => itemP[j] / n)),
        gap: dimGap[d] / n,
        importance: weighted ? dimImportance[d] / n : null,
      };
    }),
    unweighted: unweighted / n,
    weighted: weighted ? weightedSum / n : null,
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
