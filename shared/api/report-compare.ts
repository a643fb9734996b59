/**
 * Two segments' headline measures side by side, with the tests that say whether a difference is
 * more than chance: Welch's t test for the mean, the two-proportion z test for shares. The two
 * reports must be of disjoint segments (two answers to one single-choice question), as both
 * tests assume independent groups. Neither is marked when a segment has under SMALL_BASE responses.
 */
import { twoProportionZ, welchT } from '../stats';
import type { ReportDto } from './report';
import { SIGNIFICANCE_LEVEL } from './report-research';
import { SMALL_BASE } from './report-sections';

export interface SegmentTest {
  difference: number;
  p: number;
  significant: boolean;
}

export interface SegmentComparison {
  /** Either segment under SMALL_BASE completes: nothing is marked significant. */
  smallBase: boolean;
  /** Overall satisfaction mean, A − B. */
  mean: SegmentTest | null;
  /** Overall satisfaction top-two box, A − B. */
  topTwoBox: SegmentTest | null;
  /** Share loyal, A − B. */
  loyal: SegmentTest | null;
}

/** A test's result, marked significant only when p < SIGNIFICANCE_LEVEL and no base is small. */
export function mark(smallBase: boolean, r: { difference: number; p: number }): SegmentTest {
  return { difference: r.difference, p: r.p, significant: !smallBase && r.p < SIGNIFICANCE_LEVEL };
}

/** Weighted reports count at their effective size: a share's base is n ÷ the design effect. */
const effective = (r: ReportDto, n: number) => n / (r.sections.fieldwork.weighting?.designEffect ?? 1);

export function compareSegments(a: ReportDto, b: ReportDto): SegmentComparison {
  const smallBase = a.completes < SMALL_BASE || b.completes < SMALL_BASE;
  const oa = a.sections.satisfaction?.overall;
  const ob = b.sections.satisfaction?.overall;
  let mean: SegmentTest | null = null;
  if (oa?.mean && ob?.mean && oa.mean.n >= 2 && ob.mean.n >= 2 && (oa.mean.sd > 0 || ob.mean.sd > 0)) {
    mean = mark(smallBase, welchT(oa.mean, ob.mean));
  }
  const share = (
    x: { p: number } | null | undefined,
    nx: number,
    ra: ReportDto,
    y: { p: number } | null | undefined,
    ny: number,
    rb: ReportDto,
  ) => {
    if (!x || !y || nx === 0 || ny === 0) return null;
    const na = effective(ra, nx);
    const nb = effective(rb, ny);
    return mark(smallBase, twoProportionZ(x.p * na, na, y.p * nb, nb));
  };
  const la = a.sections.loyalty?.loyal;
  const lb = b.sections.loyalty?.loyal;
  return {
    smallBase,
    mean,
    topTwoBox: share(oa?.topTwoBox, oa?.n ?? 0, a, ob?.topTwoBox, ob?.n ?? 0, b),
    loyal: share(la, la?.n ?? 0, a, lb, lb?.n ?? 0, b),
  };
}
