/**
 * The cross-tab on 120 hand-made respondents. Every expected count, share, chi-square and letter
 * is computed here from the answers below, by the formulas written out in this file, never by
 * the report's own code.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { basePlan } from '../support/plan';
import { stampCells } from '../support/report-data';
import { CROSSTAB_MAX_CATEGORIES } from '../../shared/api/report-crosstab';

const en = (s: string) => ({ en: s, it: `${s} (it)` });
const definition = {
  title: en('Cross-tab'),
  languages: ['en', 'it'],
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'again',
          type: 'single',
          role: 'loyalty',
          text: en('Stay again?'),
          options: ['yes', 'no'].map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'purpose',
          type: 'single',
          role: 'segment',
          text: en('Purpose'),
          options: ['business', 'leisure', 'event'].map((id) => ({ id, label: en(id) })),
        },
        { id: 'osat', type: 'rating', role: 'overall-satisfaction', scale: { min: 1, max: 5 }, text: en('Overall') },
        { id: 'nps', type: 'nps', role: 'recommend', text: en('Recommend') },
        {
          id: 'used',
          type: 'multiple',
          text: en('Used'),
          options: ['restaurant', 'spa'].map((id) => ({ id, label: en(id) })),
        },
        {
          id: 'attrs',
          type: 'matrix',
          role: 'attribute',
          scale: { min: 1, max: 5 },
          text: en('Attributes'),
          items: [{ id: 'room', label: en('Room') }],
        },
        { id: 'comment', type: 'text', text: en('Comment') },
      ],
    },
  ],
};

/**
 * The table under test, again × purpose:
 *            business (A)  leisure (B)  event (C)
 *   yes           40           20          12
 *   no            10           30           8
 * Event has 20 respondents: a small base (under 30), left out of the letters.
 */
const BLOCKS: [string, string, number][] = [
  ['business', 'yes', 40],
  ['business', 'no', 10],
  ['leisure', 'yes', 20],
  ['leisure', 'no', 30],
  ['event', 'yes', 12],
  ['event', 'no', 8],
];
const people = BLOCKS.flatMap(([purpose, again, k]) => Array.from({ length: k }, () => ({ purpose, again }))).map(
  (p, i) => ({
    ...p,
    // Yes-sayers rate 5 and 4 in turn, no-sayers 2 and 3; NPS 10/9 and 3/7 likewise.
    osat: p.again === 'yes' ? 5 - (i % 2) : 2 + (i % 2),
    nps: p.again === 'yes' ? 10 - (i % 2) : 3 + 4 * (i % 2),
    used: [...(i % 2 === 0 ? ['restaurant'] : []), ...(p.purpose === 'leisure' ? ['spa'] : [])],
    tier: i % 3 === 0 ? 'gold' : 'silver',
  }),
);
const PURPOSES = ['business', 'leisure', 'event'];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const count = (f: (p: (typeof people)[number]) => boolean, w: (p: (typeof people)[number]) => number = () => 1) =>
  sum(people.filter(f).map(w));
