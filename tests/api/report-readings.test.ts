/**
 * Readings that do not overstate: small bases, intervals that cannot be zero-width, and
 * priorities with their uncertainty. Every expected value is computed here from the answers
 * below by the formulas written out in this file, never by the report's own code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { basePlan } from '../support/plan';
import { capUplift, loyaltyIfLevelRises, MAX_RETENTION, retentionUplift } from '../../shared/stats';

const scale = { min: 1, max: 5 };
const ITEMS = ['a1', 'a2', 'a3'];
const definition = {
  title: { en: 'Readings' },
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'osat', type: 'rating', role: 'overall-satisfaction', scale, text: { en: 'Overall' } },
        {
          id: 'attrs',
          type: 'matrix',
          role: 'attribute',
          scale,
          text: { en: 'Attributes' },
          items: ITEMS.map((id) => ({ id, label: { en: id } })),
        },
        { id: 'nps', type: 'nps', role: 'recommend', text: { en: 'Recommend' } },
      ],
    },
  ],
};

const cleanups: (() => void)[] = [];
afterEach(() =>
  cleanups.splice(0).forEach((f) => {
    f();
  }),
);

/** A fresh app with the survey published and one response per answer set; returns the report's sections. */
async function reportOf(answers: Record<string, unknown>[]) {
  return (await seeded(answers)).report.sections;
}

