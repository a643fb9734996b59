/**
 * The new question types in the report's filters, cross-tabs and priorities, through the real app:
 * a date by month, quarter and year; a number field by ranges, binned, with its mean per column;
 * each row's scale of a matrix with several scales as a rated item; and that matrix, its scales
 * marked importance and performance, as the importance–performance matrix. Every figure is worked
 * out by hand from the four answers of tests/support/more-types-survey.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { MORE_ANSWERS, moreTypesSurvey } from '../support/more-types-survey';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let survey: { id: string; slug: string; versionId: number };

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher } = await signedInAgents(t.app));
  const definition = moreTypesSurvey();
  // The survey marks its matrix as importance × satisfaction.
  const ipa = definition.pages[1].questions[1] as { scales: { role?: string }[] };
  ipa.scales[0].role = 'importance';
  ipa.scales[1].role = 'attribute';
  const created = await researcher.post('/api/surveys', { definition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = (await researcher.post(`/api/surveys/${created.body.id}/publish`)).body;
  survey = { id: created.body.id, slug: created.body.slug, versionId: published.versions[0].id };
  for (const [k, answers] of MORE_ANSWERS.entries()) {
    const r = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
      clientId: `respondent-${k}`,
      versionId: survey.versionId,
      complete: true,
      answers,
      lang: 'en',
    });
    expect(r.status).toBe(201);
  }
});
afterAll(() => t.cleanup());

type Row = { value: string; label: string; cells: { count: number }[] };
type Item = { key: string; importance: number; performance: number; quadrant: string };

const completes = async (filter: string) => {
  const r = await researcher.get(`/api/surveys/${survey.id}/report?filter=${encodeURIComponent(filter)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.completes as number;
};
const crosstab = async (rows: string, columns: string) => {
  const r = await researcher.get(`/api/surveys/${survey.id}/report/crosstab?rows=${rows}&columns=${columns}&lang=en`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('filters', () => {
  it('by a date: March 2026 holds 2 visits (2 and 20 March), Q2 1 (1 May), 2026 all 3', async () => {
    expect(await completes('visit_date:2026-03')).toBe(2);
    expect(await completes('visit_date.quarter:2026-Q2')).toBe(1);
    expect(await completes('visit_date.year:2026')).toBe(3);
    expect(await completes('visit_date:2026-03,2026-05')).toBe(3);
  });

  it('by a number field: online shares 60, 20, 50, 10, so 50 or more holds 2 and 10..20 holds 2', async () => {
    expect(await completes('share.online:50..')).toBe(2);
    expect(await completes('share.online:10..20')).toBe(2);
    expect(await completes('share.online:60')).toBe(1);
  });

  it("offers the dates' months and the number fields' values as filter choices, over every response", async () => {
    const r = await researcher.get(`/api/surveys/${survey.id}/report?filter=returning:no`);
    expect(r.body.filterOptions.values).toEqual({
      visit_date: ['2026-03', '2026-05'],
      'share.online': ['10', '20', '50', '60'],
      'share.store': ['30', '50', '70', '80'],
      'share.phone': ['0', '10'],
    });
  });

  it("by one row's scale: Prices rated Poor or Fair (1, 2) by respondents 1, 2 and 4", async () => {
    expect(await completes('ipa.price.sat:1,2')).toBe(3);
  });

  it.each([
    ['share.online:lots', 'filter.share.online', '"lots" is not a number or a range such as 10..19'],
    ['share.first:1', 'filter.share.first', 'name one of the number fields of "share", e.g. share.online'],
    ['names.first:Ada', 'filter.names.first', '"names" holds text fields: only closed questions filter a report'],
    ['ipa.price:1', 'filter.ipa.price', 'name a row and a scale of "ipa", e.g. ipa.price.imp'],
    ['ipa.price.sat:5', 'filter.ipa.price.sat', '"5" is not a point from 1 to 4'],
    ['visit_date:March', 'filter.visit_date', '"March" is not a month written as 2026-05'],
    ['visit_date.quarter:2026-Q5', 'filter.visit_date.quarter', '"2026-Q5" is not a quarter written as 2026-Q2'],
    [
      'visit_date.week:1',
      'filter.visit_date.week',
      'a date filters by visit_date, visit_date.quarter or visit_date.year',
    ],
  ])('refuses %s with a 400 naming the filter', async (filter, path, problem) => {
    const r = await researcher.get(`/api/surveys/${survey.id}/report?filter=${encodeURIComponent(filter)}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ path, message: `${path}: ${problem}` });
  });
});

describe('cross-tabs', () => {
  it('a date by month against yes/no: March 2 returning, May 1', async () => {
    const r = await crosstab('visit_date', 'returning');
    expect(r.rows).toEqual({ name: 'visit_date', kind: 'date', label: 'When was your visit?' });
    expect(
      r.body.map((row: Row) => [row.value, row.cells.map((c: { count?: number; mean?: number }) => c.count)]),
    ).toEqual([
      ['2026-03', [2, 0]],
      ['2026-05', [1, 0]],
    ]);
    const byYear = await crosstab('visit_date.year', 'returning');
    expect(byYear.body.map((row: Row) => row.value)).toEqual(['2026']);
  });

  it('a number field in bins with its mean per column: returning 60, 20, 10 → 30; not returning 50', async () => {
    const r = await crosstab('share.online', 'returning');
    expect(r.rows.kind).toBe('number-field');
    // Four whole numbers: one category each.
    expect(r.body.map((row: Row) => row.value)).toEqual(['10', '20', '50', '60']);
    expect(r.mean.cells.map((c: { count?: number; mean?: number }) => c.mean)).toEqual([30, 50]);
    // All four: (60 + 20 + 50 + 10) / 4 = 35.
    expect(r.mean.total.mean).toBe(35);
  });

  it("one row's scale as a rated item: Prices' satisfaction, labelled per point, mean 5/3 returning and 3 not", async () => {
    const r = await crosstab('ipa.price.sat', 'returning');
    expect(r.rows).toEqual({
      name: 'ipa.price.sat',
      kind: 'matrix-item',
      label: 'How important is each, and how satisfied are you?: Prices · Satisfaction',
    });
    expect(r.body.map((row: Row) => row.label)).toEqual(['1 · Poor', '2 · Fair', '3 · Good', '4 · Excellent']);
    // Returning: 2, 1, 2 → 5/3; not returning: 3.
    expect(r.mean.cells[0].mean).toBeCloseTo(5 / 3, 12);
    expect(r.mean.cells[1].mean).toBe(3);
  });

  it('refuses the text fields, which are open answers', async () => {
    const r = await researcher.get(`/api/surveys/${survey.id}/report/crosstab?rows=names.first&columns=returning`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('rows: "names" holds text fields: only closed questions cross-tabulate');
  });
});

describe('priorities', () => {
  it('read the matrix marked importance × satisfaction as stated importance against performance', async () => {
    const r = await researcher.get(`/api/surveys/${survey.id}/report`);
    const p = r.body.sections.priorities;
    expect(p.importance).toBe('stated');
    // Prices: importance 5, 4, 3, 5 → 4.25, satisfaction 2, 1, 3, 2 → 2; Staff: 4.5 and 3.75.
    // Crosshairs at the means of the two: 4.375 and 2.875. Prices sit below both (low priority),
    // Staff above both (keep up the good work).
    expect(p.items.map((i: Item) => [i.key, i.importance, i.performance, i.quadrant])).toEqual([
      ['ipa.price.sat', 4.25, 2, 'low-priority'],
      ['ipa.staff.sat', 4.5, 3.75, 'keep-up'],
    ]);
    expect(p.crosshairs).toEqual({ importance: 4.375, performance: 2.875 });
    expect(p.ranges).toEqual({ performance: [1, 4], importance: [1, 5] });
  });
});
