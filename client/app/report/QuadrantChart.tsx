/**
 * The importance–performance matrix: one labelled point per attribute with its 95% intervals as
 * whiskers, crosshairs at the means, and the four quadrant names in the corners, so it reads
 * without hovering. The axes span the whole scale given, never zoomed to the points: a zoomed
 * axis makes a difference of a standard error look like a gap.
 */
import { Chart, LinearScale, PointElement, ScatterController, Tooltip, type Plugin } from 'chart.js';
import { onCleanup, onMount } from 'solid-js';
import { cornerCaptions, placeLabels, wrapToWidth } from './label-placement';

Chart.register(ScatterController, PointElement, LinearScale, Tooltip);

type Interval = { lower: number; upper: number } | null;

export interface QuadrantPoint {
  label: string;
  x: number;
  y: number;
  color: string;
  xInterval?: Interval;
  yInterval?: Interval;
}

export function QuadrantChart(props: {
  points: QuadrantPoint[];
  xLabel: string;
  yLabel: string;
  /** Top-left, top-right, bottom-left, bottom-right. */
  corners: [string, string, string, string];
  label: string;
  /** Where the quadrants meet; the points' means when absent. */
  crosshairs?: { x: number; y: number };
  xRange?: [number, number];
  yRange?: [number, number];
}) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'scatter'> | undefined;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  onMount(() => {
    const css = getComputedStyle(canvas);
    const text = css.getPropertyValue('--text').trim();
    const muted = css.getPropertyValue('--muted').trim();
    const mx = props.crosshairs?.x ?? mean(props.points.map((p) => p.x));
    const my = props.crosshairs?.y ?? mean(props.points.map((p) => p.y));
    const overlay: Plugin<'scatter'> = {
      id: 'quadrants',
      afterDatasetsDraw(c) {
        const { ctx, chartArea: a, scales } = c;
        const x = scales.x.getPixelForValue(mx);
        const y = scales.y.getPixelForValue(my);
        ctx.save();
        ctx.strokeStyle = muted;
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, a.top);
        ctx.lineTo(x, a.bottom);
        ctx.moveTo(a.left, y);
        ctx.lineTo(a.right, y);
        ctx.stroke();
        ctx.setLineDash([]);
        // Captions first, then each point's name where it covers nothing: on a phone-wide chart
        // names of close points and the corner captions used to print over one another.
        const area = { x: a.left, y: a.top, w: a.right - a.left, h: a.bottom - a.top };
        const line = 14;
        ctx.font = `600 12px ${css.fontFamily}`;
        ctx.fillStyle = muted;
        // Each point's 95% intervals as whiskers, under the captions and names.
        ctx.lineWidth = 1.5;
        props.points.forEach((p) => {
          ctx.strokeStyle = p.color;
          ctx.beginPath();
          if (p.xInterval) {
            const y0 = scales.y.getPixelForValue(p.y);
            ctx.moveTo(scales.x.getPixelForValue(p.xInterval.lower), y0);
            ctx.lineTo(scales.x.getPixelForValue(p.xInterval.upper), y0);
          }
          if (p.yInterval) {
            const x0 = scales.x.getPixelForValue(p.x);
            ctx.moveTo(x0, scales.y.getPixelForValue(p.yInterval.lower));
            ctx.lineTo(x0, scales.y.getPixelForValue(p.yInterval.upper));
          }
          ctx.stroke();
        });
        ctx.fillStyle = muted;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        const captions = cornerCaptions(
          props.corners.map((c) => ctx.measureText(c).width) as [number, number, number, number],
          line,
          area,
        );
        captions.forEach((r, k) => {
          ctx.fillText(props.corners[k], r.textX, r.textY);
        });
        ctx.font = `12px ${css.fontFamily}`;
        ctx.fillStyle = text;
        const dots = c.getDatasetMeta(0).data.map((pt) => ({ x: pt.x, y: pt.y }));
        const labels = placeLabels(
          dots,
          props.points.map((p) => ctx.measureText(p.label).width),
          line,
          area,
          captions,
        );
        labels.forEach((r, i) => {
          ctx.fillText(props.points[i].label, r.textX, r.textY);
        });
        ctx.restore();
      },
    };
    const pad = (xs: number[]) => {
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      const m = Math.max(0.1, (hi - lo) * 0.25);
      return { min: lo - m, max: hi + m };
    };
    // An axis title longer than its axis (Italian, or any language on a phone) is set on several lines.
    const measurer = canvas.getContext('2d')!;
    measurer.font = `12px ${css.fontFamily}`;
    const box = canvas.parentElement!;
    const wrap = (title: string, length: number) =>
      wrapToWidth(title, Math.max(120, length - 60), (x) => measurer.measureText(x).width);
    chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          {
            data: props.points.map((p) => ({ x: p.x, y: p.y })),
            pointRadius: 6,
            pointBackgroundColor: props.points.map((p) => p.color),
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: { right: 24 } },
        scales: {
          x: {
            ...(props.xRange ? { min: props.xRange[0], max: props.xRange[1] } : pad(props.points.map((p) => p.x))),
            title: { display: true, text: wrap(props.xLabel, box.clientWidth), color: text },
          },
          y: {
            ...(props.yRange ? { min: props.yRange[0], max: props.yRange[1] } : pad(props.points.map((p) => p.y))),
            title: { display: true, text: wrap(props.yLabel, box.clientHeight), color: text },
          },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => props.points[item.dataIndex].label } },
        },
      },
      plugins: [overlay],
    });
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="chart chart-quadrant">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
