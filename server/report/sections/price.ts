import type { GaborGrangerReport, PriceSection, VanWestendorpReport } from '../../../shared/api/report-research';
import { gaborGranger, vanWestendorp, type PsmRow } from '../../../shared/stats';
import { priceRecommendation } from './price-recommendation';
import { allQuestions, type Question } from '../../../shared/survey/schema';
import type { SectionInput } from './input';
import { rawAnswers } from './raw';

type VanWestendorp = Extract<Question, { type: 'vanWestendorp' }>;
type GaborGranger = Extract<Question, { type: 'gaborGranger' }>;

/** A chart needs no more prices than this; the price points themselves are computed on all. */
const MAX_CURVE_POINTS = 120;

/** The respondent's report weight (1 when the report is not weighted). */
const weightOf = (input: SectionInput, slot: number) => (input.sel.weights ? input.sel.weights[slot] : 1);

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Every k-th point and the last, so a grid of thousands of distinct prices stays a light chart. */
function thinned<T>(points: T[]): T[] {
  if (points.length <= MAX_CURVE_POINTS) return points;
  const step = Math.ceil(points.length / MAX_CURVE_POINTS);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/** Whether some respondent with a weight above 0 gave the four prices in order. */
const answerable = (rows: PsmRow[], w: number[]) =>
  rows.some((r, j) => r.tooCheap < r.cheap && r.cheap < r.expensive && r.expensive < r.tooExpensive && w[j] > 0);

function psm(input: SectionInput, q: VanWestendorp): VanWestendorpReport | null {
  const { slots, values } = rawAnswers(input, q.id);
  const rows: PsmRow[] = [];
  const w: number[] = [];
  for (let j = 0; j < values.length; j++) {
    const x = values[j] as Record<string, unknown>;
    if (x && num(x.tooCheap) && num(x.cheap) && num(x.expensive) && num(x.tooExpensive)) {
      const row: PsmRow = {
        tooCheap: x.tooCheap,
        cheap: x.cheap,
        expensive: x.expensive,
        tooExpensive: x.tooExpensive,
      };
      if (q.likelihood && Number.isInteger(x.likelyCheap) && Number.isInteger(x.likelyExpensive)) {
        row.buyAtCheap = x.likelyCheap as number;
        row.buyAtExpensive = x.likelyExpensive as number;
      }
      rows.push(row);
      w.push(weightOf(input, slots[j]));
    }
  }
  if (!answerable(rows, w)) return null;
  // The NMS curves need likelihoods from everyone or from no one: when some lack them, NMS runs
  // on those who gave them, and the price points on everyone.
  const weights = input.sel.weights ? w : undefined;
  const nmsAt = rows.flatMap((r, j) => (r.buyAtCheap !== undefined ? [j] : []));
  const withNms = nmsAt.map((j) => rows[j]);
  const complete = q.likelihood && withNms.length === rows.length;
  const r = vanWestendorp(
    complete || !q.likelihood
      ? rows
      : rows.map(({ tooCheap, cheap, expensive, tooExpensive }) => ({ tooCheap, cheap, expensive, tooExpensive })),
    weights,
  );
  const nms = complete
    ? (r.nms ?? null)
    : q.likelihood &&
        answerable(
          withNms,
          nmsAt.map((j) => w[j]),
        )
      ? (vanWestendorp(withNms, weights && nmsAt.map((j) => weights[j])).nms ?? null)
      : null;
  return {
    questionId: q.id,
    currency: q.currency,
    n: rows.length,
    valid: r.valid,
    pmc: r.pmc,
    opp: r.opp,
    ipp: r.ipp,
    pme: r.pme,
    curves: thinned(
      r.curves.map(({ price, tooCheap, notCheap, notExpensive, tooExpensive }) => ({
        price,
        tooCheap,
        notCheap,
        notExpensive,
        tooExpensive,
      })),
    ),
    nms: nms ? { reachOptimal: nms.reachOptimal, revenueOptimal: nms.revenueOptimal, curve: thinned(nms.curve) } : null,
  };
}

function ladder(input: SectionInput, q: GaborGranger): GaborGrangerReport | null {
  const { slots, values } = rawAnswers(input, q.id);
  const highest: (number | null)[] = [];
  const w: number[] = [];
  values.forEach((a, j) => {
    const h = (a as { highest?: unknown } | null)?.highest;
    if (h === null || num(h)) {
      highest.push(h);
      w.push(weightOf(input, slots[j]));
    }
  });
  if (highest.length === 0 || !w.some((x) => x > 0)) return null;
  const r = gaborGranger(
    highest,
    q.prices.filter((p) => p > 0),
    input.sel.weights ? w : undefined,
  );
  return {
    questionId: q.id,
    currency: q.currency,
    n: highest.length,
    points: r.points.map(({ price, demand, revenue }) => ({ price, demand, revenue })),
    optimalPrice: r.optimalPrice,
  };
}

/** Van Westendorp price points and curves (with NMS when asked) and Gabor-Granger demand and revenue, with the report's weights. */
export function priceSection(input: SectionInput): PriceSection | null {
  const questions = allQuestions(input.def);
  const vw = questions.filter((q): q is VanWestendorp => q.type === 'vanWestendorp');
  const gg = questions.filter((q): q is GaborGranger => q.type === 'gaborGranger');
  if (vw.length === 0 && gg.length === 0) return null;
  const vanWestendorp = vw.map((q) => psm(input, q)).filter((x): x is VanWestendorpReport => x !== null);
  const gaborGranger = gg.map((q) => ladder(input, q)).filter((x): x is GaborGrangerReport => x !== null);
  return { vanWestendorp, gaborGranger, recommendation: priceRecommendation(vanWestendorp, gaborGranger) };
}
