import type { SatisfactionSection } from '../../../shared/api/report-sections';
import { weightedIndex } from '../../../shared/stats';
import { overallColumn, scaleColumns, statedImportance, type SectionInput } from './input';
import { derivedImportance } from './priorities';
import { columnMean, scaleItem } from './tally';

/**
 * The three classic measures: the mean with its interval; the shares very satisfied (top box) and
 * satisfied (second box), with top-two box; and a 0–100 index of the attributes weighted by stated
 * importance (mean importance rating), else derived importance (correlation with overall
 * satisfaction, negatives as 0), else equally.
 */
export function satisfactionSection(input: SectionInput): SatisfactionSection | null {
  const overallCol = overallColumn(input);
  const attrs = scaleColumns(input, 'attribute');
  if (!overallCol && attrs.length === 0) return null;
  const overall = overallCol
    ? scaleItem(
        overallCol.column,
        input.sel,
        overallCol.key,
        overallCol.questionId,
        null,
        overallCol.min,
        overallCol.max,
      )
    : null;
  const attributes = attrs.map((c) => scaleItem(c.column, input.sel, c.key, c.questionId, c.itemId, c.min, c.max));
  const rated = attributes.filter((a) => a.index100 !== null);
  let index: SatisfactionSection['index'] = null;
  if (rated.length > 0) {
    const stated = statedImportance(input, attrs);
    let weights: number[] | null = null;
    let kind: 'stated' | 'derived' | 'equal' = 'equal';
    if (rated.every((a) => stated.has(a.key))) {
      const means = rated.map((a) => {
        const s = stated.get(a.key)!;
        return columnMean(s.column, input.sel, s.min, s.max)?.mean ?? null;
      });
      if (means.every((m): m is number => m !== null)) {
        weights = means;
        kind = 'stated';
      }
    }
    if (!weights && overallCol) {
      const derived = derivedImportance(
        input,
        attrs.filter((c) => rated.some((a) => a.key === c.key)),
        overallCol,
      );
      if (derived && derived.some((r) => r > 0)) {
        weights = derived.map((r) => Math.max(0, r));
        kind = 'derived';
      }
    }
    weights ??= rated.map(() => 1);
    index = {
      value: weightedIndex(
        rated.map((a) => a.index100!),
        weights,
      ),
      weights: kind,
      weightByKey: Object.fromEntries(rated.map((a, i) => [a.key, weights![i]])),
    };
  }
  return { overall, attributes, index };
}
