/** Gabor–Granger pricing: demand, revenue and price elasticity along a price ladder. */
import { finite, nonNegative, numbers, positive, StatsInputError } from './errors';

export interface GaborGrangerPoint {
  price: number;
  /** Share (0…1) of all respondents who would buy at this price. */
  demand: number;
  /** price × demand: expected revenue per respondent. */
  revenue: number;
  /** Arc elasticity from the next lower price; null at the lowest price or when demand there is 0. */
  elasticity: number | null;
}

export interface GaborGrangerResult {
  /** In ascending price order. */
  points: GaborGrangerPoint[];
  /** The price of the first (lowest) revenue maximum; null when nobody buys at any price. */
  optimalPrice: number | null;
}

/**
 * Gabor–Granger demand curve (Gabor & Granger, "Price as an indicator of quality", Economica 1966):
 * each respondent's highest accepted price on the ladder is recorded (null: buys at none of the
 * prices); demand(p) = share of all respondents whose highest accepted price is ≥ p; revenue =
 * p · demand(p); the elasticity between a price and the next lower one is
 * |ΔD / D_lower| ÷ (Δp / p_lower). Prices may be given in any order, must be positive and distinct.
 * With `weights` (one per respondent, ≥ 0) demand is the weighted share: integer weights give what
 * repeating each respondent that many times gives.
 *
 * @example
 * gaborGranger([10, 20, 20, null], [10, 20]);
 * // points: 10 → demand 0.75, revenue 7.5; 20 → demand 0.5, revenue 10, elasticity (0.25/0.75)/(10/10) = 1/3
 * // optimalPrice: 20
 */
export function gaborGranger(
  maxAccepted: (number | null)[],
  prices: number[],
  weights?: readonly number[],
): GaborGrangerResult {
  if (!Array.isArray(maxAccepted) || maxAccepted.length === 0) {
    throw new StatsInputError('maxAccepted', 'must not be empty');
  }
  maxAccepted.forEach((m, i) => {
    m === null || finite(() => `maxAccepted[${i}]`, m);
  });
  numbers('prices', prices);
  prices.forEach((p, i) => {
    positive(() => `prices[${i}]`, p);
  });
  const ladder = [...prices].sort((a, b) => a - b);
  ladder.forEach((p, i) => {
    if (i > 0 && p === ladder[i - 1]) throw new StatsInputError('prices', `lists ${p} twice`);
  });
  if (weights !== undefined) {
    if (!Array.isArray(weights) || weights.length !== maxAccepted.length)
      throw new StatsInputError('weights', `must give one weight per respondent (${maxAccepted.length})`);
    weights.forEach((x, i) => {
      nonNegative(() => `weights[${i}]`, x);
    });
  }
  const w = (i: number) => (weights ? weights[i] : 1);
  const n = maxAccepted.reduce<number>((sum, _, i) => sum + w(i), 0);
  if (!(n > 0)) throw new StatsInputError('weights', 'add up to 0');
  const buyers = ladder.map((price) =>
    maxAccepted.reduce<number>((sum, m, i) => (m !== null && m >= price ? sum + w(i) : sum), 0),
  );
  const points = ladder.map((price, i): GaborGrangerPoint => {
    // Buyer counts (weight sums) instead of shares keep ΔD / D_lower exact (n cancels).
    const elasticity =
      i === 0 || buyers[i - 1] === 0
        ? null
        : Math.abs((buyers[i] - buyers[i - 1]) / buyers[i - 1]) / ((price - ladder[i - 1]) / ladder[i - 1]);
    return { price, demand: buyers[i] / n, revenue: (price * buyers[i]) / n, elasticity };
  });
  const best = points.reduce((a, b) => (b.revenue > a.revenue ? b : a), points[0]);
  return { points, optimalPrice: best.revenue > 0 ? best.price : null };
}
