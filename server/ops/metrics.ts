/**
 * Prometheus metrics of this process, in the text exposition format (version 0.0.4). Each node
 * of a deployment exposes its own; Prometheus adds them up. Small on purpose: counters and
 * histograms with labels, nothing the product does not measure.
 */
type Labels = Record<string, string>;

// Call sites pass each metric's labels in one fixed order, so their values alone make the key
// (a sorted JSON key cost a few microseconds on every request).
const key = (labels: Labels) => Object.values(labels).join('\u0001');
const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const render = (labels: Labels, extra: Labels = {}) => {
  const all = { ...labels, ...extra };
  const parts = Object.entries(all).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

export class Counter {
  private values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1) {
    const k = key(labels);
    const entry = this.values.get(k);
    if (entry) entry.value += by;
    else this.values.set(k, { labels, value: by });
  }
  expose(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${render(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(value: number, labels: Labels = {}) {
    const k = key(labels);
    let entry = this.values.get(k);
    if (!entry) this.values.set(k, (entry = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) entry.counts[i]++;
    entry.sum += value;
    entry.count++;
  }
  expose(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.values.values()) {
      this.buckets.forEach((b, i) => {
        lines.push(`${this.name}_bucket${render(labels, { le: String(b) })} ${counts[i]}`);
      });
      lines.push(`${this.name}_bucket${render(labels, { le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${render(labels)} ${sum}`);
      lines.push(`${this.name}_count${render(labels)} ${count}`);
    }
    return lines.join('\n');
  }
}

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What this process measures; each is named in the README's operations section. */
export const metrics = {
  requests: new Counter(
    'yardstick_http_requests_total',
    'HTTP requests answered, by method, route pattern and status.',
  ),
  requestSeconds: new Histogram(
    'yardstick_http_request_duration_seconds',
    'Time to answer an HTTP request, by route pattern.',
    SECONDS,
  ),
  submissionSeconds: new Histogram(
    'yardstick_submission_duration_seconds',
    "Time from receiving a respondent's submission to its commit.",
    SECONDS,
  ),
  groupCommitSize: new Histogram(
    'yardstick_group_commit_batch_size',
    'Submissions stored by one group commit.',
    [1, 2, 5, 10, 20, 50, 100, 200, 500],
  ),
  reportBuildSeconds: new Histogram(
    'yardstick_report_build_duration_seconds',
    "Time to build a survey's report (all sections).",
    SECONDS,
  ),
};

/** The exposition text: every metric above, then the gauges read at scrape time. */
export function exposeMetrics(gauges: { name: string; help: string; value: number }[]): string {
  const parts = Object.values(metrics).map((m) => m.expose());
  for (const g of gauges) parts.push(`# HELP ${g.name} ${g.help}\n# TYPE ${g.name} gauge\n${g.name} ${g.value}`);
  return `${parts.join('\n')}\n`;
}

/** Runs `work`, recording its duration in `histogram`. */
export function timed<T>(histogram: Histogram, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    histogram.observe((performance.now() - started) / 1000);
  }
}
