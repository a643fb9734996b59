/**
 * The research sections (SERVQUAL, price tolerance, competitive standing) on the 40 seeded
 * respondents of tests/support/research-data.ts. Expected values come from the hand computations
 * in the comments or from the direct formulas here over the seed's own formulas, never from the
 * report's code.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { seedReportData } from '../support/report-data';
import {
  expectation,
  ggHighest,
  importance,
  N,
  perception,
  rating,
  seedResearchData,
  SQ_ITEMS,
  tier,
} from '../support/research-data';
import { basePlan } from '../support/plan';
import { invalidate } from '../../server/report/dataset';
import { tCdf } from '../../shared/stats';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const DIMENSIONS = ['reliability', 'empathy', 'tangibles'] as const;

let t: ReturnType<typeof makeTestApp>;
let viewer: Agent;
let researcher: Agent;
let surveyId: string;
let sections: any;

beforeAll(async () => {
  const seeded = await seedResearchData();
  t = seeded.t;
  viewer = seeded.agents.viewer;
  researcher = seeded.agents.researcher;
  surveyId = seeded.surveyId;
  const res = await viewer.get(`/api/surveys/${surveyId}/report`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  sections = res.body.sections;
});
afterAll(() => t.cleanup());

describe('SERVQUAL', () => {
  it('gives perception − expectation per item and per dimension, over both SERVQUAL questions', () => {
    const s = sections.servqual;
    expect(s.n).toBe(N);
    expect(s.items.map((i: any) => i.key)).toEqual(SQ_ITEMS.map(([q, id]) => `${q}.${id}`));
    SQ_ITEMS.forEach((_, k) => {
      const e = mean(range(N).map((i) => expectation(i, k)));
      const p = mean(range(N).map((i) => perception(i, k)));
      expect(s.items[k].expectation).toBeCloseTo(e, 12);
      expect(s.items[k].perception).toBeCloseTo(p, 12);
      expect(s.items[k].gap).toBeCloseTo(p - e, 12);
    });
    // By hand, tangibles (item tan1): P is 6 for everyone, E is 6 for even and 7 for odd respondents: gap −0.5.
    const tangibles = s.dimensions.find((d: any) => d.dimension === 'tangibles');
    expect(tangibles.gap).toBeCloseTo(-0.5, 12);
    expect(s.dimensions.map((d: any) => d.dimension)).toEqual([...DIMENSIONS]);
  });

  it("weights every mean when the report is weighted to the plan's population shares", async () => {
    // Tier gold 50 % / silver 50 %; the sample has 10 gold and 30 silver: weights 2 and 2/3.
    const tiers = {
      source: 'tier',
      unit: 'percent' as const,
      categories: [
        { value: 'gold', population: 50 },
        { value: 'silver', population: 50 },
      ],
    };
    const saved = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan({
        quotas: {
          variables: [tiers],
          method: 'proportional',
          cells: [
            { key: 'gold', values: ['gold'], target: 20 },
            { key: 'silver', values: ['silver'], target: 20 },
          ],
        },
      }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // The responses came in before the plan: stamp their cells as collection would have, and
    // drop the cached columns that were read before.
    t.db.$client.prepare(`update responses set quota_cell = json_extract(hidden, '$.tier')`).run();
    invalidate(t.store.db, surveyId);
    const res = await viewer.get(`/api/surveys/${surveyId}/report?weight=cells`);
    const w = (i: number) => (tier(i) === 'gold' ? 2 : 2 / 3);
    const weightedMean = (f: (i: number) => number) =>
      range(N).reduce((a, i) => a + w(i) * f(i), 0) / range(N).reduce((a, i) => a + w(i), 0);
    // By hand for tangibles: gold (i ≡ 0 mod 4) has E 6, P 6, gap 0; silver odd i gap −1 (20 of
    // them), silver even 0: (20 · 2/3 · −1) / (10 · 2 + 30 · 2/3) = −1/3, against −0.5 unweighted.
    expect(res.body.sections.fieldwork.weighting).toMatchObject({ method: 'cells', unmatched: 0 });
    const tangibles = res.body.sections.servqual.dimensions.find((d: any) => d.dimension === 'tangibles');
    expect(tangibles.gap).toBeCloseTo(-1 / 3, 12);
    SQ_ITEMS.forEach((_, k) => {
      expect(res.body.sections.servqual.items[k].gap).toBeCloseTo(
        weightedMean((i) => perception(i, k) - expectation(i, k)),
        12,
      );
    });
    // Own brand's quality, 5 − (i mod 2): gold (all even) 5 at weight 2 × 10; silver 4 (20 odd) and
    // 5 (10 even) at 2/3: (100 + (80 + 50) · 2/3) / 40 = 4.6667, against 4.5 unweighted.
    const quality = res.body.sections.competition.questions[0].attributes[0];
    expect(quality.own.mean).toBeCloseTo((100 + 130 * (2 / 3)) / 40, 12);
    expect(quality.own.mean).toBeCloseTo(
      weightedMean((i) => rating(i, 'us', 'quality')),
      12,
    );
    expect(quality.own.n).toBe(N);
    // Competitor B is known by respondents 0–9 only: weighted 3 gold (0, 4, 8) at 2 and 7 silver at 2/3 of 40.
    expect(res.body.sections.competition.questions[0].awareness[2]).toBeCloseTo((3 * 2 + 7 * (2 / 3)) / 40, 12);
    // Gold respondents (i ≡ 0 mod 4) buy at no price; the 30 silver ones at 10 or more, at 2/3 each:
    // demand at 10 = (30 · 2/3) / 40 = 0.5 (0.75 unweighted), at 20 = (20 · 2/3) / 40 = 1/3.
    const ladder = res.body.sections.price.gaborGranger[0];
    expect(ladder.points[0].demand).toBeCloseTo(0.5, 12);
    expect(ladder.points[1].demand).toBeCloseTo(1 / 3, 12);
    expect(ladder.points[1].demand).toBeCloseTo(
      weightedMean((i) => ((ggHighest(i) ?? 0) >= 20 ? 1 : 0)),
      12,
    );
    await researcher.put(`/api/surveys/${surveyId}/plan`, { plan: basePlan() });
  });

  it('weights the dimension gaps by the constant-sum importance points', () => {
    const s = sections.servqual;
    const itemsOf = (d: string) => SQ_ITEMS.map((x, k) => (x[2] === d ? k : -1)).filter((k) => k >= 0);
    const dimGap = (i: number, d: string) => mean(itemsOf(d).map((k) => perception(i, k) - expectation(i, k)));
    DIMENSIONS.forEach((d, j) => {
      expect(s.dimensions[j].gap).toBeCloseTo(mean(range(N).map((i) => dimGap(i, d))), 12);
      expect(s.dimensions[j].importance).toBeCloseTo(mean(range(N).map((i) => importance(i)[d])), 12);
    });
    expect(s.unweighted).toBeCloseTo(mean(range(N).map((i) => mean(DIMENSIONS.map((d) => dimGap(i, d))))), 12);
    expect(s.weighted).toBeCloseTo(
      mean(range(N).map((i) => DIMENSIONS.reduce((a, d) => a + (importance(i)[d] / 100) * dimGap(i, d), 0))),
      12,
    );
    expect(s.importanceQuestion).toBe('dimimp');
  });
});

describe('SERVQUAL weighted by an importance matrix', () => {
  it('takes dimension importance from a matrix with the importance role, ratings rescaled to 100 points', async () => {
    const app = makeTestApp();
    try {
      const { researcher: r, viewer: v } = await signedInAgents(app.app);
      const scale = { min: 1, max: 7 };
      const definition = {
        title: { en: 'Matrix importance' },
        pages: [
          {
            id: 'p1',
            questions: [
              {
                id: 'sq',
                type: 'servqual',
                scale,
                text: { en: 'Service' },
                items: [
                  { id: 'r1', dimension: 'reliability', label: { en: 'r1' } },
                  { id: 'e1', dimension: 'empathy', label: { en: 'e1' } },
                ],
              },
              {
                id: 'imp',
                type: 'matrix',
                role: 'importance',
                scale: { min: 1, max: 5 },
                text: { en: 'How important?' },
                items: ['reliability', 'empathy'].map((id) => ({ id, label: { en: id } })),
              },
            ],
          },
        ],
      };
      const created = (await r.post('/api/surveys', { definition })).body;
      const versionId = (await r.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
      const answers = [
        { sq: { r1: { e: 7, p: 5 }, e1: { e: 6, p: 6 } }, imp: { reliability: 4, empathy: 1 } },
        { sq: { r1: { e: 6, p: 6 }, e1: { e: 7, p: 4 } }, imp: { reliability: 3, empathy: 3 } },
      ];
      const a = new Agent(app.app);
      for (const [i, x] of answers.entries()) {
        expect(
          (
            await a.post(`/api/public/s/${created.slug}/responses`, {
              clientId: `matrix-${i}-x`,
              versionId,
              complete: true,
              answers: x,
            })
          ).status,
        ).toBe(201);
      }
      const s = (await v.get(`/api/surveys/${created.id}/report`)).body.sections.servqual;
      // By hand. A: gaps −2 (reliability) and 0 (empathy), importance 4 : 1 → 80/20 points, weighted
      // 0.8 · −2 = −1.6. B: gaps 0 and −3, importance 3 : 3 → 50/50, weighted −1.5.
      // Weighted (−1.6 − 1.5) / 2 = −1.55; unweighted (−1 − 1.5) / 2 = −1.25; reliability importance (80 + 50) / 2 = 65.
      expect(s.importanceQuestion).toBe('imp');
      expect(s.weighted).toBeCloseTo(-1.55, 12);
      expect(s.unweighted).toBeCloseTo(-1.25, 12);
      expect(s.dimensions.map((d: any) => [d.dimension, d.importance])).toEqual([
        ['reliability', 65],
        ['empathy', 35],
      ]);
    } finally {
      app.cleanup();
    }
  });
});

describe('price tolerance', () => {
  it('gives the Van Westendorp price points of the four respondents who answered', () => {
    const [vw] = sections.price.vanWestendorp;
    expect(vw).toMatchObject({ questionId: 'vw', currency: 'EUR', n: 4, valid: 4 });
    // By hand. Prices given: 5 10 15 20 25 30 40. Cumulative shares (0 at or below a column's
    // lowest answer, 1 at or above its highest, else the share at or below the price):
    //   too cheap answers 5 10 5 10     → F 0 at 5, 1 from 10
    //   cheap       10 15 15 20         → F 0 to 10, ¾ at 15, 1 from 20
    //   expensive   20 25 20 30         → F 0 to 20, ¾ at 25, 1 from 30
    //   too exp.    30 40 25 40         → F 0 to 25, ½ at 30, 1 at 40
    // PMC: "not cheap" (F cheap) meets "too cheap" (1 − F too cheap): both 0 at 10.
    // OPP: too expensive (F) meets too cheap: both 0 at 10.
    // IPP: expensive (F) meets cheap (1 − F cheap): both 0 at 20.
    // PME: too expensive meets not expensive (1 − F exp.): 25 → 0 vs ¼, 30 → ½ vs 0; the
    //   difference −¼ then +½ crosses at 25 + 5 · ¼ / ¾ = 26.667.
    expect(vw.pmc).toBeCloseTo(10, 12);
    expect(vw.opp).toBeCloseTo(10, 12);
    expect(vw.ipp).toBeCloseTo(20, 12);
    expect(vw.pme).toBeCloseTo(25 + 5 / 3, 12);
    // At 25: too cheap 1 − 1 = 0, not cheap F = 1, not expensive 1 − ¾ = ¼, too expensive 0.
    expect(vw.curves.find((c: any) => c.price === 25)).toEqual({
      price: 25,
      tooCheap: 0,
      notCheap: 1,
      notExpensive: 0.25,
      tooExpensive: 0,
    });
  });

  it('gives the Newton–Miller–Smith trial and revenue curves from purchase likelihood', () => {
    const { nms } = sections.price.vanWestendorp[0];
    // By hand, probability 0.7/0.5/0.3/0.1/0 for likelihood 5…1 at the cheap and expensive prices,
    // 0 at too cheap and too expensive, linear between. At 15:
    //   r1 (10 → 0.7, 20 → 0.3): 0.5; r2 (cheap 15 → 0.5): 0.5; r3 (cheap 15 → 0.7): 0.7;
    //   r4 (too cheap 10 → 0, cheap 20 → 0.3): 0.15. Reach 1.85 / 4 = 0.4625, revenue 6.9375.
    // At 10: 0.7 + 0 + 0.35 + 0 = 1.05 → revenue 2.625; at 20: 0.3 + 0.3 + 0 + 0.3 → 4.5; so 15 is best.
    const at15 = nms.curve.find((p: any) => p.price === 15);
    expect(at15.reach).toBeCloseTo(0.4625, 12);
    expect(at15.revenue).toBeCloseTo(6.9375, 12);
    expect(nms.curve.find((p: any) => p.price === 20).revenue).toBeCloseTo(4.5, 12);
    expect(nms.revenueOptimal).toBe(15);
    expect(nms.reachOptimal).toBe(15);
  });

  it('gives the Gabor-Granger demand and revenue curves with the revenue-maximising price', () => {
    const [gg] = sections.price.gaborGranger;
    // Highest accepted cycles none, 10, 20, 30: demand ¾, ½, ¼; revenue 7.5, 10, 7.5.
    expect(gg.n).toBe(N);
    expect(gg.points).toEqual([
      { price: 10, demand: 0.75, revenue: 7.5 },
      { price: 20, demand: 0.5, revenue: 10 },
      { price: 30, demand: 0.25, revenue: 7.5 },
    ]);
    expect(gg.optimalPrice).toBe(20);
    // One recommendation leads: the ladder's revenue peak, €20 (revenue 7.5, 10, 7.5 at 10, 20,
    // 30), lies inside Van Westendorp's acceptable range 10 to 26.67, so it is the one.
    expect(sections.price.recommendation).toEqual({
      price: 20,
      currency: 'EUR',
      basis: 'gabor-granger',
      questionId: gg.questionId,
      range: { low: sections.price.vanWestendorp[0].pmc, high: sections.price.vanWestendorp[0].pme },
    });
    expect(sections.price.recommendation.range.high).toBeCloseTo(25 + 5 / 3, 12);
  });
});

describe('competitive standing', () => {
  it('compares own brand with each competitor per attribute, marking differences only when the paired t test says so on bases of 30+', () => {
    const [q] = sections.competition.questions;
    expect(q.brands).toEqual(['us', 'c1', 'c2']);
    expect(q.awareness).toEqual([1, 1, 10 / 40]);
    const attr = (id: string) => q.attributes.find((a: any) => a.attribute === id);
    const vs = (id: string, brand: string) => attr(id).competitors.find((c: any) => c.brand === brand);
    for (const a of ['quality', 'price', 'service']) {
      expect(attr(a).own.mean).toBeCloseTo(mean(range(N).map((i) => rating(i, 'us', a))), 12);
      expect(vs(a, 'c1').mean).toBeCloseTo(mean(range(N).map((i) => rating(i, 'c1', a))), 12);
      expect(vs(a, 'c2').mean).toBeCloseTo(mean(range(10).map((i) => rating(i, 'c2', a))), 12);
      expect([vs(a, 'c1').pairs, vs(a, 'c2').pairs]).toEqual([N, 10]);
    }
    // Quality, us 5/4 vs c1 3/2 alternating: every respondent rates us exactly 2 higher. The
    // differences have no spread, so the paired t is unbounded: p 0, marked.
    expect(vs('quality', 'c1').difference).toBeCloseTo(2, 12);
    expect(vs('quality', 'c1').p).toBe(0);
    expect(vs('quality', 'c1').significant).toBe(true);
    // Price: us 3/4 vs c1 4/3, differences −1, +1 alternating: mean 0, t = 0, p = 1.
    expect(vs('price', 'c1').difference).toBeCloseTo(0, 12);
    expect(vs('price', 'c1').p).toBeCloseTo(1, 12);
    expect(vs('price', 'c1').significant).toBe(false);
    // c2 is rated by respondents 0–9 only. Their quality differences us − c2 are 3, 2, 3, 2…:
    // d̄ 2.5, s_d = √(10 · 0.25 / 9) = 0.52705, t = 2.5 / (0.52705 / √10) = 15.0 on 9 df (Welch's
    // test of the 40 against the 10 would give t 31). Tail from the t distribution (tested against
    // R's pt): 2 · P(T₉ < −15) = 1.13e−7. A small base is never marked, however large the gap.
    expect(vs('quality', 'c2').p).toBeCloseTo(2 * tCdf(-15, 9), 15);
    expect(vs('quality', 'c2').p).toBeCloseTo(1.1281e-7, 10);
    expect(vs('quality', 'c2')).toMatchObject({ n: 10, smallBase: true, significant: false });
    // Quality is a strength (ahead of c1, behind no one); service a weakness (2.5 vs 4.5).
    expect(q.attributes.map((a: any) => [a.attribute, a.strength, a.weakness])).toEqual([
      ['quality', true, false],
      ['price', false, false],
      ['service', false, true],
    ]);
  });
});

describe('the tables export', () => {
  it("carries the research sections' figures", async () => {
    const res = await viewer.get(`/api/surveys/${surveyId}/export/tables.csv`);
    expect(res.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(res.body as string, { header: true, skipEmptyLines: true }).data;
    const value = (section: string, key: string, measure: string) =>
      Number(rows.find((r) => r.section === section && r.key === key && r.measure === measure)?.value);
    // The same hand-computed figures as above: PME 26.667, tangibles −0.5, revenue-maximising 20, quality +2 vs c1.
    expect(value('price', 'vw', 'pme')).toBeCloseTo(25 + 5 / 3, 10);
    expect(value('servqual', '', 'tangibles_gap')).toBeCloseTo(-0.5, 10);
    expect(value('price', 'gg', 'revenue_maximising_price')).toBe(20);
    expect(value('competition', 'grid', 'quality_vs_c1_difference')).toBeCloseTo(2, 10);
  });
});

describe('sections without their questions', () => {
  it('are absent from a survey that asks none of them', async () => {
    const seeded = await seedReportData();
    try {
      const res = await seeded.agents.viewer.get(`/api/surveys/${seeded.surveyId}/report`);
      expect(res.body.sections).toMatchObject({ servqual: null, price: null, competition: null });
    } finally {
      seeded.t.cleanup();
    }
  });
});
