/**
 * What distinguishes the unhappy: for each code (or suggested theme), how often detractors,
 * passives and promoters (or low and high satisfaction) mention it, whether that differs beyond
 * chance, and the mean score of those who mention it.
 */
import { benjaminiHochberg } from '../stats/adjust';
import { chiSquareTest } from '../stats/chisquare';
import { StatsInputError } from '../stats/errors';
import { fisherExact2xC } from '../stats/exact';
import { meanCI, wilson } from '../stats/intervals';
import { runAtOnce, runInTurns, STEP, type Steps } from './turns';

/** Mentions under this many are too few to read a difference from (as the report's small bases). */
export const CODING_SMALL_BASE = 30;
/** Adjusted p-values under this are called significant. */
export const CODING_SIGNIFICANCE = 0.05;

/** NPS groups of a 0–10 score (Reichheld, 2003): 0–6 detractor, 7–8 passive, 9–10 promoter. */
export const NPS_GROUPS = ['detractor', 'passive', 'promoter'] as const;
/** A satisfaction scale cut at its top two points (the satisfied and very satisfied) and below. */
export const SATISFACTION_GROUPS = ['low', 'high'] as const;

export function npsGroup(score: number): number {
  return score <= 6 ? 0 : score <= 8 ? 1 : 2;
}

/** 1 (high) for the top two points of a scale running to `max`, else 0 (low). */
export function satisfactionGroup(score: number, max: number): number {
  return score >= max - 1 ? 1 : 0;
}

export interface DistinguishInput {
  /** Group names, in order (NPS_GROUPS or SATISFACTION_GROUPS). */
  groups: readonly string[];
  /** Per respondent of the base (those who answered the open question): the group index, or −1 to leave out. */
  group: ArrayLike<number>;
  /** Per respondent: the score the groups come from (NaN when missing). */
  score: ArrayLike<number>;
  /** Per code: the distinct respondents (indexes into `group`) who mention it. */
  codes: readonly { id: string; members: ArrayLike<number> }[];
  confidence?: number;
}

export interface GroupShare {
  group: string;
  /** Respondents of the group in the base. */
  n: number;
  mentions: number;
  share: number;
  lower: number;
  upper: number;
}

export interface CodeDistinction {
  id: string;
  /** Mentions by respondents in a group. */
  mentions: number;
  byGroup: GroupShare[];
  /**
   * Mention × group: Pearson's chi-square when every expected count is at least 5, else Fisher's
   * exact test (Freeman–Halton beyond two groups). Null without a mention or a non-mention.
   */
  test: {
    method: 'chi-square' | 'fisher-exact';
    statistic: number | null;
    df: number;
    p: number;
    pAdjusted: number;
  } | null;
  /** pAdjusted < CODING_SIGNIFICANCE and the mentions not a small base. */
  significant: boolean;
  smallBase: boolean;
  /** The group where the code is most frequent, when significant. */
  highestIn: string | null;
  /** Mean score of those who mention it (t interval); null under two scored mentions. */
  mean: { n: number; mean: number; lower: number; upper: number } | null;
}

export interface DistinctionTable {
  groups: { group: string; n: number }[];
  /** Mean score of the whole base, to read each code's mean against. */
  mean: { n: number; mean: number; lower: number; upper: number } | null;
  correction: 'benjamini-hochberg';
  level: number;
  codes: CodeDistinction[];
}

function scoredMean(values: number[], confidence: number) {
  if (values.length < 2) return null;
  const { n, mean, lower, upper } = meanCI(values, confidence);
  return { n, mean, lower, upper };
}

/** One code's row of the table, its test done. */
function codeRow(
  { code, counts, mentions, scores }: { code: { id: string }; counts: number[]; mentions: number; scores: number[] },
  test: CodeDistinction['test'],
  groups: readonly string[],
  totals: readonly number[],
  confidence: number,
): CodeDistinction {
  const smallBase = mentions < CODING_SMALL_BASE;
  const significant = !smallBase && test !== null && test.pAdjusted < CODING_SIGNIFICANCE;
  const byGroup = groups.map((name, k) => {
    const interval = totals[k] > 0 ? wilson(counts[k], totals[k], confidence) : null;
    return {
      group: name,
      n: totals[k],
      mentions: counts[k],
      share: interval?.p ?? 0,
      lower: interval?.lower ?? 0,
      upper: interval?.upper ?? 0,
    };
  });
  let highest = 0;
  byGroup.forEach((s, k) => {
    if (s.share > byGroup[highest].share) highest = k;
  });
  return {
    id: code.id,
    mentions,
    byGroup,
    test,
    significant,
    smallBase,
    highestIn: significant ? groups[highest] : null,
    mean: scoredMean(scores, confidence),
  };
}

