import { SMALL_BASE, type PrioritiesSection } from '../../../shared/api/report-sections';
import { correlationCI, ipa, pearson, relativeWeights, StatsInputError } from '../../../shared/stats';
import { overallColumn, scaleColumns, statedImportance, type ScaleColumn, type SectionInput } from './input';
import { columnMean, complete, pairs, tally } from './tally';
import type { Selection } from '../selection';

/**
 * Key-driver statistics run on at most this many responses, evenly spaced through the selection:
 * there r has a standard error under 0.01, and beyond it the cost would grow with n for no gain.
 */
const DRIVER_SAMPLE = 10_000;

const thinnedMemo = new WeakMap<Selection, Selection>();

/** The selection thinned to DRIVER_SAMPLE responses, made once per selection. */
function thinned(sel: Selection): Selection {
  if (sel.n <= DRIVER_SAMPLE) return sel;
  let memo = thinnedMemo.get(sel);
  if (!memo) thinnedMemo.set(sel, (memo = thin(sel)));
  return memo;
}

function thin(sel: Selection): Selection {
  const step = sel.n / DRIVER_SAMPLE;
  const mask = new Uint8Array(sel.mask.length);
  let seen = 0;
  let next = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!sel.mask[i]) continue;
    if (seen >= next) {
      mask[i] = 1;
      next += step;
    }
    seen++;
  }
  return { ...sel, mask, n: DRIVER_SAMPLE };
}

function safe<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof StatsInputError) return null;
    throw e;
  }
}

interface Correlation {
  r: number | null;
  pairs: number;
}

const correlationMemo = new WeakMap<Selection, Map<Int16Array, Correlation>>();

/**
 * Pearson r of an attribute with overall satisfaction over the (thinned) selection, and the pairs
 * it rests on; r is null when undefined (a constant answer).
 */
function correlationOf(a: ScaleColumn, overall: ScaleColumn, sel: Selection): Correlation {
  let m = correlationMemo.get(sel);
  if (!m) correlationMemo.set(sel, (m = new Map()));
  if (!m.has(a.column)) {
    const [x, y] = pairs(a.column, overall.column, thinned(sel));
    m.set(a.column, { r: safe(() => pearson(x, y)), pairs: x.length });
  }
  return m.get(a.column)!;
}

function correlation(a: ScaleColumn, overall: ScaleColumn, sel: Selection): number | null {
  return correlationOf(a, overall, sel).r;
}

/** Pearson r of each attribute with overall satisfaction, or null if one is undefined. */
export function derivedImportance(
  input: SectionInput,
  attrs: readonly ScaleColumn[],
  overall: ScaleColumn,
): number[] | null {
  const rs = attrs.map((a) => correlation(a, overall, input.sel));
  return rs.every((r): r is number => r !== null) ? rs : null;
}

type Range = { lower: number; upper: number };

/** Whether an interval lies wholly on one side of `at` (touching it counts as not). */
const clearOf = (x: Range | null, at: number) => x !== null && (x.lower > at || x.upper < at);

/** Whether some two of the intervals do not overlap. */
function anyApart(xs: readonly (Range | null)[]): boolean {
  const known = xs.filter((x): x is Range => x !== null);
  if (known.length < 2) return false;
  return Math.max(...known.map((x) => x.lower)) > Math.min(...known.map((x) => x.upper));
}

/**
 * Importance–performance quadrants (performance: attribute mean; importance: stated mean, else the
 * correlation with overall satisfaction) and relative weights of the attributes in explaining it.
 */
export function prioritiesSection(input: SectionInput): PrioritiesSection | null {
  const overall = overallColumn(input);
  const attrs = scaleColumns(input, 'attribute');
  if (attrs.length < 2) return null;
  const stated = statedImportance(input, attrs);
  const performance = attrs.map((a) => columnMean(a.column, input.sel, a.min, a.max)?.mean ?? null);
  const sel = thinned(input.sel);
  const correlationsWithPairs = attrs.map((a) => (overall ? correlationOf(a, overall, input.sel) : null));
  const correlations = correlationsWithPairs.map((c) => c?.r ?? null);
  const useStated = attrs.every((a) => stated.has(a.key));
  if (!useStated && !overall) return null;
  const statedMeans = attrs.map((a) => {
    const s = stated.get(a.key);
    return useStated && s ? columnMean(s.column, input.sel, s.min, s.max) : null;
  });
  const importance = attrs.map((_, i) => (useStated ? (statedMeans[i]?.mean ?? null) : correlations[i]));
  const importanceInterval = attrs.map((_, i): Range | null => {
    if (useStated) return statedMeans[i] ? { lower: statedMeans[i]!.lower, upper: statedMeans[i]!.upper } : null;
    const c = correlationsWithPairs[i];
    if (!c || c.r === null || c.pairs < 4 || Math.abs(c.r) >= 1) return null;
    const ci = correlationCI(c.r, c.pairs);
    return { lower: ci.lower, upper: ci.upper };
  });
  const performanceInterval = attrs.map((a): Range | null => {
    const m = columnMean(a.column, input.sel, a.min, a.max);
    return m ? { lower: m.lower, upper: m.upper } : null;
  });
  const answered = attrs.map((a) => tally(a.column, input.sel, a.min, a.max).n);
  const usable = attrs.map((_, i) => performance[i] !== null && importance[i] !== null);
  if (usable.filter(Boolean).length < 2) return null;
  const kept = attrs.filter((_, i) => usable[i]);
  const quadrants = ipa(
    kept.map((a) => ({ importance: importance[attrs.indexOf(a)]!, performance: performance[attrs.indexOf(a)]! })),
  );
  let weights: number[] | null = null;
  let rSquared: number | null = null;
  let n = 0;
  if (overall) {
    const data = complete(
      kept.map((a) => a.column),
      overall.column,
      sel,
    );
    n = data.y.length;
    const rw = data.y.length > kept.length + 1 ? safe(() => relativeWeights(data.X, data.y)) : null;
    if (rw) {
      weights = rw.percent;
      rSquared = rw.rSquared;
    }
  }
  const index = kept.map((a) => attrs.indexOf(a));
  const crosshairs = {
    importance: index.reduce((t, i) => t + importance[i]!, 0) / index.length,
    performance: index.reduce((t, i) => t + performance[i]!, 0) / index.length,
  };
  const first = stated.get(kept[0].key);
  const lowest = Math.min(...index.map((i) => importanceInterval[i]?.lower ?? importance[i]!));
  const base = Math.min(...index.map((i) => answered[i]), ...(useStated ? [] : [n]));
  return {
    importance: useStated ? 'stated' : 'derived',
    items: kept.map((a, j) => {
      const i = index[j];
      return {
        key: a.key,
        performance: performance[i]!,
        importance: importance[i]!,
        quadrant: quadrants[j],
        correlation: correlations[i],
        relativeImportance: weights ? weights[j] : null,
        n: answered[i],
        performanceInterval: performanceInterval[i],
        importanceInterval: importanceInterval[i],
        settled:
          clearOf(importanceInterval[i], crosshairs.importance) &&
          clearOf(performanceInterval[i], crosshairs.performance),
      };
    }),
    rSquared,
    n,
    crosshairs,
    ranges: {
      performance: [kept[0].min, kept[0].max],
      importance: useStated && first ? [first.min, first.max] : [lowest < 0 ? -1 : 0, 1],
    },
    importanceDistinct: anyApart(index.map((i) => importanceInterval[i])),
    base,
    smallBase: base < SMALL_BASE,
  };
}
