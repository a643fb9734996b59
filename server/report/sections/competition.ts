import { SIGNIFICANCE_LEVEL, type BrandScore, type CompetitionAttribute, type CompetitionQuestion, type CompetitionSection } from '../../../shared/api/report-research';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import { welchT } from '../../../shared/stats';
import { allQuestions, type Question } from '../../../shared/survey/schema';
import type { SectionInput } from './input';
import { rawAnswers } from './raw';

type Competitor = Extract<Question, { type: 'competitor' }>;

interface Moments { n: number; sum: number; squares: number }

function score(brand: string, m: Moments): BrandScore {
  if (m.n === 0) return { brand, n: 0, mean: null, sd: null };
  const mean = m.sum / m.n;
  // Ratings are small integers, so the one-pass variance loses nothing that matters here.
  const sd = m.n >= 2 ? Math.sqrt(Math.max(0, (m.squares - m.n * mean * mean) / (m.n - 1))) : null;
  return { brand, n: m.n, mean, sd };
}

/**
 * Own brand against each competitor per attribute, each brand's mean over the respondents who
 * rated it, with Welch's t test. The same respondents often rate several brands; the test treats
 * the groups as independent, which overstates the variance of the difference when a respondent's
 * ratings of brands go together, so it errs on the side of marking less. A difference is only
 * marked significant when p < 0.05 and both bases reach SMALL_BASE.
 */
function competition(input: SectionInput, q: Competitor): CompetitionQuestion {
  const { values } = rawAnswers(input, q.id);
  const brands = q.brands.map((b) => b.id);
  const known = new Array<number>(brands.length).fill(0);
  const moments = brands.map(() => q.attributes.map((): Moments => ({ n: 0, sum: 0, squares: 0 })));
  for (const a of values) {
    const x = a as { known?: unknown; ratings?: Record<string, Record<string, unknown>> } | null;
    if (!x) continue;
    if (Array.isArray(x.known)) for (const b of x.known) { const k = brands.indexOf(b as string); if (k >= 0) known[k]++; }
    if (!x.ratings || typeof x.ratings !== 'object') continue;
    brands.forEach((b, k) => {
      const row = x.ratings![b];
      if (!row || typeof row !== 'object') return;
      q.attributes.forEach((attr, j) => {
        const v = row[attr.id];
        if (typeof v !== 'number' || v < q.scale.min || v > q.scale.max) return;
        const m = moments[k][j];
        m.n++;
        m.sum += v;
        m.squares += v * v;
      });
    });
  }
  const own = brands.indexOf(q.ownBrand);
  const attributes = q.attributes.map((attr, j): CompetitionAttribute => {
    const mine = score(q.ownBrand, moments[own][j]);
    const competitors = brands.flatMap((b, k) => {
      if (k === own) return [];
      const theirs = score(b, moments[k][j]);
      const smallBase = mine.n < SMALL_BASE || theirs.n < SMALL_BASE;
      const difference = mine.mean !== null && theirs.mean !== null ? mine.mean - theirs.mean : null;
      let p: number | null = null;
      if (mine.sd !== null && theirs.sd !== null && (mine.sd > 0 || theirs.sd > 0)) {
        p = welchT({ mean: mine.mean!, sd: mine.sd, n: mine.n }, { mean: theirs.mean!, sd: theirs.sd, n: theirs.n }).p;
      }
      return [{ ...theirs, difference, p, smallBase, significant: p !== null && p < SIGNIFICANCE_LEVEL && !smallBase }];
    });
    const ahead = competitors.filter((c) => c.significant && c.difference! > 0).length;
    const behind = competitors.filter((c) => c.significant && c.difference! < 0).length;
    return { attribute: attr.id, own: mine, competitors, strength: ahead > 0 && behind === 0, weakness: behind > 0 };
  });
  return {
    questionId: q.id, ownBrand: q.ownBrand, brands, n: values.length, scale: { min: q.scale.min, max: q.scale.max },
    awareness: known.map((k) => (values.length > 0 ? k / values.length : 0)),
    attributes,
  };
}

export function competitionSection(input: SectionInput): CompetitionSection | null {
  const questions = allQuestions(input.def).filter((q): q is Competitor => q.type === 'competitor');
  return questions.length === 0 ? null : { questions: questions.map((q) => competition(input, q)) };
}
