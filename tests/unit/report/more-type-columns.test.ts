/** Periods, bins and ranges of the new question types' report variables (server/report/more-type-columns.ts). */
import { describe, expect, it } from 'vitest';
import { binOf, numberBins, parseRange, periodOf } from '../../../server/report/more-type-columns';

const all = (n: number) => new Uint8Array(n).fill(1);

describe('report variables of the new types', () => {
  it('writes a date as its year, quarter and month', () => {
    expect(['year', 'quarter', 'month'].map((p) => periodOf('2026-11-30', p as never))).toEqual([
      '2026',
      '2026-Q4',
      '2026-11',
    ]);
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
  });

  it('keeps up to a dozen whole numbers as they are', () => {
    const xs = Float64Array.from([3, 1, 2, Number.NaN, 1]);
    expect(numberBins(xs, all(5)).map((b) => b.value)).toEqual(['1', '2', '3']);
  });

  it('bins many whole numbers in five of a round width: 0 to 99 by 20', () => {
    const xs = Float64Array.from({ length: 100 }, (_, i) => i);
    const bins = numberBins(xs, all(100));
    // (99 − 0) / 5 = 19.8, rounded up to 20: 0..19, 20..39, 40..59, 60..79, 80..99.
    expect(bins.map((b) => b.value)).toEqual(['0..19', '20..39', '40..59', '60..79', '80..99']);
    expect([0, 19, 20, 99].map((x) => binOf(bins, x))).toEqual([0, 0, 1, 4]);
  });

  it('bins decimals on shared edges, an edge counting in the bin above, and reads only the selected', () => {
    const xs = Float64Array.from([0.5, 1.2, 2.5, 3.9, 4.4, 100]);
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    const bins = numberBins(xs, mask);
    // (4.4 − 0.5) / 5 = 0.78 → width 1, from 0: 0..1, 1..2, 2..3, 3..4, 4..5.
    expect(bins.map((b) => b.value)).toEqual(['0..1', '1..2', '2..3', '3..4', '4..5']);
    expect(binOf(bins, 1)).toBe(1);
    expect(binOf(bins, Number.NaN)).toBe(-1);
  });

  it('gives one decimal value its own bin', () => {
    expect(numberBins(Float64Array.from([2.5, 2.5]), all(2)).map((b) => b.value)).toEqual(['2.5']);
  });

  it('reads ranges as filters write them, and refuses what is none', () => {
    expect(parseRange('10..19')).toEqual({ lo: 10, hi: 19 });
    expect(parseRange('50..')).toEqual({ lo: 50, hi: Infinity });
    expect(parseRange('..-2.5')).toEqual({ lo: -Infinity, hi: -2.5 });
    expect(parseRange('7')).toEqual({ lo: 7, hi: 7 });
    for (const bad of ['', '..', 'a..b', '1..2..3', '1-2']) expect(parseRange(bad)).toBeNull();
  });
});
