/**
 * The coffee demo study (server/demo/coffee.ts: 22 SERVQUAL items, constant-sum importance, Van
 * Westendorp with purchase likelihoods, a Gabor-Granger ladder, a three-brand competitor grid)
 * exported as a researcher downloads it. From `responses.csv` alone this file recomputes the
 * report's SERVQUAL gaps, Van Westendorp price points, Gabor-Granger demand and the paired t tests
 * of the own brand against each competitor, with the formulas written out below (never the
 * report's code), and gets the report API's values. PSPP runs the `.sps` of the same study and
 * finds the same paired t; the XLSX holds real dates; hidden fields carry the plan's labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { loadHotelDemo } from '../support/hotel-demo';
import { coffeeDemo } from '../../server/demo/service';
import { servqual } from '../../shared/survey/templates/servqual';
import { tCdf } from '../../shared/stats';

type Row = Record<string, string>;

const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'];
/** The 22 items of the template, with their dimension and their question (`sq_<dimension>`). */
const ITEMS = servqual.definition.pages.slice(0, 5).flatMap((p) => {
  const q = p.questions[0] as { id: string; items: { id: string; dimension: string }[] };
  return q.items.map((i) => ({ question: q.id, id: i.id, dimension: i.dimension }));
});
const GG_PRICES = [19, 24, 29, 34, 39, 49];
const BRANDS = ['us', 'c1', 'c2'];
const ATTRIBUTES = ['quality', 'price', 'service', 'innovation'];

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** A CSV cell as a number; null for an empty cell. */
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/**
 * The paired t test of our brand against `brand` on `attribute`, over the respondents who rated
 * both: t = mean(d) / (sd(d) / √n) on the differences d, df n − 1, p two-sided.
 */
function pairedT(brand: string, attribute: string) {
  const d = rows
    .filter((r) => r[`brands_${brand}_${attribute}`] !== '')
    .map((r) => num(r[`brands_us_${attribute}`])! - num(r[`brands_${brand}_${attribute}`])!);
  const m = mean(d);
  const sd = Math.sqrt(d.reduce((sum, x) => sum + (x - m) ** 2, 0) / (d.length - 1));
  const statistic = m / (sd / Math.sqrt(d.length));
  return { statistic, df: d.length - 1, p: 2 * tCdf(-Math.abs(statistic), d.length - 1) };
}

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let surveyId: string;
let rows: Row[];
let header: string[];
let sections: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the report DTO is read field by field

