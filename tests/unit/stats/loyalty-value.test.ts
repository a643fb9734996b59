import { describe, expect, it } from 'vitest';
import { lifetimeValue, loyaltyIfLevelRises, retentionUplift, StatsInputError } from '../../../shared/stats';

describe('lifetimeValue: CLV = m·r/(1+i−r) (Gupta & Lehmann 2003), and its finite-horizon sum', () => {
  it('hand computation over an unlimited horizon', () => {
    // m = 100, r = 0.8, i = 0.1: 100·0.8/(1.1 − 0.8) = 80/0.3 = 266.667.
    expect(lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1 })).toBeCloseTo(266.6666667, 6);
    // Undiscounted, r = 0.5: 100·0.5/(1 − 0.5) = 100, i.e. one expected further period.
    expect(lifetimeValue({ margin: 100, retention: 0.5, discountRate: 0 })).toBeCloseTo(100, 12);
    // Nobody stays: nothing after today.
    expect(lifetimeValue({ margin: 100, retention: 0, discountRate: 0.1 })).toBe(0);
  });

  it('hand computation over a few periods: Σ_{t=1..T} m·(r/(1+i))^t', () => {
    // q = 0.8/1.1 = 8/11. T = 1: 100·8/11 = 72.727. T = 3: 100·(8·121 + 64·11 + 512)/1331 = 100·2184/1331 = 164.087.
    expect(lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 1 })).toBeCloseTo(72.7272727, 6);
    expect(lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 3 })).toBeCloseTo(164.0871525, 6);
  });

  it('the finite sum approaches the unlimited one as the horizon grows', () => {
    const unlimited = lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1 });
    expect(lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 1000 })).toBeCloseTo(unlimited, 9);
    expect(lifetimeValue({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 10 })).toBeLessThan(unlimited);
  });

  it('r = 1 + i (a negative discount rate) makes every period worth m: T·m over T periods, no limit otherwise', () => {
    // q = 0.5/(1 − 0.5) = 1: four periods of 100.
    expect(lifetimeValue({ margin: 100, retention: 0.5, discountRate: -0.5, periods: 4 })).toBe(400);
    expect(() => lifetimeValue({ margin: 100, retention: 0.5, discountRate: -0.5 })).toThrow(/discountRate/);
  });

  it('refuses retention outside [0, 1), a discount rate of −100 % or less and a bad horizon, naming the argument', () => {
    const ok = { margin: 100, retention: 0.8, discountRate: 0.1 };
    for (const retention of [1, 1.2, -0.1, NaN])
      expect(() => lifetimeValue({ ...ok, retention })).toThrow(/^retention: /);
    for (const discountRate of [-1, -2, Infinity])
      expect(() => lifetimeValue({ ...ok, discountRate })).toThrow(/^discountRate: /);
    for (const periods of [0, 1.5, 1001, NaN]) expect(() => lifetimeValue({ ...ok, periods })).toThrow(/^periods: /);
    expect(() => lifetimeValue({ ...ok, margin: NaN })).toThrow(StatsInputError);
    // i close to −100 % makes r/(1+i) huge: the sum overflows, which is an error, not Infinity.
    expect(() => lifetimeValue({ ...ok, discountRate: -0.999, periods: 1000 })).toThrow(/^discountRate: /);
  });
});

