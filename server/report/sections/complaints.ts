/**
 * Complaints as the customer-relationship texts classify them: the report's cases counted by
 * complaint type — how many, the share serious, how fast and how often they were resolved, and how
 * satisfied the customers were afterwards — and by the customer's tier in the register when the case
 * opened (the tier now for cases opened before that was recorded).
 */
import { COMPLAINT_TYPES, type ComplaintType, type Severity } from '../../../shared/api/complaints';
import type { MeanSummary } from '../../../shared/api/report';
import { intervalWithheld, type IntervalWithheld } from '../../../shared/api/report-readings';
import {
  SMALL_BASE,
  type ComplaintTierRow,
  type ComplaintTypeRow,
  type ComplaintsFigures,
} from '../../../shared/api/report-sections';
import { meanCI, median, wilson } from '../../../shared/stats';

const HOUR = 3_600_000;

export interface ComplaintCase {
  id: string;
  complaintType: ComplaintType | null;
  severity: Severity | null;
  openedAt: number;
  resolvedAt: number | null;
  /** The register's tier of the respondent's customer when the case opened; null when the response has none. */
  tier: number | null;
  /** The case recorded no tier (opened before tiers were kept on cases): `tier` is the customer's now. */
  tierNow: boolean;
}

/**
 * `scores`: the follow-up survey's satisfaction by case id, of resolved cases only; null when the
 * survey has no follow-up survey. `tierNames` are the register's, top tier first.
 */
export function complaintsFigures(
  cases: readonly ComplaintCase[],
  scores: ReadonlyMap<string, number> | null,
  tierNames: readonly string[],
): ComplaintsFigures {
  const byType = groupBy(cases, (c) => c.complaintType);
  const byTier = groupBy(cases, (c) => c.tier);
  const types: (ComplaintType | null)[] = [...COMPLAINT_TYPES, null];
  const tiers = [...byTier.keys()].sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY));
  return {
    byType: types.filter((t) => byType.has(t)).map((t) => typeRow(t, byType.get(t)!, scores)),
    byTier: tiers.map((tier) => tierRow(tier, tier === null ? null : (tierNames[tier] ?? null), byTier.get(tier)!)),
    tierNow: cases.filter((c) => c.tierNow).length,
  };
}

function groupBy<K>(cases: readonly ComplaintCase[], key: (c: ComplaintCase) => K): Map<K, ComplaintCase[]> {
  const out = new Map<K, ComplaintCase[]>();
  for (const c of cases) {
    const k = key(c);
    const group = out.get(k);
    if (group) group.push(c);
    else out.set(k, [c]);
  }
  return out;
}

/** Share serious among the cases whose severity is set, with its Wilson interval. */
function serious(cs: readonly ComplaintCase[]): { rated: number; serious: ComplaintTypeRow['serious'] } {
  const rated = cs.filter((c) => c.severity !== null);
  return {
    rated: rated.length,
    serious: rated.length ? wilson(rated.filter((c) => c.severity === 'serious').length, rated.length) : null,
  };
}

function typeRow(
  type: ComplaintType | null,
  cs: readonly ComplaintCase[],
  scores: ReadonlyMap<string, number> | null,
): ComplaintTypeRow {
  const resolved = cs.filter((c) => c.resolvedAt !== null);
  const xs = scores ? resolved.flatMap((c) => (scores.has(c.id) ? [scores.get(c.id)!] : [])) : [];
  return {
    type,
    count: cs.length,
    smallBase: cs.length < SMALL_BASE,
    ...serious(cs),
    resolved: wilson(resolved.length, cs.length),
    medianHoursToResolution: resolved.length ? median(resolved.map((c) => (c.resolvedAt! - c.openedAt) / HOUR)) : null,
    satisfaction: scores ? satisfaction(xs) : null,
  };
}

/**
 * The mean with Student's t interval, withheld as everywhere in the report (intervalWithheld):
 * under SMALL_BASE answers, or when every answer agreed.
 */
function satisfaction(xs: number[]): { n: number; mean: MeanSummary | null; withheld: IntervalWithheld } {
  if (xs.length === 0) return { n: 0, mean: null, withheld: null };
  const m = xs.length >= 2 ? meanCI(xs, 0.95) : { n: 1, mean: xs[0], sd: 0, lower: xs[0], upper: xs[0] };
  return { n: xs.length, mean: m, withheld: intervalWithheld(m.n, m.sd) };
}

function tierRow(tier: number | null, tierName: string | null, cs: readonly ComplaintCase[]): ComplaintTierRow {
  const counts = Object.fromEntries([...COMPLAINT_TYPES, 'none'].map((t) => [t, 0])) as ComplaintTierRow['byType'];
  for (const c of cs) counts[c.complaintType ?? 'none']++;
  return {
    tier,
    tierName,
    count: cs.length,
    smallBase: cs.length < SMALL_BASE,
    byType: counts,
    serious: serious(cs).serious,
  };
}
