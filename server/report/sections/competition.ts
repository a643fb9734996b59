import {
  SIGNIFICANCE_LEVEL,
  type BrandScore,
  type CompetitionAttribute,
  type CompetitionQuestion,
  type CompetitionSection,
} from '../../../shared/api/report-research';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import { pairedT } from '../../../shared/stats';
import { allQuestions, type Question } from '../../../shared/survey/schema';
import type { SectionInput } from './input';
import { rawAnswers } from './raw';

type Competitor = Extract<Question, { type: 'competitor' }>;

/** Weighted sums of one brand's ratings on one attribute (weights 1 when the report is unweighted). */
interface Moments {
  n: number;
  w: number;
  w2: number;
  sum: number;
  squares: number;
}

/**
 * The weighted mean and standard deviation, and Kish's effective size (Σw)²/Σw², which is n
 * unweighted: the sd and the t test then use the effective size, as the rest of the report does.
 */
function score(brand: string, m: Moments): BrandScore & { effectiveN: number } {
  if (m.n === 0 || m.w === 0) return { brand, n: m.n, mean: null, sd: null, effectiveN: 0 };
  const mean = m.sum / m.w;
  const effectiveN = (m.w * m.w) / m.w2;
  // Ratings are small integers, so the one-pass variance loses nothing that matters here.
  const sd =
    effectiveN > 1 ? Math.sqrt(Math.max(0, (m.squares / m.w - mean * mean) * (effectiveN / (effectiveN - 1)))) : null;
  return { brand, n: m.n, mean, sd, effectiveN };
}

const add = (m: Moments, weight: number, v: number) => {
  m.n++;
  m.w += weight;
  m.w2 += weight * weight;
  m.sum += weight * v;
  m.squares += weight * v * v;
};

/**
 * The paired t test's p over the respondents who rated both brands, from the moments of their
 * differences. Differences that are all equal leave no doubt: p 0 when they are not zero, 1 when
 * they are (the t test itself is undefined there).
 */
function pairedP(pairs: Moments): number | null {
  const d = score('', pairs);
  if (d.mean === null || d.sd === null) return null;
  if (d.sd === 0) return d.mean === 0 ? 1 : 0;
  return pairedT({ mean: d.mean, sd: d.sd, n: d.effectiveN }).p;
}

/**
 * Own brand against each competitor per attribute, each brand's mean over the respondents who
 * rated it (weighted when the report is). The same respondents rate the brands, so the test is
 * the paired t test over those who rated both: a respondent's own severity cancels out, where a
 * test of independent groups would count it as noise and mark less. A difference is only marked
 * significant when p < 0.05 and both bases and the pairs reach SMALL_BASE; its direction is the
 * paired difference's, which is what the report shows (the difference of the separate means mixes
 * in whoever rated only one brand).
 */
const shown = (s: BrandScore): BrandScore => ({ brand: s.brand, n: s.n, mean: s.mean, sd: s.sd });

function competition(input: SectionInput, q: Competitor): CompetitionQuestion {
  const { slots, values } = rawAnswers(input, q.id);
  const weights = input.sel.weights;
  const brands = q.brands.map((b) => b.id);
  const known = new Array<number>(brands.length).fill(0);
  let total = 0;
  const empty = (): Moments => ({ n: 0, w: 0, w2: 0, sum: 0, squares: 0 });
  const moments = brands.map(() => q.attributes.map(empty));
  const own = brands.indexOf(q.ownBrand);
  // Own rating minus the competitor's, per competitor and attribute, where a respondent gave both.
  const pairs = brands.map(() => q.attributes.map(empty));
  values.forEach((a, r) => {
    const x = a as { known?: unknown; ratings?: Record<string, Record<string, unknown>> } | null;
    if (!x) return;
    const weight = weights ? weights[slots[r]] : 1;
    total += weight;
    if (Array.isArray(x.known))
      for (const b of x.known) {
        const k = brands.indexOf(b as string);
        if (k >= 0) known[k] += weight;
      }
    if (!x.ratings || typeof x.ratings !== 'object') return;
    const valid = (b: string, attr: string) => {
      const row = x.ratings![b];
      const v = row && typeof row === 'object' ? row[attr] : undefined;
      return typeof v === 'number' && v >= q.scale.min && v <= q.scale.max ? v : null;
    };
    q.attributes.forEach((attr, j) => {
      const mine = valid(q.ownBrand, attr.id);
      brands.forEach((b, k) => {
        const v = valid(b, attr.id);
        if (v === null) return;
        add(moments[k][j], weight, v);
        if (k !== own && mine !== null) add(pairs[k][j], weight, mine - v);
      });
    });
  });
  const attributes = q.attributes.map((attr, j): CompetitionAttribute => {
    const mine = score(q.ownBrand, moments[own][j]);
    const competitors = brands.flatMap((b, k) => {
      if (k === own) return [];
      const theirs = score(b, moments[k][j]);
      const both = pairs[k][j];
      const smallBase = mine.n < SMALL_BASE || theirs.n < SMALL_BASE || both.n < SMALL_BASE;
      const difference = mine.mean !== null && theirs.mean !== null ? mine.mean - theirs.mean : null;
      // The difference the paired test tests: the mean of (own − theirs) over those who rated both.
      const pairedDifference = both.w > 0 ? both.sum / both.w : null;
      const p = pairedP(both);
      const significant = p !== null && p < SIGNIFICANCE_LEVEL && !smallBase && pairedDifference !== 0;
      return [{ ...shown(theirs), difference, pairedDifference, pairs: both.n, p, smallBase, significant }];
    });
    const ahead = competitors.filter((c) => c.significant && c.pairedDifference! > 0).length;
    const behind = competitors.filter((c) => c.significant && c.pairedDifference! < 0).length;
    return {
      attribute: attr.id,
      own: shown(mine),
      competitors,
      strength: ahead > 0 && behind === 0,
      weakness: behind > 0,
    };
  });
  return {
    questionId: q.id,
    ownBrand: q.ownBrand,
    brands,
    n: values.length,
    scale: { min: q.scale.min, max: q.scale.max },
    awareness: known.map((k) => (total > 0 ? k / total : 0)),
    attributes,
  };
}

export function competitionSection(input: SectionInput): CompetitionSection | null {
  const questions = allQuestions(input.def).filter((q): q is Competitor => q.type === 'competitor');
  return questions.length === 0 ? null : { questions: questions.map((q) => competition(input, q)) };
}
