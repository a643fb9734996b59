import { describe, expect, it } from 'vitest';
import { nps, npsDifference, npsOfCounts, StatsInputError } from '../../../shared/stats';
import { prng } from './fixtures/prng';

describe('nps (Reichheld 2003) with its margin of error', () => {
  it('hand computation', () => {
    // 10 10 9 9 9 | 8 7 | 6 5 0 → P = 5/10, passives 2/10, D = 3/10; NPS = 100·(0.5 − 0.3) = 20.
    // V = P + D − (P − D)² = 0.8 − 0.04 = 0.76; SE = 100·√(0.76/10) = 27.568098;
    // margin = 1.959963985 · 27.568098 = 54.032478.
    const r = nps([10, 10, 9, 9, 9, 8, 7, 6, 5, 0]);
    expect(r.n).toBe(10);
    expect(r.nps).toBeCloseTo(20, 12);
    expect(r.promoters).toBe(0.5);
    expect(r.passives).toBe(0.2);
    expect(r.detractors).toBe(0.3);
    expect(r.marginOfError).toBeCloseTo(54.032478, 5);
  });

  it('90 % confidence uses z_{0.95}', () => {
    // Same data: 1.644853627 · 27.568098 = 45.345485.
    expect(nps([10, 10, 9, 9, 9, 8, 7, 6, 5, 0], 0.9).marginOfError).toBeCloseTo(45.345485, 5);
  });

  it('all promoters: NPS 100 with zero variance, not NaN', () => {
    expect(nps([9, 10, 10])).toMatchObject({ nps: 100, marginOfError: 0 });
    expect(nps([0, 6])).toMatchObject({ nps: -100, marginOfError: 0 });
  });

  it('property: NPS within −100..100, shares sum to 1, margin ≥ 0', () => {
    const r = prng(99);
    for (let k = 0; k < 500; k++) {
      const scores = Array.from({ length: r.int(1, 60) }, () => r.int(0, 10));
      const res = nps(scores);
      expect(res.nps).toBeGreaterThanOrEqual(-100);
      expect(res.nps).toBeLessThanOrEqual(100);
      expect(res.promoters + res.passives + res.detractors).toBeCloseTo(1, 12);
      expect(res.marginOfError).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(res.marginOfError)).toBe(true);
    }
  });

  it('rejects empty input and scores off the 0–10 scale', () => {
    expect(() => nps([])).toThrow(StatsInputError);
    expect(() => nps([11])).toThrow(/scores\[0\]/);
    expect(() => nps([5, -1])).toThrow(/scores\[1\]/);
    expect(() => nps([7.5])).toThrow(/scores\[0\]/);
    expect(() => nps([NaN])).toThrow(/scores\[0\]/);
    expect(() => nps([7], 1)).toThrow(/confidence/);
  });
});

describe('npsOfCounts: NPS from the number of respondents at each score', () => {
  // The hand-computed data above, 10 10 9 9 9 8 7 6 5 0, as counts per score 0…10.
  const counts = [1, 0, 0, 0, 0, 1, 1, 1, 1, 3, 2];

  it('equals the hand computation from the scores themselves', () => {
    const r = npsOfCounts(counts);
    expect(r.n).toBe(10);
    expect(r.nps).toBeCloseTo(20, 12);
    expect(r).toMatchObject({ promoters: 0.5, passives: 0.2, detractors: 0.3 });
    expect(r.marginOfError).toBeCloseTo(54.032478, 5);
  });

  it('weighted counts: same shares, n is their sum (2.5 × 10 = 25), so the margin narrows', () => {
    // margin = 1.959963985 · 100 · √(0.76 / 25) = 195.9963985 · 0.174355958 = 34.173140.
    const r = npsOfCounts(counts.map((c) => c * 2.5));
    expect(r.n).toBe(25);
    expect(r.nps).toBeCloseTo(20, 12);
    expect(r.marginOfError).toBeCloseTo(34.17314, 5);
  });

  it('agrees with nps() on random score lists', () => {
    const r = prng(7);
    for (let k = 0; k < 200; k++) {
      const scores = Array.from({ length: r.int(1, 80) }, () => r.int(0, 10));
      const tallied = new Array<number>(11).fill(0);
      for (const s of scores) tallied[s]++;
      const a = nps(scores);
      const b = npsOfCounts(tallied);
      expect(b.nps).toBeCloseTo(a.nps, 10);
      expect(b.marginOfError).toBeCloseTo(a.marginOfError, 10);
    }
  });

  it('rejects a wrong length, negative or missing counts, and no scores at all', () => {
    expect(() => npsOfCounts([1, 2, 3])).toThrow(/counts/);
    expect(() => npsOfCounts([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1])).toThrow(/counts\[10\]/);
    expect(() => npsOfCounts([NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toThrow(/counts\[0\]/);
    expect(() => npsOfCounts(new Array(11).fill(0))).toThrow(StatsInputError);
  });
});

describe('npsDifference (Wald z test of two independent NPS)', () => {
  it('by hand: NPS 30 of 100 against 10 of 200', () => {
    // V_a = 0.5 + 0.2 − 0.3² = 0.61, V_b = 0.4 + 0.3 − 0.1² = 0.69; SE = 100·√(0.61/100 + 0.69/200)
    // = 9.77241; z = 20 / 9.77241 = 2.046578; two-sided p from SciPy 1.x: 2 * norm.sf(2.046578) = 0.0406995.
    const r = npsDifference({ promoters: 0.5, detractors: 0.2, n: 100 }, { promoters: 0.4, detractors: 0.3, n: 200 });
    expect(r.difference).toBeCloseTo(20, 12);
    expect(r.statistic).toBeCloseTo(2.046578, 6);
    expect(r.p).toBeCloseTo(0.0406995, 6);
    expect(r.df).toBeNull();
    // A result of npsOfCounts goes in as it is; against itself there is no difference.
    const a = npsOfCounts([20, 0, 0, 0, 0, 0, 0, 30, 0, 50, 0]);
    expect(a.nps).toBeCloseTo(30, 12);
    expect(npsDifference(a, a).p).toBe(1);
  });

  it('leaves no doubt between samples without spread, and refuses shares that are not shares', () => {
    expect(npsDifference({ promoters: 1, detractors: 0, n: 40 }, { promoters: 0, detractors: 1, n: 40 })).toMatchObject(
      { difference: 200, p: 0 },
    );
    expect(npsDifference({ promoters: 0, detractors: 0, n: 40 }, { promoters: 0, detractors: 0, n: 10 })).toMatchObject(
      { difference: 0, p: 1 },
    );
    expect(() =>
      npsDifference({ promoters: 0.7, detractors: 0.5, n: 10 }, { promoters: 0.1, detractors: 0.1, n: 10 }),
    ).toThrow(StatsInputError);
    expect(() =>
      npsDifference({ promoters: 0.5, detractors: 0.1, n: 0 }, { promoters: 0.1, detractors: 0.1, n: 10 }),
    ).toThrow(/a\.n/);
  });
});
