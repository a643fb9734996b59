import { describe, expect, it } from 'vitest';
import { cornerCaptions, placeLabels, wrapToWidth, type Rect } from '../../../client/app/report/label-placement';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.w <= area.x + area.w && r.y + r.h <= area.y + area.h;

describe('scatter point labels', () => {
  // The hotel demo's priorities chart on a 390 px phone (plot about 290 × 230 px): Breakfast and
  // Check-in 20 px apart on one line, Room comfort and Staff friendliness likewise at the right edge.
  const area = { x: 40, y: 10, w: 290, h: 230 };
  const points = [
    { x: 90, y: 100 },
    { x: 110, y: 104 },
    { x: 250, y: 102 },
    { x: 290, y: 98 },
    { x: 130, y: 140 },
    { x: 300, y: 150 },
  ];
  const widths = [62, 58, 88, 110, 96, 70];

  it('gives every label a place that covers no other label, no point and runs past no edge', () => {
    const placed = placeLabels(points, widths, 14, area);
    expect(placed.map((r) => r.w)).toEqual(widths);
    for (const [i, r] of placed.entries()) {
      expect(inside(r, area), `label ${i} inside the plot`).toBe(true);
      for (const [j, other] of placed.entries())
        if (j !== i) expect(overlaps(r, other), `labels ${i} and ${j}`).toBe(false);
      for (const p of points)
        expect(overlaps(r, { x: p.x - 6, y: p.y - 6, w: 12, h: 12 }), `label ${i} over a point`).toBe(false);
    }
  });

  it("writes a lone point's label to its right, and one at the right edge to its left", () => {
    const [free, edge] = placeLabels(
      [
        { x: 60, y: 50 },
        { x: 320, y: 200 },
      ],
      [40, 80],
      14,
      area,
    );
    expect(free).toMatchObject({ x: 69, y: 43, textX: 69, textY: 50 });
    expect(edge.x + edge.w).toBe(320 - 9);
  });

  it('keeps clear of the corner captions', () => {
    const captions = cornerCaptions([110, 150, 80, 100], 14, area);
    // A point just under "Concentrate here": its label would start on the caption's line.
    const placed = placeLabels([{ x: 100, y: 22 }], [60], 14, area, captions);
    for (const c of captions) expect(overlaps(placed[0], c)).toBe(false);
    expect(inside(placed[0], area)).toBe(true);
  });
});

describe('quadrant corner captions', () => {
  it('sets two captions that would meet on one edge a line apart', () => {
    // 110 + 150 + 3 × 4 px of padding = 272 > 240: "Concentrate here" and "Keep up the good work" would touch.
    const narrow = { x: 0, y: 0, w: 240, h: 200 };
    const [tl, tr, bl, br] = cornerCaptions([110, 150, 80, 100], 14, narrow);
    expect(tl).toMatchObject({ x: 4, y: 4 });
    expect(tr).toMatchObject({ x: 240 - 4 - 150, y: 4 + 14 + 2 });
    expect(overlaps(tl, tr)).toBe(false);
    // 80 + 100 + 12 = 192 fits in 240: the bottom pair shares its line.
    expect(bl.y).toBe(200 - 4 - 14);
    expect(br.y).toBe(bl.y);
  });

  it('leaves them in their corners when there is room', () => {
    const [, tr] = cornerCaptions([110, 150, 80, 100], 14, { x: 0, y: 0, w: 600, h: 300 });
    expect(tr).toMatchObject({ x: 600 - 4 - 150, y: 4 });
  });
});

describe('axis titles broken into lines', () => {
  // A monospace measure: 7 px a character, so a line of 150 px holds 21.
  const measure = (s: string) => 7 * [...s].length;

  it('breaks between words, no line past the width', () => {
    const lines = wrapToWidth('Importance (correlation with overall satisfaction)', 150, measure);
    expect(lines).toEqual(['Importance', '(correlation with', 'overall satisfaction)']);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(150);
  });

  it('breaks Chinese, which has no spaces, between characters', () => {
    // 14 characters at 7 px in 50 px: 7 a line.
    expect(wrapToWidth('重要性（與整體滿意度的相關）', 50, measure)).toEqual(['重要性（與整體', '滿意度的相關）']);
  });

  it('leaves a caption that fits as one line', () => {
    expect(wrapToWidth('Importance', 150, measure)).toEqual(['Importance']);
  });
});
