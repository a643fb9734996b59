/**
 * A customer's value: RFM scores and segments, the customer pyramid, and the frequency ×
 * average-spend matrix. Pure functions over plain arrays (no database, no DOM), each linear or
 * n log n in the number of customers.
 */

/** What value is computed from, per customer: the last purchase (epoch ms, null: never), purchases, revenue in minor units. */
export interface ValueFigures {
  lastAt: number | null;
  frequency: number;
  monetary: number;
}

/**
 * Quintile scores 1–5: a customer scores 1 + ⌊5 · b / n⌋, where b is the number of customers whose
 * figure is strictly worse (smaller) and n the number of customers. Equal figures therefore always
 * share a score (the score of the tie group's lowest position), whatever order the customers come
 * in, and with n distinct figures each score holds a fifth of the customers (n = 10: two each).
 * b is found by binary search in the sorted figures: a numeric sort without a comparator, several
 * times faster than sorting customers by a comparing function.
 */
export function quintileScores(values: ArrayLike<number>): number[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = 1 + Math.floor((5 * lo) / n);
  }
  return scores;
}

export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

/** R, F and M quintile scores of every customer (see `quintileScores`), in the order given. */
export function rfmScores(customers: readonly ValueFigures[]): RfmScores[] {
  const r = quintileScores(customers.map(recencyFigure));
  const f = quintileScores(customers.map((c) => c.frequency));
  const m = quintileScores(customers.map((c) => c.monetary));
  return customers.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
}

/** Recency as a figure where more is better: the last purchase's time, never having bought the worst. */
export const recencyFigure = (c: ValueFigures) => c.lastAt ?? -Infinity;

export const SEGMENTS = [
  'champions',
  'loyal',
  'promising',
  'needs-attention',
  'cant-lose',
  'at-risk',
  'hibernating',
  'lost',
] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * The named segment of an R, F, M score. FM = ⌊(F + M) / 2⌋ (so FM 5 needs both F and M at 5);
 * then, on the R × FM grid:
 *
 * | R \ FM | 1–2             | 3       | 4         | 5         |
 * | ------ | --------------- | ------- | --------- | --------- |
 * | 4–5    | promising       | loyal   | champions | champions |
 * | 3      | needs-attention | loyal   | loyal     | loyal     |
 * | 2      | hibernating     | at-risk | at-risk   | cant-lose |
 * | 1      | lost            | at-risk | at-risk   | cant-lose |
 *
 * Champions buy often, much and lately; at risk and can't lose did too but not lately, can't
 * lose being the best of them; hibernating and lost bought little and long ago.
 */
export function segmentOf(s: RfmScores): Segment {
  const fm = Math.floor((s.f + s.m) / 2);
  if (s.r >= 4) return fm >= 4 ? 'champions' : fm === 3 ? 'loyal' : 'promising';
  if (s.r === 3) return fm >= 3 ? 'loyal' : 'needs-attention';
  if (fm === 5) return 'cant-lose';
  if (fm >= 3) return 'at-risk';
  return s.r === 2 ? 'hibernating' : 'lost';
}

/** Tier names offered: the pyramid's own, and the service levels named after metals. */
export const TIER_PRESETS = {
  pyramid: ['vip', 'major', 'ordinary', 'small'],
  metals: ['platinum', 'gold', 'iron', 'lead'],
} as const;
export const DEFAULT_CUTS: readonly number[] = [1, 4, 15, 80];

/**
 * The customer pyramid: customers ranked by revenue into tiers holding `shares` percent each (top
 * first, summing to 100). A customer with revenue falls in the tier whose cumulative share first
 * exceeds a / n, where a is the number of customers with strictly more revenue: so the top tier
 * holds ⌈n · 1 %⌉ customers when revenues differ (at least the best customer), and equal revenues
 * always share a tier (the tier of the tie group's best position). Customers without revenue (zero
 * or less) are all in the last tier, however many they are. Returns tier indexes, 0 the top.
 */
export function pyramidTiers(monetary: readonly number[], shares: readonly number[] = DEFAULT_CUTS): number[] {
  const n = monetary.length;
  const cumulative: number[] = [];
  let sum = 0;
  for (const s of shares) cumulative.push((sum += s) / 100);
  const last = shares.length - 1;
  const order = monetary.map((_, i) => i).sort((i, j) => monetary[j] - monetary[i]);
  const tiers = new Array<number>(n);
  let above = 0;
  let tier = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (monetary[i] <= 0) {
      tiers[i] = last;
      continue;
    }
    if (k > 0 && monetary[i] !== monetary[order[k - 1]]) above = k;
    while (tier < last && above / n >= cumulative[tier]) tier++;
    tiers[i] = tier;
  }
  return tiers;
}

export const MATRIX_CELLS = ['best', 'frequent', 'big-spenders', 'occasional'] as const;
export type MatrixCell = (typeof MATRIX_CELLS)[number];

/** The lower median of a sorted copy: a figure that half the customers reach and half don't exceed. */
function lowerMedian(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

export interface ValueMatrix {
  /** The split points: a customer is high when strictly above them. */
  frequencyMedian: number;
  spendMedian: number;
  cells: Record<MatrixCell, { customers: number; revenue: number }>;
}

/**
 * The frequency × average-spend matrix: purchase frequency against the average spend per purchase
 * (revenue / purchases), each split at its (lower) median over the customers who bought. High
 * means strictly above the median, so equal figures fall on the same side. Cells: best (high,
 * high), frequent (high frequency, low spend), big spenders (low frequency, high spend),
 * occasional (low, low). Customers who never bought are left out.
 */
export function valueMatrix(customers: readonly ValueFigures[]): ValueMatrix & { cellOf: (MatrixCell | null)[] } {
  const buyers = customers.filter((c) => c.frequency > 0);
  const frequencyMedian = lowerMedian(buyers.map((c) => c.frequency));
  const spendMedian = lowerMedian(buyers.map((c) => c.monetary / c.frequency));
  const cells = Object.fromEntries(MATRIX_CELLS.map((k) => [k, { customers: 0, revenue: 0 }])) as ValueMatrix['cells'];
  const cellOf = customers.map((c): MatrixCell | null => {
    if (c.frequency <= 0) return null;
    const often = c.frequency > frequencyMedian;
    const much = c.monetary / c.frequency > spendMedian;
    const cell: MatrixCell = often ? (much ? 'best' : 'frequent') : much ? 'big-spenders' : 'occasional';
    cells[cell].customers++;
    cells[cell].revenue += c.monetary;
    return cell;
  });
  return { frequencyMedian, spendMedian, cells, cellOf };
}