/**
 * The distinguishing table. The p-values of all codes are adjusted together by Benjamini–Hochberg
 * (false discovery rate CODING_SIGNIFICANCE). Linear in the respondents and the mentions.
 */
export function distinguish(input: DistinguishInput): DistinctionTable {
  return runAtOnce(distinguishSteps(input));
}

/** distinguish in turns of about `turnMs`, awaiting `pause()` between them. The same result. */
export function distinguishInTurns(
  input: DistinguishInput,
  pause: () => Promise<void>,
  turnMs?: number,
): Promise<DistinctionTable> {
  return runInTurns(distinguishSteps(input), pause, turnMs);
}

function* distinguishSteps(input: DistinguishInput): Steps<DistinctionTable> {
  const { groups, group, score, codes } = input;
  const confidence = input.confidence ?? 0.95;
  if (group.length !== score.length)
    throw new StatsInputError('score', `must have one score per respondent (${group.length}), got ${score.length}`);
  const g = groups.length;
  const totals = new Array<number>(g).fill(0);
  const all: number[] = [];
  for (let i = 0; i < group.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const k = group[i];
    if (k < 0) continue;
    if (k >= g || !Number.isInteger(k))
      throw new StatsInputError('group', `holds ${k} at ${i}: must be −1 or a group index below ${g}`);
    totals[k]++;
    if (Number.isFinite(score[i])) all.push(score[i]);
  }
  const base = totals.reduce((s, x) => s + x, 0);
  const rows: { code: DistinguishInput['codes'][number]; counts: number[]; mentions: number; scores: number[] }[] = [];
  for (const code of codes) {
    const counts = new Array<number>(g).fill(0);
    const scores: number[] = [];
    for (let j = 0; j < code.members.length; j++) {
      if (j % STEP === STEP - 1) yield;
      const i = code.members[j];
      const k = group[i];
      if (k === undefined) throw new StatsInputError(`codes.${code.id}`, `names respondent ${i}, beyond the base`);
      if (k < 0) continue;
      counts[k]++;
      if (Number.isFinite(score[i])) scores.push(score[i]);
    }
    const mentions = counts.reduce((s, x) => s + x, 0);
    rows.push({ code, counts, mentions, scores });
  }
  yield;
  const tests = rows.map(({ counts, mentions }) => {
    const kept = totals.map((_, k) => k).filter((k) => totals[k] > 0);
    if (mentions === 0 || mentions === base || kept.length < 2) return null;
    const row = kept.map((k) => counts[k]);
    const cols = kept.map((k) => totals[k]);
    const chi = chiSquareTest([row, cols.map((c, j) => c - row[j])]);
    if (chi.minExpected >= 5) return { method: 'chi-square' as const, statistic: chi.statistic, df: chi.df, p: chi.p };
    const exact = fisherExact2xC(row, cols);
    return exact === null
      ? { method: 'chi-square' as const, statistic: chi.statistic, df: chi.df, p: chi.p }
      : { method: 'fisher-exact' as const, statistic: null, df: chi.df, p: exact };
  });
  const tested = tests.flatMap((t, i) => (t ? [i] : []));
  const adjusted = benjaminiHochberg(tested.map((i) => tests[i]!.p));
  const pAdjusted = new Map(tested.map((i, k) => [i, adjusted[k]]));
  yield;
  const mean = scoredMean(all, confidence);
  const out: CodeDistinction[] = [];
  for (const [i, row] of rows.entries()) {
    yield;
    const test = tests[i] ? { ...tests[i]!, pAdjusted: pAdjusted.get(i)! } : null;
    out.push(codeRow(row, test, groups, totals, confidence));
  }
  return {
    groups: groups.map((name, k) => ({ group: name, n: totals[k] })),
    mean,
    correction: 'benjamini-hochberg',
    level: CODING_SIGNIFICANCE,
    codes: out,
  };
}
