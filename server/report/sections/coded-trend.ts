/**
 * A coded open question's code shares per wave, with Wilson intervals and each wave tested
 * against the one before (shared/api/report-sections.ts `CodedTrend` says how).
 */
import { SIGNIFICANCE_LEVEL } from '../../../shared/api/report-research';
import { SMALL_BASE, type CodedTrend } from '../../../shared/api/report-sections';
import { benjaminiHochberg, twoProportionZ, wilson } from '../../../shared/stats';
import type { CodedQuestion } from '../../coding/variables';
import type { Columns } from '../columns';
import type { Selection } from '../selection';

/** One wave's base and each code's mentions, weighted counts scaled to the effective size as tally.ts does. */
interface WaveCounts {
  wave: number;
  answered: number;
  base: number;
  coded: number;
  mentions: number[];
}

function waveCounts(q: CodedQuestion, cols: Columns, sel: Selection, wave: number): WaveCounts {
  const { mask, weights } = sel;
  let answered = 0;
  let weight = 0;
  let coded = 0;
  const mentioned = new Float64Array(q.codes.length);
  for (let i = 0; i < cols.n; i++) {
    if (!mask[i] || cols.wave[i] !== wave || !q.answered[i]) continue;
    const w = weights ? weights[i] : 1;
    answered++;
    weight += w;
    coded += q.coded[i];
    for (let k = 0; k < q.chosen.length; k++) if (q.chosen[k][i]) mentioned[k] += w;
  }
  // Weighted, a share's base is the effective size, n ÷ Kish's design effect.
  const base = weights ? answered / sel.designEffect : answered;
  const scale = weight > 0 ? base / weight : 0;
  return { wave, answered, base, coded, mentions: Array.from(mentioned, (m) => Math.min(base, m * scale)) };
}

/** The code shares of one coded question in each of `waves` (sorted), over the selected responses. */
export function codedTrend(q: CodedQuestion, cols: Columns, sel: Selection, waves: readonly number[]): CodedTrend {
  const counts = waves.map((wave) => waveCounts(q, cols, sel, wave));
  const small = counts.map((c) => c.answered < SMALL_BASE);
  const tests = q.codes.map((_, k) =>
    counts.map((now, w) => {
      const before = counts[w - 1];
      if (!before || now.base < 1 || before.base < 1) return null;
      return twoProportionZ(now.mentions[k], now.base, before.mentions[k], before.base);
    }),
  );
  // One family per question: the tests that can be marked, both waves with a base of SMALL_BASE.
  const family: { k: number; w: number }[] = [];
  tests.forEach((row, k) => {
    row.forEach((test, w) => {
      if (test && !small[w] && !small[w - 1]) family.push({ k, w });
    });
  });
  const adjusted = new Map<string, number>();
  benjaminiHochberg(family.map(({ k, w }) => tests[k][w]!.p)).forEach((p, j) => {
    adjusted.set(`${family[j].k}:${family[j].w}`, p);
  });
  return {
    questionId: q.questionId,
    waves: counts.map((c, w) => ({
      wave: c.wave,
      answered: c.answered,
      base: c.base,
      coded: c.coded,
      smallBase: small[w],
    })),
    codes: q.codes.map((code, k) => ({
      ...code,
      shares: counts.map((c, w) => {
        const test = tests[k][w];
        const adjustedP = adjusted.get(`${k}:${w}`) ?? null;
        return {
          share: c.base >= 1 ? wilson(c.mentions[k], c.base) : null,
          change: test
            ? {
                difference: test.difference,
                p: test.p,
                adjustedP,
                significant: adjustedP !== null && adjustedP < SIGNIFICANCE_LEVEL,
              }
            : null,
        };
      }),
    })),
  };
}
