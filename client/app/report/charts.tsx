/**
 * Horizontal bar charts for the report, on Chart.js with only the parts used registered (the
 * whole library would double the report's download). Values are drawn next to or inside the
 * bars, so a printed report or a glance without hovering still reads every number.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { createEffect, on, onCleanup, onMount } from 'solid-js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const ROW = 30;
const LINE = 16;

/** Enough height for every row, wrapped labels included, so nothing is clipped. */
const heightOf = (labels: (string | string[])[], row: number) =>
  labels.reduce<number>((h, l) => h + Math.max(row, [l].flat().length * LINE + 12), 0);

/** Colours and the font from the stylesheet, so charts follow dark mode and the CJK font stack. */
function theme(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  // Category labels sit beside the bars, so on a phone they must wrap sooner to leave bars room.
  const width = el.parentElement?.clientWidth ?? 720;
  const wrapAt = width < 480 ? 14 : width < 720 ? 20 : 28;
  return { font: css.fontFamily, text: v('--text'), muted: v('--muted'), accent: v('--chart-1'), wrapAt };
}

/** Splits a long label into lines: at spaces for Latin scripts, anywhere for Chinese. */
export function wrapLabel(label: string, max: number): string | string[] {
  if (label.length <= max) return label;
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/.test(label);
  const lines: string[] = [];
  if (cjk) {
    const width = Math.ceil(max / 2);
    for (let i = 0; i < label.length; i += width) lines.push(label.slice(i, i + width));
  } else {
    let line = '';
    for (const word of label.split(/\s+/)) {
      if (line && (line + ' ' + word).length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
  }
  return lines.slice(0, 3);
}

/** Dark text on light fills, white on dark ones (relative luminance, WCAG's formula simplified). */
function inkOn(rgb: string): string {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 150 ? '#161b22' : '#fff';
}

/** Writes each bar's text after its end ("end") or centred inside it when it fits ("inside"). */
function valueLabels(
  text: (dataset: number, index: number) => string,
  where: 'end' | 'inside',
  color: () => string,
): Plugin<'bar'> {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.textBaseline = 'middle';
      ctx.font = `600 12px ${Chart.defaults.font.family}`;
      chart.data.datasets.forEach((_, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const label = text(d, i);
          if (!label) return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          if (where === 'end') {
            // A negative bar (a gap below zero) ends on the left: its value goes before it.
            const negative = x < base;
            ctx.fillStyle = color();
            ctx.textAlign = negative ? 'right' : 'left';
            ctx.fillText(label, negative ? x - 6 : x + 6, y);
          } else if (ctx.measureText(label).width + 6 < x - base) {
            ctx.fillStyle = inkOn(String((chart.data.datasets[d].backgroundColor as string) ?? ''));
            ctx.textAlign = 'center';
            ctx.fillText(label, (x + base) / 2, y);
          }
        });
      });
      ctx.restore();
    },
  };
}

function useChart(
  canvas: () => HTMLCanvasElement,
  build: (t: ReturnType<typeof theme>) => ChartConfiguration<'bar'>,
  deps: () => unknown,
  size: { row: number; extra: number },
) {
  let chart: Chart<'bar'> | undefined;
  const draw = () => {
    const t = theme(canvas());
    Chart.defaults.font.family = t.font;
    Chart.defaults.color = t.muted;
    const config = build(t);
    // The container is sized before the chart measures it: Chart.js fills its parent.
    canvas().parentElement!.style.height =
      `${heightOf(config.data.labels as (string | string[])[], size.row) + size.extra}px`;
    chart?.destroy();
    chart = new Chart(canvas(), config);
  };
  onMount(() => {
    draw();
    // Labels change with the interface language; redraw rather than patch, it is one small chart.
    createEffect(on(deps, draw, { defer: true }));
  });
  onCleanup(() => chart?.destroy());
}

const motion = () => !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * One bar per category; `valueText` is what is written after each bar ("42 · 12%"); `colors`
 * default to the theme's. Negative values (gaps) run left from zero with their text before them.
 */
