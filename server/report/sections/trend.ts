import type { TrendSection } from '../../../shared/api/report-sections';
import { allQuestions } from '../../../shared/survey/schema';
import type { Selection } from '../selection';
import { overallColumn, withRole, type SectionInput } from './input';
import { meanOf, npsOfTally, share, tally } from './tally';

/** The headline measures per wave (overall satisfaction mean and top-two box, NPS), once a second wave exists. */
export function trendSection(input: SectionInput): TrendSection | null {
  const { cols, sel } = input;
  const waves = new Set<number>();
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) waves.add(cols.wave[i]);
  if (waves.size < 2) return null;
  const overall = overallColumn(input);
  const recommend = withRole(input.def, 'recommend').find((q) => q.type === 'nps') ?? allQuestions(input.def).find((q) => q.type === 'nps');
  const npsCol = recommend ? cols.ints.get(recommend.id)! : null;
  return {
    waves: [...waves].sort((a, b) => a - b).map((wave) => {
      const mask = new Uint8Array(cols.n);
      let n = 0;
      for (let i = 0; i < cols.n; i++) if (sel.mask[i] && cols.wave[i] === wave) { mask[i] = 1; n++; }
      const inWave: Selection = { ...sel, mask, n };
      const sat = overall ? tally(overall.column, inWave, overall.min, overall.max) : null;
      const base = sat ? sat.counts.reduce((a, b) => a + b, 0) : 0;
      const top2 = sat ? sat.counts[sat.counts.length - 1] + sat.counts[sat.counts.length - 2] : 0;
      const r = npsCol ? npsOfTally(tally(npsCol, inWave, 0, 10)) : null;
      return {
        wave, n,
        satisfaction: sat && overall ? meanOf(sat.counts, overall.min) : null,
        topTwoBox: share(top2, base),
        nps: r ? r.nps : null,
        npsMargin: r ? r.marginOfError : null,
      };
    }),
  };
}
