/**
 * Margin of error against the number of completes: the trade-off a researcher weighs when sizing
 * the sample. Only the Chart.js parts a line chart needs are registered.
 */
import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { createEffect, on, onCleanup, onMount } from 'solid-js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

export interface MarginPoint {
  n: number;
  margin: number;
}

export default function MarginChart(props: {
  points: MarginPoint[];
  /** The planned n and its margin, marked on the curve. */
  mark: MarginPoint | null;
  label: string;
  xTitle: string;
  yTitle: string;
  format: (margin: number) => string;
  tick: (margin: number) => string;
  formatN: (n: number) => string;
}) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'line'> | undefined;
  const draw = () => {
    const css = getComputedStyle(canvas);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const data = {
      datasets: [
        {
          data: props.points.map((p) => ({ x: p.n, y: p.margin })),
          borderColor: color('--chart-1'),
          borderWidth: 2,
          pointRadius: 0,
          tension: 0.2,
        },
        {
          data: props.mark ? [{ x: props.mark.n, y: props.mark.margin }] : [],
          borderColor: color('--accent'),
          backgroundColor: color('--accent'),
          pointRadius: 5,
          showLine: false,
        },
      ],
    };
    if (chart) {
      // Updating in place keeps typing smooth: no new canvas on every keystroke.
      chart.data = data;
      chart.update('none');
      return;
    }
    chart = new Chart(canvas, {
      type: 'line',
      data,
      options: {
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        scales: {
          x: {
            type: 'linear',
            min: 0,
            title: { display: true, text: props.xTitle },
            ticks: { callback: (v) => props.formatN(Number(v)) },
          },
          y: {
            type: 'linear',
            min: 0,
            title: { display: true, text: props.yTitle },
            ticks: { callback: (v) => props.tick(Number(v)) },
          },
        },
        plugins: {
          tooltip: {
            intersect: false,
            mode: 'nearest',
            axis: 'x',
            callbacks: {
              title: (items) => props.formatN(items[0].parsed.x ?? 0),
              label: (item) => props.format(item.parsed.y ?? 0),
            },
          },
        },
      },
    });
  };
  onMount(() => {
    draw();
    createEffect(on(() => [props.points, props.mark], draw, { defer: true }));
    // Axis titles follow the interface language; a new chart is simpler than patching options.
    createEffect(
      on(
        () => [props.xTitle, props.yTitle],
        () => {
          chart?.destroy();
          chart = undefined;
          draw();
        },
        { defer: true },
      ),
    );
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="chart margin-chart">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
