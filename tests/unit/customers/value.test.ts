/**
 * Customer value on a small register whose scores, segments, tiers and matrix cells are derived by
 * hand below (ties and equal amounts included).
 */
import { describe, expect, it } from 'vitest';
import {
  pyramidTiers,
  quintileScores,
  rfmScores,
  segmentOf,
  valueMatrix,
  type ValueFigures,
} from '../../../shared/customers/value';
import { minorDigits, parseMinor } from '../../../shared/customers/money';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const ago = (days: number | null) => (days === null ? null : NOW - days * DAY);

/**
 * Ten customers A–J. Ties: B and A spend the same; C and F last bought the same day; D, E and F
 * buy equally often; I and J spend nothing.
 */
const REGISTER: (ValueFigures & { key: string })[] = [
  { key: 'A', lastAt: ago(1), frequency: 5, monetary: 100_000 },
  { key: 'B', lastAt: ago(200), frequency: 5, monetary: 100_000 },
  { key: 'C', lastAt: ago(10), frequency: 4, monetary: 50_000 },
  { key: 'D', lastAt: ago(30), frequency: 3, monetary: 20_000 },
  { key: 'E', lastAt: ago(400), frequency: 3, monetary: 10_000 },
  { key: 'F', lastAt: ago(10), frequency: 3, monetary: 10_000 },
  { key: 'G', lastAt: ago(90), frequency: 2, monetary: 5_000 },
  { key: 'H', lastAt: ago(2), frequency: 1, monetary: 3_000 },
  { key: 'I', lastAt: ago(365), frequency: 1, monetary: 0 },
  { key: 'J', lastAt: ago(null), frequency: 0, monetary: 0 },
];

describe('RFM quintile scores: 1 + ⌊5 · (customers strictly worse) / n⌋, n = 10', () => {
  // Recency, worst first (never, then longest ago), with the number strictly worse:
  //   J never 0 → 1; E 400 d 1 → 1; I 365 d 2 → 2; B 200 d 3 → 2; G 90 d 4 → 3; D 30 d 5 → 3;
  //   C and F 10 d 6 → 4 (tied); H 2 d 8 → 5; A 1 d 9 → 5.
  // Frequency: J 0 (0) → 1; H, I 1 (1) → 1; G 2 (3) → 2; D, E, F 3 (4) → 3; C 4 (7) → 4; A, B 5 (8) → 5.
  // Monetary: I, J 0 (0) → 1; H 3,000 (2) → 2; G 5,000 (3) → 2; E, F 10,000 (4) → 3;
  //   D 20,000 (6) → 4; C 50,000 (7) → 4; A, B 100,000 (8) → 5.
  const expected: Record<string, [number, number, number]> = {
    A: [5, 5, 5],
    B: [2, 5, 5],
    C: [4, 4, 4],
    D: [3, 3, 4],
    E: [1, 3, 3],
    F: [4, 3, 3],
    G: [3, 2, 2],
    H: [5, 1, 2],
    I: [2, 1, 1],
    J: [1, 1, 1],
  };

  it('scores each customer as derived by hand, ties sharing a score', () => {
    const scores = rfmScores(REGISTER);
    const got = Object.fromEntries(REGISTER.map((c, i) => [c.key, [scores[i].r, scores[i].f, scores[i].m]]));
    expect(got).toEqual(expected);
  });

  it('gives the same scores whatever order the customers come in', () => {
    const reversed = [...REGISTER].reverse();
    const scores = rfmScores(reversed);
    const got = Object.fromEntries(reversed.map((c, i) => [c.key, [scores[i].r, scores[i].f, scores[i].m]]));
    expect(got).toEqual(expected);
  });

  it('puts a fifth of the customers in each score when figures differ (n = 10: two each)', () => {
    const scores = quintileScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(scores).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives everyone 1 when all figures are equal (nobody is strictly worse)', () => {
    expect(quintileScores([7, 7, 7])).toEqual([1, 1, 1]);
    expect(quintileScores([])).toEqual([]);
  });
});

describe('named segments on the R × FM grid, FM = ⌊(F + M) / 2⌋', () => {
  it('names the register as derived by hand', () => {
    // A 5,5,5 FM 5 R 5 → champions; B R 2 FM 5 → can't lose; C R 4 FM 4 → champions;
    // D R 3 FM ⌊3.5⌋ = 3 → loyal; E R 1 FM 3 → at risk; F R 4 FM 3 → loyal; G R 3 FM 2 → needs attention;
    // H R 5 FM ⌊1.5⌋ = 1 → promising; I R 2 FM 1 → hibernating; J R 1 FM 1 → lost.
    const segments = rfmScores(REGISTER).map(segmentOf);
    expect(Object.fromEntries(REGISTER.map((c, i) => [c.key, segments[i]]))).toEqual({
      A: 'champions',
      B: 'cant-lose',
      C: 'champions',
      D: 'loyal',
      E: 'at-risk',
      F: 'loyal',
      G: 'needs-attention',
      H: 'promising',
      I: 'hibernating',
      J: 'lost',
    });
  });

  it('names every one of the 125 score combinations (the grid has no gap)', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(segmentOf({ r, f, m }));
    expect([...seen].sort()).toEqual([
      'at-risk',
      'cant-lose',
      'champions',
      'hibernating',
      'lost',
      'loyal',
      'needs-attention',
      'promising',
    ]);
  });
});

