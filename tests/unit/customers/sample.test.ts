/**
 * The register's sampling: a seeded generator (same seed, same sequence; uniform by a chi-square
 * test), a draw without replacement that favours no member, invitations per stratum by hand, and
 * a total allocated in proportion by largest remainders (Hamilton's method), by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  drawStratified,
  drawWithoutReplacement,
  invitationsNeeded,
  proportionalAllocation,
  seededRandom,
} from '../../../shared/customers/sample';

describe('the seeded generator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom('wave-2026-q4');
    const b = seededRandom('wave-2026-q4');
    const c = seededRandom('wave-2026-q3');
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is uniform: 100,000 numbers in 10 bins pass a chi-square test at p = 0.001', () => {
    const random = seededRandom('uniform');
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random() * 10)]++;
    const chi2 = bins.reduce((s, o) => s + (o - 10_000) ** 2 / 10_000, 0);
    // χ² with 9 degrees of freedom exceeds 27.877 with probability 0.001 (standard tables).
    expect(chi2).toBeLessThan(27.877);
  });
});

describe('drawing without replacement', () => {
  it('draws k distinct members, all of them when k is at least n', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const drawn = drawWithoutReplacement(items, 3, seededRandom('k'));
    expect(new Set(drawn).size).toBe(3);
    for (const x of drawn) expect(items).toContain(x);
    expect(drawWithoutReplacement(items, 9, seededRandom('k')).sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('includes every member with probability k / n (2 of 5: 0.4), within a chi-square test at p = 0.001', () => {
    const random = seededRandom('inclusion');
    const counts = new Map<number, number>();
    const draws = 50_000;
    for (let i = 0; i < draws; i++)
      for (const x of drawWithoutReplacement([0, 1, 2, 3, 4], 2, random)) counts.set(x, (counts.get(x) ?? 0) + 1);
    const expected = draws * 0.4;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // Five counts summing to 2 × draws: 4 degrees of freedom, critical value 18.467 at p = 0.001.
    expect(chi2).toBeLessThan(18.467);
  });
});

describe('invitations per stratum', () => {
  it('needs ⌈completes / response rate⌉ invitations', () => {
    // 30 / 0.3 = 100 exactly (not 101 from floating-point 100.00000000000001); 7 / 0.25 = 28; 10 / 0.3 = 33.3 → 34.
    expect(invitationsNeeded(30, 0.3)).toBe(100);
    expect(invitationsNeeded(7, 0.25)).toBe(28);
    expect(invitationsNeeded(10, 0.3)).toBe(34);
    expect(invitationsNeeded(0, 0.3)).toBe(0);
  });

  it('draws each stratum its own invitations, short where the stratum has too few members', () => {
    const strata = [
      { value: 'gold', completes: 2, members: ['g1', 'g2', 'g3', 'g4', 'g5'] },
      { value: 'lead', completes: 5, members: ['l1', 'l2', 'l3'] },
    ];
    const result = drawStratified(strata, 0.5, seededRandom('strata'));
    expect(result.map((s) => [s.value, s.needed, s.eligible, s.drawn.length])).toEqual([
      ['gold', 4, 5, 4],
      ['lead', 10, 3, 3],
    ]);
    for (const g of result[0].drawn) expect(g).toMatch(/^g/);
    expect(drawStratified(strata, 0.5, seededRandom('strata'))).toEqual(result);
  });
});

describe('proportional allocation by largest remainders', () => {
  it('gives each stratum its floor, then the rest to the largest remainders, the earlier on a tie', () => {
    // 10 over 4, 4, 15, 15 (38): floors 1, 1, 3, 3 (remainders 2, 2, 36, 36 of 38), 2 left.
    expect(proportionalAllocation(10, [4, 4, 15, 15])).toEqual([1, 1, 4, 4]);
    // 7 over 1, 1, 1 (3): floors 2, 2, 2, remainders all 1 of 3: the first takes the one left.
    expect(proportionalAllocation(7, [1, 1, 1])).toEqual([3, 2, 2]);
    // 100 over 50, 30, 20: exact shares, nothing left over.
    expect(proportionalAllocation(100, [50, 30, 20])).toEqual([50, 30, 20]);
    // 5 over 0, 3: an empty stratum gets nothing; nothing at all over no customers.
    expect(proportionalAllocation(5, [0, 3])).toEqual([0, 5]);
    expect(proportionalAllocation(5, [0, 0])).toEqual([0, 0]);
    // The shares always add up to the total: 1,000,000 over sizes 1…200,000 in seven strata.
    const sizes = [1, 7, 333, 10_000, 77_777, 123_456, 200_000];
    expect(proportionalAllocation(1_000_000, sizes).reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });
});
