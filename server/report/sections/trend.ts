import { mark } from '../../../shared/api/report-compare';
import { SMALL_BASE, type TrendSection } from '../../../shared/api/report-sections';
import type { MeanSummary } from '../../../shared/api/report';
import { npsDifference, twoProportionZ, welchT, type NpsResult } from '../../../shared/stats';
import { allQuestions } from '../../../shared/survey/schema';
import type { Selection } from '../selection';
import { overallColumn, withRole, type SectionInput } from './input';
import { meanOf, npsOfTally, share, tally } from './tally';
import type { CodedQuestion } from '../../coding/variables';
import { codedTrend } from './coded-trend';

/** One wave's measures with what their tests need: the top-two count and its base. */
interface Wave {
  wave: number;
  n: number;
  satisfaction: MeanSummary | null;
  top2: number;
  base: number;
  nps: NpsResult | null;
}

/**
 * A wave against the one before: the overall satisfaction mean by Welch's t test, its top-two box
 * by the two-proportion z test, NPS by the z test of npsDifference; waves are independent samples.
 * Weighted, the tallies' counts are already at the effective size (tally.ts), so are the tests. A
 * change is marked only when p < 0.05 and both waves have SMALL_BASE responses.
 */
function change(now: Wave, before: Wave): NonNullable<TrendSection['waves'][number]['change']> {
  const smallBase = now.n < SMALL_BASE || before.n < SMALL_BASE;
  const a = now.satisfaction;
  const b = before.satisfaction;
  const satisfaction = a && b && a.n >= 2 && b.n >= 2 && (a.sd > 0 || b.sd > 0) ? mark(smallBase, welchT(a, b)) : null;
  const topTwoBox =
    now.base > 0 && before.base > 0
      ? mark(smallBase, twoProportionZ(now.top2, now.base, before.top2, before.base))
      : null;
  const nps = now.nps && before.nps ? mark(smallBase, npsDifference(now.nps, before.nps)) : null;
  return { smallBase, satisfaction, topTwoBox, nps };
}

/** The waves of the selected responses, in order. */
export function selectedWaves(cols: SectionInput['cols'], sel: Selection): number[] {
  const waves = new Set<number>();
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) waves.add(cols.wave[i]);
  return [...waves].sort((a, b) => a - b);
}

/**
 * The headline measures per wave (overall satisfaction mean and top-two box, NPS), once a second
 * wave exists, each wave with its change from the one before; and the code shares of each coded
 * open question in `coded`.
 */
export function trendSection(
  input: SectionInput,
  coded: ReadonlyMap<string, CodedQuestion> = new Map(),
): TrendSection | null {
  const { cols, sel } = input;
  const waves = selectedWaves(cols, sel);
  if (waves.length < 2) return null;
  const overall = overallColumn(input);
  const recommend =
    withRole(input.def, 'recommend').find((q) => q.type === 'nps') ??
    allQuestions(input.def).find((q) => q.type === 'nps');
  const npsCol = recommend ? cols.ints.get(recommend.id)! : null;
  const measured = waves.map((wave): Wave => {
    const mask = new Uint8Array(cols.n);
    let n = 0;
    for (let i = 0; i < cols.n; i++)
      if (sel.mask[i] && cols.wave[i] === wave) {
        mask[i] = 1;
        n++;
      }
    const inWave: Selection = { ...sel, mask, n };
    const sat = overall ? tally(overall.column, inWave, overall.min, overall.max) : null;
    const base = sat ? sat.counts.reduce((a, b) => a + b, 0) : 0;
    const top2 = sat ? sat.counts[sat.counts.length - 1] + sat.counts[sat.counts.length - 2] : 0;
    return {
      wave,
      n,
      satisfaction: sat && overall ? meanOf(sat.counts, overall.min) : null,
      top2,
      base,
      nps: npsCol ? npsOfTally(tally(npsCol, inWave, 0, 10)) : null,
    };
  });
  return {
    waves: measured.map((m, k) => ({
      wave: m.wave,
      n: m.n,
      satisfaction: m.satisfaction,
      topTwoBox: share(m.top2, m.base),
      nps: m.nps ? m.nps.nps : null,
      npsMargin: m.nps ? m.nps.marginOfError : null,
      change: k === 0 ? null : change(m, measured[k - 1]),
    })),
    coded: [...coded.values()].map((q) => codedTrend(q, cols, sel, waves)),
  };
}