async function seeded(answers: Record<string, unknown>[]) {
  const t = makeTestApp();
  cleanups.push(() => t.cleanup());
  const agents = await signedInAgents(t.app);
  const created = (await agents.researcher.post('/api/surveys', { definition })).body;
  const versionId = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
  const a = new Agent(t.app);
  for (const [i, ans] of answers.entries()) {
    const res = await a.post(`/api/public/s/${created.slug}/responses`, {
      clientId: `respondent-${i}`,
      versionId,
      complete: true,
      answers: ans,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const res = await agents.viewer.get(`/api/surveys/${created.id}/report`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { report: res.body, agents, surveyId: created.id as string };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const pearsonR = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  const sxy = x.reduce((a, xi, i) => a + (xi - mx) * (y[i] - my), 0);
  return sxy / Math.sqrt(x.reduce((a, xi) => a + (xi - mx) ** 2, 0) * y.reduce((a, yi) => a + (yi - my) ** 2, 0));
};
/** Wilson score interval (Wilson 1927), z = 1.959964. */
const wilson = (k: number, n: number) => {
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { lower: centre - half, upper: centre + half };
};
/** Fisher's z interval: tanh(atanh r ± 1.959964/√(n − 3)) (Fisher 1921; R's cor.test). */
const fisher = (r: number, n: number) => ({
  lower: Math.tanh(Math.atanh(r) - 1.959964 / Math.sqrt(n - 3)),
  upper: Math.tanh(Math.atanh(r) + 1.959964 / Math.sqrt(n - 3)),
});

describe('tiny bases', () => {
  it('n = 9, every answer 5: the mean carries no "± 0" but the small-base verdict, the shares their Wilson intervals', async () => {
    const s = await reportOf(Array.from({ length: 9 }, () => ({ osat: 5, attrs: { a1: 5, a2: 5, a3: 5 }, nps: 10 })));
    const o = s.satisfaction.overall;
    expect(o.n).toBe(9);
    expect(o.mean.mean).toBe(5);
    // The t interval would be 5 ± 0: withheld, with the reason.
    expect(o.mean.upper - o.mean.lower).toBe(0);
    expect(o.meanIntervalWithheld).toBe('small-base');
    expect(o.smallBase).toBe(true);
    // 9 of 9 in the top box: Wilson gives 70.1%–100%, not 100% ± 0.
    expect(o.topBox.p).toBe(1);
    expect(o.topBox.lower).toBeCloseTo(wilson(9, 9).lower, 5);
    expect(o.topBox.lower).toBeCloseTo(0.7009, 4);
    expect(o.topBox.upper).toBeCloseTo(1, 10);
    expect(s.satisfaction.attributes.every((a: { smallBase: boolean }) => a.smallBase)).toBe(true);
    expect(s.loyalty.nps.nps).toBe(100);
    expect(s.loyalty.nps.marginWithheld).toBe('small-base');
  });

  it('n = 3, all promoters: NPS +100 with the margin withheld as too small a base', async () => {
    const s = await reportOf([
      { nps: 10, osat: 4 },
      { nps: 9, osat: 5 },
      { nps: 10, osat: 4 },
    ]);
    expect(s.loyalty.nps.n).toBe(3);
    expect(s.loyalty.nps.nps).toBe(100);
    // The margin the formula gives is 0 (P = 1, D = 0: V = 1 − 1² = 0): never printed as "±0".
    expect(s.loyalty.nps.marginOfError).toBe(0);
    expect(s.loyalty.nps.marginWithheld).toBe('small-base');
    expect(s.satisfaction.overall.meanIntervalWithheld).toBe('small-base');
  });

  it('30 answers all alike: a base big enough, but a zero-width interval is still withheld (no spread)', async () => {
    const s = await reportOf(Array.from({ length: 30 }, (_, i) => ({ osat: 4, nps: 9 + (i % 2) })));
    expect(s.satisfaction.overall.smallBase).toBe(false);
    expect(s.satisfaction.overall.meanIntervalWithheld).toBe('no-spread');
    expect(s.loyalty.nps.marginWithheld).toBe('no-spread');
  });

  it('30 answers that differ: the interval is shown', async () => {
    const s = await reportOf(Array.from({ length: 30 }, (_, i) => ({ osat: 3 + (i % 3), nps: 5 + (i % 6) })));
    expect(s.satisfaction.overall.meanIntervalWithheld).toBeNull();
    expect(s.loyalty.nps.marginWithheld).toBeNull();
  });
});

describe('priorities with their uncertainty', () => {
  // Nine respondents. a1 follows overall satisfaction closely, a2 not at all, a3 partly.
  const OSAT = [1, 2, 3, 4, 5, 1, 2, 3, 4];
  const A = {
    a1: [1, 2, 3, 4, 5, 2, 2, 3, 4],
    a2: [3, 1, 5, 3, 1, 5, 3, 1, 5],
    a3: [2, 2, 3, 3, 5, 1, 4, 3, 2],
  };
  const answers = OSAT.map((o, i) => ({ osat: o, attrs: { a1: A.a1[i], a2: A.a2[i], a3: A.a3[i] } }));

  it('gives each importance (a correlation) its Fisher z interval and each performance its t interval, on full-range axes', async () => {
    const { priorities } = await reportOf(answers);
    expect(priorities.importance).toBe('derived');
    const byKey = Object.fromEntries(priorities.items.map((i: { key: string }) => [i.key, i]));
    // t(0.975, 8) = 2.306004 from the t table.
    for (const id of ITEMS) {
      const x = A[id as keyof typeof A];
      const item = byKey[`attrs.${id}`];
      const r = pearsonR(x, OSAT);
      expect(item.correlation).toBeCloseTo(r, 12);
      expect(item.importanceInterval.lower).toBeCloseTo(fisher(r, 9).lower, 5);
      expect(item.importanceInterval.upper).toBeCloseTo(fisher(r, 9).upper, 5);
      expect(item.performanceInterval.lower).toBeCloseTo(mean(x) - (2.306004 * sd(x)) / 3, 5);
      expect(item.performanceInterval.upper).toBeCloseTo(mean(x) + (2.306004 * sd(x)) / 3, 5);
      expect(item.n).toBe(9);
    }
    // The crosshairs are the means of the items' figures; the axes the whole scale and 0–1 (or −1–1).
    const rs = ITEMS.map((id) => pearsonR(A[id as keyof typeof A], OSAT));
    expect(priorities.crosshairs.importance).toBeCloseTo(mean(rs), 12);
    expect(priorities.crosshairs.performance).toBeCloseTo(mean(ITEMS.map((id) => mean(A[id as keyof typeof A]))), 12);
    expect(priorities.ranges.performance).toEqual([1, 5]);
    const lowestLower = Math.min(...rs.map((r) => fisher(r, 9).lower));
    expect(priorities.ranges.importance).toEqual([lowestLower < 0 ? -1 : 0, 1]);
    // a1 (r ≈ 0.96: 0.82–0.99) lies clear of a2 (r ≈ −0.2, upper ≈ 0.5): they can be told apart.
    expect(fisher(rs[0], 9).lower).toBeGreaterThan(fisher(rs[1], 9).upper);
    expect(priorities.importanceDistinct).toBe(true);
    // Settled: both intervals wholly on one side of their crosshair. Worked out item by item.
    for (const [k, id] of ITEMS.entries()) {
      const x = A[id as keyof typeof A];
      const f = fisher(rs[k], 9);
      const half = (2.306004 * sd(x)) / 3;
      const clear = (lo: number, hi: number, at: number) => lo > at || hi < at;
      const expected =
        clear(f.lower, f.upper, priorities.crosshairs.importance) &&
        clear(mean(x) - half, mean(x) + half, priorities.crosshairs.performance);
      expect(byKey[`attrs.${id}`].settled, id).toBe(expected);
    }
    // Nine respondents: the section carries the small-base warning.
    expect(priorities.base).toBe(9);
    expect(priorities.smallBase).toBe(true);
  });

  it('says when the importance figures cannot be told apart: correlations close together at a small n', async () => {
    // a1, a2, a3 all track overall satisfaction about equally (r 0.87–0.9): every interval overlaps.
    const close = {
      a1: [1, 2, 3, 4, 5, 2, 2, 3, 4],
      a2: [2, 2, 3, 4, 5, 1, 2, 3, 5],
      a3: [1, 3, 3, 4, 4, 1, 2, 4, 4],
    };
    const { priorities } = await reportOf(
      OSAT.map((o, i) => ({ osat: o, attrs: { a1: close.a1[i], a2: close.a2[i], a3: close.a3[i] } })),
    );
    const intervals = ITEMS.map((id) => fisher(pearsonR(close[id as keyof typeof close], OSAT), 9));
    // By hand: the highest lower bound is below the lowest upper bound, so every pair overlaps.
    expect(Math.max(...intervals.map((x) => x.lower))).toBeLessThan(Math.min(...intervals.map((x) => x.upper)));
    expect(priorities.importanceDistinct).toBe(false);
    expect(priorities.items.every((i: { settled: boolean }) => !i.settled)).toBe(true);
  });
});

describe('competitive standing, read per competitor', () => {
  // 40 respondents rate us and A on innovation; B only by respondents 10–39. Respondents 0–9
  // rate us 5, the rest 3. A: one or two below us, alternating. B: 4 or 5, alternating.
  const grid = {
    title: { en: 'Grid' },
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'grid',
            type: 'competitor',
            role: 'competitor',
            ownBrand: 'us',
            scale: { min: 1, max: 5 },
            text: { en: 'Providers' },
            brands: ['us', 'a', 'b'].map((id) => ({ id, label: { en: id } })),
            attributes: [{ id: 'innovation', label: { en: 'Innovation' } }],
          },
        ],
      },
    ],
  };
  const us = (i: number) => (i < 10 ? 5 : 3);
  const a = (i: number) => us(i) - 1 - (i % 2);
  const b = (i: number) => 4 + (i % 2);

  it('shows the paired difference that was tested, and reads a lead over A apart from a trail behind B', async () => {
    const t = makeTestApp();
    cleanups.push(() => t.cleanup());
    const agents = await signedInAgents(t.app);
    const created = (await agents.researcher.post('/api/surveys', { definition: grid })).body;
    const versionId = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const anon = new Agent(t.app);
    for (let i = 0; i < 40; i++) {
      const ratings: Record<string, Record<string, number>> = { us: { innovation: us(i) }, a: { innovation: a(i) } };
      if (i >= 10) ratings.b = { innovation: b(i) };
      const res = await anon.post(`/api/public/s/${created.slug}/responses`, {
        clientId: `respondent-${i}`,
        versionId,
        complete: true,
        answers: { grid: { known: Object.keys(ratings), ratings } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const res = await agents.viewer.get(`/api/surveys/${created.id}/report`);
    const [q] = res.body.sections.competition.questions;
    const [innovation] = q.attributes;
    const vs = (brand: string) => innovation.competitors.find((c: { brand: string }) => c.brand === brand);
    // B: the separate means are 3.5 (us, all 40) and 4.5 (B, its 30): −1.0. Over the 30 who rated
    // both, us 3 − B 4/5: −1, −2 alternating, mean −1.5: the difference the paired t tests.
    expect(vs('b').difference).toBeCloseTo(3.5 - 4.5, 12);
    expect(vs('b').pairedDifference).toBeCloseTo(-1.5, 12);
    expect(vs('b').pairs).toBe(30);
    // s_d = √(30 · 0.25 / 29) = 0.50855, t = −1.5 / (0.50855/√30) = −16.2 on 29 df: p < 1e-10.
    expect(vs('b').p).toBeLessThan(1e-10);
    expect(vs('b').significant).toBe(true);
    // A: us − A is 1, 2 alternating over all 40: mean 1.5, significant, a lead.
    expect(vs('a').pairedDifference).toBeCloseTo(1.5, 12);
    expect(vs('a').significant).toBe(true);
    // Innovation is a weakness (behind B) and not a strength; the lead over A stays in A's own result.
    expect([innovation.strength, innovation.weakness]).toEqual([false, true]);
  });
});

describe("the loyalty value's currency", () => {
  it("is the study's, whatever the reader's language: none until the plan budgets in one, then the plan's", async () => {
    const { report, agents, surveyId } = await seeded([{ osat: 4, nps: 9 }]);
    // No price question and no plan: the study names no currency, and none is made up.
    expect(report.currency).toBeNull();
    const plan = basePlan({ budget: [{ label: 'Incentives', kind: 'fixed', amount: 100_000, currency: 'TWD' }] });
    const saved = await agents.researcher.put(`/api/surveys/${surveyId}/plan`, { plan });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    for (const lang of ['en', 'zh-Hant', 'vi']) {
      const res = await agents.viewer.request('GET', `/api/surveys/${surveyId}/report`, undefined, {
        'accept-language': lang,
      });
      expect(res.body.currency, lang).toBe('TWD');
    }
  });
});

describe('open answers, page by page', () => {
  it('gives every answer through offset and limit, newest first, and refuses a bad page naming the parameter', async () => {
    // 60 comments, a minute apart on the test clock, so newest first is respondent 59 down to 0.
    const t = makeTestApp();
    cleanups.push(() => t.cleanup());
    const agents = await signedInAgents(t.app);
    const def = {
      title: { en: 'Comments' },
      pages: [{ id: 'p1', questions: [{ id: 'comment', type: 'text', text: { en: 'Comment' } }] }],
    };
    const created = (await agents.researcher.post('/api/surveys', { definition: def })).body;
    const versionId = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const anon = new Agent(t.app);
    for (let i = 0; i < 60; i++) {
      const res = await anon.post(`/api/public/s/${created.slug}/responses`, {
        clientId: `respondent-${i}`,
        versionId,
        complete: true,
        answers: { comment: `comment ${i}` },
      });
      expect(res.status).toBe(201);
      t.clock.advance(60_000);
    }
    const url = `/api/surveys/${created.id}/report/verbatims`;
    const full = await agents.viewer.get(`/api/surveys/${created.id}/report`);
    expect(full.status, JSON.stringify(full.body).slice(0, 300)).toBe(200);
    const report = full.body.sections.verbatims;
    // The report shows the newest 50: comments 59 down to 10.
    expect(report.total).toBe(60);
    expect(report.items.map((x: { text: string }) => x.text)).toEqual(
      Array.from({ length: 50 }, (_, k) => `comment ${59 - k}`),
    );
    const next = (await agents.viewer.get(`${url}?offset=50&limit=50`)).body;
    expect(next).toMatchObject({ total: 60, offset: 50 });
    expect(next.items.map((x: { text: string }) => x.text)).toEqual(
      Array.from({ length: 10 }, (_, k) => `comment ${9 - k}`),
    );
    // A search pages the same way.
    const found = (await agents.viewer.get(`${url}?search=comment%205&offset=1&limit=5`)).body;
    // "comment 5" matches 59, 58 … 50 and 5: newest first, one skipped.
    expect(found.total).toBe(11);
    expect(found.items.map((x: { text: string }) => x.text)).toEqual([
      'comment 58',
      'comment 57',
      'comment 56',
      'comment 55',
      'comment 54',
    ]);
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=x', 'offset'],
    ]) {
      const bad = await agents.viewer.get(`${url}?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.path, query).toBe(path);
    }
  });
});

describe('the loyalty value on the coffee demo', () => {
  // The demo route loads the hotel, whose plan and alert rules are written on SQLite.
  it("caps the survey's proposed uplift where retention would pass 99%, so the estimate is a figure, not an error", async () => {
    const t = makeTestApp();
    cleanups.push(() => t.cleanup());
    const agents = await signedInAgents(t.app);
    expect((await agents.researcher.post('/api/demo', {})).status).toBe(201);
    const surveys = (await agents.viewer.get('/api/surveys')).body as { id: string; slug: string }[];
    const coffee = surveys.find((s) => s.slug === 'demo-coffee')!;
    const report = (await agents.viewer.get(`/api/surveys/${coffee.id}/report`)).body;
    // The study prices in euros; every reader gets that currency.
    expect(report.currency).toBe('EUR');
    const curve: { share: number; rate: number | null }[] = report.sections.loyalty.curve;
    // The proposal as the page makes it: the second-highest level taking the top level's rate.
    const shift = loyaltyIfLevelRises(
      curve.map((c) => c.share),
      curve.map((c) => c.rate),
      curve.length - 2,
    );
    const retention = 0.8;
    // The coffee curve proposes about 30 points (0.32 loyal now, 0.62 after): from the page's 80%
    // retention that is 110%, which the estimate refuses. Capped at 99%: 19 points.
    expect(shift.uplift).toBeGreaterThan(0.25);
    expect(() =>
      retentionUplift({ customers: 1000, margin: 100, retention, uplift: shift.uplift, discountRate: 0.1 }),
    ).toThrow(/uplift/);
    const capped = capUplift(retention, shift.uplift);
    expect(capped.capped).toBe(true);
    expect(capped.uplift).toBeCloseTo(0.19, 12);
    const r = retentionUplift({ customers: 1000, margin: 100, retention, uplift: capped.uplift, discountRate: 0.1 });
    expect(Number.isFinite(r.lifetimeValueGained)).toBe(true);
    expect(retention + capped.uplift).toBeLessThanOrEqual(MAX_RETENTION + 1e-12);
  });
});
