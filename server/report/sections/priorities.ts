import type { PrioritiesSection } from '../../../shared/api/report-sections';
import { ipa, pearson, relativeWeights, StatsInputError } from '../../../shared/stats';
import { overallColumn, scaleColumns, statedImportance, type ScaleColumn, type SectionInput } from './input';
import { columnMean, complete, pairs } from './tally';
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

const correlationMemo = new WeakMap<Selection, Map<Int16Array, number | null>>();

/** Pearson r of an attribute with overall satisfaction over the (thinned) selection; null when undefined (a constant answer). */
function correlation(a: ScaleColumn, overall: ScaleColumn, sel: Selection): number | null {
  let m = correlationMemo.get(sel);
  if (!m) correlationMemo.set(sel, (m = new Map()));
  if (!m.has(a.column)) m.set(a.column, safe(() => pearson(...pairs(a.column, overall.column, thinned(sel)))));
  return m.get(a.column)!;
}

/** Pearson r of each attribute with overall satisfaction, or null if one is undefined. */
export function derivedImportance(input: SectionInput, attrs: readonly ScaleColumn[], overall: ScaleColumn): number[] | null {
  const rs = attrs.map((a) => correlation(a, overall, input.sel));
  return rs.every((r): r is number => r !== null) ? rs : null;
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
  const correlations = attrs.map((a) => (overall ? correlation(a, overall, input.sel) : null));
  const useStated = attrs.every((a) => stated.has(a.key));
  if (!useStated && !overall) return null;
  const importance = attrs.map((a, i) => {
    if (!useStated) return correlations[i];
    const s = stated.get(a.key)!;
    return columnMean(s.column, input.sel, s.min, s.max)?.mean ?? null;
  });
  const usable = attrs.map((_, i) => performance[i] !== null && importance[i] !== null);
  if (usable.filter(Boolean).length < 2) return null;
  const kept = attrs.filter((_, i) => usable[i]);
  const quadrants = ipa(kept.map((a) => ({ importance: importance[attrs.indexOf(a)]!, performance: performance[attrs.indexOf(a)]! })));
  let weights: number[] | null = null;
  let rSquared: number | null = null;
  let n = 0;
  if (overall) {
    const data = complete(kept.map((a) => a.column), overall.column, sel);
    n = data.y.length;
    const rw = data.y.length > kept.length + 1 ? safe(() => relativeWeights(data.X, data.y)) : null;
    if (rw) {
      weights = rw.percent;
      rSquared = rw.rSquared;
    }
  }
  return {
    importance: useStated ? 'stated' : 'derived',
    items: kept.map((a, j) => {
      const i = attrs.indexOf(a);
      return {
        key: a.key, performance: performance[i]!, importance: importance[i]!, quadrant: quadrants[j],
        correlation: correlations[i], relativeImportance: weights ? weights[j] : null,
      };
    }),
    rSquared,
    n,
  };
}
