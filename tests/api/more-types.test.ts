/**
 * The instructions block, date, yes/no, several fields, the matrix with several scales and the
 * searchable dropdown through the real app: submissions (valid, and refused with the path of the
 * fault, storing nothing), the server's first page, the report's figures and the exports. Every
 * expected figure is worked out by hand in the comments from the four answers of
 * tests/support/more-types-survey.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { renderQuestion, type RenderContext } from '../../server/collect/first-page/questions';
import { createTranslator, loadRespondentMessages } from '../../shared/i18n';
import { SurveyDefinitionSchema } from '../../shared/survey/schema';
import { pickText } from '../../shared/survey/text';
import { MORE_ANSWERS, moreTypesSurvey } from '../support/more-types-survey';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let survey: { id: string; slug: string; versionId: number };
const anon = () => new Agent(t.app);
const rows = async () =>
  (await t.rows('select client_id, answers from responses order by id')) as {
    client_id: string;
    answers: string;
  }[];
const submit = (clientId: string, answers: Record<string, unknown>) =>
  anon().post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete: true,
    answers,
    lang: 'en',
  });
const download = async (path: string) => {
  const res = await t.app.request(path, { headers: { cookie: researcher.cookie } });
  expect(res.status, path).toBe(200);
  return res;
};

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  const created = await researcher.post('/api/surveys', { definition: moreTypesSurvey() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = (await researcher.post(`/api/surveys/${created.body.id}/publish`)).body;
  survey = { id: created.body.id, slug: created.body.slug, versionId: published.versions[0].id };
  for (const [k, answers] of MORE_ANSWERS.entries())
    expect((await submit(`respondent-${k}`, answers)).status).toBe(201);
});
afterAll(() => t.cleanup());

describe('submissions', () => {
  it('stores valid answers as given', async () => {
    expect((await rows()).map((r) => JSON.parse(r.answers))).toEqual(MORE_ANSWERS);
  });

  it.each([
    [
      'a date outside its range',
      { ...MORE_ANSWERS[0], visit_date: '2026-12-24' },
      'answers.visit_date',
      'must be from 2026-01-01 to 2026-11-30',
    ],
    [
      'a date that does not exist',
      { ...MORE_ANSWERS[0], visit_date: '2026-02-30' },
      'answers.visit_date',
      'expected a date written YYYY-MM-DD',
    ],
    ['yes/no as a boolean', { ...MORE_ANSWERS[0], returning: true }, 'answers.returning', 'expected "yes" or "no"'],
    [
      'shares that do not add up to 100',
      { ...MORE_ANSWERS[0], share: { online: 60, store: 30, phone: 0 } },
      'answers.share',
      'the fields must add up to 100; they add up to 90',
    ],
    [
      'a share that is not a whole number',
      { ...MORE_ANSWERS[0], share: { online: 59.5, store: 30.5, phone: 10 } },
      'answers.share',
      'field online: expected a whole number',
    ],
    [
      'a field the question lacks',
      { ...MORE_ANSWERS[0], names: { first: 'Ada', middle: 'K' } },
      'answers.names',
      '"middle" is not one of its fields',
    ],
    [
      'a point beyond a scale',
      { ...MORE_ANSWERS[0], ipa: { price: { imp: 5, sat: 5 } } },
      'answers.ipa',
      'item price.sat: must be from 1 to 4',
    ],
    [
      'an answer to the instructions',
      { ...MORE_ANSWERS[0], intro: 'ok' },
      'answers.intro',
      'an instructions block takes no answer',
    ],
    [
      'a required date left out',
      { ...MORE_ANSWERS[0], visit_date: undefined },
      'answers.visit_date',
      'an answer is required',
    ],
  ])('refuses %s with a 400 naming the path, storing nothing', async (_, answers, path, message) => {
    const before = await rows();
    const r = await submit('refused-0001', answers);
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe(path);
    expect(r.body.error.message).toContain(message);
    expect(await rows()).toEqual(before);
  });
});

describe("the server's first page", () => {
  it('renders each type as the respondent bundle does, with the search box of a long dropdown', async () => {
    const def = v.parse(SurveyDefinitionSchema, moreTypesSurvey());
    const ctx: RenderContext = {
      lang: 'en',
      t: createTranslator('en', await loadRespondentMessages('en')),
      text: (x) => pickText(x, 'en', 'en'),
      piped: (s) => s,
      seed: 'r1',
      answers: {},
    };
    // Page 1 as a new respondent sees it: the date waits for "yes".
    const html = def.pages[0].questions
      .filter((q) => q.id !== 'visit_date')
      .map((q) => renderQuestion(q, ctx))
      .join('');
    expect(html).toContain(
      '<div class="q info" id="q-intro"><p class="qtext">Please think about your last visit to our store.\nIt takes two minutes.</p></div>',
    );
    expect(html).toMatch(
      /<div class="opts yn2"><label class="opt"><input type="radio" name="returning" value="yes"><span>Yes<\/span><\/label><label class="opt"><input type="radio" name="returning" value="no"><span>No<\/span>/,
    );
    // The dropdown of 15 countries gets its search box.
    expect(html).toMatch(
      /<input type="search" class="find" aria-label="Search the list" placeholder="Search the list" aria-controls="q-country-in" autocomplete="off"><select id="q-country-in" name="country"/,
    );
    expect(html).toMatch(
      /<label for="q-share-in-online">Online<\/label><input type="text" id="q-share-in-online" name="share.online" class="num" inputmode="numeric"/,
    );
    expect(html).toContain('Total: 0 of 100');
    const answered = renderQuestion(def.pages[0].questions[2], { ...ctx, answers: { visit_date: '2026-03-02' } });
    expect(answered).toContain(
      '<input type="date" id="q-visit_date-in" name="visit_date" class="date" min="2026-01-01" max="2026-11-30" value="2026-03-02"',
    );
    const grid = renderQuestion(def.pages[1].questions[1], { ...ctx, answers: { ipa: { price: { imp: 5, sat: 2 } } } });
    expect(grid).toContain(
      '<fieldset class="sub"><legend>Satisfaction</legend><div class="opts"><label class="opt"><input type="radio" name="ipa.price.sat" value="1"><span>Poor</span></label><label class="opt"><input type="radio" name="ipa.price.sat" value="2" checked><span>Fair</span>',
    );
    expect(grid).toMatch(/name="ipa\.price\.imp" value="5" checked/);
  });
});

describe('the report', () => {
  let questions: Record<string, any>;
  beforeAll(async () => {
    const res = await researcher.get(`/api/surveys/${survey.id}/report`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    questions = Object.fromEntries(res.body.questions.map((q: any) => [q.id, q]));
  });

  it('leaves out the instructions block', () => {
    expect(Object.keys(questions)).toEqual(['returning', 'visit_date', 'country', 'share', 'names', 'ipa']);
  });

  it('counts yes and no: 3 of 4 yes', () => {
    expect(questions.returning).toEqual({
      id: 'returning',
      type: 'yesno',
      n: 4,
      counts: [
        { value: 'yes', count: 3, share: 0.75 },
        { value: 'no', count: 1, share: 0.25 },
      ],
    });
  });

  it("gives the dates' range, median and months: 2 Mar, 20 Mar, 1 May", () => {
    expect(questions.visit_date).toEqual({
      id: 'visit_date',
      type: 'date',
      n: 3,
      earliest: '2026-03-02',
      median: '2026-03-20',
      latest: '2026-05-01',
      counts: [
        { value: '2026-03', count: 2, share: 2 / 3 },
        { value: '2026-05', count: 1, share: 1 / 3 },
      ],
    });
  });

  it('gives each number field its mean with the t interval', () => {
    // Online 60, 20, 50, 10: mean 35, deviations ±25, ±15, sd √(1700/3) = 23.805; t(0.975, 3) = 3.182446.
    const online = questions.share.items[0];
    expect(online.n).toBe(4);
    expect(online.mean.mean).toBeCloseTo(35, 12);
    expect(online.mean.sd).toBeCloseTo(Math.sqrt(1700 / 3), 12);
    expect(online.mean.upper - online.mean.mean).toBeCloseTo((3.182446 * Math.sqrt(1700 / 3)) / 2, 4);
    // Phone 10, 10, 0, 10: mean 7.5.
    expect(questions.share.items[2].mean.mean).toBeCloseTo(7.5, 12);
    expect(questions.names.items).toEqual([
      { id: 'first', n: 2, mean: null, latest: ['Bo', 'Ada'] },
      { id: 'last', n: 1, mean: null, latest: ['Byron'] },
    ]);
  });

  it("filters by a yes/no answer: the returning customers' online shares 60, 20, 10 average 30", async () => {
    const res = await researcher.get(`/api/surveys/${survey.id}/report?filter=returning:yes`);
    expect(res.status).toBe(200);
    expect(res.body.completes).toBe(3);
    expect(res.body.questions.find((q: any) => q.id === 'share').items[0].mean.mean).toBeCloseTo(30, 12);
    const bad = await researcher.get(`/api/surveys/${survey.id}/report?filter=returning:maybe`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      path: 'filter.returning',
      message: 'filter.returning: "maybe" is not one of its options',
    });
  });

  it('cross-tabulates a yes/no answer: of the 2 Italians 1 returns, the 1 French customer returns', async () => {
    const res = await researcher.get(
      `/api/surveys/${survey.id}/report/crosstab?rows=returning&columns=country&lang=en`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const it = res.body.columnHeads.findIndex((c: any) => c.value === 'it');
    const fr = res.body.columnHeads.findIndex((c: any) => c.value === 'fr');
    const cell = (row: string, col: number) => res.body.body.find((r: any) => r.value === row).cells[col].count;
    expect(res.body.rows).toEqual({ name: 'returning', kind: 'single', label: 'Have you shopped with us before?' });
    expect(res.body.body.map((r: any) => [r.value, r.label])).toEqual([
      ['yes', 'Yes'],
      ['no', 'No'],
    ]);
    expect([cell('yes', it), cell('no', it), cell('yes', fr), cell('no', fr)]).toEqual([1, 1, 1, 0]);
  });

  it('gives each item its mean on each scale', () => {
    const [price, staff] = questions.ipa.items;
    // Prices: importance 5, 4, 3, 5 → 4.25 (top two 3 of 4); satisfaction 2, 1, 3, 2 → 2.
    expect(price.scales[0]).toMatchObject({ id: 'imp', n: 4, mean: { mean: 4.25 }, topTwoBox: { p: 0.75 } });
    expect(price.scales[1]).toMatchObject({ id: 'sat', n: 4, mean: { mean: 2 } });
    expect(price.scales[1].counts.map((c: any) => c.count)).toEqual([1, 2, 1, 0]);
    // Staff: importance 4, 5, 5, 4 → 4.5; satisfaction 4, 3, 4, 4 → 3.75.
    expect(staff.scales.map((s: any) => s.mean.mean)).toEqual([4.5, 3.75]);
  });
});

describe('the exports', () => {
  it('writes a CSV with a variable per field and per item and scale, codes or labels', async () => {
    const csv = Papa.parse<Record<string, string>>(
      await (await download(`/api/surveys/${survey.id}/export/responses.csv`)).text(),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.meta.fields).toEqual(
      expect.arrayContaining([
        'returning',
        'visit_date',
        'country',
        'share_online',
        'share_store',
        'share_phone',
        'names_first',
        'names_last',
        'ipa_price_imp',
        'ipa_price_sat',
        'ipa_staff_imp',
        'ipa_staff_sat',
      ]),
    );
    expect(csv.meta.fields).not.toContain('intro');
    expect(csv.data.map((r) => r.returning)).toEqual(['1', '1', '0', '1']);
    expect(csv.data.map((r) => r.visit_date)).toEqual(['2026-03-02', '2026-03-20', '', '2026-05-01']);
    expect(csv.data.map((r) => r.share_online)).toEqual(['60', '20', '50', '10']);
    expect(csv.data.map((r) => r.ipa_price_sat)).toEqual(['2', '1', '3', '2']);
    const labelled = Papa.parse<Record<string, string>>(
      await (await download(`/api/surveys/${survey.id}/export/responses.csv?labels=1`)).text(),
      { header: true, skipEmptyLines: true },
    );
    expect(labelled.data.map((r) => r.returning)).toEqual(['Yes', 'Yes', 'No', 'Yes']);
    expect(labelled.data.map((r) => r.ipa_price_sat)).toEqual(['Fair', 'Poor', 'Good', 'Fair']);
  });

  it('adds the per-question figures to the report tables', async () => {
    const tables = Papa.parse<Record<string, string>>(
      await (await download(`/api/surveys/${survey.id}/export/tables.csv`)).text(),
      { header: true, skipEmptyLines: true },
    );
    const value = (key: string, measure: string) =>
      tables.data.find((r) => r.section === 'questions' && r.key === key && r.measure === measure);
    expect(value('returning', 'share_yes')?.value).toBe('0.75');
    expect(value('visit_date', 'median')?.value).toBe('2026-03-20');
    expect(value('share.online', 'mean')).toMatchObject({ label: 'Online', value: '35' });
    expect(value('ipa.price', 'imp_mean')).toMatchObject({ label: 'Prices', value: '4.25' });
    expect(value('ipa.staff', 'sat_mean')?.value).toBe('3.75');
  });

  it('writes the same variables to XLSX, with their codes described', async () => {
    const buf = Buffer.from(await (await download(`/api/surveys/${survey.id}/export/responses.xlsx`)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Responses')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(header.indexOf(name) + 1).value);
    expect(col('share_store')).toEqual([30, 70, 50, 80]);
    expect(col('ipa_staff_imp')).toEqual([4, 5, 5, 4]);
    const dict = wb.getWorksheet('Variables')!;
    const codesAt = (dict.getRow(1).values as unknown[]).indexOf('Codes');
    const levelAt = (dict.getRow(1).values as unknown[]).indexOf('Level');
    const cell = (k: number, at: number) => dict.getRow(k + 2).getCell(at).value;
    const codes = Object.fromEntries(
      Array.from({ length: dict.rowCount - 1 }, (_, k) => [cell(k, 1), cell(k, codesAt)]),
    );
    const levels = Object.fromEntries(
      Array.from({ length: dict.rowCount - 1 }, (_, k) => [cell(k, 1), cell(k, levelAt)]),
    );
    expect(levels).toMatchObject({ returning: 'nominal', ipa_price_sat: 'ordinal', share_store: 'scale' });
    expect(codes.returning).toBe('1 = Yes; 0 = No');
    expect(codes.ipa_price_sat).toBe('1 = Poor; 2 = Fair; 3 = Good; 4 = Excellent');
  });

  it('writes SPSS syntax that PSPP runs, giving the same counts and means', async () => {
    const sps = await (await download(`/api/surveys/${survey.id}/export/responses.sps`)).text();
    expect(sps).toMatch(/VALUE LABELS[\s\S]*returning 1 "Yes" 0 "No"/);
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-pspp-'));
    try {
      const file = join(dir, 'export.sps');
      writeFileSync(file, `${sps}\nDESCRIPTIVES VARIABLES=returning share_online ipa_price_imp ipa_staff_sat.\n`);
      const out = execFileSync('pspp', [file, '-O', 'format=csv', '-o', join(dir, 'out.csv')], { encoding: 'utf8' });
      expect(out).not.toMatch(/error|warning/i);
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'out.csv'), 'utf8')).data;
      const stat = (label: string) => csv.find((r) => r[0] === label)!;
      // Rows: label, N, Mean…; the share of yes is the mean of the 1/0 codes, 0.75.
      expect(stat('Have you shopped with us before?').slice(1, 3).map(Number)).toEqual([4, 0.75]);
      expect(Number(stat('What share of your spending goes to each channel?: Online')[2])).toBeCloseTo(35, 2);
      expect(Number(stat('How important is each, and how satisfied are you?: Prices: Importance')[2])).toBeCloseTo(
        4.25,
        2,
      );
      expect(Number(stat('How important is each, and how satisfied are you?: Staff: Satisfaction')[2])).toBeCloseTo(
        3.75,
        2,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