export function BarChart(props: {
  labels: string[];
  values: number[];
  valueText: string[];
  colors?: string[];
  label: string;
  /** Where the bars start: a rating scale's lowest point, so a 1–5 mean is not drawn from an impossible 0. */
  min?: number;
  max?: number;
}) {
  let canvas!: HTMLCanvasElement;
  useChart(
    () => canvas,
    (t) => ({
      type: 'bar',
      data: {
        labels: props.labels.map((l) => wrapLabel(l, t.wrapAt)),
        datasets: [
          {
            data: props.values,
            backgroundColor: props.colors ?? props.values.map(() => t.accent),
            borderRadius: 4,
            barPercentage: 0.8,
            categoryPercentage: 0.9,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: motion() ? { duration: 400 } : false,
        layout: { padding: { right: 96 } },
        scales: {
          // Room on the left of the longest negative bar for its text.
          x:
            props.min !== undefined
              ? { display: false, min: props.min, ...(props.max !== undefined ? { max: props.max } : {}) }
              : {
                  display: false,
                  beginAtZero: true,
                  ...(Math.min(...props.values) < 0 ? { min: Math.min(...props.values) * 1.35 } : {}),
                },
          y: {
            grid: { display: false },
            border: { display: false },
            ticks: { color: t.text, font: { size: 13 }, autoSkip: false },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => props.valueText[item.dataIndex] } },
        },
      },
      plugins: [
        valueLabels(
          (_, i) => props.valueText[i],
          'end',
          () => t.text,
        ),
      ],
    }),
    () => [props.labels, props.values, props.valueText],
    { row: ROW, extra: 16 },
  );
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

/**
 * Each row a 100% bar split by scale point, the usual picture of a Likert battery: shares of each
 * point side by side, so items compare at a glance.
 */
export function StackedChart(props: {
  rows: string[];
  series: { label: string; color: string; shares: number[] }[];
  shareText: (share: number) => string;
  label: string;
}) {
  let canvas!: HTMLCanvasElement;
  useChart(
    () => canvas,
    (t) => ({
      type: 'bar',
      data: {
        labels: props.rows.map((l) => wrapLabel(l, t.wrapAt)),
        datasets: props.series.map((s) => ({
          label: s.label,
          data: s.shares.map((x) => x * 100),
          backgroundColor: s.color,
          barPercentage: 0.8,
        })),
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: motion() ? { duration: 400 } : false,
        scales: {
          x: { display: false, stacked: true, max: 100 },
          y: {
            stacked: true,
            grid: { display: false },
            border: { display: false },
            ticks: { color: t.text, font: { size: 13 }, autoSkip: false },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, color: t.text } },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${props.shareText((item.parsed.x ?? 0) / 100)}` },
          },
        },
      },
      // Shares under 8% leave no room for their number; the tooltip and table still have it.
      plugins: [
        valueLabels(
          (d, i) => (props.series[d].shares[i] >= 0.08 ? props.shareText(props.series[d].shares[i]) : ''),
          'inside',
          () => t.text,
        ),
      ],
    }),
    () => [props.rows, props.series],
    { row: ROW + 6, extra: 64 },
  );
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

const WORST = [214, 69, 69];
const NEUTRAL = [168, 174, 186];
const BEST = [38, 150, 96];

/**
 * Scale points from worst to best, red through grey to green: a diverging scheme, so the middle
 * of a Likert scale reads as neutral rather than as half good.
 */
export function scaleColors(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = n === 1 ? 1 : i / (n - 1);
    const [from, to, k] = f < 0.5 ? [WORST, NEUTRAL, f * 2] : [NEUTRAL, BEST, (f - 0.5) * 2];
    return `rgb(${from.map((c, j) => Math.round(c + (to[j] - c) * k)).join(', ')})`;
  });
}

export const NPS_COLORS = {
  detractor: 'hsl(4, 62%, 50%)',
  passive: 'hsl(38, 80%, 46%)',
  promoter: 'hsl(146, 50%, 36%)',
} as const;

/**
 * Several bars per row (brands per attribute), each with its value written after it, so a
 * printed page compares brands without a tooltip.
 */
export function GroupedBarChart(props: {
  rows: string[];
  series: { label: string; color: string; values: (number | null)[]; text: string[] }[];
  max?: number;
  /** Where the bars start: the rating scale's lowest point (a 1–5 mean drawn from 0 overstates every bar alike). */
  min?: number;
  label: string;
}) {
  let canvas!: HTMLCanvasElement;
  useChart(
    () => canvas,
    (t) => ({
      type: 'bar',
      data: {
        labels: props.rows.map((l) => wrapLabel(l, t.wrapAt)),
        datasets: props.series.map((s) => ({
          label: s.label,
          data: s.values.map((v) => v ?? 0),
          backgroundColor: s.color,
          borderRadius: 3,
          barPercentage: 0.85,
          categoryPercentage: 0.8,
        })),
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: motion() ? { duration: 400 } : false,
        layout: { padding: { right: 56 } },
        scales: {
          x: {
            display: false,
            ...(props.min !== undefined ? { min: props.min } : { beginAtZero: true }),
            ...(props.max !== undefined ? { max: props.max } : {}),
          },
          y: {
            grid: { display: false },
            border: { display: false },
            ticks: { color: t.text, font: { size: 13 }, autoSkip: false },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12, color: t.text } },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${props.series[item.datasetIndex].text[item.dataIndex]}`,
            },
          },
        },
      },
      plugins: [
        valueLabels(
          (d, i) => props.series[d].text[i],
          'end',
          () => t.text,
        ),
      ],
    }),
    () => [props.rows, props.series],
    { row: 14 + 18 * props.series.length, extra: 56 },
  );
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
