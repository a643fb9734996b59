import type { LoyaltySection } from '../../../shared/api/report-sections';
import { wilson } from '../../../shared/stats';
import { intervalWithheld } from '../../../shared/api/report-readings';
import { allQuestions } from '../../../shared/survey/schema';
import { overallColumn, withRole, type SectionInput } from './input';
import { npsOfTally, tally } from './tally';

/**
 * Which responses count as loyal, by the loyalty question's form: a single choice's first option
 * (options run from most to least loyal, "Certainly" first), a rating's top two points.
 */
function loyalFlags(input: SectionInput): { questionId: string; isLoyal: (i: number) => boolean | null } | null {
  const q = withRole(input.def, 'loyalty').find((x) => x.type === 'single' || x.type === 'rating');
  if (!q) return null;
  const col = input.cols.ints.get(q.id)!;
  if (q.type === 'single') return { questionId: q.id, isLoyal: (i) => (col[i] < 0 ? null : col[i] === 0) };
  const top = q.type === 'rating' ? q.scale.max : 0;
  return { questionId: q.id, isLoyal: (i) => (col[i] < 0 ? null : col[i] >= top - 1) };
}

/** NPS with its margin, the share loyal, and the loyalty rate at each level of overall satisfaction. */
export function loyaltySection(input: SectionInput): LoyaltySection | null {
  const recommend =
    withRole(input.def, 'recommend').find((q) => q.type === 'nps') ??
    allQuestions(input.def).find((q) => q.type === 'nps');
  const loyal = loyalFlags(input);
  if (!recommend && !loyal) return null;
  const { mask, weights } = input.sel;
  let npsResult: LoyaltySection['nps'] = null;
  const npsCol = recommend ? input.cols.ints.get(recommend.id)! : null;
  if (npsCol) {
    const t = tally(npsCol, input.sel, 0, 10);
    const r = npsOfTally(t);
    if (r) {
      npsResult = {
        n: t.n,
        nps: r.nps,
        promoters: r.promoters,
        passives: r.passives,
        detractors: r.detractors,
        marginOfError: r.marginOfError,
        marginWithheld: intervalWithheld(t.n, r.marginOfError),
      };
    }
  }
  let loyalShare: LoyaltySection['loyal'] = null;
  if (loyal) {
    let yes = 0;
    let all = 0;
    let n = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      const f = loyal.isLoyal(i);
      if (f === null) continue;
      const w = weights ? weights[i] : 1;
      all += w;
      if (f) yes += w;
      n++;
    }
    const effective = n / input.sel.designEffect;
    if (effective >= 1 && all > 0)
      loyalShare = { ...wilson((yes / all) * effective, effective, 0.95), n, questionId: loyal.questionId };
  }
  const overall = overallColumn(input);
  let curve: LoyaltySection['curve'] = null;
  let curveMeasure: LoyaltySection['curveMeasure'] = null;
  const measure = loyal ? loyal.isLoyal : npsCol ? (i: number) => (npsCol[i] < 0 ? null : npsCol[i] >= 9) : null;
  if (overall && measure) {
    curveMeasure = loyal ? 'loyal' : 'promoter';
    const levels = overall.max - overall.min + 1;
    const yes = new Float64Array(levels);
    const all = new Float64Array(levels);
    const count = new Int32Array(levels);
    for (let i = 0; i < mask.length; i++) {
      const x = overall.column[i];
      if (!mask[i] || x < overall.min) continue;
      const f = measure(i);
      if (f === null) continue;
      const w = weights ? weights[i] : 1;
      all[x - overall.min] += w;
      if (f) yes[x - overall.min] += w;
      count[x - overall.min]++;
    }
    const total = all.reduce((a, b) => a + b, 0);
    curve = Array.from({ length: levels }, (_, k) => ({
      level: overall.min + k,
      n: count[k],
      share: total > 0 ? all[k] / total : 0,
      rate: all[k] > 0 ? yes[k] / all[k] : null,
    }));
  }
  return { nps: npsResult, loyal: loyalShare, curve, curveMeasure };
}
