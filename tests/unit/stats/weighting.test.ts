import { describe, expect, it } from 'vitest';
import { kishDeff, postStratify, rake, StatsInputError } from '../../../shared/stats';
import { prng } from './fixtures/prng';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Weighted share of each category of `variable`. */
function margin(rows: Record<string, string>[], weights: number[], variable: string): Record<string, number> {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  rows.forEach((row, i) => {
    out[row[variable]] = (out[row[variable]] ?? 0) + weights[i] / total;
  });
  return out;
}

describe('postStratify', () => {
  it('weights each cell by target share / sample share', () => {
    // m: 3 of 4 = 0.75 → 0.5/0.75 = 2/3; f: 1 of 4 = 0.25 → 0.5/0.25 = 2. Mean (3·2/3 + 2)/4 = 1.
    const w = postStratify(['m', 'm', 'm', 'f'], { m: 0.5, f: 0.5 });
    [2 / 3, 2 / 3, 2 / 3, 2].forEach((x, i) => {
      expect(w[i]).toBeCloseTo(x, 15);
    });
    expect(mean(w)).toBeCloseTo(1, 15);
  });

  it('a cell with target 0 gets weight 0 and the rest still average 1', () => {
    // a: 2 of 4 → 0.6/0.5 = 1.2; b: 1 of 4 → 0.4/0.25 = 1.6; c: target 0 → 0. Mean (2.4 + 1.6)/4 = 1.
    expect(postStratify(['a', 'a', 'b', 'c'], { a: 0.6, b: 0.4, c: 0 })).toEqual([1.2, 1.2, 1.6, 0]);
  });

  it('rejects bad input', () => {
    expect(() => postStratify([], { a: 1 })).toThrow(StatsInputError);
    expect(() => postStratify(['a', 'b'], { a: 0.5, b: 0.4 })).toThrow(/sum to 1/);
    expect(() => postStratify(['a', 'x'], { a: 0.5, b: 0.5 })).toThrow(/cells\[1\]/);
    expect(() => postStratify(['a', 'a'], { a: 0.5, b: 0.5 })).toThrow(/targets\.b/);
    expect(() => postStratify(['a'], { a: NaN })).toThrow(/targets\.a/);
    expect(() => postStratify(['a'], { a: 1.5, b: -0.5 })).toThrow(/targets/);
  });
});

