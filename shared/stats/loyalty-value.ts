/**
 * What loyalty is worth: customer lifetime value under constant retention, the value of a retention
 * uplift, and the uplift a survey's own satisfaction–loyalty curve suggests.
 */
import { finite, integer, nonNegative, numbers, sameLength, SHARE_SUM_TOLERANCE, StatsInputError } from './errors';

export interface LifetimeValueInput {
  /** Margin a customer brings per period (a year), in money. */
  margin: number;
  /** Share of customers still buying one period later, 0 ≤ r < 1. */
  retention: number;
  /** Discount rate per period, > −1 (0.1 for 10 %). */
  discountRate: number;
  /** Periods counted; omitted, the horizon is unlimited. */
  periods?: number;
}

/** Above this a finite horizon is the infinite one to many digits, and r^t underflows anyway. */
const MAX_PERIODS = 1000;

/**
 * Customer lifetime value with constant retention (Gupta & Lehmann, "Customers as assets",
 * J. Interactive Marketing 17(1), 2003; Gupta, Lehmann & Stuart, "Valuing customers", J. Marketing
 * Research 41(1), 2004): a customer who stays for period t with probability r^t brings margin m at
 * its end, discounted at i, so CLV = Σ_{t≥1} m·r^t/(1+i)^t = m·r/(1+i−r) — r/(1+i−r) being what
 * Gupta & Lehmann call the margin multiple. Over T periods the sum stops at t = T:
 * m·q·(1−q^T)/(1−q) with q = r/(1+i).
 *
 * @example
 * lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1 }); // 100·0.8/0.3 = 266.67
 */
export function lifetimeValue(input: LifetimeValueInput): number {
  const m = finite('margin', input.margin);
  const r = retentionRate('retention', input.retention);
  const i = finite('discountRate', input.discountRate);
  if (i <= -1) throw new StatsInputError('discountRate', `must be greater than −1 (−100 %), got ${i}`);
  const q = r / (1 + i);
  if (input.periods === undefined) {
    // With i ≤ r − 1 a customer's discounted margins never shrink and the sum has no limit.
    if (q >= 1)
      throw new StatsInputError(
        'discountRate',
        `must exceed retention − 1 (${r - 1}) over an unlimited horizon, got ${i}`,
      );
    return (m * r) / (1 + i - r);
  }
  const periods = integer('periods', input.periods, 1);
  if (periods > MAX_PERIODS) throw new StatsInputError('periods', `must be at most ${MAX_PERIODS}, got ${periods}`);
  const value = q === 1 ? m * periods : (m * q * (1 - q ** periods)) / (1 - q);
  if (!Number.isFinite(value))
    throw new StatsInputError(
      'discountRate',
      `makes the discounted margins grow beyond any number over ${periods} periods, got ${i}`,
    );
  return value;
}

export interface RetentionUpliftInput extends LifetimeValueInput {
  customers: number;
  /** Added to the retention rate, as a share (0.05 for five points); negative for a loss. */
  uplift: number;
}

export interface RetentionUpliftResult {
  /** customers·Δ: customers still there after one period who would otherwise have left. */
  customersKept: number;
  /** customers·Δ·m: their margin in the first period, undiscounted. */
  firstPeriodValue: number;
  /** CLV per customer at r and at r + Δ. */
  lifetimeValueNow: number;
  lifetimeValueAfter: number;
  /** customers·(CLV(r+Δ) − CLV(r)). */
  lifetimeValueGained: number;
}

/**
 * The value of keeping Δ more of a customer base each period, in the model of `lifetimeValue`
 * (Gupta, Lehmann & Stuart 2004 measure retention's leverage on customer value this way, as the
 * change in CLV): customers·(CLV(r+Δ) − CLV(r)), with the customers kept and their margin in the
 * first period beside it.
 *
 * @example
 * // 10,000 customers, m 100, r 0.8 → 0.85, i 0.1: 500 kept, 50,000 in the first year,
 * // 10,000·(100·0.85/0.25 − 100·0.8/0.3) = 10,000·(340 − 266.67) = 733,333.
 * retentionUplift({ customers: 10_000, margin: 100, retention: 0.8, uplift: 0.05, discountRate: 0.1 });
 */
