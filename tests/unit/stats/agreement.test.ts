import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlphaNominal } from '../../../shared/stats/agreement';
import { agreement } from '../../../shared/coding/agreement';

const expand = (cells: [number, number, number][]) => {
  const a: number[] = [];
  const b: number[] = [];
  for (const [x, y, n] of cells)
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  return { a, b };
};

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example A: binary data, two
// observers, ten units, α = 0.095.
const OBSERVER_1 = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const OBSERVER_2 = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];

describe("Cohen's kappa", () => {
  it('is 0.40 in the grant-proposal example (Wikipedia, "Cohen\'s kappa", worked example)', () => {
    // 50 proposals: both yes 20, A yes B no 5, A no B yes 10, both no 15. pₒ = 0.7, pₑ = 0.5·0.6 + 0.5·0.4 = 0.5.
    const { a, b } = expand([
      [1, 1, 20],
      [1, 0, 5],
      [0, 1, 10],
      [0, 0, 15],
    ]);
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('is 1/11 on Krippendorff’s binary example, by hand', () => {
    // pₒ = 6/10; pₑ = 0.2·0.4 + 0.8·0.6 = 0.56; κ = 0.04/0.44.
    expect(cohenKappa(OBSERVER_1, OBSERVER_2)).toBeCloseTo(1 / 11, 12);
  });

  it('is undefined when both coders put everything in one category', () => {
    expect(cohenKappa([1, 1], [1, 1])).toBeNull();
    expect(() => cohenKappa([1], [1, 0])).toThrow(/b/);
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  it('is 0.095 on example A of Krippendorff (2011)', () => {
    // Coincidences o00 = 10, o01 = o10 = 4, o11 = 2: α = 1 − 19·8/(14·6·2) = 1 − 76/84.
    expect(krippendorffAlphaNominal(OBSERVER_1.map((x, i) => [x, OBSERVER_2[i]]))).toBeCloseTo(1 - 76 / 84, 12);
  });

  it('is 0.743 on example C of Krippendorff (2011): four observers, missing values', () => {
    const rows = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = rows[0].map((_, u) => rows.map((r) => r[u]).filter((x): x is number => x !== null));
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it('is undefined without variation', () => {
    expect(
      krippendorffAlphaNominal([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([[1]])).toBeNull();
  });
});

describe('agreement of two coders', () => {
  it('gives kappa per code and alpha over every answer × code decision', () => {
    // Code "slow" follows Krippendorff's example A over answers 1–10; "price" is given alike by both.
    const a = new Map<number, Set<string>>();
    const b = new Map<number, Set<string>>();
    OBSERVER_1.forEach((x, i) => {
      a.set(i + 1, new Set([...(x ? ['slow'] : []), ...(i < 3 ? ['price'] : [])]));
      b.set(i + 1, new Set([...(OBSERVER_2[i] ? ['slow'] : []), ...(i < 3 ? ['price'] : [])]));
    });
    a.set(99, new Set(['slow']));
    const result = agreement(['slow', 'price'], a, b);
    expect(result.answers).toBe(10);
    expect(result.codes[0]).toEqual({ code: 'slow', both: 1, onlyOne: 4, kappa: expect.closeTo(1 / 11, 12) });
    expect(result.codes[1]).toEqual({ code: 'price', both: 3, onlyOne: 0, kappa: 1 });
    // 20 binary units: slow's 10 (o01 = o10 = 4, ones 6) and price's 10 (all alike, ones 6):
    // n = 40, n1 = 12, n0 = 28, disagreements 8: α = 1 − 39·8/(2·12·28) = 1 − 312/672.
    expect(result.alpha).toBeCloseTo(1 - 312 / 672, 12);
  });
});
