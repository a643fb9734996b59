import type { QualitySection } from '../../../shared/api/report-sections';
import type { Exclusion } from '../../../shared/api/report-query';
import { allQuestions, type SurveyDefinition } from '../../../shared/survey/schema';
import { itemKey, type Columns } from '../columns';
import { median } from '../../../shared/stats';

/** A battery this long or longer makes identical answers suspicious rather than plausible. */
const BATTERY_MIN_ITEMS = 5;

export interface QualityFlags {
  batteries: string[];
  straightliner: Uint8Array;
  speeder: Uint8Array;
  straightliners: number;
  speeders: number;
  medianMs: number | null;
}

/**
 * Straight-liners: the same scale point on every item of some battery of 5+ items, all answered.
 * Speeders: a completion time (the sum of page times) under a third of the median of all
 * completes. Both are counted over every complete, before any filter, so the counts don't move
 * as the reader filters.
 */
export function qualityFlags(cols: Columns, def: SurveyDefinition): QualityFlags {
  const hit = flagMemo.get(cols);
  if (hit && hit.n === cols.n) return hit.flags;
  const flags = computeFlags(cols, def);
  flagMemo.set(cols, { n: cols.n, flags });
  return flags;
}

/** Flags depend only on the columns (laid out by one version), so they hold until responses arrive. */
const flagMemo = new WeakMap<Columns, { n: number; flags: QualityFlags }>();

function computeFlags(cols: Columns, def: SurveyDefinition): QualityFlags {
  const n = cols.n;
  const batteries = allQuestions(def).filter((q) => q.type === 'matrix' && q.items.length >= BATTERY_MIN_ITEMS);
  const straightliner = new Uint8Array(n);
  for (const q of batteries) {
    if (q.type !== 'matrix') continue;
    const columns = q.items.map((item) => cols.ints.get(itemKey(q.id, item.id))!);
    // Column by column, each a straight run through memory: same[i] stays 1 while every item so
    // far matches the first.
    const first = columns[0];
    const same = new Uint8Array(n);
    for (let i = 0; i < n; i++) same[i] = first[i] >= 0 ? 1 : 0;
    for (let k = 1; k < columns.length; k++) {
      const c = columns[k];
      for (let i = 0; i < n; i++) if (same[i] && c[i] !== first[i]) same[i] = 0;
    }
    for (let i = 0; i < n; i++) straightliner[i] |= same[i];
  }
  // By hand: a typed array's filter() took 0.2 s over a million durations.
  const timed = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(cols.duration[i])) timed[m++] = cols.duration[i];
  const medianMs = m > 0 ? median(timed.subarray(0, m)) : null;
  const speeder = new Uint8Array(n);
  if (medianMs !== null) {
    const limit = medianMs / 3;
    for (let i = 0; i < n; i++) if (cols.duration[i] < limit) speeder[i] = 1;
  }
  return {
    batteries: batteries.map((q) => q.id),
    straightliner,
    speeder,
    medianMs,
    straightliners: straightliner.reduce((a, b) => a + b, 0),
    speeders: speeder.reduce((a, b) => a + b, 0),
  };
}

/** The responses to leave out, or null when nothing is excluded. */
export function excludedMask(flags: QualityFlags, exclude: readonly Exclusion[]): Uint8Array | null {
  if (exclude.length === 0) return null;
  const out = new Uint8Array(flags.speeder.length);
  for (let i = 0; i < out.length; i++) {
    out[i] =
      (exclude.includes('straightliners') && flags.straightliner[i]) ||
      (exclude.includes('speeders') && flags.speeder[i])
        ? 1
        : 0;
  }
  return out;
}

export function qualitySection(
  flags: QualityFlags,
  exclude: readonly Exclusion[],
  hasTimes: boolean,
): QualitySection | null {
  if (flags.batteries.length === 0 && !hasTimes) return null;
  return {
    batteries: flags.batteries,
    straightliners: flags.straightliners,
    speeders: flags.speeders,
    medianSeconds: flags.medianMs === null ? null : flags.medianMs / 1000,
    excluded: [...exclude],
  };
}
