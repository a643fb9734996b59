/**
 * The report's sections on a seeded data set of 8 hand-made respondents. Every expected value is
 * computed here from the raw answers below (by hand or with the small formulas in this file),
 * never by the report's own code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent, makeTestApp } from '../support/api';
import { ATTRS, IMP, items, OSAT, seedReportData, stampCells } from '../support/report-data';
import { basePlan } from '../support/plan';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const r = (x: number[], y: number[]) => {
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
  return { p, lower: centre - half, upper: centre + half };
};
const column = (k: number) => ATTRS.map((row) => row[k]);

let t: ReturnType<typeof makeTestApp>;
let viewer: Agent;
let researcher: Agent;
let surveyId: string;
const report = async (query = '') => {
  const res = await viewer.get(`/api/surveys/${surveyId}/report${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.sections;
};

beforeEach(async () => {
  const seeded = await seedReportData();
  t = seeded.t;
  viewer = seeded.agents.viewer;
  researcher = seeded.agents.researcher;
  surveyId = seeded.surveyId;
});
afterEach(() => t.cleanup());

describe('satisfaction by the three classic methods', () => {
  it('gives the overall mean with its t-interval, very satisfied apart from satisfied, and Wilson box shares', async () => {
    const { satisfaction } = await report();
    const o = satisfaction.overall;
    // mean 30/8; t(0.975, 7) = 2.364624 from the t table.
    expect(o.mean.mean).toBeCloseTo(3.75, 12);
    expect(o.mean.sd).toBeCloseTo(sd(OSAT), 10);
    expect(o.mean.upper - o.mean.mean).toBeCloseTo((2.364624 * sd(OSAT)) / Math.sqrt(8), 5);
    // Two 5s (very satisfied), three 4s (satisfied).
    expect(o.topBox.p).toBeCloseTo(2 / 8, 12);
    expect(o.topBox.lower).toBeCloseTo(wilson(2, 8).lower, 5);
    expect(o.topBox.upper).toBeCloseTo(wilson(2, 8).upper, 5);
    expect(o.secondBox).toBeCloseTo(3 / 8, 12);
    expect(o.topTwoBox.p).toBeCloseTo(5 / 8, 12);
    expect(o.topTwoBox.lower).toBeCloseTo(wilson(5, 8).lower, 5);
    expect(o.index100).toBeCloseTo(((3.75 - 1) / 4) * 100, 10);
  });

  it('gives each attribute its mean, and an index weighted by stated importance', async () => {
    const { satisfaction } = await report();
    expect(satisfaction.attributes.map((a: { key: string }) => a.key)).toEqual(items.map((id) => `attrs.${id}`));
    items.forEach((_, k) => {
      expect(satisfaction.attributes[k].mean.mean).toBeCloseTo(mean(column(k)), 12);
    });
    // Σ wᵢ·index100ᵢ / Σ wᵢ with w = the importance ratings, all respondents alike.
    const indexes = items.map((_, k) => ((mean(column(k)) - 1) / 4) * 100);
    const expected = indexes.reduce((a, x, k) => a + x * IMP[k], 0) / IMP.reduce((a, b) => a + b, 0);
    expect(satisfaction.index.weights).toBe('stated');
    expect(satisfaction.index.value).toBeCloseTo(expected, 10);
  });
});

describe('priorities', () => {
  it('puts attributes in importance–performance quadrants around the means, with correlations and relative weights', async () => {
    const { priorities } = await report();
    expect(priorities.importance).toBe('stated');
    // Importance mean 3.6; performance means 3.625, 3.125, 3.375, 4.125, 2.875 → mean 3.425.
    expect(priorities.items.map((i: { quadrant: string }) => i.quadrant)).toEqual([
      'keep-up',
      'concentrate',
      'concentrate',
      'overkill',
      'low-priority',
    ]);
    items.forEach((_, k) => {
      expect(priorities.items[k].correlation).toBeCloseTo(r(column(k), OSAT), 10);
    });
    const shares = priorities.items.map((i: { relativeImportance: number }) => i.relativeImportance);
    expect(shares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(100, 8);
    expect(priorities.rSquared).toBeGreaterThan(0);
    expect(priorities.rSquared).toBeLessThanOrEqual(1);
  });
});

describe('loyalty', () => {
  it('gives NPS with its margin, the share loyal and the satisfaction–loyalty curve', async () => {
    const { loyalty } = await report();
    // Promoters 10, 9, 10, 9 → 0.5; passives 8, 7 → 0.25; detractors 6, 0 → 0.25.
    expect(loyalty.nps.nps).toBeCloseTo(25, 10);
    // V = P + D − (P − D)² = 0.6875; margin = 1.959964 × 100 × √(0.6875 / 8).
    expect(loyalty.nps.marginOfError).toBeCloseTo(1.959964 * 100 * Math.sqrt(0.6875 / 8), 3);
    expect(loyalty.loyal.p).toBeCloseTo(4 / 8, 12);
    // Loyal ("yes") at each overall level: 5 → r0, r5 both; 4 → r1, r7 of r1, r2, r7; 3 → none of r3, r6; 2 → not r4.
    expect(loyalty.curveMeasure).toBe('loyal');
    // Shares of the 8 at each level: 0, 1/8, 2/8, 3/8, 2/8.
    expect(loyalty.curve).toEqual([
      { level: 1, n: 0, share: 0, rate: null },
      { level: 2, n: 1, share: 1 / 8, rate: 0 },
      { level: 3, n: 2, share: 2 / 8, rate: 0 },
      { level: 4, n: 3, share: 3 / 8, rate: 2 / 3 },
      { level: 5, n: 2, share: 2 / 8, rate: 1 },
    ]);
  });
});

describe('data quality', () => {
  it('counts straight-liners over the 5-item battery and speeders under a third of the median time, and excludes them on request', async () => {
    const all = await report();
    // Straight-liners: r0 (all 5) and r7 (all 3). Median of the 8 times: (130 + 135) / 2 = 132.5 s; r3's 20 s < 44.2 s.
    expect(all.quality).toMatchObject({
      batteries: ['attrs', 'imp'],
      straightliners: 2,
      speeders: 1,
      medianSeconds: 132.5,
      excluded: [],
    });
    const cleaned = await report('?exclude=straightliners,speeders');
    expect(cleaned.fieldwork.n).toBe(5);
    expect(cleaned.fieldwork.excluded).toEqual({ straightliners: 2, speeders: 1 });
    expect(cleaned.quality.excluded).toEqual(['straightliners', 'speeders']);
    expect(cleaned.satisfaction.overall.mean.mean).toBeCloseTo(mean([4, 4, 2, 5, 3]), 12);
  });
});

describe('filters', () => {
  it('filters by a closed question, a hidden field and a date range', async () => {
    const business = await report('?filter=purpose:business');
    expect(business.fieldwork.n).toBe(4);
    expect(business.satisfaction.overall.mean.mean).toBeCloseTo(mean([5, 4, 2, 3]), 12);
    const goldBusiness = await report(`?filter=${encodeURIComponent('purpose:business;tier:gold')}`);
    expect(goldBusiness.fieldwork.n).toBe(3);
    // Completed on the 25th and 26th: respondents 2 and 3.
    const dates = await report(`?filter=${encodeURIComponent('@from:2026-11-25;@to:2026-11-26')}`);
    expect(dates.fieldwork.n).toBe(2);
    expect(dates.satisfaction.overall.mean.mean).toBeCloseTo(3.5, 12);
    const byScore = await report(`?filter=${encodeURIComponent('osat:4,5')}`);
    expect(byScore.fieldwork.n).toBe(5);
  });

  it("filters by a matrix item's points and by a multiple choice (any of the options named)", async () => {
    // attrs.a1 (ATTRS[i][0]) is 5 for respondents 0 and 5, whose overall satisfaction is 5 and 5.
    const topA1 = await report(`?filter=${encodeURIComponent('attrs.a1:5')}`);
    expect(topA1.fieldwork.n).toBe(2);
    expect(topA1.satisfaction.overall.mean.mean).toBe(5);
    // attrs.a5 is 1 or 2 for respondents 2, 3 and 4: overall 4, 3, 2.
    const lowA5 = await report(`?filter=${encodeURIComponent('attrs.a5:1,2')}`);
    expect(lowA5.fieldwork.n).toBe(3);
    expect(lowA5.satisfaction.overall.mean.mean).toBeCloseTo(3, 12);

    const created = (
      await researcher.post('/api/surveys', {
        definition: {
          title: { en: 'Services' },
          pages: [
            {
              id: 'p1',
              questions: [
                {
                  id: 'osat',
                  type: 'rating',
                  role: 'overall-satisfaction',
                  scale: { min: 1, max: 5 },
                  text: { en: 'Overall' },
                },
                {
                  id: 'used',
                  type: 'multiple',
                  text: { en: 'Used' },
                  options: ['spa', 'gym', 'bar'].map((id) => ({ id, label: { en: id } })),
                },
              ],
            },
          ],
        },
      })
    ).body;
    const versionId = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const used = [['spa'], ['spa', 'gym'], ['bar'], ['gym']];
    for (const [i, chosen] of used.entries()) {
      const res = await viewer.post(`/api/public/s/${created.slug}/responses`, {
        clientId: `services-${i}`,
        versionId,
        complete: true,
        answers: { osat: i + 2, used: chosen },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const services = async (filter: string) =>
      (await viewer.get(`/api/surveys/${created.id}/report?filter=${encodeURIComponent(filter)}`)).body;
    // Spa users: respondents 0 and 1 (overall 2 and 3).
    const spa = await services('used:spa');
    expect(spa.completes).toBe(2);
    expect(spa.sections.satisfaction.overall.mean.mean).toBeCloseTo(2.5, 12);
    // Spa or bar: respondents 0, 1 and 2.
    expect((await services('used:spa,bar')).completes).toBe(3);
    const bad = await viewer.get(`/api/surveys/${created.id}/report?filter=${encodeURIComponent('used:pool')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ path: 'filter.used' });
    expect(bad.body.error.message).toMatch(/"pool" is not one of its options/);
  });

  it('answers 400 naming the bad parameter', async () => {
    const cases: [string, string][] = [
      ['?filter=nosuch:x', 'filter.nosuch'],
      ['?filter=purpose:nope', 'filter.purpose'],
      ['?filter=osat:9', 'filter.osat'],
      ['?filter=comment:x', 'filter.comment'],
      ['?filter=%40wave:x', 'filter'],
      ['?filter=%40from:23-11-2026', 'filter'],
      ['?filter=purpose', 'filter'],
      ['?weight=bogus', 'weight'],
      ['?exclude=bots', 'exclude'],
      ['?weight=cells', 'weight'],
      ['?filter=attrs.zz:3', 'filter.attrs.zz'],
      ['?filter=attrs.a1:9', 'filter.attrs.a1'],
      ['?filter=osat.a1:3', 'filter.osat.a1'],
    ];
    for (const [query, path] of cases) {
      const res = await viewer.get(`/api/surveys/${surveyId}/report${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.path, query).toMatch(new RegExp(`^${path.replace('.', '\\.')}`));
    }
  });
});

describe('verbatims', () => {
  it('finds open answers by search, newest first, with the segment and no other answers', async () => {
    const res = await viewer.get(`/api/surveys/${surveyId}/report/verbatims?search=ROOM`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        questionId: 'comment',
        text: 'Room was dirty',
        at: Date.UTC(2026, 10, 27, 9),
        segment: { tier: 'gold', purpose: 'business' },
      },
    ]);
    const all = (await report()).verbatims;
    expect(all.items.map((v: { text: string }) => v.text)).toEqual(['Great stay', 'Room was dirty', 'Slow check-in']);
  });
});

describe('trend', () => {
  it('gives the headline measures per wave once there are two, and none before', async () => {
    // Respondents 4–7 answered in wave 2 (stamped directly: the plan's waves are not under test here).
    await t.rows(
      `update responses set wave = 2 where client_id in ('respondent-4', 'respondent-5', 'respondent-6', 'respondent-7') returning id`,
    );
    const { trend } = await report();
    expect(trend.waves.map((w: { wave: number; n: number }) => [w.wave, w.n])).toEqual([
      [1, 4],
      [2, 4],
    ]);
    expect(trend.waves[0].satisfaction.mean).toBeCloseTo(mean([5, 4, 4, 3]), 12);
    expect(trend.waves[1].satisfaction.mean).toBeCloseTo(mean([2, 5, 3, 4]), 12);
    // Wave 1 NPS 10, 9, 8, 6: 2 promoters, 1 detractor of 4 → 25; wave 2 (0, 10, 7, 9) likewise → 25.
    expect(trend.waves[0].nps).toBeCloseTo(25, 10);
    expect(trend.waves[1].nps).toBeCloseTo(25, 10);
    // Against wave 1: mean 3.5 − 4 = −0.5 by Welch's test (SciPy 1.x, ttest_ind(equal_var=False) of
    // the two waves: t −0.65465, df 5.069, p 0.541229); top-two box 2/4 − 3/4 by the pooled z test,
    // p̂ 5/8, z = −0.25 / √(0.625 · 0.375 · (1/4 + 1/4)) = −0.730297, p 0.465209; NPS 25 − 25 = 0,
    // p 1. Four responses a wave is a small base: nothing is marked.
    expect(trend.waves[0].change).toBeNull();
    const change = trend.waves[1].change;
    expect(change.smallBase).toBe(true);
    expect(change.satisfaction.difference).toBeCloseTo(-0.5, 12);
    expect(change.satisfaction.p).toBeCloseTo(0.5412285, 6);
    expect(change.topTwoBox.difference).toBeCloseTo(-0.25, 12);
    expect(change.topTwoBox.p).toBeCloseTo(0.4652088, 6);
    expect(change.nps).toEqual({ difference: 0, p: 1, significant: false });
    expect([change.satisfaction.significant, change.topTwoBox.significant]).toEqual([false, false]);
    expect((await report('?filter=%40wave:2')).trend).toBeNull();
  });
});

describe('weighting', () => {
  it("post-stratifies to the plan's population share per quota cell, with Kish's effective sample size", async () => {
    // Quota cells by the hidden tier: gold 30 %, silver 70 % of the population; the sample is 4 and 4.
    const tier = {
      source: 'tier',
      label: 'Tier',
      unit: 'percent' as const,
      categories: [
        { value: 'gold', population: 30 },
        { value: 'silver', population: 70 },
      ],
    };
    const saved = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan({
        quotas: {
          variables: [tier],
          method: 'proportional',
          cells: [
            { key: 'gold', values: ['gold'], target: 4 },
            { key: 'silver', values: ['silver'], target: 4 },
          ],
        },
      }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // The responses came in before the plan: stamp their cells as collection would have.
    await stampCells(t);
    const { fieldwork, satisfaction, loyalty } = await report('?weight=cells');
    // Weights: gold 0.3 × 8 / 4 = 0.6, silver 0.7 × 8 / 4 = 1.4. deff = 8 · Σw² / (Σw)² = 8 · 9.28 / 64 = 1.16.
    expect(fieldwork.weighting.designEffect).toBeCloseTo(1.16, 10);
    expect(fieldwork.weighting.effectiveN).toBeCloseTo(8 / 1.16, 10);
    // Gold osat 5, 4, 2, 3 (mean 3.5); silver 4, 3, 5, 4 (mean 4): 0.3 · 3.5 + 0.7 · 4 = 3.85.
    expect(satisfaction.overall.mean.mean).toBeCloseTo(3.85, 10);
    // Loyal ("yes"): gold r0, r1 of 4 → 0.5; silver r5, r7 of 4 → 0.5: 0.5 either way.
    expect(loyalty.loyal.p).toBeCloseTo(0.5, 10);
    // The curve's shares are weighted too: osat 2 gold (0.6); 3 gold + silver (2.0); 4 gold + two
    // silver (3.4); 5 gold + silver (2.0), of 8 → 0, 0.075, 0.25, 0.425, 0.25.
    [0, 0.075, 0.25, 0.425, 0.25].forEach((share, k) => {
      expect(loyalty.curve[k].share).toBeCloseTo(share, 10);
    });
    const unweighted = await report();
    expect(unweighted.fieldwork.weighting).toBeNull();
    expect(unweighted.satisfaction.overall.mean.mean).toBeCloseTo(3.75, 12);
    // Filtered to gold and weighted: gold's share alone, rescaled to 1, so every weight is 1
    // (deff 1) and the mean is gold's own 3.5, not a refusal because 0.3 does not sum to 1.
    const gold = await report(`?weight=cells&filter=${encodeURIComponent('tier:gold')}`);
    expect(gold.fieldwork.weighting.designEffect).toBeCloseTo(1, 12);
    expect(gold.satisfaction.overall.mean.mean).toBeCloseTo(3.5, 12);
  });

  it("rakes to the population shares of two quota variables' marginals", async () => {
    // Tier gold 30 % / silver 70 %, purpose business 50 % / leisure 50 %; cells tier × purpose.
    const tier = {
      source: 'tier',
      unit: 'percent' as const,
      categories: [
        { value: 'gold', population: 30 },
        { value: 'silver', population: 70 },
      ],
    };
    const purpose = {
      source: 'purpose',
      unit: 'percent' as const,
      categories: [
        { value: 'business', population: 50 },
        { value: 'leisure', population: 50 },
      ],
    };
    const cells = ['gold', 'silver'].flatMap((a) =>
      ['business', 'leisure'].map((b) => ({ key: `${a}|${b}`, values: [a, b], target: 2 })),
    );
    const saved = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan({ quotas: { variables: [tier, purpose], method: 'proportional', cells } }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await stampCells(t, true);
    const { fieldwork, satisfaction } = await report('?weight=raking');
    // By hand. Sample cells (gold/silver × business/leisure): [[3, 1], [1, 3]] of 8. Raking keeps
    // the sample's odds ratio, 3·3 / (1·1) = 9 (Bishop, Fienberg & Holland 1975, §3.6), and meets
    // the margins 2.4 / 5.6 (tier) and 4 / 4 (purpose). With gold-business = x: gold-leisure 2.4 − x,
    // silver-business 4 − x, silver-leisure 1.6 + x, and x(1.6 + x) = 9(2.4 − x)(4 − x) gives
    // x² − 7.4x + 10.8 = 0, x = 2. Weights: gold-business 2/3, gold-leisure 0.4, silver-business 2,
    // silver-leisure 1.2 (respondents 0 4 6 | 1 | 2 | 3 5 7).
    const w = [2 / 3, 0.4, 2, 1.2, 2 / 3, 1.2, 2 / 3, 1.2];
    const deff = (8 * w.reduce((a, x) => a + x * x, 0)) / 64;
    expect(deff).toBeCloseTo(9.813333 / 8, 6);
    expect(fieldwork.weighting).toMatchObject({ method: 'raking', unmatched: 0 });
    expect(fieldwork.weighting.designEffect).toBeCloseTo(deff, 5);
    expect(fieldwork.weighting.effectiveN).toBeCloseTo(8 / deff, 4);
    // Σ w · osat / 8 = (2/3 · (5 + 2 + 3) + 0.4 · 4 + 2 · 4 + 1.2 · (3 + 5 + 4)) / 8 = 30.6667 / 8.
    expect(satisfaction.overall.mean.mean).toBeCloseTo(30.666667 / 8, 5);
    expect((await researcher.get(`/api/surveys/${surveyId}/report?weight=rake`)).status).toBe(400);
  });

  it("gives each quota cell's completes against its target, filters by a cell, and refuses a cell the plan lacks", async () => {
    // Silver listed first and labelled: the report's filters follow the plan, not the alphabet.
    const tier = {
      source: 'tier',
      label: 'Loyalty tier',
      unit: 'percent' as const,
      categories: [
        { value: 'silver', label: 'Silver card', population: 70 },
        { value: 'gold', population: 30 },
      ],
    };
    const saved = await researcher.put(`/api/surveys/${surveyId}/plan`, {
      plan: basePlan({
        quotas: {
          variables: [tier],
          method: 'proportional',
          cells: [
            { key: 'gold', values: ['gold'], target: 3 },
            { key: 'silver', values: ['silver'], target: 6 },
          ],
        },
      }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await stampCells(t);
    // Respondents 0, 1, 4 and 6 are gold, the others silver (support/report-data.ts TIER): 4 of 3 and 4 of 6.
    const res = await viewer.get(`/api/surveys/${surveyId}/report`);
    expect(res.body.filterOptions.hidden).toEqual({
      tier: {
        label: 'Loyalty tier',
        values: [
          { value: 'silver', label: 'Silver card' },
          { value: 'gold', label: 'gold' },
        ],
      },
    });
    const all = res.body.sections;
    expect(all.fieldwork.quotas).toEqual([
      { key: 'gold', labels: ['gold'], target: 3, completes: 4 },
      { key: 'silver', labels: ['Silver card'], target: 6, completes: 4 },
    ]);
    // Gold alone: 4 responses, overall satisfaction 5, 4, 2, 3 (OSAT) → mean 3.5. Quota attainment
    // is fieldwork's, not the segment's: silver keeps its 4 (filtered out is not "behind"), and
    // the section says the figures ignore the filter.
    const gold = await report(`?filter=${encodeURIComponent('@cell:gold')}`);
    expect(gold.fieldwork.n).toBe(4);
    expect(gold.satisfaction.overall.mean.mean).toBeCloseTo(3.5, 12);
    expect(gold.fieldwork.quotas.map((c: { completes: number }) => c.completes)).toEqual([4, 4]);
    expect([all.fieldwork.filtered, gold.fieldwork.filtered]).toEqual([false, true]);
    for (const path of [
      `/report?filter=${encodeURIComponent('@cell:bronze')}`,
      `/export/responses.csv?filter=${encodeURIComponent('@cell:bronze')}`,
    ]) {
      const bad = await researcher.get(`/api/surveys/${surveyId}${path}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ path: 'filter' });
      expect(bad.body.error.message).toMatch(/"bronze" is not a quota cell/);
    }
  });
});
