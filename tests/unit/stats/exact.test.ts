import { describe, expect, it } from 'vitest';
import { fisherExact2xC } from '../../../shared/stats/exact';
import { benjaminiHochberg } from '../../../shared/stats/adjust';

describe("Fisher's exact test", () => {
  it('gives 0.4857 for the lady tasting tea (Fisher 1935; Agresti 2007, §2.6.2)', () => {
    // Margins 4 and 4 of 8 cups, 3 right: tables 3/1 and 1/3 each 16/70, 4/0 and 0/4 each 1/70.
    expect(fisherExact2xC([3, 1], [4, 4])).toBeCloseTo(34 / 70, 12);
  });

  it('sums the tables no more probable than the observed one beyond two columns, by hand', () => {
    // Columns 2, 1, 1 and two in the first row: (2,0,0) 1/6, (1,1,0) 2/6, (1,0,1) 2/6, (0,1,1) 1/6.
    expect(fisherExact2xC([2, 0, 0], [2, 1, 1])).toBeCloseTo(2 / 6, 12);
    expect(fisherExact2xC([1, 1, 0], [2, 1, 1])).toBeCloseTo(1, 12);
  });

  it('declines a table too large to enumerate and refuses impossible counts', () => {
    expect(fisherExact2xC([3000, 3000, 3000], [6000, 6000, 6000])).toBeNull();
    expect(() => fisherExact2xC([5, 1], [4, 4])).toThrow(/row\[0\]/);
    expect(() => fisherExact2xC([1.5, 1], [4, 4])).toThrow(/row\[0\]/);
  });
});

describe('Benjamini–Hochberg', () => {
  it('adjusts as p.adjust(…, "BH"), by hand', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): ×4/1 = 0.02, ×4/2 = 0.02, ×4/3 = 0.04, ×4/4 = 0.04.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005])).toEqual([0.02, 0.04, 0.04, 0.02]);
    // Monotone from the top: 0.02·3/2 = 0.03 would exceed the largest's 0.025·3/3.
    expect(benjaminiHochberg([0.001, 0.02, 0.025]).map((x) => +x.toFixed(12))).toEqual([0.003, 0.025, 0.025]);
    expect(() => benjaminiHochberg([1.2])).toThrow(/p\[0\]/);
  });
});