describe('retentionUplift: customers·(CLV(r+Δ) − CLV(r))', () => {
  it('hand computation: 10,000 customers, m = 100, r 0.80 → 0.85, i = 0.1', () => {
    // Kept after a year: 10,000·0.05 = 500; their first-year margin 500·100 = 50,000.
    // CLV(0.85) = 85/0.25 = 340, CLV(0.8) = 266.667; gained 10,000·73.333 = 733,333.
    const r = retentionUplift({ customers: 10_000, margin: 100, retention: 0.8, uplift: 0.05, discountRate: 0.1 });
    expect(r.customersKept).toBeCloseTo(500, 9);
    expect(r.firstPeriodValue).toBeCloseTo(50_000, 6);
    expect(r.lifetimeValueNow).toBeCloseTo(266.6666667, 6);
    expect(r.lifetimeValueAfter).toBeCloseTo(340, 9);
    expect(r.lifetimeValueGained).toBeCloseTo(733_333.333, 2);
  });

  it('a negative uplift is a loss: r 0.8 → 0.7 costs 10,000·(70/0.4 − 266.667) = −916,667', () => {
    const r = retentionUplift({ customers: 10_000, margin: 100, retention: 0.8, uplift: -0.1, discountRate: 0.1 });
    expect(r.lifetimeValueGained).toBeCloseTo(-916_666.667, 2);
    expect(r.customersKept).toBeCloseTo(-1000, 9);
  });

  it('over three years: 1,000·100·(Σ(0.9/1.1)^t − Σ(0.8/1.1)^t) for t = 1..3', () => {
    // (9/11 + 81/121 + 729/1331) = (1089 + 891 + 729)/1331 = 2709/1331; minus 2184/1331 = 525/1331.
    const r = retentionUplift({
      customers: 1000,
      margin: 100,
      retention: 0.8,
      uplift: 0.1,
      discountRate: 0.1,
      periods: 3,
    });
    expect(r.lifetimeValueGained).toBeCloseTo((1000 * 100 * 525) / 1331, 6);
  });

  it('refuses an uplift that takes retention to 1 or below 0, and negative customers', () => {
    const ok = { customers: 100, margin: 100, retention: 0.8, uplift: 0.05, discountRate: 0.1 };
    for (const uplift of [0.2, 0.3, -0.9, NaN]) expect(() => retentionUplift({ ...ok, uplift })).toThrow(/^uplift: /);
    expect(() => retentionUplift({ ...ok, customers: -1 })).toThrow(/^customers: /);
    expect(() => retentionUplift({ ...ok, retention: 1 })).toThrow(/^retention: /);
  });
});

describe('loyaltyIfLevelRises: the satisfaction–loyalty curve read as "what if" (Jones & Sasser 1995)', () => {
  const shares = [0.05, 0.1, 0.2, 0.4, 0.25];
  const rates = [0, 0.1, 0.3, 0.5, 0.9];

  it('hand computation: the satisfied (level 4) becoming very satisfied (level 5)', () => {
    // now = .05·0 + .10·.1 + .20·.3 + .40·.5 + .25·.9 = 0 + .01 + .06 + .20 + .225 = .495.
    // after: shares .05 .10 .20 0 .65 → .01 + .06 + .65·.9 = .655; uplift .16.
    const r = loyaltyIfLevelRises(shares, rates, 3);
    expect(r.now).toBeCloseTo(0.495, 12);
    expect(r.after).toBeCloseTo(0.655, 12);
    expect(r.uplift).toBeCloseTo(0.16, 12);
  });

  it('a lower step: level 1 rising to 2 adds .05·(.1 − 0) = .005', () => {
    expect(loyaltyIfLevelRises(shares, rates, 0).uplift).toBeCloseTo(0.005, 12);
  });

  it('a level nobody answered has no rate and adds nothing; rising from it changes nothing', () => {
    const r = loyaltyIfLevelRises([0, 0.5, 0.5], [null, 0.2, 0.6], 0);
    expect(r).toEqual({ now: 0.4, after: 0.4, uplift: 0 });
    // .5·.2 + .5·.6 = .4; level 2 taking .6: .5·.6 + .5·.6 = .6.
    expect(loyaltyIfLevelRises([0, 0.5, 0.5], [null, 0.2, 0.6], 1).after).toBeCloseTo(0.6, 12);
  });

  it('refuses shares that do not sum to 1, missing rates where customers are, and a move off the top', () => {
    expect(() => loyaltyIfLevelRises([0.5, 0.4], [0.1, 0.2], 0)).toThrow(/^shares: /);
    expect(() => loyaltyIfLevelRises([0.5, 0.5], [null, 0.2], 0)).toThrow(/^rates\[0\]: /);
    expect(() => loyaltyIfLevelRises([1, 0], [0.3, null], 0)).toThrow(/^rates\[1\]: .*rise to/);
    expect(() => loyaltyIfLevelRises([0.5, 0.5], [0.1, 1.2], 0)).toThrow(/^rates\[1\]: /);
    expect(() => loyaltyIfLevelRises([0.5, 0.5], [0.1, 0.2, 0.3], 0)).toThrow(/^rates: /);
    expect(() => loyaltyIfLevelRises([1.5, -0.5], [0.1, 0.2], 0)).toThrow(/^shares\[0\]: /);
    expect(() => loyaltyIfLevelRises(shares, rates, 4)).toThrow(/^from: /);
    expect(() => loyaltyIfLevelRises(shares, rates, 1.5)).toThrow(/^from: /);
    expect(() => loyaltyIfLevelRises([1], [0.5], 0)).toThrow(/^shares: /);
  });
});
