/**
 * The report fitted to paper when print styles apply, and back to the screen after.
 *
 * Charts: Chart.js sizes a chart to its box only when it sees the box change, so a chart drawn
 * 1,100 px wide was printed shrunk to the page's width, its labels half-size, with blank space
 * under it. Each is drawn again to its box on the page (report-print.css gives the report the
 * page's width).
 *
 * Wide tables: a banner cross-tab (an 11-point NPS across the columns) is wider than A4 even in
 * small print, and one element wider than the page makes the browser shrink every page to fit
 * it. That table alone is zoomed down to the page's width.
 */
import { Chart } from 'chart.js';

/** The text width of an A4 page with report-print.css's 14 mm side margins, in CSS px. */
export const PAGE_WIDTH = ((210 - 2 * 14) * 96) / 25.4;
/** Below this the print is too small to read: the table is cut at the margin instead. */
const MIN_ZOOM = 0.55;

function zoomTables(root: HTMLElement, printing: boolean) {
  const wraps = [...root.querySelectorAll<HTMLElement>('.table-wrap')].filter((w) => w.querySelector('table'));
  for (const wrap of wraps) wrap.style.removeProperty('zoom');
  if (!printing) return;
  // The narrowest each table can be (headers wrapped), measured whatever the window's width.
  const widths = wraps.map((wrap) => {
    const table = wrap.querySelector('table')!;
    if (wrap.offsetParent === null) return 0;
    table.style.width = 'min-content';
    const w = table.offsetWidth;
    table.style.removeProperty('width');
    return w;
  });
  wraps.forEach((wrap, k) => {
    if (widths[k] > PAGE_WIDTH) wrap.style.setProperty('zoom', String(Math.max(MIN_ZOOM, PAGE_WIDTH / widths[k])));
  });
}

/** Each chart drawn again to its box's size, which print styles have changed. */
function redrawCharts(root: HTMLElement) {
  for (const chart of Object.values(Chart.instances)) if (root.contains(chart.canvas)) chart.resize();
}

/** Starts listening for print under `root`; returns the function that stops. */
export function fitForPrint(root: HTMLElement): () => void {
  const print = window.matchMedia('print');
  const apply = (event: Event) => {
    // beforeprint comes before the print styles apply: measure as on paper from then on.
    const printing = event.type === 'beforeprint' || (event.type === 'change' && print.matches);
    zoomTables(root, printing);
    redrawCharts(root);
  };
  print.addEventListener('change', apply);
  window.addEventListener('beforeprint', apply);
  window.addEventListener('afterprint', apply);
  return () => {
    print.removeEventListener('change', apply);
    window.removeEventListener('beforeprint', apply);
    window.removeEventListener('afterprint', apply);
  };
}
