import { describe, expect, it } from 'vitest';
import { StatsInputError, vanWestendorp } from '../../../shared/stats';

// Five valid respondents and two invalid ones (tooCheap = cheap; cheap > expensive).
//        tooCheap cheap expensive tooExpensive  buy@cheap buy@expensive (5-point)
// R1        5      10      20        30             5 (0.7)     3 (0.3)
// R2       12      15      25        35             4 (0.5)     2 (0.1)
// R3        5      15      20        25             5 (0.7)     4 (0.5)
// R4        8      12      30        40             3 (0.3)     1 (0)
// R5       10      20      25        30             4 (0.5)     3 (0.3)
const rows = [
  { tooCheap: 5, cheap: 10, expensive: 20, tooExpensive: 30, buyAtCheap: 5, buyAtExpensive: 3 },
  { tooCheap: 12, cheap: 15, expensive: 25, tooExpensive: 35, buyAtCheap: 4, buyAtExpensive: 2 },
  { tooCheap: 5, cheap: 15, expensive: 20, tooExpensive: 25, buyAtCheap: 5, buyAtExpensive: 4 },
  { tooCheap: 8, cheap: 12, expensive: 30, tooExpensive: 40, buyAtCheap: 3, buyAtExpensive: 1 },
  { tooCheap: 10, cheap: 20, expensive: 25, tooExpensive: 30, buyAtCheap: 4, buyAtExpensive: 3 },
  { tooCheap: 10, cheap: 10, expensive: 20, tooExpensive: 30, buyAtCheap: 3, buyAtExpensive: 3 },
  { tooCheap: 5, cheap: 20, expensive: 15, tooExpensive: 30, buyAtCheap: 3, buyAtExpensive: 3 },
];

