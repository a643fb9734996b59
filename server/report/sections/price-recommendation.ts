import type { GaborGrangerReport, PriceRecommendation, VanWestendorpReport } from '../../../shared/api/report-research';

const inRange = (price: number, low: number, high: number) => price >= low && price <= high;

/**
 * The one price the section leads with, from the methods the survey asked, in this order:
 * 1. Gabor-Granger's revenue-maximising price, if it lies in Van Westendorp's acceptable range
 *    (PMC–PME) or there is no range; else the ladder price of highest revenue inside the range.
 *    Stated willingness to buy at a named price is the most direct evidence of revenue.
 * 2. Newton–Miller–Smith's revenue-maximising price (revenue from expected trial), if in range.
 * 3. Van Westendorp's optimal price point (as many find it too cheap as too expensive).
 * The range always bounds the choice: a price most customers reject is no recommendation,
 * whatever a stated-intent curve says.
 */
export function priceRecommendation(
  vw: readonly VanWestendorpReport[],
  gg: readonly GaborGrangerReport[],
): PriceRecommendation | null {
  const psm = vw[0] ?? null;
  const range = psm ? { low: psm.pmc, high: psm.pme } : null;
  const ladder = gg.find((g) => g.optimalPrice !== null && (!psm || g.currency === psm.currency)) ?? null;
  if (ladder) {
    const best = ladder.optimalPrice!;
    if (!range || inRange(best, range.low, range.high)) {
      return { price: best, currency: ladder.currency, basis: 'gabor-granger', questionId: ladder.questionId, range };
    }
    const inside = ladder.points.filter((p) => inRange(p.price, range.low, range.high) && p.revenue > 0);
    if (inside.length > 0) {
      const top = inside.reduce((a, b) => (b.revenue > a.revenue ? b : a));
      return {
        price: top.price,
        currency: ladder.currency,
        basis: 'gabor-granger-in-range',
        questionId: ladder.questionId,
        range,
      };
    }
  }
  if (psm?.nms && inRange(psm.nms.revenueOptimal, psm.pmc, psm.pme)) {
    return { price: psm.nms.revenueOptimal, currency: psm.currency, basis: 'nms', questionId: psm.questionId, range };
  }
  if (psm) return { price: psm.opp, currency: psm.currency, basis: 'opp', questionId: psm.questionId, range };
  return null;
}