beforeAll(async () => {
  t = makeTestApp();
  researcher = (await signedInAgents(t.app)).researcher;
  surveyId = (await t.store.transaction((tx) => coffeeDemo(tx, t.clock.now(), null))).id;
  const csv = await researcher.get(`/api/surveys/${surveyId}/export/responses.csv`);
  expect(csv.status).toBe(200);
  const parsed = Papa.parse<Row>(csv.body as string, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  rows = parsed.data;
  header = parsed.meta.fields!;
  const report = await researcher.get(`/api/surveys/${surveyId}/report`);
  expect(report.status).toBe(200);
  sections = report.body.sections;
});
afterAll(() => t.cleanup());

describe("the coffee study's responses.csv", () => {
  it('holds one predictably named variable per answer part of every research question', () => {
    expect(rows).toHaveLength(300);
    const expected = [
      'response_id',
      'completed',
      'wave',
      'segment',
      ...ITEMS.flatMap((i) => [`${i.question}_${i.id}_e`, `${i.question}_${i.id}_p`]),
      ...DIMENSIONS.map((d) => `dimweights_${d}`),
      'vw_too_cheap',
      'vw_cheap',
      'vw_expensive',
      'vw_too_expensive',
      'vw_likely_cheap',
      'vw_likely_expensive',
      ...GG_PRICES.map((p) => `gg_at_${p}`),
      'gg_highest',
      ...BRANDS.flatMap((b) => [`brands_${b}_known`, ...ATTRIBUTES.map((a) => `brands_${b}_${a}`)]),
      'overall',
      'nps',
      'improve',
    ];
    expect(header).toEqual(expected);
    // Every respondent answered every research question of the demo: no gaps in its columns.
    // (Own-brand ratings are complete too; competitors are rated only by those who know them.)
    for (const name of expected.filter((n) => /^(sq_|dimweights_|vw_|gg_at_|brands_us_)/.test(n))) {
      expect(
        rows.every((r) => r[name] !== ''),
        name,
      ).toBe(true);
    }
  });

  it('labels the variables in the language asked for, with its punctuation', async () => {
    const sps = (await researcher.get(`/api/surveys/${surveyId}/export/responses.sps?lang=zh-Hant`)).body as string;
    expect(sps).toMatch(/\n {2}\/completed "完成時間（UTC）"\n/);
    expect(sps).toMatch(/\n {2}\/sq_tangibles_tan1_e "設施與外觀：公司擁有外觀現代的設備。（期望）"\n/);
    expect(sps).toMatch(/\n {2}\/vw_too_cheap "[^"\n]+：太便宜（EUR）"\n/);
    expect(sps).toMatch(/\n {2}\/brands_c1_known "[^"\n]+：知道競爭對手 A"\n/);
    expect(sps).toMatch(/\n {2}\/gg_at_24 0 "否" 1 "是"\n/);
    // tables.csv names each SERVQUAL row by its statement.
    const tables = Papa.parse<Row>(
      (await researcher.get(`/api/surveys/${surveyId}/export/tables.csv?lang=zh-Hant`)).body as string,
      { header: true, skipEmptyLines: true },
    ).data;
    expect(tables.find((r) => r.section === 'servqual' && r.key === 'sq_tangibles.tan1')?.label).toBe(
      '公司擁有外觀現代的設備。',
    );
  });

  it('reproduces the SERVQUAL gaps per item, per dimension and overall, weighted by the importance points', () => {
    const s = sections.servqual;
    expect(s.n).toBe(rows.length);
    // Zeithaml, Parasuraman & Berry (1990): item gap = mean(P − E); a respondent's dimension gap is
    // the mean of their item gaps in it; the weighted score is Σ points/100 × dimension gap.
    ITEMS.forEach((item, k) => {
      const e = rows.map((r) => num(r[`${item.question}_${item.id}_e`])!);
      const p = rows.map((r) => num(r[`${item.question}_${item.id}_p`])!);
      expect(s.items[k].key).toBe(`${item.question}.${item.id}`);
      expect(s.items[k].expectation).toBeCloseTo(mean(e), 12);
      expect(s.items[k].perception).toBeCloseTo(mean(p), 12);
      expect(s.items[k].gap).toBeCloseTo(mean(p) - mean(e), 12);
    });
    const dimensionGap = (r: Row, d: string) =>
      mean(
        ITEMS.filter((i) => i.dimension === d).map(
          (i) => num(r[`${i.question}_${i.id}_p`])! - num(r[`${i.question}_${i.id}_e`])!,
        ),
      );
    for (const d of DIMENSIONS) {
      const reported = s.dimensions.find((x: { dimension: string }) => x.dimension === d);
      expect(reported.gap, d).toBeCloseTo(mean(rows.map((r) => dimensionGap(r, d))), 12);
      expect(reported.importance, d).toBeCloseTo(mean(rows.map((r) => num(r[`dimweights_${d}`])!)), 12);
    }
    expect(s.unweighted).toBeCloseTo(mean(rows.map((r) => mean(DIMENSIONS.map((d) => dimensionGap(r, d))))), 12);
    const weighted = rows.map((r) =>
      DIMENSIONS.reduce((sum, d) => sum + (num(r[`dimweights_${d}`])! / 100) * dimensionGap(r, d), 0),
    );
    expect(s.weighted).toBeCloseTo(mean(weighted), 12);
  });

  it('reproduces the Van Westendorp price points (pricesensitivitymeter 1.3.3 conventions, written out here)', () => {
    const answers = rows.map((r) => [
      num(r.vw_too_cheap)!,
      num(r.vw_cheap)!,
      num(r.vw_expensive)!,
      num(r.vw_too_expensive)!,
    ]);
    const valid = answers.filter(([a, b, c, d]) => a < b && b < c && c < d);
    const n = valid.length;
    const grid = [...new Set(valid.flat())].sort((a, b) => a - b);
    // n·F(p) = how many gave X ≤ p; 0 at or below the lowest X, n at or above the highest.
    const counts = (k: number) => {
      const xs = valid.map((v) => v[k]);
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      return grid.map((p) => (p <= lo ? 0 : p >= hi ? n : xs.filter((x) => x <= p).length));
    };
    const [tc, c, e, te] = [0, 1, 2, 3].map(counts);
    // The lowest price where the curves cross, by linear interpolation between grid prices.
    const crossing = (diff: number[]) => {
      for (let i = 1; i < grid.length; i++) {
        if (diff[i] === 0) return grid[i];
        if (diff[i - 1] * diff[i] < 0)
          return grid[i - 1] + ((grid[i] - grid[i - 1]) * diff[i - 1]) / (diff[i - 1] - diff[i]);
      }
      throw new Error('no crossing');
    };
    const [vw] = sections.price.vanWestendorp;
    expect(vw.valid).toBe(n);
    // PMC: not cheap (F_cheap) meets too cheap (1 − F_tooCheap); PME: too expensive meets not
    // expensive; IPP: expensive meets cheap; OPP: too expensive meets too cheap.
    expect(vw.pmc).toBeCloseTo(crossing(grid.map((_, i) => c[i] + tc[i] - n)), 10);
    expect(vw.pme).toBeCloseTo(crossing(grid.map((_, i) => te[i] + e[i] - n)), 10);
    expect(vw.ipp).toBeCloseTo(crossing(grid.map((_, i) => e[i] + c[i] - n)), 10);
    expect(vw.opp).toBeCloseTo(crossing(grid.map((_, i) => te[i] + tc[i] - n)), 10);
  });

  it('reproduces the Gabor-Granger demand and revenue at each price, from the would-buy columns', () => {
    const [gg] = sections.price.gaborGranger;
    GG_PRICES.forEach((p, k) => {
      const demand = mean(rows.map((r) => num(r[`gg_at_${p}`])!));
      expect(gg.points[k].price).toBe(p);
      expect(gg.points[k].demand).toBeCloseTo(demand, 12);
      expect(gg.points[k].revenue).toBeCloseTo(p * demand, 10);
      // The would-buy flags agree with the highest price accepted (blank: none).
      expect(
        rows.every((r) => num(r[`gg_at_${p}`]) === (r.gg_highest !== '' && Number(r.gg_highest) >= p ? 1 : 0)),
      ).toBe(true);
    });
    const revenue = GG_PRICES.map((p) => p * mean(rows.map((r) => num(r[`gg_at_${p}`])!)));
    expect(gg.optimalPrice).toBe(GG_PRICES[revenue.indexOf(Math.max(...revenue))]);
  });

  it("reproduces each brand's means and the paired t test of the own brand against each competitor", () => {
    const [q] = sections.competition.questions;
    for (const [k, brand] of BRANDS.entries()) {
      expect(q.awareness[k]).toBeCloseTo(mean(rows.map((r) => num(r[`brands_${brand}_known`])!)), 12);
    }
    for (const [j, attribute] of ATTRIBUTES.entries()) {
      const a = q.attributes[j];
      expect(a.attribute).toBe(attribute);
      expect(a.own.mean).toBeCloseTo(mean(rows.map((r) => num(r[`brands_us_${attribute}`])!)), 12);
      for (const c of a.competitors) {
        const theirs = rows.map((r) => num(r[`brands_${c.brand}_${attribute}`])).filter((x): x is number => x !== null);
        expect(c.n).toBe(theirs.length);
        expect(c.mean).toBeCloseTo(mean(theirs), 12);
        const paired = pairedT(c.brand, attribute);
        expect(c.pairs).toBe(paired.df + 1);
        expect(c.p, `${attribute} vs ${c.brand}`).toBeCloseTo(paired.p, 10);
      }
    }
  });
});

describe('the coffee study in SPSS syntax and Excel', () => {
  it("runs in PSPP with labels and measurement levels, and PSPP's paired t matches the report", async () => {
    const sps = (await researcher.get(`/api/surveys/${surveyId}/export/responses.sps`)).body as string;
    expect(sps).toMatch(
      /sq_tangibles_tan1_e "Facilities and appearance: The company has modern-looking equipment\. \(Expectation\)"/,
    );
    expect(sps).toMatch(/vw_too_cheap "[^"]*: Too cheap \(EUR\)"/);
    // The pair whose difference is least clear-cut (largest p): PSPP prints t to two decimals, p to three.
    const pairs = sections.competition.questions[0].attributes.flatMap(
      (a: { attribute: string; competitors: { brand: string; p: number; pairs: number }[] }) =>
        a.competitors.map((c) => ({ attribute: a.attribute, ...c })),
    );
    const pair = pairs.reduce((a: { p: number }, b: { p: number }) => (b.p > a.p ? b : a));
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-pspp-'));
    try {
      const file = join(dir, 'export.sps');
      writeFileSync(
        file,
        [
          sps,
          'DISPLAY DICTIONARY /VARIABLES=completed sq_tangibles_tan1_e vw_cheap segment gg_at_19.',
          `T-TEST PAIRS=brands_us_${pair.attribute} WITH brands_${pair.brand}_${pair.attribute} (PAIRED).`,
          'LIST /VARIABLES=response_id completed /CASES=FROM 1 TO 1.',
          '',
        ].join('\n'),
      );
      const out = execFileSync('pspp', [file, '-O', 'format=csv', '-o', join(dir, 'out.csv')], { encoding: 'utf8' });
      expect(out).not.toMatch(/error|warning/i);
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'out.csv'), 'utf8')).data;
      // DISPLAY DICTIONARY's Variables table: name, position, label, measurement level, role, width, alignment, print format, write format.
      const described = (name: string) => csv.find((r) => r[0] === name && r.length === 9)!;
      expect([described('completed')[3], described('completed')[7]]).toEqual(['Scale', 'DATETIME20.0']);
      expect(described('sq_tangibles_tan1_e')[3]).toBe('Ordinal');
      expect(described('vw_cheap')[3]).toBe('Scale');
      expect(described('segment')[3]).toBe('Nominal');
      expect(described('gg_at_19')[3]).toBe('Nominal');
      // Paired Samples Test: pair, labels, mean, sd, se, CI lower, CI upper, t, df, sig. (2-tailed).
      const test = csv.find((r) => r[0] === 'Pair 1' && r.length === 10)!;
      expect(Number(test[7])).toBeCloseTo(pairedT(pair.brand, pair.attribute).statistic, 2);
      expect(Number(test[8])).toBe(pair.pairs - 1);
      expect(Number(test[9])).toBeCloseTo(pair.p, 3);
      // The first case's completion time reads back as the CSV's (SPSS counts seconds from 14 Oct 1582).
      const listed = csv.find((r) => r[0] === rows[0].response_id && r.length === 2)!;
      const [, day, month, year, time] = /^(\d+)-([A-Z]+)-(\d+) (\S+)$/.exec(listed[1])!;
      const shown = Date.parse(`${day} ${month} ${year} ${time} UTC`);
      expect(Math.abs(shown - Date.parse(rows[0].completed))).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the completion time as a date cell in the XLSX, and describes each variable with its level', async () => {
    const res = await t.app.request(`/api/surveys/${surveyId}/export/responses.xlsx`, {
      headers: { cookie: researcher.cookie },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Responses')!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(names).toEqual(header);
    const completed = sheet.getRow(2).getCell(names.indexOf('completed') + 1);
    expect(completed.value).toBeInstanceOf(Date);
    expect((completed.value as Date).toISOString()).toBe(rows[0].completed);
    expect(completed.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const dict = wb.getWorksheet('Variables')!;
    const described = new Map<string, unknown[]>();
    dict.eachRow((r) => {
      const v = (r.values as unknown[]).slice(1);
      described.set(String(v[0]), v);
    });
    expect(described.get('Variable')).toEqual(['Variable', 'Label', 'Level', 'Codes']);
    expect(described.get('brands_c1_quality')!.slice(1, 3)).toEqual([
      'How do these providers compare?: Competitor A: Quality',
      'ordinal',
    ]);
    expect(described.get('gg_at_24')!.slice(2)).toEqual(['nominal', '0 = No; 1 = Yes']);
    expect(described.get('dimweights_reliability')!.slice(1, 3)).toEqual([
      expect.stringMatching(/: Reliability \(points of 100\)$/),
      'scale',
    ]);
  });
});

describe('hidden fields in exports', () => {
  it('carry the plan\'s quota-variable label and value labels: "Loyalty tier", Platinum…', async () => {
    const hotel = makeTestApp();
    try {
      const agent = (await signedInAgents(hotel.app)).researcher;
      const id = (await loadHotelDemo(hotel, hotel.clock.now())).id;
      const sps = (await agent.get(`/api/surveys/${id}/export/responses.sps`)).body as string;
      expect(sps).toMatch(/\n {2}\/tier "Loyalty tier"\n/);
      expect(sps).toMatch(/VALUE LABELS\n {2}tier "platinum" "Platinum" "gold" "Gold" "iron" "Iron" "lead" "Lead"\n/);
      const plain = Papa.parse<Row>((await agent.get(`/api/surveys/${id}/export/responses.csv`)).body as string, {
        header: true,
        skipEmptyLines: true,
      }).data;
      const labelled = Papa.parse<Row>(
        (await agent.get(`/api/surveys/${id}/export/responses.csv?labels=1`)).body as string,
        { header: true, skipEmptyLines: true },
      ).data;
      expect(new Set(plain.map((r) => r.tier))).toEqual(new Set(['platinum', 'gold', 'iron', 'lead']));
      expect(new Set(labelled.map((r) => r.tier))).toEqual(new Set(['Platinum', 'Gold', 'Iron', 'Lead']));
      // The region has no quota variable: its name and values as stored.
      expect(sps).toMatch(/\n {2}\/region "region"\n/);
    } finally {
      hotel.cleanup();
    }
  });
});

describe('variables of every kind, with names that would clash or run long', () => {
  const LONG = `m${'x'.repeat(62)}`;
  const opt = (id: string) => ({ id, label: { en: id[0].toUpperCase() + id.slice(1) } });
  const definition = {
    title: { en: 'Edge cases' },
    hiddenFields: ['completed'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'wave',
            type: 'single',
            other: true,
            text: { en: 'Which visit?' },
            options: [opt('first'), opt('second')],
          },
          {
            id: 'order',
            type: 'ranking',
            text: { en: 'Rank these' },
            options: [opt('taste'), opt('price'), opt('speed')],
          },
          {
            id: 'imp',
            type: 'importance',
            mode: 'rating',
            scale: { min: 1, max: 5, minLabel: { en: 'Not important' }, maxLabel: { en: 'Very important' } },
            text: { en: 'How important?' },
            items: [opt('taste'), opt('price')],
          },
          {
            id: 'ladder',
            type: 'gaborGranger',
            currency: 'EUR',
            prices: [1.5, 2.5, 3.5],
            text: { en: 'Would you buy it?' },
          },
          {
            id: LONG,
            type: 'matrix',
            scale: { min: 1, max: 5 },
            text: { en: 'Long' },
            items: [opt('first_item_id'), opt('first_item_id2')],
          },
          { id: 'sat', type: 'rating', notApplicable: true, scale: { min: 1, max: 5 }, text: { en: 'Satisfied?' } },
          { id: 'who', type: 'contact', text: { en: 'May we contact you?' }, consent: { en: 'You may contact me' } },
        ],
      },
    ],
  };
  const ANSWERS = [
    {
      wave: 'first',
      order: ['price', 'taste', 'speed'],
      imp: { taste: 5, price: 2 },
      ladder: {
        path: [
          { price: 2.5, buy: true },
          { price: 3.5, buy: true },
        ],
        highest: 3.5,
      },
      [LONG]: { first_item_id: 4, first_item_id2: 2 },
      sat: 'na',
      who: { name: 'Ann', email: 'ann@example.com', consent: true },
    },
    {
      wave: { other: 'Third' },
      order: ['speed', 'price', 'taste'],
      imp: { taste: 3, price: 4 },
      ladder: {
        path: [
          { price: 2.5, buy: false },
          { price: 1.5, buy: false },
        ],
        highest: null,
      },
      [LONG]: { first_item_id: 1 },
      sat: 4,
    },
  ];

  it('names them predictably and uniquely, flags "not applicable" beside its rating, leaves contact details out, and PSPP reads the file without a warning', async () => {
    const app = makeTestApp();
    try {
      const agent = (await signedInAgents(app.app)).researcher;
      const made = await agent.post('/api/surveys', { definition });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const created = made.body;
      const published = await agent.post(`/api/surveys/${created.id}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const versionId = published.body.versions[0].id;
      for (const [i, answers] of ANSWERS.entries()) {
        const res = await new Agent(app.app).post(`/api/public/s/${created.slug}/responses`, {
          clientId: `edge-case-${i}`,
          versionId,
          complete: true,
          answers,
          hidden: { completed: 'yes' },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        app.clock.advance(60_000);
      }
      const text = (await agent.get(`/api/surveys/${created.id}/export/responses.csv`)).body as string;
      const [head, ...data] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      // The hidden field and the question named like the fixed variables get _2; the matrix items,
      // cut at SPSS's 64 bytes, would share a name: the second gets _2.
      expect(head).toEqual([
        'response_id',
        'completed',
        'wave',
        'completed_2',
        'wave_2',
        'order_taste',
        'order_price',
        'order_speed',
        'imp_taste',
        'imp_price',
        'ladder_at_1_5',
        'ladder_at_2_5',
        'ladder_at_3_5',
        'ladder_highest',
        `${LONG}_`,
        `${LONG.slice(0, 62)}_2`,
        'sat',
        'sat_na',
      ]);
      expect(data.map((r) => r.slice(3))).toEqual([
        ['yes', '1', '2', '1', '3', '5', '2', '1', '1', '1', '3.5', '4', '2', '', '1'],
        ['yes', '3', '3', '2', '1', '3', '4', '0', '0', '0', '', '1', '', '4', '0'],
      ]);
      expect(text).not.toMatch(/ann@example\.com|Ann/);
      const labelled = Papa.parse<Record<string, string>>(
        (await agent.get(`/api/surveys/${created.id}/export/responses.csv?labels=1`)).body as string,
        { header: true, skipEmptyLines: true },
      ).data;
      expect(labelled.map((r) => r.wave_2)).toEqual(['First', 'Other']);
      expect(labelled.map((r) => r.ladder_at_2_5)).toEqual(['Yes', 'No']);

      const sps = (await agent.get(`/api/surveys/${created.id}/export/responses.sps`)).body as string;
      expect(sps).toMatch(/\/imp_taste 1 "Not important" 5 "Very important"/);
      expect(sps).toMatch(/\/order_taste "Rank these: Taste \(rank, 1 = first\)"/);
      const dir = mkdtempSync(join(tmpdir(), 'yardstick-pspp-'));
      try {
        writeFileSync(join(dir, 'edge.sps'), `${sps}\nDESCRIPTIVES VARIABLES=order_taste ladder_highest.\n`);
        const out = execFileSync('pspp', [join(dir, 'edge.sps'), '-O', 'format=csv', '-o', join(dir, 'out.csv')], {
          encoding: 'utf8',
        });
        expect(out).not.toMatch(/error|warning/i);
        const csv = Papa.parse<string[]>(readFileSync(join(dir, 'out.csv'), 'utf8')).data;
        // DESCRIPTIVES: label, N, mean…; ranks 2 and 3 → 2.5; one highest price, 3.5.
        expect(csv.find((r) => r[0] === 'Rank these: Taste (rank, 1 = first)')?.slice(1, 3)).toEqual(['2', '2.50']);
        expect(Number(csv.find((r) => r[0]?.startsWith('Would you buy it?: Highest price'))?.[1])).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      app.cleanup();
    }
  });
});