// Hand computation. Grid = unique prices of the valid respondents: 5 8 10 12 15 20 25 30 35 40.
// Counts n·F_X(p) (n = 5), with F = 0 for p ≤ min X and 1 for p ≥ max X:
//   price       5  8 10 12 15 20 25 30 35 40
//   tooCheap    0  3  4  5  5  5  5  5  5  5   (values 5 5 8 10 12: 0 at p = 5 although two said 5)
//   cheap       0  0  0  2  4  5  5  5  5  5   (values 10 12 15 15 20)
//   expensive   0  0  0  0  0  0  4  5  5  5   (values 20 20 25 25 30)
//   tooExp.     0  0  0  0  0  0  0  3  4  5   (values 25 30 30 35 40)
// Curve differences ×5 (each runs from −5 to +5):
//   PMC not cheap − too cheap = C + TC − 5: −5 −2 −1  2 …  → through zero between 10 and 12:
//       10 + 2·1/3 = 10.6667
//   PME too exp. − not exp.   = TE + E − 5: −5 … −5 (20) −1 (25) 3 (30) → 25 + 5·1/4 = 26.25
//   IPP expensive − cheap     = E + C − 5:  −5 −5 −5 −3 −1 0 → to zero at 20
//   OPP too exp. − too cheap  = TE + TC − 5: −5 −2 −1 0 → to zero at 12
describe('vanWestendorp (pricesensitivitymeter 1.3.3 conventions, as specified in issue 3)', () => {
  const r = vanWestendorp(rows);

  it('counts valid and invalid respondents', () => {
    expect(r.valid).toBe(5);
    expect(r.invalid).toBe(2);
  });

  it('price points: interpolated crossings and exact grid crossings', () => {
    expect(r.pmc).toBeCloseTo(10 + 2 / 3, 12);
    expect(r.pme).toBeCloseTo(26.25, 12);
    expect(r.ipp).toBe(20);
    expect(r.opp).toBe(12);
  });

  it('curves follow the boundary rule of the empirical distribution', () => {
    expect(r.curves.map((c) => c.price)).toEqual([5, 8, 10, 12, 15, 20, 25, 30, 35, 40]);
    const at = (p: number) => r.curves.find((c) => c.price === p)!;
    // At 5 two of five said "too cheap" = 5, yet F = 0 there, so too cheap = 1 (not 0.6).
    expect(at(5)).toEqual({
      price: 5,
      tooCheap: 1,
      cheap: 1,
      expensive: 0,
      tooExpensive: 0,
      notCheap: 0,
      notExpensive: 1,
    });
    // At 12: too cheap 1 − 5/5 = 0, cheap 1 − 2/5 = 0.6, not cheap 0.4.
    expect(at(12).tooCheap).toBe(0);
    expect(at(12).cheap).toBeCloseTo(0.6, 15);
    expect(at(12).notCheap).toBeCloseTo(0.4, 15);
    // At 30: expensive 1 (p ≥ max), too expensive 3/5, not expensive 0.
    expect(at(30)).toMatchObject({ expensive: 1, tooExpensive: 0.6, notExpensive: 0 });
  });

  // NMS by hand: each respondent's probability, linear in price between (tooCheap, 0),
  // (cheap, c), (expensive, e), (tooExpensive, 0) and 0 outside:
  //   price   5     8     10    12    15    20     25     30    35 40
  //   R1      0     0.42  0.7   0.62  0.5   0.3    0.15   0     0  0
  //   R2      0     0     0     0     0.5   0.3    0.1    0.05  0  0
  //   R3      0     0.21  0.35  0.49  0.7   0.5    0      0     0  0
  //   R4      0     0     0.15  0.3   0.25  1/6    1/12   0     0  0
  //   R5      0     0     0     0.1   0.25  0.5    0.3    0     0  0
  //   sum     0     0.63  1.2   1.51  2.2   1.7667 0.6333 0.05  0  0
  //   reach   0     0.126 0.24  0.302 0.44  0.3533 0.1267 0.01  0  0   (sum/5)
  //   revenue 0     1.008 2.4   3.624 6.6   7.0667 3.1667 0.3   0  0   (price × reach)
  // (e.g. R4 at 20: between 12 (0.3) and 30 (0), 0.3·(30 − 20)/(30 − 12) = 1/6.)
  it('Newton–Miller–Smith reach and revenue', () => {
    const nms = r.nms!;
    const reach = [0, 0.126, 0.24, 0.302, 0.44, 1.76666666666666667 / 5, 0.63333333333333333 / 5, 0.01, 0, 0];
    nms.curve.forEach((point, i) => {
      expect(point.price).toBe(r.curves[i].price);
      expect(point.reach).toBeCloseTo(reach[i], 12);
      expect(point.revenue).toBeCloseTo(point.price * reach[i], 12);
    });
    expect(nms.reachOptimal).toBe(15);
    expect(nms.revenueOptimal).toBe(20);
  });

  it('NMS optimum is the first maximum', () => {
    // One respondent, likelihood 5 at both cheap and expensive: reach 0, 0.7, 0.7, 0 → first max at 2;
    // revenue 0, 1.4, 2.1, 0 → 3.
    const one = vanWestendorp([
      { tooCheap: 1, cheap: 2, expensive: 3, tooExpensive: 4, buyAtCheap: 5, buyAtExpensive: 5 },
    ]);
    expect(one.nms).toMatchObject({ reachOptimal: 2, revenueOptimal: 3 });
  });

  it('a column where everyone gives the same price stays at F = 0 there (the "min" rule wins)', () => {
    // Grid 1 2 3 4 10; too expensive is 10 for both, so n·F_te = 0 even at 10; expensive (3, 4):
    // 0 0 0 2 2. PME difference te + e − 2: −2 −2 −2 0 → to zero at 4. Too cheap (1, 2): 0 2 2 2 2,
    // so OPP te + tc − 2: −2 0 → 2.
    const r = vanWestendorp([
      { tooCheap: 1, cheap: 2, expensive: 3, tooExpensive: 10 },
      { tooCheap: 2, cheap: 3, expensive: 4, tooExpensive: 10 },
    ]);
    expect(r.curves[4]).toMatchObject({ price: 10, tooExpensive: 0 });
    expect(r.pme).toBe(4);
    expect(r.opp).toBe(2);
  });

  it('without purchase likelihoods there is no nms', () => {
    expect(
      vanWestendorp(
        rows.map(({ tooCheap, cheap, expensive, tooExpensive }) => ({ tooCheap, cheap, expensive, tooExpensive })),
      ).nms,
    ).toBeUndefined();
  });

  it('rejects bad input', () => {
    expect(() => vanWestendorp([])).toThrow(StatsInputError);
    expect(() => vanWestendorp([{ tooCheap: 3, cheap: 2, expensive: 4, tooExpensive: 5 }])).toThrow(/no respondent/);
    expect(() => vanWestendorp([{ tooCheap: 1, cheap: NaN, expensive: 4, tooExpensive: 5 }])).toThrow(
      /rows\[0\]\.cheap/,
    );
    expect(() => vanWestendorp([rows[0], { tooCheap: 1, cheap: 2, expensive: 4, tooExpensive: 5 }])).toThrow(
      /rows\[1\]\.buyAtCheap/,
    );
    expect(() => vanWestendorp([{ ...rows[0], buyAtCheap: 6 }])).toThrow(/rows\[0\]\.buyAtCheap/);
    expect(() => vanWestendorp([{ ...rows[0], buyAtExpensive: 2.5 }])).toThrow(/rows\[0\]\.buyAtExpensive/);
  });

  it('weights each respondent: integer weights give what repeating rows gives, and scaling all weights changes nothing', () => {
    // Frequency weights: R1 twice and R4 three times is the same sample as the rows repeated.
    const weights = rows.map((_, i) => (i === 0 ? 2 : i === 3 ? 3 : 1));
    const repeated = rows.flatMap((r, i) => Array.from({ length: weights[i] }, () => r));
    const weighted = vanWestendorp(rows, weights);
    const expanded = vanWestendorp(repeated);
    for (const k of ['pmc', 'opp', 'ipp', 'pme'] as const) expect(weighted[k]).toBeCloseTo(expanded[k], 12);
    weighted.curves.forEach((c, i) => {
      expect(c.tooCheap).toBeCloseTo(expanded.curves[i].tooCheap, 12);
    });
    weighted.nms!.curve.forEach((c, i) => {
      expect(c.reach).toBeCloseTo(expanded.nms!.curve[i].reach, 12);
    });
    expect(weighted.valid).toBe(vanWestendorp(rows).valid);
    // Weights of 0.5 everywhere are the unweighted analysis.
    const half = vanWestendorp(
      rows,
      rows.map(() => 0.5),
    );
    const plain = vanWestendorp(rows);
    for (const k of ['pmc', 'opp', 'ipp', 'pme'] as const) expect(half[k]).toBeCloseTo(plain[k], 12);
    expect(() => vanWestendorp(rows, [1])).toThrow(/weights/);
    expect(() =>
      vanWestendorp(
        rows,
        rows.map(() => -1),
      ),
    ).toThrow(/weights\[0\]/);
  });
});