export function retentionUplift(input: RetentionUpliftInput): RetentionUpliftResult {
  const customers = nonNegative('customers', input.customers);
  const delta = finite('uplift', input.uplift);
  const now = lifetimeValue(input);
  const raised = input.retention + delta;
  if (!(raised >= 0 && raised < 1))
    throw new StatsInputError('uplift', `must keep retention + uplift at least 0 and below 1, got ${raised}`);
  const after = lifetimeValue({ ...input, retention: raised });
  return {
    customersKept: customers * delta,
    firstPeriodValue: customers * delta * input.margin,
    lifetimeValueNow: now,
    lifetimeValueAfter: after,
    lifetimeValueGained: customers * (after - now),
  };
}

export interface LoyaltyShift {
  /** Σ s_k·L_k: the loyal share as the survey found it. */
  now: number;
  /** The same with the customers of level `from` given the loyalty rate of the level above. */
  after: number;
  /** after − now, a share (0.043 for 4.3 points). */
  uplift: number;
}

/**
 * The loyal share if the customers at one satisfaction level rose to the next, read off the
 * survey's satisfaction–loyalty curve: with s_k the share of customers at level k and L_k the loyalty
 * rate there, now = Σ s_k·L_k and after = now + s_from·(L_{from+1} − L_from). Moving the satisfied
 * to very satisfied is the move Jones & Sasser ("Why satisfied customers defect", HBR 1995) found
 * worth most: loyalty climbs steeply only at the top box. The rise stands in for a retention uplift.
 *
 * `rates[k]` is null for a level nobody answered; its share must then be 0.
 *
 * @example
 * // Levels 1–5 with shares .05 .10 .20 .40 .25 and loyalty 0 .1 .3 .5 .9: now 0.495;
 * // the 40 % at level 4 taking level 5's 0.9: after = 0.495 + 0.4·(0.9 − 0.5) = 0.655.
 * loyaltyIfLevelRises([0.05, 0.1, 0.2, 0.4, 0.25], [0, 0.1, 0.3, 0.5, 0.9], 3);
 */
export function loyaltyIfLevelRises(
  shares: readonly number[],
  rates: readonly (number | null)[],
  from: number,
): LoyaltyShift {
  numbers('shares', shares, 2);
  if (!Array.isArray(rates)) throw new StatsInputError('rates', 'must be an array of loyalty rates');
  sameLength('shares', shares, 'rates', rates);
  let sum = 0;
  let now = 0;
  shares.forEach((s, k) => {
    if (s < 0 || s > 1) throw new StatsInputError(`shares[${k}]`, `must lie between 0 and 1, got ${s}`);
    sum += s;
    const rate = rates[k];
    if (rate === null) {
      if (s > 0) throw new StatsInputError(`rates[${k}]`, `is missing, but ${s} of the customers are at this level`);
      return;
    }
    if (!(finite(`rates[${k}]`, rate) >= 0 && rate <= 1))
      throw new StatsInputError(`rates[${k}]`, `must lie between 0 and 1, got ${rate}`);
    now += s * rate;
  });
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) throw new StatsInputError('shares', `must sum to 1, got ${sum}`);
  const k = integer('from', from, 0);
  if (k > shares.length - 2)
    throw new StatsInputError('from', `must be a level below the top one (at most ${shares.length - 2}), got ${k}`);
  const target = rates[k + 1];
  if (target === null)
    throw new StatsInputError(`rates[${k + 1}]`, 'is missing: nobody answered at the level customers would rise to');
  const after = shares[k] === 0 ? now : now + shares[k] * (target - rates[k]!);
  return { now, after, uplift: after - now };
}

function retentionRate(name: string, x: unknown): number {
  const r = finite(name, x);
  if (!(r >= 0 && r < 1)) throw new StatsInputError(name, `must be at least 0 and below 1, got ${r}`);
  return r;
}
