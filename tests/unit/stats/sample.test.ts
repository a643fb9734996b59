import { describe, expect, it } from 'vitest';
import { allocate, marginOfError, sampleSize, StatsInputError } from '../../../shared/stats';
import { prng } from './fixtures/prng';

// z_{0.975} = 1.959963985, z² = 3.841458821; z_{0.995}² = 6.634896601 (normal quantiles, see quantiles.test.ts).

describe('sampleSize (Cochran with finite-population correction; Raosoft)', () => {
  it('N = 10,000, 95 %, ±5 %, p = 0.5 → 370 (Raosoft)', () => {
    // n0 = 3.841458821 · 0.25 / 0.0025 = 384.1459; n = 384.1459 / (1 + 383.1459/10000) = 369.97 → 370.
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: 10_000 })).toBe(370);
  });

  it('infinite population, 95 %, ±5 % → 385 (Raosoft, Cochran)', () => {
    // n0 = 384.1459 → 385.
    expect(sampleSize({ confidence: 0.95, margin: 0.05 })).toBe(385);
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: Infinity })).toBe(385);
  });

  // Hand computations, n = 384.1459 / (1 + 383.1459/N) rounded up, beside the Krejcie & Morgan
  // (1970) table entry, which uses χ² = 3.841 and rounds to nearest and so is 1 lower for some N.
  it.each([
    [100, 79.509, 80, 80],
    [500, 217.487, 218, 217],
    [1_000, 277.733, 278, 278],
    [2_000, 322.386, 323, 322],
    [20_000, 376.925, 377, 377],
    [1_000_000, 383.999, 384, 384],
  ])('N = %s: n = %s → %s (Krejcie–Morgan lists %s)', (N, _exact, expected) => {
    expect(sampleSize({ confidence: 0.95, margin: 0.05, population: N })).toBe(expected);
  });

  it('other confidence levels, margins, proportions and design effects (hand computations)', () => {
    // 99 %: 6.634896601 · 0.25 / 0.0025 = 663.49 → 664.
    expect(sampleSize({ confidence: 0.99, margin: 0.05 })).toBe(664);
    // ±3 %: 3.841458821 · 0.25 / 0.0009 = 1067.07 → 1068.
    expect(sampleSize({ confidence: 0.95, margin: 0.03 })).toBe(1068);
    // p = 0.2: 3.841458821 · 0.16 / 0.0025 = 245.85 → 246.
    expect(sampleSize({ confidence: 0.95, margin: 0.05, proportion: 0.2 })).toBe(246);
    // deff 2: 2 · 384.1459 = 768.29 → 769.
    expect(sampleSize({ confidence: 0.95, margin: 0.05, designEffect: 2 })).toBe(769);
    // deff before the FPC: n0 = 768.29, N = 10,000: 768.29 / (1 + 767.29/10000) = 713.54 → 714.
    expect(sampleSize({ confidence: 0.95, margin: 0.05, designEffect: 2, population: 10_000 })).toBe(714);
  });

  it('a mean: n0 = (z·sd/e)²', () => {
    // sd 15, ±2: (1.959963985 · 15 / 2)² = 14.69972989² = 216.08 → 217.
    expect(sampleSize({ confidence: 0.95, margin: 2, sd: 15 })).toBe(217);
    // sd 1, ±0.1 on a 5-point scale, N = 400: n0 = 384.1459; 384.1459 / (1 + 383.1459/400) = 196.21 → 197.
    expect(sampleSize({ confidence: 0.95, margin: 0.1, sd: 1, population: 400 })).toBe(197);
  });

  it('rejects bad input', () => {
    expect(() => sampleSize({ confidence: 1, margin: 0.05 })).toThrow(StatsInputError);
    expect(() => sampleSize({ confidence: 0.95, margin: 0 })).toThrow(/margin/);
    expect(() => sampleSize({ confidence: 0.95, margin: 5 })).toThrow(/margin/);
    expect(() => sampleSize({ confidence: 0.95, margin: NaN })).toThrow(/margin/);
    expect(() => sampleSize({ confidence: 0.95, margin: 0.05, proportion: 1 })).toThrow(/proportion/);
    expect(() => sampleSize({ confidence: 0.95, margin: 0.05, population: 0 })).toThrow(/population/);
    expect(() => sampleSize({ confidence: 0.95, margin: 0.05, population: 10.5 })).toThrow(/population/);
    expect(() => sampleSize({ confidence: 0.95, margin: 0.05, designEffect: 0 })).toThrow(/designEffect/);
    expect(() => sampleSize({ confidence: 0.95, margin: 2, sd: -1 })).toThrow(/sd/);
    expect(() => sampleSize({ confidence: 0.95, margin: 2, sd: 1, proportion: 0.5 })).toThrow(/sd/);
  });
});

