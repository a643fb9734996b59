import { describe, expect, it } from 'vitest';
import { gaborGranger, StatsInputError } from '../../../shared/stats';

describe('gaborGranger (Gabor & Granger 1966 buy-response curve)', () => {
  // A table worked by hand (no published table with respondent-level data was at hand to check
  // against). Ten respondents' highest accepted price on the ladder 5/10/15/20:
  //   20 15 15 10 10 10 5 5 (none) 20
  //   price  buyers (max ≥ p)  demand  revenue = p·demand  elasticity vs next lower price
  //   5      9                 0.9     4.5                 —
  //   10     7                 0.7     7.0                 |(7 − 9)/9| ÷ (5/5)  = 2/9  = 0.2222
  //   15     4                 0.4     6.0                 |(4 − 7)/7| ÷ (5/10) = 6/7  = 0.8571
  //   20     2                 0.2     4.0                 |(2 − 4)/4| ÷ (5/15) = 3/2  = 1.5
  // Revenue peaks at 10.
  const maxAccepted = [20, 15, 15, 10, 10, 10, 5, 5, null, 20];

  it('demand, revenue, elasticity and the optimal price', () => {
    const r = gaborGranger(maxAccepted, [15, 5, 20, 10]);
    expect(r.points.map((p) => p.price)).toEqual([5, 10, 15, 20]);
    expect(r.points.map((p) => p.demand)).toEqual([0.9, 0.7, 0.4, 0.2]);
    [4.5, 7, 6, 4].forEach((v, i) => {
      expect(r.points[i].revenue).toBeCloseTo(v, 12);
    });
    expect(r.points[0].elasticity).toBeNull();
    expect(r.points[1].elasticity).toBeCloseTo(2 / 9, 14);
    expect(r.points[2].elasticity).toBeCloseTo(6 / 7, 14);
    expect(r.points[3].elasticity).toBeCloseTo(1.5, 14);
    expect(r.optimalPrice).toBe(10);
  });

  it('first maximum wins a revenue tie; zero demand gives null elasticity and no optimum', () => {
    // Demand 1, 0.5 at 10, 20 → revenue 10 and 10: the lower price is reported.
    expect(gaborGranger([20, 10], [10, 20]).optimalPrice).toBe(10);
    const none = gaborGranger([null, null], [10, 20]);
    expect(none.points[1].elasticity).toBeNull();
    expect(none.optimalPrice).toBeNull();
  });

  it('rejects bad input', () => {
    expect(() => gaborGranger([], [10])).toThrow(StatsInputError);
    expect(() => gaborGranger([10], [])).toThrow(/prices/);
    expect(() => gaborGranger([10], [10, 10])).toThrow(/prices/);
    expect(() => gaborGranger([10], [0, 10])).toThrow(/prices\[0\]/);
    expect(() => gaborGranger([NaN], [10])).toThrow(/maxAccepted\[0\]/);
  });

  it('weights respondents: demand is the weighted share accepting each price', () => {
    // Hand computation: weights 2, 1, 1 on highest prices 10, 20, none — the same as 10, 10, 20, none:
    // demand at 10 = (2 + 1) / 4 = 0.75, at 20 = 1 / 4 = 0.25; revenue 7.5 and 5; optimum 10.
    const r = gaborGranger([10, 20, null], [10, 20], [2, 1, 1]);
    expect(r.points.map((p) => p.demand)).toEqual([0.75, 0.25]);
    expect(r.points.map((p) => p.revenue)).toEqual([7.5, 5]);
    expect(r.optimalPrice).toBe(10);
    expect(() => gaborGranger([10], [10], [1, 2])).toThrow(/weights/);
    expect(() => gaborGranger([10], [10], [0])).toThrow(/weights/);
  });
});
