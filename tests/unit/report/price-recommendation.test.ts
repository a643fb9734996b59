import { describe, expect, it } from 'vitest';
import type { GaborGrangerReport, VanWestendorpReport } from '../../../shared/api/report-research';
import { priceRecommendation } from '../../../server/report/sections/price-recommendation';

const vw = (over: Partial<VanWestendorpReport> = {}): VanWestendorpReport => ({
  questionId: 'vw',
  currency: 'EUR',
  n: 100,
  valid: 100,
  pmc: 15,
  opp: 20.67,
  ipp: 24,
  pme: 28,
  curves: [],
  nms: null,
  ...over,
});
const ladder = (points: [number, number][]): GaborGrangerReport => {
  const pts = points.map(([price, demand]) => ({ price, demand, revenue: price * demand }));
  const best = pts.reduce((a, b) => (b.revenue > a.revenue ? b : a));
  return { questionId: 'gg', currency: 'EUR', n: 100, points: pts, optimalPrice: best.price };
};

describe('the one price the price section leads with', () => {
  it("takes the ladder's revenue peak when it lies in the acceptable range", () => {
    // Revenue 25·0.8 = 20, 27·0.8 = 21.6, 29·0.6 = 17.4: the peak is 27, inside 15–28.
    expect(
      priceRecommendation(
        [vw()],
        [
          ladder([
            [25, 0.8],
            [27, 0.8],
            [29, 0.6],
          ]),
        ],
      ),
    ).toEqual({
      price: 27,
      currency: 'EUR',
      basis: 'gabor-granger',
      questionId: 'gg',
      range: { low: 15, high: 28 },
    });
  });

  it('keeps to the range when the ladder peaks outside it (€29 where 91% say they would buy)', () => {
    // Revenue 25·0.93 = 23.25, 27·0.92 = 24.84, 29·0.91 = 26.39: the peak 29 is above PME 28,
    // so the best price inside the range, 27, is recommended.
    const r = priceRecommendation(
      [vw()],
      [
        ladder([
          [25, 0.93],
          [27, 0.92],
          [29, 0.91],
        ]),
      ],
    );
    expect(r).toMatchObject({ price: 27, basis: 'gabor-granger-in-range' });
  });

  it('falls back to NMS revenue in range, then to the optimal price point', () => {
    const nms = { reachOptimal: 18, revenueOptimal: 27, curve: [] };
    expect(priceRecommendation([vw({ nms })], [])).toMatchObject({ price: 27, basis: 'nms', questionId: 'vw' });
    // NMS peaking above the range is no recommendation: the OPP is.
    expect(priceRecommendation([vw({ nms: { ...nms, revenueOptimal: 35 } })], [])).toMatchObject({
      price: 20.67,
      basis: 'opp',
    });
    expect(priceRecommendation([vw()], [])).toMatchObject({ price: 20.67, basis: 'opp' });
  });

  it('uses a ladder alone without a range, and has nothing to say without either', () => {
    expect(
      priceRecommendation(
        [],
        [
          ladder([
            [10, 0.75],
            [20, 0.5],
            [30, 0.25],
          ]),
        ],
      ),
    ).toEqual({
      price: 20,
      currency: 'EUR',
      basis: 'gabor-granger',
      questionId: 'gg',
      range: null,
    });
    expect(priceRecommendation([], [])).toBeNull();
  });

  it('does not mix currencies: a ladder in another currency than the range is not used', () => {
    const usd = {
      ...ladder([
        [25, 0.8],
        [27, 0.8],
      ]),
      currency: 'USD',
    };
    expect(priceRecommendation([vw()], [usd])).toMatchObject({ basis: 'opp' });
  });
});