describe('rake (iterative proportional fitting, Deming & Stephan 1940)', () => {
  it('independent margins in the sample: one pass gives the product of the two factors', () => {
    // Sample: (m,young) 1, (m,old) 3, (f,young) 1, (f,old) 3 → sex 0.5/0.5, age 0.25/0.75, and
    // age is independent of sex, so raking converges in one pass to
    // w = (target sex / sample sex)·(target age / sample age):
    //   m,young 1.2·2 = 2.4; m,old 1.2·(0.5/0.75) = 0.8; f,young 0.8·2 = 1.6; f,old 0.8·(2/3) = 0.5333.
    const rows = [
      { sex: 'm', age: 'young' },
      ...Array.from({ length: 3 }, () => ({ sex: 'm', age: 'old' })),
      { sex: 'f', age: 'young' },
      ...Array.from({ length: 3 }, () => ({ sex: 'f', age: 'old' })),
    ];
    const r = rake(rows, { sex: { m: 0.6, f: 0.4 }, age: { young: 0.5, old: 0.5 } });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(1);
    [2.4, 0.8, 0.8, 0.8, 1.6, 0.8 * (2 / 3), 0.8 * (2 / 3), 0.8 * (2 / 3)].forEach((x, i) => {
      expect(r.weights[i]).toBeCloseTo(x, 12);
    });
  });

  it('dependent margins: iterates until both margins hold', () => {
    // (m,young) 2, (m,old) 2, (f,young) 1, (f,old) 5; targets sex 0.5/0.5, age 0.4/0.6.
    // Pass 1 by hand: sex factors 5/4 and 5/6; then age totals young 2·1.25 + 5/6 = 3.3333,
    // old 2·1.25 + 5·5/6 = 6.6667 → factors 1.2 and 0.9 → weights 1.5, 1.125, 1, 0.75, whose sex
    // margin (5.25 : 4.75) is not yet 0.5, so more passes follow.
    const cells: [string, string, number][] = [
      ['m', 'young', 2],
      ['m', 'old', 2],
      ['f', 'young', 1],
      ['f', 'old', 5],
    ];
    const rows = cells.flatMap(([sex, age, k]) => Array.from({ length: k }, () => ({ sex, age })));
    const r = rake(rows, { sex: { m: 0.5, f: 0.5 }, age: { young: 0.4, old: 0.6 } });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    expect(margin(rows, r.weights, 'sex').m).toBeCloseTo(0.5, 6);
    expect(margin(rows, r.weights, 'age').young).toBeCloseTo(0.4, 6);
    expect(mean(r.weights)).toBeCloseTo(1, 12);
    const once = rake(rows, { sex: { m: 0.5, f: 0.5 }, age: { young: 0.4, old: 0.6 } }, { maxIterations: 1 });
    expect(once.converged).toBe(false);
    [1.5, 1.5, 1.125, 1.125, 1, 0.75].forEach((x, i) => {
      expect(once.weights[i]).toBeCloseTo(x, 12);
    });
  });

  it("converges to the fitted table that keeps the sample's odds ratio (hand-solved 2 × 2)", () => {
    // Sample (g1,h1) 3, (g1,h2) 1, (g2,h1) 1, (g2,h2) 3; targets g 0.3/0.7, h 0.5/0.5 of n = 8.
    // IPF keeps the cross-product ratio 3·3/(1·1) = 9 (Bishop, Fienberg & Holland, Discrete
    // Multivariate Analysis, 1975, §3.6). Fitted (g1,h1) = x with margins 2.4/5.6 and 4/4:
    // x(1.6 + x) = 9(2.4 − x)(4 − x) → x² − 7.4x + 10.8 = 0 → x = 2; the other cells 0.4, 2, 3.6.
    // Weight = fitted ÷ sample count: 2/3, 0.4, 2, 1.2.
    const cells: [string, string, number, number][] = [
      ['g1', 'h1', 3, 2 / 3],
      ['g1', 'h2', 1, 0.4],
      ['g2', 'h1', 1, 2],
      ['g2', 'h2', 3, 1.2],
    ];
    const rows = cells.flatMap(([g, h, k]) => Array.from({ length: k }, () => ({ g, h })));
    const expected = cells.flatMap(([, , k, w]) => Array.from({ length: k }, () => w));
    const r = rake(
      rows,
      { g: { g1: 0.3, g2: 0.7 }, h: { h1: 0.5, h2: 0.5 } },
      { tolerance: 1e-12, maxIterations: 1000 },
    );
    expect(r.converged).toBe(true);
    r.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(expected[i], 9);
    });
  });

  it('property: raking reproduces every margin within tolerance, with mean weight 1', () => {
    const r = prng(4242);
    for (let k = 0; k < 200; k++) {
      const variables = Array.from({ length: r.int(1, 3) }, (_, v) => ({
        name: `v${v}`,
        categories: Array.from({ length: r.int(2, 4) }, (_, c) => `c${c}`),
      }));
      const n = r.int(20, 200);
      const rows = Array.from({ length: n }, () =>
        Object.fromEntries(variables.map((v) => [v.name, v.categories[r.int(0, v.categories.length - 1)]])),
      );
      // Every category present, and targets that are positive and sum to 1.
      variables.forEach((v) => {
        v.categories.forEach((c, i) => {
          rows[i][v.name] = c;
        });
      });
      const targets = Object.fromEntries(
        variables.map((v) => {
          const raw = v.categories.map(() => 0.2 + r.next());
          const sum = raw.reduce((a, b) => a + b, 0);
          return [v.name, Object.fromEntries(v.categories.map((c, i) => [c, raw[i] / sum]))];
        }),
      );
      const res = rake(rows, targets, { maxIterations: 1000, tolerance: 1e-8 });
      expect(res.converged).toBe(true);
      expect(mean(res.weights)).toBeCloseTo(1, 12);
      for (const v of variables) {
        const m = margin(rows, res.weights, v.name);
        for (const c of v.categories) expect(Math.abs(m[c] - targets[v.name][c])).toBeLessThanOrEqual(1e-8);
      }
    }
  });

  it('post-stratification weights have mean 1 (property)', () => {
    const r = prng(5);
    for (let k = 0; k < 200; k++) {
      const cats = Array.from({ length: r.int(1, 6) }, (_, i) => `k${i}`);
      const cells = Array.from(
        { length: r.int(cats.length, 100) },
        (_, i) => cats[i < cats.length ? i : r.int(0, cats.length - 1)],
      );
      const raw = cats.map(() => r.next() + 0.01);
      const sum = raw.reduce((a, b) => a + b, 0);
      const w = postStratify(cells, Object.fromEntries(cats.map((c, i) => [c, raw[i] / sum])));
      expect(mean(w)).toBeCloseTo(1, 12);
    }
  });

  it('honours initial (design) weights', () => {
    // With starting weights 1 and 3 inside one category, raking keeps their 1 : 3 ratio.
    const rows = [{ g: 'a' }, { g: 'a' }, { g: 'b' }];
    const r = rake(rows, { g: { a: 0.5, b: 0.5 } }, { initialWeights: [1, 3, 1] });
    // a gets 1.5 of 3 in total → 0.375 and 1.125; b gets 1.5.
    [0.375, 1.125, 1.5].forEach((x, i) => {
      expect(r.weights[i]).toBeCloseTo(x, 12);
    });
  });

  it('rejects bad input', () => {
    const rows = [{ g: 'a' }, { g: 'b' }];
    expect(() => rake([], { g: { a: 1 } })).toThrow(StatsInputError);
    expect(() => rake(rows, {})).toThrow(/targets/);
    expect(() => rake(rows, { g: { a: 0.5, b: 0.6 } })).toThrow(/targets\.g/);
    expect(() => rake(rows, { g: { a: 1 } })).toThrow(/rows\[1\]\.g/);
    expect(() => rake([{ g: 'a' }, { g: 'a' }], { g: { a: 0.5, b: 0.5 } })).toThrow(/targets\.g\.b/);
    expect(() => rake(rows, { g: { a: 0.5, b: 0.5 } }, { maxIterations: 0 })).toThrow(/maxIterations/);
    expect(() => rake(rows, { g: { a: 0.5, b: 0.5 } }, { tolerance: NaN })).toThrow(/tolerance/);
    expect(() => rake(rows, { g: { a: 0.5, b: 0.5 } }, { initialWeights: [1] })).toThrow(/initialWeights/);
    expect(() => rake(rows, { g: { a: 0.5, b: 0.5 } }, { initialWeights: [1, 0] })).toThrow(/initialWeights\[1\]/);
    // Targets that leave nobody: a must be everyone, but every "a" respondent is a "y", which gets 0.
    expect(() =>
      rake(
        [
          { g: 'a', h: 'y' },
          { g: 'b', h: 'x' },
        ],
        { g: { a: 1, b: 0 }, h: { x: 1, y: 0 } },
      ),
    ).toThrow(/every weight fell to 0/);
    // Contradictory but not empty: no convergence, reported rather than thrown.
    const stuck = rake(
      [
        { g: 'a', h: 'x' },
        { g: 'b', h: 'y' },
        { g: 'b', h: 'x' },
      ],
      { g: { a: 0.9, b: 0.1 }, h: { x: 0.1, y: 0.9 } },
      { maxIterations: 50 },
    );
    expect(stuck.converged).toBe(false);
    expect(stuck.iterations).toBe(50);
    expect(mean(stuck.weights)).toBeCloseTo(1, 12);
  });
});

describe('kishDeff (Kish 1992)', () => {
  it('n·Σw² / (Σw)²', () => {
    // Equal weights: 1. (0.5, 1.5): 2·(0.25 + 2.25)/4 = 1.25. (1, 2, 3): 3·14/36 = 7/6.
    expect(kishDeff([1, 1, 1, 1])).toBe(1);
    expect(kishDeff([0.5, 1.5])).toBe(1.25);
    expect(kishDeff([1, 2, 3])).toBeCloseTo(7 / 6, 15);
  });

  it('rejects empty, negative, all-zero and NaN weights', () => {
    expect(() => kishDeff([])).toThrow(StatsInputError);
    expect(() => kishDeff([1, -1])).toThrow(/weights\[1\]/);
    expect(() => kishDeff([0, 0])).toThrow(/weights/);
    expect(() => kishDeff([1, NaN])).toThrow(/weights\[1\]/);
  });
});
