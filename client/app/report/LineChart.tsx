/**
 * Curves over a price axis (Van Westendorp, NMS, Gabor-Granger), with the parts used registered.
 * What a manager must read without hovering is drawn on the canvas: marked prices as labelled
 * vertical lines, an optional shaded range, and chosen point values next to their points.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { createEffect, on, onCleanup, onMount } from 'solid-js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

export interface LineSeries {
  label: string;
  color: string;
  /** A dash pattern, so that curves differ by more than colour. */
  dash?: number[];
  points: { x: number; y: number }[];
  /** `right` plots on the second y axis. */
  axis?: 'left' | 'right';
  /** Text drawn beside each point (null: none), for short series such as a price ladder. */
  pointText?: (string | null)[];
}

/** Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9'] as const;

export function LineChart(props: {
  series: LineSeries[];
  xTitle: string;
  yTitle: string;
  yRightTitle?: string;
  xText: (x: number) => string;
  yText: (y: number) => string;
  yRightText?: (y: number) => string;
  /** Shares: the left axis runs 0–1. */
  share?: boolean;
  /**
   * Marked prices. With `y` (a crossing's share on the left axis) the label sits beside that
   * point, not in a row at the top where four labels over rising curves pile up.
   */
  markers?: { x: number; y?: number; label: string }[];
  /** Where marker labels go: the top suits curves that are low in the middle, the bottom curves that peak. */
  markerLabels?: 'top' | 'bottom';
  band?: { from: number; to: number; label: string };
  label: string;
}) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'line'> | undefined;
  const draw = () => {
    const css = getComputedStyle(canvas);
    const text = css.getPropertyValue('--text').trim();
    const muted = css.getPropertyValue('--muted').trim();
    const font = css.fontFamily;
    const overlay: Plugin<'line'> = {
      id: 'priceMarks',
      beforeDatasetsDraw(c) {
        const b = props.band;
        if (!b) return;
        const { ctx, chartArea: a, scales } = c;
        const x0 = scales.x.getPixelForValue(b.from);
        const x1 = scales.x.getPixelForValue(b.to);
        ctx.save();
        ctx.fillStyle = 'rgba(0, 158, 115, 0.12)';
        ctx.fillRect(x0, a.top, x1 - x0, a.bottom - a.top);
        ctx.fillStyle = muted;
        ctx.font = `600 11px ${font}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(b.label, (x0 + x1) / 2, a.bottom - 4);
        ctx.restore();
      },
      afterDatasetsDraw(c) {
        const { ctx, chartArea: a, scales } = c;
        ctx.save();
        ctx.font = `600 12px ${font}`;
        const bottom = props.markerLabels === 'bottom';
        ctx.textBaseline = bottom ? 'bottom' : 'top';
        // Each label takes the first row where it overlaps no other label, so markers close
        // together (PMC and OPP often are, and on a phone all four) stay legible.
        const rows: [number, number][][] = [];
        const sorted = [...(props.markers ?? [])].sort((m, n) => m.x - n.x);
        /** Boxes of the labels placed at their points, to step a label clear of the ones before. */
        const placed: { left: number; right: number; top: number; bottom: number }[] = [];
        if (props.band) {
          // The band's own label, written before the datasets at the foot of the band, is taken.
          ctx.font = `600 11px ${font}`;
          const mid = (scales.x.getPixelForValue(props.band.from) + scales.x.getPixelForValue(props.band.to)) / 2;
          const half = ctx.measureText(props.band.label).width / 2;
          placed.push({ left: mid - half, right: mid + half, top: a.bottom - 17, bottom: a.bottom - 2 });
          ctx.font = `600 12px ${font}`;
        }
        for (const m of sorted) {
          if (m.y === undefined) continue;
          const x = scales.x.getPixelForValue(m.x);
          const y = scales.y.getPixelForValue(m.y);
          ctx.strokeStyle = text;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(x, a.top);
          ctx.lineTo(x, a.bottom);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = text;
          ctx.beginPath();
          ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
          ctx.fill();
          const width = ctx.measureText(m.label).width;
          const left = x + 6 + width > a.right ? x - 6 - width : x + 6;
          const clash = (top: number) =>
            placed.some((b) => left < b.right + 4 && left + width > b.left - 4 && top < b.bottom && top + 14 > b.top);
          // Nearest free slot to the point: alternately below and above it, 15 px a step.
          let top = y - 7;
          for (let k = 1; clash(top) && k < 12; k++) top = y - 7 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 15;
          top = Math.min(Math.max(top, a.top + 1), a.bottom - 15);
          placed.push({ left, right: left + width, top, bottom: top + 14 });
          ctx.textAlign = 'left';
          ctx.textBaseline = 'top';
          ctx.fillText(m.label, left, top);
        }
        ctx.textBaseline = bottom ? 'bottom' : 'top';
        for (const m of sorted) {
          if (m.y !== undefined) continue;
          const x = scales.x.getPixelForValue(m.x);
          ctx.strokeStyle = text;
          ctx.setLineDash([3, 3]);
          ctx.beginPath();
          ctx.moveTo(x, a.top);
          ctx.lineTo(x, a.bottom);
          ctx.stroke();
          ctx.setLineDash([]);
          const width = ctx.measureText(m.label).width;
          // Inside the plot: a label that would run into the right-hand axis goes left of its line.
          const left = Math.max(a.left, x + 4 + width > a.right ? x - 4 - width : x + 4);
          let row = rows.findIndex((r) => r.every(([from, to]) => left > to + 6 || left + width < from - 6));
          if (row < 0) row = rows.push([]) - 1;
          rows[row].push([left, left + width]);
          ctx.fillStyle = text;
          ctx.textAlign = 'left';
          ctx.fillText(m.label, left, bottom ? a.bottom - 2 - row * 15 : a.top + 2 + row * 15);
        }
        ctx.font = `600 11px ${font}`;
        ctx.textBaseline = 'bottom';
        ctx.textAlign = 'center';
        props.series.forEach((s, d) => {
          if (!s.pointText) return;
          c.getDatasetMeta(d).data.forEach((pt, i) => {
            const label = s.pointText![i];
            if (!label) return;
            ctx.fillStyle = s.color;
            // A point near the top (a share of 100%) has its value below it, not cut off above.
            if (pt.y - 20 < a.top) {
              ctx.textBaseline = 'top';
              ctx.fillText(label, pt.x, pt.y + 7);
              ctx.textBaseline = 'bottom';
            } else ctx.fillText(label, pt.x, pt.y - 6);
          });
        });
        ctx.restore();
      },
    };
    const right = props.series.some((s) => s.axis === 'right');
    chart?.destroy();
    chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: props.series.map((s) => ({
          label: s.label,
          data: s.points,
          borderColor: s.color,
          backgroundColor: s.color,
          borderDash: s.dash ?? [],
          borderWidth: 2.5,
          pointRadius: s.pointText ? 4 : 0,
          tension: 0,
          yAxisID: s.axis === 'right' ? 'y1' : 'y',
        })),
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        layout: { padding: { top: 8, right: 12 } },
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: props.xTitle, color: text },
            ticks: { color: text, callback: (v) => props.xText(Number(v)) },
          },
          y: {
            min: 0,
            ...(props.share ? { max: 1 } : {}),
            title: { display: true, text: props.yTitle, color: text },
            ticks: { color: text, callback: (v) => props.yText(Number(v)) },
          },
          ...(right
            ? {
                y1: {
                  position: 'right' as const,
                  min: 0,
                  grace: '10%',
                  grid: { drawOnChartArea: false },
                  title: { display: true, text: props.yRightTitle ?? '', color: text },
                  ticks: {
                    color: text,
                    callback: (v: string | number) => (props.yRightText ?? props.yText)(Number(v)),
                  },
                },
              }
            : {}),
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: text, usePointStyle: false, boxWidth: 28, boxHeight: 2 } },
          tooltip: {
            mode: 'index',
            intersect: false,
            callbacks: {
              title: (items) => props.xText(items[0]?.parsed.x ?? 0),
              label: (item) =>
                `${item.dataset.label}: ${(props.series[item.datasetIndex].axis === 'right' ? (props.yRightText ?? props.yText) : props.yText)(item.parsed.y ?? 0)}`,
            },
          },
        },
      },
      plugins: [overlay],
    });
  };
  onMount(() => {
    draw();
    createEffect(on(() => [props.series, props.markers, props.band], draw, { defer: true }));
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="chart chart-line">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
