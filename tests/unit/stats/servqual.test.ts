import { describe, expect, it } from 'vitest';
import { servqual, servqualColumns, StatsInputError } from '../../../shared/stats';

const items = [
  { id: 'r1', dimension: 'reliability' },
  { id: 'r2', dimension: 'reliability' },
  { id: 'e1', dimension: 'empathy' },
];

describe('servqual (Parasuraman, Zeithaml & Berry 1988; scoring of Zeithaml et al. 1990)', () => {
  // Hand computation, two respondents:
  // A: E 7 6 5, P 5 6 6 → gaps −2 0 +1; reliability −1, empathy +1; unweighted (−1 + 1)/2 = 0;
  //    points 70/30 → weighted 0.7·(−1) + 0.3·1 = −0.4.
  // B: E 6 7 7, P 6 4 4 → gaps 0 −3 −3; reliability −1.5, empathy −3; unweighted −2.25;
  //    points 40/60 → weighted 0.4·(−1.5) + 0.6·(−3) = −2.4.
  const responses = [
    { expectations: [7, 6, 5], perceptions: [5, 6, 6], importance: { reliability: 70, empathy: 30 } },
    { expectations: [6, 7, 7], perceptions: [6, 4, 4], importance: { reliability: 40, empathy: 60 } },
  ];

  it('item and dimension gaps', () => {
    const r = servqual(items, responses);
    expect(r.n).toBe(2);
    // r1: E (7+6)/2 = 6.5, P (5+6)/2 = 5.5, gap −1; r2: E 6.5, P 5, gap −1.5; e1: E 6, P 5, gap −1.
    expect(r.items).toEqual([
      { id: 'r1', dimension: 'reliability', expectation: 6.5, perception: 5.5, gap: -1 },
      { id: 'r2', dimension: 'reliability', expectation: 6.5, perception: 5, gap: -1.5 },
      { id: 'e1', dimension: 'empathy', expectation: 6, perception: 5, gap: -1 },
    ]);
    // reliability: gap (−1 − 1.5)/2 = −1.25, importance (70 + 40)/2 = 55; empathy: (1 − 3)/2 = −1, 45.
    expect(r.dimensions).toEqual([
      { dimension: 'reliability', expectation: 6.5, perception: 5.25, gap: -1.25, importance: 55 },
      { dimension: 'empathy', expectation: 6, perception: 5, gap: -1, importance: 45 },
    ]);
  });

  it('unweighted and weighted scores are computed per respondent, then averaged', () => {
    const r = servqual(items, responses);
    // (0 − 2.25)/2 = −1.125; (−0.4 − 2.4)/2 = −1.4 — not 0.55·(−1.25) + 0.45·(−1) = −1.1375,
    // which would weight mean gaps by mean importance.
    expect(r.unweighted).toBeCloseTo(-1.125, 12);
    expect(r.weighted).toBeCloseTo(-1.4, 12);
  });

  it('without importance points the weighted score is null', () => {
    const r = servqual(
      items,
      responses.map(({ expectations, perceptions }) => ({ expectations, perceptions })),
    );
    expect(r.weighted).toBeNull();
    expect(r.dimensions[0].importance).toBeNull();
    expect(r.unweighted).toBeCloseTo(-1.125, 12);
  });

  it('rejects bad input', () => {
    expect(() => servqual([], responses)).toThrow(StatsInputError);
    expect(() => servqual(items, [])).toThrow(/responses/);
    expect(() => servqual([...items, { id: 'r1', dimension: 'x' }], responses)).toThrow(/items\[3\]\.id/);
    expect(() => servqual(items, [{ expectations: [1, 2], perceptions: [1, 2, 3] }])).toThrow(/expectations/);
    expect(() => servqual(items, [{ expectations: [1, 2, NaN], perceptions: [1, 2, 3] }])).toThrow(/expectations\[2\]/);
    expect(() =>
      servqual(items, [
        { expectations: [1, 2, 3], perceptions: [1, 2, 3], importance: { reliability: 50, empathy: 40 } },
      ]),
    ).toThrow(/sum to 100/);
    expect(() =>
      servqual(items, [
        { expectations: [1, 2, 3], perceptions: [1, 2, 3], importance: { reliability: 50, tangibles: 50 } },
      ]),
    ).toThrow(/tangibles/);
    expect(() => servqual(items, [responses[0], { expectations: [1, 2, 3], perceptions: [1, 2, 3] }])).toThrow(
      /responses\[1\]\.importance/,
    );
  });

  it('by column: the same hand-computed figures, over the listed rows only', () => {
    // Columns hold respondent A at row 0, an unlisted row 1 of nonsense, and B at row 2.
    const r = servqualColumns(items, {
      expectations: [
        [7, NaN, 6],
        [6, NaN, 7],
        [5, NaN, 7],
      ],
      perceptions: [
        [5, NaN, 6],
        [6, NaN, 4],
        [6, NaN, 4],
      ],
      importance: { reliability: [70, NaN, 40], empathy: [30, NaN, 60] },
      rows: [0, 2],
    });
    expect(r.n).toBe(2);
    expect(r.items.map((i) => i.gap)).toEqual([-1, -1.5, -1]);
    expect(r.dimensions.map((d) => [d.gap, d.importance])).toEqual([
      [-1.25, 55],
      [-1, 45],
    ]);
    expect(r.unweighted).toBeCloseTo(-1.125, 12);
    expect(r.weighted).toBeCloseTo(-1.4, 12);
    expect(() => servqualColumns(items, { expectations: [[7], [6], [5]], perceptions: [[5], [6], [NaN]] })).toThrow(
      /perceptions\[2\]\[0\]/,
    );
    expect(() =>
      servqualColumns(items, {
        expectations: [[7], [6], [5]],
        perceptions: [[5], [6], [6]],
        importance: { reliability: [50], empathy: [40] },
      }),
    ).toThrow(/sum to 100/);
    expect(() =>
      servqualColumns(items, { expectations: [[7], [6], [5]], perceptions: [[5], [6], [6]], rows: [] }),
    ).toThrow(/rows/);
  });

  it('with survey weights, every mean over respondents is weighted', () => {
    // A weighs 3, B 1 (by hand, from the per-respondent figures above): r1 gap (3·−2 + 0)/4 = −1.5;
    // reliability (3·−1 + 1·−1.5)/4 = −1.125, importance (3·70 + 40)/4 = 62.5; unweighted score
    // (3·0 + −2.25)/4 = −0.5625; weighted (3·−0.4 + −2.4)/4 = −0.9.
    const columns = {
      expectations: [
        [7, 6],
        [6, 7],
        [5, 7],
      ],
      perceptions: [
        [5, 6],
        [6, 4],
        [6, 4],
      ],
      importance: { reliability: [70, 40], empathy: [30, 60] },
    };
    const r = servqualColumns(items, { ...columns, weights: [3, 1] });
    expect(r.n).toBe(2);
    expect(r.items[0].gap).toBeCloseTo(-1.5, 12);
    expect(r.dimensions[0].gap).toBeCloseTo(-1.125, 12);
    expect(r.dimensions[0].importance).toBeCloseTo(62.5, 12);
    expect(r.unweighted).toBeCloseTo(-0.5625, 12);
    expect(r.weighted).toBeCloseTo(-0.9, 12);
    expect(servqualColumns(items, { ...columns, weights: [1, 1] })).toEqual(servqual(items, responses));
    expect(() => servqualColumns(items, { ...columns, weights: [0, 0] })).toThrow(/weights/);
    expect(() => servqualColumns(items, { ...columns, weights: [1, -1] })).toThrow(/weights\[1\]/);
  });
});
