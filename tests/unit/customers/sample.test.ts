/**
 * The register's sampling: a seeded generator (same seed, same sequence; uniform by a chi-square
 * test), a draw without replacement that favours no member, and invitations per stratum by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  drawStratified,
  drawWithoutReplacement,
  invitationsNeeded,
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