describe('marginOfError (inverse of sampleSize)', () => {
  it('n = 385, 95 %, p = 0.5 → ±4.99 points', () => {
    // 1.959963985 · √(0.25/385) = 1.959963985 · 0.025482 = 0.0499445.
    expect(marginOfError({ n: 385, confidence: 0.95 })).toBeCloseTo(0.0499445, 6);
  });

  it('applies the FPC √((N − n)/(N − 1))', () => {
    // n = 370, N = 10,000: 1.959963985 · √(0.25/370) · √(9630/9999) = 0.0509468 · 0.981375 = 0.0499979.
    expect(marginOfError({ n: 370, confidence: 0.95, population: 10_000 })).toBeCloseTo(0.0499979, 6);
    expect(marginOfError({ n: 500, confidence: 0.95, population: 500 })).toBe(0);
  });

  it('a mean, with a design effect', () => {
    // sd 15, n 100, deff 1.5: 1.959963985 · 15 · √(1.5/100) = 29.39946 · 0.1224745 = 3.600684.
    expect(marginOfError({ n: 100, confidence: 0.95, sd: 15, designEffect: 1.5 })).toBeCloseTo(3.600684, 5);
  });

  it('property: sampleSize is the least n whose margin is within the target', () => {
    const r = prng(7);
    for (let k = 0; k < 300; k++) {
      const confidence = [0.8, 0.9, 0.95, 0.99][r.int(0, 3)];
      const margin = 0.01 + r.next() * 0.14;
      const proportion = 0.05 + r.next() * 0.9;
      const population = r.next() < 0.3 ? undefined : r.int(50, 100_000);
      const designEffect = 1 + r.next();
      const o = { confidence, proportion, population, designEffect };
      const n = sampleSize({ ...o, margin });
      expect(marginOfError({ ...o, n })).toBeLessThanOrEqual(margin * (1 + 1e-12));
      if (n > 1) expect(marginOfError({ ...o, n: n - 1 })).toBeGreaterThan(margin);
    }
  });

  it('rejects bad input', () => {
    expect(() => marginOfError({ n: 0, confidence: 0.95 })).toThrow(/^n:/);
    expect(() => marginOfError({ n: NaN, confidence: 0.95 })).toThrow(/^n:/);
    expect(() => marginOfError({ n: 600, confidence: 0.95, population: 500 })).toThrow(/^n:/);
    expect(() => marginOfError({ n: 100, confidence: 0 })).toThrow(/confidence/);
  });
});