describe('the customer pyramid by revenue', () => {
  it('tiers the register with cut points 10/20/30/40 % as derived by hand', () => {
    // Cumulative shares 0.1, 0.3, 0.6, 1; a = customers with strictly more revenue, n = 10.
    // A, B a = 0 → 0 < 0.1 → tier 0 (both: equal revenue shares a tier); C a = 2 → 0.2 → tier 1;
    // D a = 3 → 0.3 → tier 2; E, F a = 4 → 0.4 → tier 2; G a = 6 → 0.6 → tier 3; H a = 7 → tier 3;
    // I, J no revenue → the last tier.
    const tiers = pyramidTiers(
      REGISTER.map((c) => c.monetary),
      [10, 20, 30, 40],
    );
    expect(Object.fromEntries(REGISTER.map((c, i) => [c.key, tiers[i]]))).toEqual({
      A: 0,
      B: 0,
      C: 1,
      D: 2,
      E: 2,
      F: 2,
      G: 3,
      H: 3,
      I: 3,
      J: 3,
    });
  });

  const counts = (tiers: number[]) => [0, 1, 2, 3].map((t) => tiers.filter((x) => x === t).length);

  it('holds 1 / 4 / 15 / 80 % of 200 customers with distinct revenues: 2, 8, 30, 160', () => {
    // VIP: a / 200 < 0.01 → a < 2 → 2 customers; major: a < 10 → 8; ordinary: a < 40 → 30; small: 160.
    expect(counts(pyramidTiers(Array.from({ length: 200 }, (_, i) => 1000 + i)))).toEqual([2, 8, 30, 160]);
  });

  it('rounds each tier up at 150 customers: 2, 6, 22, 120', () => {
    // a < 1.5 → 2; a < 7.5 → a = 2…7 → 6; a < 30 → 22; the remaining 120.
    expect(counts(pyramidTiers(Array.from({ length: 150 }, (_, i) => 1000 + i)))).toEqual([2, 6, 22, 120]);
  });

  it('keeps customers without revenue in the last tier however many there are', () => {
    // 90 zeros and 10 buyers of 1…10: a < 1 → VIP (10); a < 5 → major (9, 8, 7, 6); a < 20 → ordinary (5…1).
    const revenue = [...Array.from({ length: 90 }, () => 0), ...Array.from({ length: 10 }, (_, i) => i + 1)];
    expect(counts(pyramidTiers(revenue))).toEqual([1, 4, 5, 90]);
  });
});

describe('the frequency × average-spend matrix', () => {
  it('splits the buyers at their lower medians as derived by hand', () => {
    // Buyers A–I (J never bought). Frequencies sorted 1 1 2 3 3 3 4 5 5: lower median (5th) 3.
    // Average spend sorted 0, 2,500, 3,000, 3,333.3, 3,333.3, 6,666.7, 12,500, 20,000, 20,000: median 3,333.3.
    // High = strictly above: A, B, C best; D (3 purchases, 6,666.7) big spender; E, F, G, H, I occasional.
    const m = valueMatrix(REGISTER);
    expect(m.frequencyMedian).toBe(3);
    expect(m.spendMedian).toBeCloseTo(10_000 / 3, 9);
    expect(Object.fromEntries(REGISTER.map((c, i) => [c.key, m.cellOf[i]]))).toEqual({
      A: 'best',
      B: 'best',
      C: 'best',
      D: 'big-spenders',
      E: 'occasional',
      F: 'occasional',
      G: 'occasional',
      H: 'occasional',
      I: 'occasional',
      J: null,
    });
    expect(m.cells).toEqual({
      best: { customers: 3, revenue: 250_000 },
      frequent: { customers: 0, revenue: 0 },
      'big-spenders': { customers: 1, revenue: 20_000 },
      occasional: { customers: 5, revenue: 28_000 },
    });
  });
});

describe('amounts in minor units', () => {
  it('knows each currency’s decimals (ISO 4217)', () => {
    expect([
      minorDigits('EUR'),
      minorDigits('JPY'),
      minorDigits('VND'),
      minorDigits('TWD'),
      minorDigits('euro'),
    ]).toEqual([2, 0, 0, 2, null]);
  });
  it('reads amounts exactly, with a point or a comma, and refuses what it cannot read', () => {
    expect(parseMinor('1234.5', 2)).toBe(123_450);
    expect(parseMinor('-12,50', 2)).toBe(-1_250);
    expect(parseMinor('0.1', 2)).toBe(10);
    expect(parseMinor('250000', 0)).toBe(250_000);
    expect(parseMinor('1.5', 0)).toBeNull();
    expect(parseMinor('1,234.50', 2)).toBeNull();
    expect(parseMinor('12 EUR', 2)).toBeNull();
  });
});