/** Pearson's X² = Σ (O − E)²/E with E = row total × column total / N (Agresti 2007, §2.4.3). */
function pearson(table: number[][]) {
  const rows = table.map(sum);
  const cols = table[0].map((_, j) => sum(table.map((r) => r[j])));
  const n = sum(rows);
  return sum(table.flatMap((r, i) => r.map((o, j) => (o - (rows[i] * cols[j]) / n) ** 2 / ((rows[i] * cols[j]) / n))));
}
/** The pooled two-proportion z statistic. */
const z = (x1: number, n1: number, x2: number, n2: number) => {
  const p = (x1 + x2) / (n1 + n2);
  return (x1 / n1 - x2 / n2) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
};

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let surveyId: string;
const url = (q: string) => `/api/surveys/${surveyId}/report/crosstab?${q}`;
const get = async (q: string, agent = agents.viewer) => {
  const res = await agent.get(url(q));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** A fresh app with the survey published and the 120 responses in. */
async function seed() {
  const app = makeTestApp();
  const signedIn = await signedInAgents(app.app);
  const created = (await signedIn.researcher.post('/api/surveys', { definition })).body;
  const versionId = (await signedIn.researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
  const a = new Agent(app.app);
  for (const [i, p] of people.entries()) {
    const res = await a.post(`/api/public/s/${created.slug}/responses`, {
      clientId: `crosstab-${i}`,
      versionId,
      complete: true,
      hidden: { tier: p.tier },
      answers: { again: p.again, purpose: p.purpose, osat: p.osat, nps: p.nps, used: p.used, attrs: { room: p.osat } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { app, signedIn, id: created.id as string };
}

beforeAll(async () => {
  ({ app: t, signedIn: agents, id: surveyId } = await seed());
});
const cleanups: (() => void)[] = [];
afterAll(() => {
  t.cleanup();
  cleanups.forEach((f) => {
    f();
  });
});

describe('a cross-tab of two single-choice questions', () => {
  it('gives counts, column shares, bases and the letters of the column proportions test', async () => {
    const x = await get('rows=again&columns=purpose');
    expect(x.rows).toEqual({ name: 'again', kind: 'single', label: 'Stay again?' });
    expect(
      x.columnHeads.map((h: { label: string; letter: string; n: number; smallBase: boolean }) => [
        h.label,
        h.letter,
        h.n,
        h.smallBase,
      ]),
    ).toEqual([
      ['business', 'A', 50, false],
      ['leisure', 'B', 50, false],
      ['event', 'C', 20, true],
    ]);
    expect(x.total).toEqual({ n: 120, base: 120 });
    expect(x.body.map((r: { value: string }) => r.value)).toEqual(['yes', 'no']);
    const yes = x.body[0];
    PURPOSES.forEach((purpose, k) => {
      const n = count((p) => p.purpose === purpose);
      const c = count((p) => p.purpose === purpose && p.again === 'yes');
      expect(yes.cells[k].count).toBe(c);
      expect(yes.cells[k].share).toBeCloseTo(c / n, 12);
    });
    expect(yes.total).toEqual({ count: 72, share: 72 / 120, higherThan: [] });
    // A against B is the only pair (C is a small base): z = (0.8 − 0.4)/√(0.6 · 0.4 · 2/50) = 4.08,
    // past 1.96; one pair, so Bonferroni changes nothing. A is higher on yes, B on no.
    expect(z(40, 50, 20, 50)).toBeGreaterThan(1.96);
    expect(yes.cells.map((c: { higherThan: string[] }) => c.higherThan)).toEqual([['B'], [], []]);
    expect(x.body[1].cells.map((c: { higherThan: string[] }) => c.higherThan)).toEqual([[], ['A'], []]);
    expect(x.mean).toBeNull();
    expect(x.groups).toBeNull();
    expect(x.multipleRows).toBe(false);
  });

  it("tests independence by Pearson's chi-square, p from chi-square with 2 df", async () => {
    const x = await get('rows=again&columns=purpose');
    // Expected yes 30 / 30 / 12, no 20 / 20 / 8: X² = 100/30 + 100/30 + 0 + 100/20 + 100/20 + 0 = 16.667.
    const table = [
      [40, 20, 12],
      [10, 30, 8],
    ];
    expect(pearson(table)).toBeCloseTo(50 / 3, 12);
    expect(x.chiSquare.statistic).toBeCloseTo(pearson(table), 10);
    expect(x.chiSquare.df).toBe(2);
    // With 2 df the chi-square distribution is exponential: P(X² ≥ x) = e^(−x/2).
    expect(x.chiSquare.p).toBeCloseTo(Math.exp(-pearson(table) / 2), 12);
    expect(x.chiSquare.significant).toBe(true);
    expect(x.chiSquare.cochranWarning).toBe(false);
    expect(x.chiSquareReason).toBeNull();
  });
});

describe('scale, NPS and multiple-choice rows', () => {
  it("gives a rating's points, its column means and the letters of Welch's t test", async () => {
    const x = await get('rows=osat&columns=purpose');
    expect(x.body.map((r: { label: string }) => r.label)).toEqual(['1', '2', '3', '4', '5']);
    const ratings = (purpose: string) => people.filter((p) => p.purpose === purpose).map((p) => p.osat);
    const m = (xs: number[]) => sum(xs) / xs.length;
    const v = (xs: number[]) => sum(xs.map((y) => (y - m(xs)) ** 2)) / (xs.length - 1);
    PURPOSES.forEach((purpose, k) => {
      expect(x.mean.cells[k].mean).toBeCloseTo(m(ratings(purpose)), 12);
      expect(x.mean.cells[k].sd).toBeCloseTo(Math.sqrt(v(ratings(purpose))), 10);
    });
    // Business 4.1 against leisure 3.3: Welch t = 0.8/√(s²/50 + s²/50), far past 2.0 (the t table's
    // two-sided 5% point from 60 df on).
    const [a, b] = [ratings('business'), ratings('leisure')];
    expect((m(a) - m(b)) / Math.sqrt(v(a) / 50 + v(b) / 50)).toBeGreaterThan(3);
    expect(x.mean.cells.map((c: { higherThan: string[] }) => c.higherThan)).toEqual([['B'], [], []]);
    expect(x.mean.total.mean).toBeCloseTo(m(people.map((p) => p.osat)), 12);
    // Nobody rated 1: four rows with answers by three columns, (4 − 1)(3 − 1) = 6 df.
    expect(x.chiSquare.df).toBe(6);
  });

  it("adds the NPS groups to an NPS question's eleven points", async () => {
    const x = await get('rows=nps&columns=purpose');
    expect(x.body).toHaveLength(11);
    expect(x.groups.map((g: { value: string; kind: string }) => [g.value, g.kind])).toEqual([
      ['detractors', 'group'],
      ['passives', 'group'],
      ['promoters', 'group'],
    ]);
    // Promoters are the yes-sayers (9 or 10), detractors the no-sayers scoring 3, passives the 7s.
    PURPOSES.forEach((purpose, k) => {
      expect(x.groups[2].cells[k].count).toBe(count((p) => p.purpose === purpose && p.nps >= 9));
      expect(x.groups[0].cells[k].count).toBe(count((p) => p.purpose === purpose && p.nps <= 6));
    });
    expect(x.groups[2].cells[0].higherThan).toEqual(['B']);
  });

  it("shares a multiple choice's options of the column's respondents, with no chi-square", async () => {
    const x = await get('rows=used&columns=purpose');
    expect(x.multipleRows).toBe(true);
    expect(x.chiSquare).toBeNull();
    expect(x.chiSquareReason).toBe('multiple');
    const spa = x.body.find((r: { value: string }) => r.value === 'spa');
    expect(spa.cells.map((c: { share: number }) => c.share)).toEqual([0, 1, 0]);
    const restaurant = x.body.find((r: { value: string }) => r.value === 'restaurant');
    PURPOSES.forEach((purpose, k) => {
      expect(restaurant.cells[k].count).toBe(count((p) => p.purpose === purpose && p.used.includes('restaurant')));
    });
    // Leisure's shares add up past 100%: every leisure guest used the spa, and some the restaurant.
    expect(spa.cells[1].share + restaurant.cells[1].share).toBeGreaterThan(1);
  });

  it('crosses a matrix item with a hidden field, labels in the language asked for', async () => {
    const x = await get('rows=attrs.room&columns=hidden:tier&lang=it');
    expect(x.rows.label).toBe('Attributes (it): Room (it)');
    expect(x.columnHeads.map((h: { value: string; n: number }) => [h.value, h.n])).toEqual([
      ['gold', count((p) => p.tier === 'gold')],
      ['silver', count((p) => p.tier === 'silver')],
    ]);
    expect(x.mean.cells[0].mean).toBeCloseTo(
      sum(people.filter((p) => p.tier === 'gold').map((p) => p.osat)) / count((p) => p.tier === 'gold'),
      12,
    );
  });

  it("honours the report's filter", async () => {
    const x = await get(`rows=again&columns=purpose&filter=${encodeURIComponent('tier:gold')}`);
    expect(x.total.n).toBe(count((p) => p.tier === 'gold'));
    expect(x.body[0].cells[0].count).toBe(
      count((p) => p.tier === 'gold' && p.purpose === 'business' && p.again === 'yes'),
    );
  });
});

describe('bad input', () => {
  it('answers 400 naming rows or columns, and changes nothing', async () => {
    const before = (await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.completes;
    const cases: [string, string, RegExp][] = [
      ['columns=purpose', 'rows', /required/],
      ['rows=again', 'columns', /required/],
      ['rows=nosuch&columns=purpose', 'rows', /no question "nosuch"/],
      ['rows=comment&columns=purpose', 'rows', /open-text/],
      ['rows=again&columns=attrs', 'columns', /matrix: name one of its items/],
      ['rows=attrs.nope&columns=purpose', 'rows', /no item "nope"/],
      ['rows=again.x&columns=purpose', 'rows', /not a matrix/],
      ['rows=again&columns=hidden:region', 'columns', /no hidden field "region"/],
      ['rows=again&columns=again', 'columns', /same variable/],
      ['rows=again&columns=%40cell', 'columns', /no quota cells/],
      ['rows=again&columns=%40bogus', 'columns', /question id/],
      ['rows=again%3Bdrop&columns=purpose', 'rows', /question id/],
      [`rows=${'x'.repeat(300)}&columns=purpose`, 'rows', /question id/],
      ['rows=again&columns=purpose&weight=cells', 'weight', /no quota cells/],
    ];
    for (const [q, path, message] of cases) {
      const res = await agents.viewer.get(url(q));
      expect(res.status, q).toBe(400);
      expect(res.body.error.path, q).toBe(path);
      expect(res.body.error.message, q).toMatch(message);
      expect(res.body.error.message, q).toMatch(new RegExp(`^${path}: `));
    }
    expect((await agents.viewer.get(`/api/surveys/${surveyId}/report`)).body.completes).toBe(before);
  });
});

describe('who may read it', () => {
  it('is open to a viewer, not to the signed-out, and through a live share link only', async () => {
    const viewers = await get('rows=again&columns=purpose');
    expect((await agents.anonymous.get(url('rows=again&columns=purpose'))).status).toBe(401);
    const share = await agents.researcher.post(`/api/surveys/${surveyId}/shares`, { lang: 'it' });
    expect(share.status).toBe(201);
    const pub = await agents.anonymous.get(
      `/api/public/reports/${share.body.token}/report/crosstab?rows=again&columns=purpose`,
    );
    expect(pub.status).toBe(200);
    // The same figures, labelled in the link's language.
    expect(pub.body.chiSquare).toEqual(viewers.chiSquare);
    expect(pub.body.rows.label).toBe('Stay again? (it)');
    const csv = await agents.anonymous.get(
      `/api/public/reports/${share.body.token}/export/crosstab.csv?rows=again&columns=purpose`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bad = await agents.anonymous.get(
      `/api/public/reports/${share.body.token}/report/crosstab?rows=comment&columns=purpose`,
    );
    expect([bad.status, bad.body.error.path]).toEqual([400, 'rows']);
    await agents.researcher.delete(`/api/surveys/${surveyId}/shares/${share.body.id}`);
    expect(
      (await agents.anonymous.get(`/api/public/reports/${share.body.token}/report/crosstab?rows=again&columns=purpose`))
        .status,
    ).toBe(404);
  });
});

describe('the CSV export', () => {
  it('lays the table out with labels, letters, counts, shares and the test', async () => {
    const res = await agents.viewer.get(`/api/surveys/${surveyId}/export/crosstab.csv?rows=again&columns=purpose`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="crosstab-/);
    const lines = Papa.parse<string[]>(res.body as string).data;
    expect(lines[0]).toEqual(['Stay again?', 'measure', 'business (A)', 'leisure (B)', 'event (C)', 'Total']);
    expect(lines.find((l) => l[1] === 'n')).toEqual(['', 'n', '50', '50', '20', '120']);
    expect(lines.find((l) => l[0] === 'yes' && l[1] === 'count')).toEqual(['yes', 'count', '40', '20', '12', '72']);
    expect(lines.find((l) => l[0] === 'yes' && l[1] === 'higher_than')!.slice(2, 5)).toEqual(['B', '', '']);
    expect(Number(lines.find((l) => l[0] === 'chi_square')![1])).toBeCloseTo(50 / 3, 10);
  });
});

describe("the report's tables CSV", () => {
  it('adds the cross-tab in its long form when asked, and only when both axes are named', async () => {
    const plain = await agents.viewer.get(`/api/surveys/${surveyId}/export/tables.csv`);
    expect(plain.status).toBe(200);
    expect(plain.body as string).not.toMatch(/^crosstab,/m);
    const res = await agents.viewer.get(`/api/surveys/${surveyId}/export/tables.csv?rows=again&columns=purpose`);
    expect(res.status).toBe(200);
    const lines = Papa.parse<string[]>(res.body as string).data.filter((l) => l[0] === 'crosstab');
    expect(lines).toContainEqual(['crosstab', 'again=yes', 'yes', 'purpose=business_count', '40']);
    expect(lines).toContainEqual(['crosstab', 'again=yes', 'yes', 'purpose=business_higher_than', 'B']);
    expect(lines).toContainEqual(['crosstab', 'purpose', 'event', 'event_n', '20']);
    expect(Number(lines.find((l) => l[3] === 'chi_square')![4])).toBeCloseTo(50 / 3, 10);
    const half = await agents.viewer.get(`/api/surveys/${surveyId}/export/tables.csv?rows=again`);
    expect([half.status, half.body.error.path]).toEqual([400, 'columns']);
    const bad = await agents.viewer.get(`/api/surveys/${surveyId}/export/tables.csv?rows=comment&columns=purpose`);
    expect([bad.status, bad.body.error.path]).toEqual([400, 'rows']);
  });
});

describe('weighted', () => {
  it('weights the cells and tests at the effective sample size', async () => {
    // A fresh app: the report caches its columns, so the cells are stamped before its first build.
    const { app, signedIn, id } = await seed();
    cleanups.push(() => app.cleanup());
    const local = (q: string) => signedIn.viewer.get(`/api/surveys/${id}/report/crosstab?${q}`);
    // Quota cells by tier: gold 30 %, silver 70 % of the population. Post-stratification weight
    // = population share × n / cell's n; Kish's deff = n · Σw² / (Σw)².
    const tier = {
      source: 'tier',
      label: 'Tier',
      unit: 'percent' as const,
      categories: [
        { value: 'gold', population: 30 },
        { value: 'silver', population: 70 },
      ],
    };
    const gold = count((p) => p.tier === 'gold');
    const silver = 120 - gold;
    const saved = await signedIn.researcher.put(`/api/surveys/${id}/plan`, {
      plan: basePlan({
        quotas: {
          variables: [tier],
          method: 'proportional',
          cells: [
            { key: 'gold', values: ['gold'], target: gold },
            { key: 'silver', values: ['silver'], target: silver },
          ],
        },
      }),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // The responses came in before the plan: stamp their cells as collection would have.
    await stampCells(app);
    const w = (p: { tier: string }) => (p.tier === 'gold' ? (0.3 * 120) / gold : (0.7 * 120) / silver);
    const deff = (120 * sum(people.map((p) => w(p) ** 2))) / sum(people.map(w)) ** 2;
    const res = await local('rows=again&columns=purpose&weight=cells');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const x = res.body;
    expect(x.weighting.method).toBe('cells');
    expect(x.weighting.designEffect).toBeCloseTo(deff, 10);
    const table = ['yes', 'no'].map((again) =>
      PURPOSES.map((purpose) => count((p) => p.again === again && p.purpose === purpose, w)),
    );
    expect(x.body[0].cells.map((c: { count: number }) => c.count).map((c: number) => +c.toFixed(9))).toEqual(
      table[0].map((c) => +c.toFixed(9)),
    );
    expect(x.columnHeads[0].base).toBeCloseTo(
      count((p) => p.purpose === 'business', w),
      10,
    );
    expect(x.columnHeads[0].n).toBe(50);
    // Each column is tested at its own Kish effective size (Σw)²/Σw², not at base ÷ the overall deff.
    const inColumn = (purpose: string) => people.filter((p) => p.purpose === purpose);
    const kish = (ps: typeof people) => sum(ps.map(w)) ** 2 / sum(ps.map((p) => w(p) ** 2));
    PURPOSES.forEach((purpose, k) => {
      expect(x.columnHeads[k].effectiveN).toBeCloseTo(kish(inColumn(purpose)), 10);
    });
    // Business: its yes-share against leisure's by the pooled z test at those sizes, as in the unweighted letters.
    const share = (purpose: string) =>
      count((p) => p.purpose === purpose && p.again === 'yes', w) / count((p) => p.purpose === purpose, w);
    const [nA, nB] = [kish(inColumn('business')), kish(inColumn('leisure'))];
    // One pair is tested (event is a small base), so no Bonferroni factor: |z| > 1.96.
    expect(Math.abs(z(share('business') * nA, nA, share('leisure') * nB, nB))).toBeGreaterThan(1.96);
    expect(x.body[0].cells[0].higherThan).toEqual(['B']);
    // Rao–Scott first order (Rao & Scott 1984; Lohr 2010 §10.3.2), written out per respondent:
    // the design effect of a weighted share p̂ of the set S is n·Σₖ wₖ²(yₖ − p̂)² / (W²·p̂(1 − p̂)),
    // yₖ = 1 in S; δ̄ = [Σᵢⱼ (1 − p̂ᵢ₊p̂₊ⱼ)dᵢⱼ − Σᵢ (1 − p̂ᵢ₊)dᵢ − Σⱼ (1 − p̂₊ⱼ)dⱼ] / ((r − 1)(c − 1)),
    // X²_RS = n·Σ (p̂ᵢⱼ − p̂ᵢ₊p̂₊ⱼ)² / (p̂ᵢ₊p̂₊ⱼ) ÷ δ̄.
    const W = sum(people.map(w));
    const d = (inSet: (p: (typeof people)[number]) => boolean) => {
      const p = count(inSet, w) / W;
      return (120 * sum(people.map((q) => w(q) ** 2 * ((inSet(q) ? 1 : 0) - p) ** 2))) / (W * W * p * (1 - p));
    };
    const rowShare = (again: string) => count((p) => p.again === again, w) / W;
    const colShare = (purpose: string) => count((p) => p.purpose === purpose, w) / W;
    let total = 0;
    let x2 = 0;
    for (const again of ['yes', 'no']) {
      for (const purpose of PURPOSES) {
        const e = rowShare(again) * colShare(purpose);
        total += (1 - e) * d((p) => p.again === again && p.purpose === purpose);
        x2 += (120 * (count((p) => p.again === again && p.purpose === purpose, w) / W - e) ** 2) / e;
      }
    }
    for (const again of ['yes', 'no']) total -= (1 - rowShare(again)) * d((p) => p.again === again);
    for (const purpose of PURPOSES) total -= (1 - colShare(purpose)) * d((p) => p.purpose === purpose);
    const delta = total / 2;
    expect(x.chiSquare.raoScott.pearson).toBeCloseTo(x2, 9);
    expect(x.chiSquare.raoScott.designCorrection).toBeCloseTo(delta, 10);
    expect(x.chiSquare.statistic).toBeCloseTo(x2 / delta, 9);
    // Not the overall-deff shortcut it replaces.
    expect(Math.abs(x.chiSquare.statistic - pearson(table.map((r) => r.map((c) => c / deff))))).toBeGreaterThan(1e-3);
    // Unweighted, the same table has no correction and Pearson's statistic.
    const plain = (await local('rows=again&columns=purpose')).body;
    expect(plain.chiSquare.raoScott).toBeNull();
    expect(plain.columnHeads.map((h: { effectiveN: number }) => h.effectiveN)).toEqual([50, 50, 20]);
    // Quota cells as columns now that the plan has them.
    const cells = (await local('rows=again&columns=%40cell')).body;
    expect(cells.columnHeads.map((h: { value: string }) => h.value)).toEqual(['gold', 'silver']);
  });
});

describe('the size of an axis', () => {
  it(`takes up to ${CROSSTAB_MAX_CATEGORIES} categories and refuses more, naming the variable and its count`, async () => {
    // A hidden field with one value per respondent: 61 stores.
    const app = makeTestApp();
    cleanups.push(() => app.cleanup());
    const { researcher, viewer } = await signedInAgents(app.app);
    const created = (await researcher.post('/api/surveys', { definition: { ...definition, hiddenFields: ['store'] } }))
      .body;
    const versionId = (await researcher.post(`/api/surveys/${created.id}/publish`)).body.versions[0].id;
    const a = new Agent(app.app);
    for (let i = 0; i <= CROSSTAB_MAX_CATEGORIES; i++) {
      const res = await a.post(`/api/public/s/${created.slug}/responses`, {
        clientId: `store-${i}-abc`,
        versionId,
        complete: true,
        hidden: { store: `s${String(i).padStart(2, '0')}` },
        answers: { again: i % 2 ? 'yes' : 'no' },
      });
      expect(res.status).toBe(201);
    }
    const tab = (q: string) =>
      viewer.get(`/api/surveys/${created.id}/report/crosstab?rows=hidden:store&columns=again${q}`);
    const refused = await tab('');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      path: 'rows',
      message: `rows: "hidden:store" has 61 categories; a cross-tab takes at most ${CROSSTAB_MAX_CATEGORIES}`,
    });
    // Only the categories of the selected responses count: leave out store s60 and it fits.
    const values = Array.from({ length: CROSSTAB_MAX_CATEGORIES }, (_, i) => `s${String(i).padStart(2, '0')}`).join(
      ',',
    );
    const fits = await tab(`&filter=${encodeURIComponent(`store:${values}`)}`);
    expect(fits.status, JSON.stringify(fits.body)).toBe(200);
    expect(fits.body.body.map((r: { value: string }) => r.value)).toEqual(values.split(','));
    expect(fits.body.total.n).toBe(CROSSTAB_MAX_CATEGORIES);
  });
});
