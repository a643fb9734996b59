import { describe, expect, it } from 'vitest';
import { boxShares, index100, StatsInputError, weightedIndex } from '../../../shared/stats';

describe('boxShares', () => {
  it('hand computation on a 1–5 scale', () => {
    // 5 4 4 3 2 1 1 5 5 3: top (5) 3/10, top-2 (4–5) 5/10, bottom (1) 2/10, bottom-2 (1–2) 3/10.
    expect(boxShares([5, 4, 4, 3, 2, 1, 1, 5, 5, 3], { min: 1, max: 5 })).toEqual({
      top: 0.3,
      topTwo: 0.5,
      bottom: 0.2,
      bottomTwo: 0.3,
    });
  });

  it('0–10 scale', () => {
    // 10 9 8 0 → top 1/4, top-2 (9–10) 2/4, bottom 1/4, bottom-2 (0–1) 1/4.
    expect(boxShares([10, 9, 8, 0], { min: 0, max: 10 })).toEqual({
      top: 0.25,
      topTwo: 0.5,
      bottom: 0.25,
      bottomTwo: 0.25,
    });
  });

  it('rejects empty input, values off the scale and too short a scale', () => {
    expect(() => boxShares([], { min: 1, max: 5 })).toThrow(StatsInputError);
    expect(() => boxShares([6], { min: 1, max: 5 })).toThrow(/values\[0\]/);
    expect(() => boxShares([2.5], { min: 1, max: 5 })).toThrow(/values\[0\]/);
    expect(() => boxShares([1], { min: 1, max: 2 })).toThrow(/max/);
    expect(() => boxShares([1], { min: NaN, max: 5 })).toThrow(/min/);
  });
});

describe('index100', () => {
  it('rescales linearly to 0–100', () => {
    // 100·(4 − 1)/(5 − 1) = 75; 100·(7 − 1)/(10 − 1) = 66.667; the end points give 0 and 100.
    expect(index100(4, 1, 5)).toBe(75);
    expect(index100(7, 1, 10)).toBeCloseTo(66.666667, 6);
    expect(index100(1, 1, 5)).toBe(0);
    expect(index100(5, 1, 5)).toBe(100);
  });

  it('rejects a mean outside the scale, an empty scale and NaN', () => {
    expect(() => index100(6, 1, 5)).toThrow(/mean/);
    expect(() => index100(3, 5, 5)).toThrow(/max/);
    expect(() => index100(NaN, 1, 5)).toThrow(/mean/);
  });
});

describe('weightedIndex', () => {
  it('is Σwᵢsᵢ / Σwᵢ', () => {
    // (80·50 + 60·30 + 90·20) / 100 = (4000 + 1800 + 1800)/100 = 76; the same with shares 0.5/0.3/0.2.
    expect(weightedIndex([80, 60, 90], [50, 30, 20])).toBe(76);
    expect(weightedIndex([80, 60, 90], [0.5, 0.3, 0.2])).toBeCloseTo(76, 12);
  });

  it('rejects mismatched, negative, all-zero and NaN weights', () => {
    expect(() => weightedIndex([1, 2], [1])).toThrow(/weights/);
    expect(() => weightedIndex([1, 2], [1, -1])).toThrow(/weights\[1\]/);
    expect(() => weightedIndex([1, 2], [0, 0])).toThrow(/weights/);
    expect(() => weightedIndex([], [])).toThrow(StatsInputError);
    expect(() => weightedIndex([1, NaN], [1, 1])).toThrow(/scores\[1\]/);
  });
});
