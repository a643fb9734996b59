import type { PrioritiesSection } from '../../../shared/api/report-sections';
import { ipa, pearson, relativeWeights, StatsInputError } from '../../../shared/stats';
import { overallColumn, scaleColumns, statedImportance, type ScaleColumn, type SectionInput } from './input';
import { complete, meanOf, pairs, tally } from './tally';
import type { Selection } from '../selection';

/**
 * Key-driver statistics run on at most this many responses, evenly spaced through the selection:
 * beyond it the estimates no longer move in the second decimal, and the cost would grow with n.
 */
const DRIVER_SAMPLE = 50_000;

function thinned(sel: Selection): Selection {
  if (sel.n <= DRIVER_SAMPLE) return sel;
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

/** Pearson r of each attribute with overall satisfaction (null where undefined: a constant answer). */
export function derivedImportance(input: SectionInput, attrs: readonly ScaleColumn[], overall: ScaleColumn): number[] | null {
  const sel = thinned(input.sel);
  const rs = attrs.map((a) => {
    const [x, y] = pairs(a.column, overall.column, sel);
    return safe(() => pearson(x, y));
  });
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
  const performance = attrs.map((a) => meanOf(tally(a.column, input.sel, a.min, a.max).counts, a.min)?.mean ?? null);
  const sel = thinned(input.sel);
  const correlations = overall ? attrs.map((a) => safe(() => pearson(...pairs(a.column, overall.column, sel)))) : attrs.map(() => null);
  const useStated = attrs.every((a) => stated.has(a.key));
  if (!useStated && !overall) return null;
  const importance = attrs.map((a, i) => {
    if (!useStated) return correlations[i];
    const s = stated.get(a.key)!;
    return meanOf(tally(s.column, input.sel, s.min, s.max).counts, s.min)?.mean ?? null;
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