describe('allocate (proportional / Neyman, largest remainder)', () => {
  it('proportional allocation that divides evenly', () => {
    // 100 · (500, 300, 200) / 1000 = (50, 30, 20).
    expect(allocate(100, [500, 300, 200])).toEqual([50, 30, 20]);
  });

  it('largest remainder gets the unit left over', () => {
    // 10 · (333, 333, 334)/1000 = (3.33, 3.33, 3.34): floors 3+3+3 = 9, the 1 left goes to .34.
    expect(allocate(10, [333, 333, 334])).toEqual([3, 3, 4]);
  });

  it('ties go to the larger stratum, then to the earlier one', () => {
    // 5 · (200, 300, 500)/1000 = (1, 1.5, 2.5): floors 1+1+2 = 4; remainders .5 and .5 tie → the
    // stratum of 500 wins.
    expect(allocate(5, [200, 300, 500])).toEqual([1, 1, 3]);
    // 3 · 100/400 = 0.75 each: floors 0, three units for four equal ties → the first three.
    expect(allocate(3, [100, 100, 100, 100])).toEqual([1, 1, 1, 0]);
  });

  it('Neyman allocation n_h ∝ N_h·S_h', () => {
    // N·S = (1000·10, 2000·5, 1000·20) = (10000, 10000, 20000) → 100 · (¼, ¼, ½).
    expect(allocate(100, [1000, 2000, 1000], { sd: [10, 5, 20] })).toEqual([25, 25, 50]);
  });

  it('never gives a stratum more than its size', () => {
    // Neyman shares (25, 25), but the first stratum has only 10: it takes all 10, the other 40.
    expect(allocate(50, [10, 1000], { sd: [100, 1] })).toEqual([10, 40]);
    // Everyone: a census.
    expect(allocate(30, [5, 10, 15])).toEqual([5, 10, 15]);
    // Neyman (15, 0) caps the first stratum at 10; the 5 left can only go to the stratum with
    // S_h = 0, which then takes them in proportion to size.
    expect(allocate(15, [10, 10], { sd: [1, 0] })).toEqual([10, 5]);
  });

  it('min raises small cells and takes the difference proportionally', () => {
    // Shares (6, 3, 1); the 1 is raised to 2 and the other two give up 1 in the ratio 6 : 3:
    // (6 − 2/3, 3 − 1/3) = (5.33, 2.67) → largest remainder → (5, 3, 2).
    expect(allocate(10, [600, 300, 100], { min: 2 })).toEqual([5, 3, 2]);
    // A stratum smaller than min is taken whole: shares (0.04, 10, 9.96); stratum 0 → 2; the others
    // are scaled by 18/19.96 to (9.018, 8.982) → floors 9 + 8, the unit left goes to .982.
    expect(allocate(20, [2, 500, 498], { min: 4 })).toEqual([2, 9, 9]);
  });

  it('property: cells sum to the total, stay within [min(min, N_h), N_h], and meet the quota rule', () => {
    const r = prng(20240601);
    for (let k = 0; k < 1000; k++) {
      const strata = r.int(1, 8);
      const sizes = Array.from({ length: strata }, () => (r.next() < 0.1 ? 0 : r.int(1, 500)));
      if (!sizes.some((s) => s > 0)) sizes[0] = 1;
      const population = sizes.reduce((a, b) => a + b, 0);
      const total = r.int(0, population);
      const sd = r.next() < 0.5 ? sizes.map(() => (r.next() < 0.1 ? 0 : r.next() * 10)) : undefined;
      let min = r.next() < 0.5 ? r.int(0, 30) : undefined;
      const floors = sizes.map((s) => Math.min(s, min ?? 0));
      if (floors.reduce((a, b) => a + b, 0) > total) min = undefined;
      const cells = allocate(total, sizes, { sd, min });
      expect(cells.reduce((a, b) => a + b, 0)).toBe(total);
      cells.forEach((c, i) => {
        expect(Number.isInteger(c)).toBe(true);
        expect(c).toBeLessThanOrEqual(sizes[i]);
        expect(c).toBeGreaterThanOrEqual(min === undefined ? 0 : Math.min(sizes[i], min));
      });
      if (sd === undefined && min === undefined) {
        // Hamilton's method satisfies quota: each cell is its exact share rounded down or up.
        cells.forEach((c, i) => {
          const quota = (total * sizes[i]) / population;
          expect(c).toBeGreaterThanOrEqual(Math.floor(quota + 1e-9));
          expect(c).toBeLessThanOrEqual(Math.ceil(quota - 1e-9));
        });
      }
    }
  });

  it('rejects bad input', () => {
    expect(() => allocate(10, [])).toThrow(/sizes/);
    expect(() => allocate(10, [0, 0])).toThrow(/sizes/);
    expect(() => allocate(10, [5, 4])).toThrow(/total/);
    expect(() => allocate(2.5, [5, 4])).toThrow(/total/);
    expect(() => allocate(-1, [5, 4])).toThrow(/total/);
    expect(() => allocate(5, [5, NaN])).toThrow(/sizes\[1\]/);
    expect(() => allocate(5, [5, 4.5])).toThrow(/sizes\[1\]/);
    expect(() => allocate(5, [5, 4], { sd: [1] })).toThrow(/sd/);
    expect(() => allocate(5, [5, 4], { sd: [1, -1] })).toThrow(/sd\[1\]/);
    expect(() => allocate(5, [5, 4], { min: 3 })).toThrow(/min/);
    expect(() => allocate(5, [5, 4], { min: 1.5 })).toThrow(/min/);
  });
});
