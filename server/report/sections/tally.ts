/**
 * Counting over columns: a scale column becomes counts per point in one pass, and statistics run
 * on the counts (meanCIOfCounts, wilson) or on the array rebuilt from them. With weights, the
 * counts are the weighted shares times the effective sample size (n ÷ Kish's deff): point
 * estimates are the exact weighted ones, intervals as wide as the weighting leaves them.
 */
import type { Count, Interval, MeanSummary } from '../../../shared/api/report';
import { SMALL_BASE, type ScaleItem } from '../../../shared/api/report-sections';
import { intervalWithheld } from '../../../shared/api/report-readings';
import { index100, meanCIOfCounts, npsOfCounts, wilson, type NpsResult } from '../../../shared/stats';
import { NOT_APPLICABLE } from '../columns';
import type { Selection } from '../selection';

export interface Tally {
  /** Counts per point from `min`; when weighted, the weighted shares times the effective n (not whole). */
  counts: number[];
  /** Weighted shares per point. */
  shares: number[];
  n: number;
  notApplicable: number;
}

/**
 * Sections share columns (an attribute is in the question list, satisfaction and priorities), so
 * tallies and means are kept per selection: one pass per column per report.
 */
const memo = new WeakMap<Selection, Map<Int16Array, { tally: Tally; mean?: MeanSummary | null }>>();

function memoFor(sel: Selection) {
  let m = memo.get(sel);
  if (!m) memo.set(sel, (m = new Map()));
  return m;
}

export function tally(column: Int16Array, sel: Selection, min: number, max: number): Tally {
  const m = memoFor(sel);
  const hit = m.get(column);
  if (hit) return hit.tally;
  const t = count(column, sel, min, max);
  m.set(column, { tally: t });
  return t;
}

/** The mean with its t-interval of a scale column over the selection (null under 2 answers). */
export function columnMean(column: Int16Array, sel: Selection, min: number, max: number): MeanSummary | null {
  const t = tally(column, sel, min, max);
  const entry = memoFor(sel).get(column)!;
  if (entry.mean === undefined) entry.mean = meanOf(t.counts, min);
  return entry.mean;
}

function count(column: Int16Array, sel: Selection, min: number, max: number): Tally {
  const raw = new Float64Array(max - min + 1);
  let answered = 0;
  let na = 0;
  const { mask, weights } = sel;
  const n = mask.length;
  if (weights) {
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const x = column[i];
      if (x >= min && x <= max) {
        raw[x - min] += weights[i];
        answered++;
      } else if (x === NOT_APPLICABLE) na++;
    }
  } else {
    // Unweighted, the common case: whole counts, indexed by the code itself (codes ≥ −2).
    const byCode = new Int32Array(max + 3);
    const all = sel.n === n;
    for (let i = 0; i < n; i++) if (all || mask[i]) byCode[column[i] + 2]++;
    na = byCode[0];
    for (let x = min; x <= max; x++) {
      raw[x - min] = byCode[x + 2];
      answered += byCode[x + 2];
    }
  }
  const total = raw.reduce((a, b) => a + b, 0);
  const shares = Array.from(raw, (c) => (total > 0 ? c / total : 0));
  const counts = weights ? shares.map((s) => (s * answered) / sel.designEffect) : Array.from(raw);
  return { counts, shares, n: answered, notApplicable: na };
}

/** NPS over a 0–10 tally, or null when nothing (no weight) was counted. */
export function npsOfTally(t: Tally): NpsResult | null {
  return t.counts.some((c) => c > 0) ? npsOfCounts(t.counts, 0.95) : null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function share(successes: number, n: number): Interval | null {
  return n >= 1 ? wilson(successes, n, 0.95) : null;
}

export function meanOf(counts: readonly number[], min: number): MeanSummary | null {
  return sum(counts) >= 2
    ? meanCIOfCounts(
        [...counts],
        counts.map((_, k) => min + k),
        0.95,
      )
    : null;
}

export function scaleItem(
  column: Int16Array,
  sel: Selection,
  key: string,
  questionId: string,
  itemId: string | null,
  min: number,
  max: number,
): ScaleItem {
  const t = tally(column, sel, min, max);
  const base = sum(t.counts);
  const mean = columnMean(column, sel, min, max);
  const top = t.counts[t.counts.length - 1];
  const second = t.counts[t.counts.length - 2];
  const counts: Count[] = t.counts.map((count, k) => ({ value: min + k, count, share: t.shares[k] }));
  return {
    key,
    questionId,
    itemId,
    min,
    max,
    n: t.n,
    counts,
    mean,
    topBox: share(top, base),
    secondBox: base > 0 ? second / base : null,
    topTwoBox: share(top + second, base),
    index100: mean ? index100(mean.mean, min, max) : null,
    smallBase: t.n < SMALL_BASE,
    meanIntervalWithheld: mean ? intervalWithheld(t.n, mean.sd) : 'small-base',
  };
}

/** Paired values of two scale columns over the selected responses that answered both. */
export function pairs(x: Int16Array, y: Int16Array, sel: Selection): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < sel.mask.length; i++) {
    if (sel.mask[i] && x[i] >= 0 && y[i] >= 0) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  return [xs, ys];
}

/** Rows (responses) that answered every column, as [predictors…] and the outcome. */
export function complete(
  xs: readonly Int16Array[],
  y: Int16Array,
  sel: Selection,
  limit = Infinity,
): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < sel.mask.length && ys.length < limit; i++) {
    if (!sel.mask[i] || y[i] < 0) continue;
    let ok = true;
    for (const c of xs)
      if (c[i] < 0) {
        ok = false;
        break;
      }
    if (!ok) continue;
    X.push(xs.map((c) => c[i]));
    ys.push(y[i]);
  }
  return { X, y: ys };
}
