/**
 * Where to write a scatter chart's point labels so that none covers another, a point or a fixed
 * caption, and none runs past the plot's edge. Each label tries places around its point in turn
 * (right, left, above, below, the diagonals, then a line further out); the first free one
 * wins, else the one overlapping least. Greedy, so it grows with points × candidates × placed
 * labels: a few dozen attributes at most in a chart a person reads.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Placed extends Rect {
  /** Where the text starts, left-aligned, vertically centred. */ textX: number;
  textY: number;
}

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** How much of `r` lies outside `area`. */
const outside = (r: Rect, area: Rect) => r.w * r.h - overlap(r, area);

/**
 * @param points the points' centres, in pixels
 * @param widths each label's text width; `height` one line's
 * @param area the rectangle labels must stay inside (the plot area)
 * @param fixed rectangles already taken (corner captions)
 * @param gap space between a point's centre and its label
 * @example placeLabels([{ x: 50, y: 50 }], [40], 14, { x: 0, y: 0, w: 200, h: 100 }) // right of the point
 */
export function placeLabels(
  points: { x: number; y: number }[],
  widths: number[],
  height: number,
  area: Rect,
  fixed: Rect[] = [],
  gap = 9,
): Placed[] {
  const dot = 6;
  const taken: Rect[] = [...fixed, ...points.map((p) => ({ x: p.x - dot, y: p.y - dot, w: 2 * dot, h: 2 * dot }))];
  return points.map((p, i) => {
    const w = widths[i];
    const h = height;
    const candidates: Rect[] = [
      { x: p.x + gap, y: p.y - h / 2, w, h },
      { x: p.x - gap - w, y: p.y - h / 2, w, h },
      { x: p.x - w / 2, y: p.y - gap - h, w, h },
      { x: p.x - w / 2, y: p.y + gap, w, h },
      { x: p.x + gap * 0.6, y: p.y - gap * 0.6 - h, w, h },
      { x: p.x + gap * 0.6, y: p.y + gap * 0.6, w, h },
      { x: p.x - gap * 0.6 - w, y: p.y - gap * 0.6 - h, w, h },
      { x: p.x - gap * 0.6 - w, y: p.y + gap * 0.6, w, h },
      { x: p.x - dot, y: p.y - gap - h, w, h },
      { x: p.x + dot - w, y: p.y - gap - h, w, h },
      { x: p.x - dot, y: p.y + gap, w, h },
      { x: p.x + dot - w, y: p.y + gap, w, h },
      { x: p.x - w / 2, y: p.y - gap - 2 * h, w, h },
      { x: p.x - w / 2, y: p.y + gap + h, w, h },
      { x: p.x + dot - w, y: p.y - gap - 2 * h, w, h },
      { x: p.x + dot - w, y: p.y + gap + h, w, h },
    ];
    let best = candidates[0];
    let bestCost = Infinity;
    for (const c of candidates) {
      // Past the edge is worse than over another label: it cannot be read at all.
      const cost = 4 * outside(c, area) + taken.reduce((sum, r) => sum + overlap(c, r), 0);
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
      }
      if (cost === 0) break;
    }
    taken.push(best);
    return { ...best, textX: best.x, textY: best.y + h / 2 };
  });
}

/**
 * The four quadrant captions in the plot's corners (top-left, top-right, bottom-left,
 * bottom-right). Two on the same edge that would run into each other on a narrow chart are set
 * one line apart, the right-hand one nearer the middle.
 */
export function cornerCaptions(
  widths: [number, number, number, number],
  height: number,
  area: Rect,
  pad = 4,
): Placed[] {
  const [tl, tr, bl, br] = widths;
  const top = area.y + pad;
  const bottom = area.y + area.h - pad - height;
  const clash = (left: number, right: number) => left + right + 3 * pad > area.w;
  const at = (x: number, y: number, w: number): Placed => ({ x, y, w, h: height, textX: x, textY: y + height / 2 });
  return [
    at(area.x + pad, top, tl),
    at(area.x + area.w - pad - tr, clash(tl, tr) ? top + height + 2 : top, tr),
    at(area.x + pad, bottom, bl),
    at(area.x + area.w - pad - br, clash(bl, br) ? bottom - height - 2 : bottom, br),
  ];
}

/**
 * A caption broken into lines no wider than `max`: between words, or between any two characters
 * of a word wider than a line (Chinese has no spaces). Chart.js draws an array as lines; an axis
 * title longer than its axis was cut at both ends.
 * @example wrapToWidth('Importance (correlation with overall satisfaction)', 150, (s) => 7 * s.length)
 * // ['Importance', '(correlation with', 'overall satisfaction)']
 */
export function wrapToWidth(text: string, max: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  const push = (piece: string) => {
    const next = line ? `${line}${piece}` : piece.trimStart();
    if (!line || measure(next.trimEnd()) <= max) {
      line = next;
      return;
    }
    out.push(line.trimEnd());
    line = piece.trimStart();
  };
  for (const word of text.split(/(?<=\s)/)) {
    if (measure(word.trim()) <= max) push(word);
    else for (const ch of word) push(ch);
  }
  if (line.trim()) out.push(line.trimEnd());
  return out;
}
