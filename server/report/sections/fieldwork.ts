import type { FieldworkSection } from '../../../shared/api/report-sections';
import { cellLabels, crossCells, type Quotas } from '../../../shared/plan';
import { marginOfError } from '../../../shared/stats';
import type { SectionInput } from './input';

/**
 * Completes in the selection, the completion rate over everyone who started, the margin of error
 * at the effective sample size, and completes per quota cell against the plan. Quota attainment,
 * the partials and the completion rate are fieldwork facts about every counted response, so they
 * ignore the report's filters (`filtered` tells the reader so): filtered to Platinum, the other
 * cells are not "behind", they are filtered out.
 */
export function fieldworkSection(
  input: SectionInput,
  partials: number,
  quotas: Quotas | null,
  weighting: FieldworkSection['weighting'],
  excluded: FieldworkSection['excluded'],
): FieldworkSection {
  const { cols, sel } = input;
  let firstAt = Infinity;
  let lastAt = -Infinity;
  const perCell = new Int32Array(cols.cell.dict.length);
  for (let i = 0; i < cols.n; i++) {
    if (!sel.mask[i]) continue;
    const at = cols.completedAt[i];
    if (at < firstAt) firstAt = at;
    if (at > lastAt) lastAt = at;
  }
  for (let i = 0; i < cols.n; i++) if (cols.cell.codes[i] >= 0) perCell[cols.cell.codes[i]]++;
  const n = sel.n;
  return {
    n,
    partials,
    filtered: sel.n !== cols.n,
    completionRate: cols.n + partials > 0 ? cols.n / (cols.n + partials) : null,
    marginOfError: n >= 1 ? marginOfError({ n, confidence: 0.95, designEffect: sel.designEffect }) : null,
    firstAt: n > 0 ? firstAt : null,
    lastAt: n > 0 ? lastAt : null,
    quotas: quotas?.cells?.length
      ? (quotas.cells ?? []).map((c) => {
          const code = cols.cell.index.get(c.key);
          return {
            key: c.key,
            labels: cellLabels(quotas, c.values),
            target: c.target,
            completes: code === undefined ? 0 : perCell[code],
          };
        })
      : null,
    weighting,
    excluded,
  };
}

/** Population share per quota cell, as the plan states it: the targets weighting aims for. */
export function cellShares(quotas: Quotas): Map<string, number> {
  return new Map(crossCells(quotas).map((c) => [c.key, c.share]));
}
