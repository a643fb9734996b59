import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { basePlan } from '../support/plan';

/**
 * A coded open question used as data by the report: a filter, comparison segments, a cross-tab
 * over a filtered selection, exports, share links, and code shares across two waves. Each wave has
 * 40 answers to "why" and 2 respondents who left it empty; the reference coder (the researcher,
 * who coded most) gives, by the answer's text:
 *
 * | answers | wave 1 | wave 2 |
 * | --- | --- | --- |
 * | friendly | 12 | 6 |
 * | friendly + price | 8 | 0 |
 * | friendly + rude | 0 | 2 |
 * | rude | 4 | 10 |
 * | price | 2 | 12 |
 * | no code | 14 | 10 |
 *
 * So, of the 40 who answered: friendly 20 → 8, rude 4 → 12, price 10 → 12, and the Staff net
 * (friendly or rude) 24 → 18. The admin codes a few answers differently: their codes never count.
 */
let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let admin: Agent;
let viewer: Agent;
let survey: { id: string; slug: string };
const codes: Record<'staff' | 'friendly' | 'rude' | 'price', string> = { staff: '', friendly: '', rude: '', price: '' };

const WAVE_1 = [
  ...Array(12).fill('friendly'),
  ...Array(8).fill('friendly price'),
  ...Array(4).fill('rude'),
  ...Array(2).fill('price'),
  ...Array(14).fill('fine'),
  '',
  '',
];
const WAVE_2 = [
  ...Array(6).fill('friendly'),
  ...Array(2).fill('friendly rude'),
  ...Array(10).fill('rude'),
  ...Array(12).fill('price'),
  ...Array(10).fill('fine'),
  '',
  '',
];

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher, admin, viewer } = await signedInAgents(t.app));
  const created = await researcher.post('/api/surveys', {
    definition: {
      title: { en: 'Stay' },
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'nps', type: 'nps', role: 'recommend', text: { en: 'Recommend?' } },
            { id: 'why', type: 'text', text: { en: 'Why?' }, maxLength: 500 },
            { id: 'note', type: 'text', text: { en: 'Anything else?' } },
          ],
        },
      ],
    },
  });
  survey = created.body;
  const versionId = (await researcher.post(`/api/surveys/${survey.id}/publish`)).body.versions[0].id;
  expect((await researcher.put(`/api/surveys/${survey.id}/plan`, { plan: basePlan() })).status).toBe(200);
  const send = async (texts: string[], wave: number) => {
    for (const [k, text] of texts.entries()) {
      const r = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
        clientId: `answer-w${wave}-${k}`,
        versionId,
        complete: true,
        answers: text ? { nps: 9, why: text } : { nps: 3 },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  };
  await send(WAVE_1, 1);
  expect((await researcher.post(`/api/surveys/${survey.id}/waves`)).status).toBe(201);
  await send(WAVE_2, 2);

  const base = `/api/surveys/${survey.id}/coding/why`;
  const code = async (label: string, extra: Record<string, unknown> = {}) =>
    (await researcher.post(`${base}/codes`, { label: { en: label }, ...extra })).body.id as string;
  codes.staff = await code('Staff', { isNet: true });
  codes.friendly = await code('Friendly', { netId: codes.staff });
  codes.rude = await code('Rude', { netId: codes.staff });
  codes.price = await code('Price');
  const answers = (await researcher.get(`${base}/answers?limit=500`)).body.items as {
    responseId: number;
    text: string;
  }[];
  expect(answers).toHaveLength(80);
  for (const a of answers) {
    const given = a.text.split(' ').flatMap((w) => (w === 'fine' ? [] : [codes[w as 'friendly' | 'rude' | 'price']]));
    if (given.length > 0) await researcher.put(`${base}/answers/${a.responseId}`, { codes: given });
  }
  // A second coder, with fewer answers coded: not the reference coding.
  for (const a of answers.filter((x) => x.text === 'fine').slice(0, 5))
    expect((await admin.put(`${base}/answers/${a.responseId}`, { codes: [codes.price] })).status).toBe(200);
});
afterAll(() => t.cleanup());

const report = async (filter: string, agent = viewer) => {
  const r = await agent.get(`/api/surveys/${survey.id}/report?filter=${encodeURIComponent(filter)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('a coded question as a report filter', () => {
  it('keeps the answers with any of the codes, a net standing for any of its codes', async () => {
    expect((await report('')).completes).toBe(84);
    // Rude: 4 + 12.
    expect((await report(`why:${codes.rude}`)).completes).toBe(16);
    // Rude or price: wave 1 4 + 10, wave 2 12 + 12 (no answer has both).
    expect((await report(`why:${codes.rude},${codes.price}`)).completes).toBe(38);
    // Staff: friendly or rude, 24 + 18.
    expect((await report(`why:${codes.staff}`)).completes).toBe(42);
    // Without rude, among the 80 who answered: 80 − 16.
    expect((await report(`why:!${codes.rude}`)).completes).toBe(64);
    expect((await report(`why:${codes.rude};@wave:2`)).completes).toBe(12);
    // The admin's five "price" codes are not the reference coding.
    expect((await report(`why:${codes.price}`)).completes).toBe(22);
  });

  it('offers the codes, in the frame’s order, with the net each belongs to', async () => {
    const offered = (await report('')).filterOptions.coded;
    expect(offered).toEqual([
      {
        questionId: 'why',
        codes: [
          { id: codes.staff, label: { en: 'Staff' }, isNet: true, netId: null },
          { id: codes.friendly, label: { en: 'Friendly' }, isNet: false, netId: codes.staff },
          { id: codes.rude, label: { en: 'Rude' }, isNet: false, netId: codes.staff },
          { id: codes.price, label: { en: 'Price' }, isNet: false, netId: null },
        ],
      },
    ]);
  });

  it('refuses a code that is not of the frame, and an open question without codes, naming them', async () => {
    const unknown = await viewer.get(`/api/surveys/${survey.id}/report?filter=why:${codes.rude},nope`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('"nope" is not a code');
    expect(unknown.body.error.path).toBe('filter.why');
    // The app words it from the rule: "is not one of the allowed values".
    expect(unknown.body.error.params).toEqual({ field: 'filter.why', rule: 'choice' });
    const negated = await viewer.get(`/api/surveys/${survey.id}/report?filter=why:!nope`);
    expect(negated.status).toBe(400);
    expect(negated.body.error.message).toContain('"nope"');
    // "note" has a code but nobody has coded an answer with it yet: not offered, and refused.
    const waiting = await researcher.post(`/api/surveys/${survey.id}/coding/note/codes`, { label: { en: 'Later' } });
    expect(waiting.status).toBe(201);
    expect((await report('')).filterOptions.coded.map((c: { questionId: string }) => c.questionId)).toEqual(['why']);
    const uncoded = await viewer.get(`/api/surveys/${survey.id}/report?filter=note:${waiting.body.id}`);
    expect(uncoded.status).toBe(400);
    expect(uncoded.body.error.message).toContain('"note" is an open question with no codes yet');
  });
});

describe('everywhere the report’s filter goes', () => {
  it('filters a share link’s report, cross-tab and exports alike', async () => {
    const share = await researcher.post(`/api/surveys/${survey.id}/shares`, { lang: 'en' });
    const stranger = new Agent(t.app);
    const filter = encodeURIComponent(`why:${codes.rude}`);
    const shared = await stranger.get(`/api/public/reports/${share.body.token}/report?filter=${filter}`);
    expect(shared.status).toBe(200);
    expect(shared.body.completes).toBe(16);
    expect((await stranger.get(`/api/public/reports/${share.body.token}/report?filter=why:nope`)).status).toBe(400);
    // The rude answers by wave: 4 and 12, all NPS 9.
    const tab = await viewer.get(`/api/surveys/${survey.id}/report/crosstab?rows=nps&columns=@wave&filter=${filter}`);
    expect(tab.status, JSON.stringify(tab.body)).toBe(200);
    expect(tab.body.total.n).toBe(16);
    expect(tab.body.columnHeads.map((h: { value: string; n: number }) => [h.value, h.n])).toEqual([
      ['1', 4],
      ['2', 12],
    ]);
    const csv = await t.app.request(`/api/surveys/${survey.id}/export/responses.csv?filter=${filter}`, {
      headers: { cookie: researcher.cookie },
    });
    expect(csv.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(await csv.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(16);
    // Column 3 is Rude (Staff, Friendly, Rude, Price).
    expect(rows.every((r) => r.why_c3 === '1')).toBe(true);
  });

  it('splits those who answered into two segments no respondent is in twice', async () => {
    const [mentions, without] = await Promise.all([report(`why:${codes.rude}`), report(`why:!${codes.rude}`)]);
    expect(mentions.completes + without.completes).toBe(80);
    const both = await report(`why:${codes.rude};why:!${codes.rude}`);
    expect(both.completes).toBe(0);
  });
});

/** 95% Wilson interval (Wilson 1927): (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964. */
const WILSON: Record<string, [[number, number], [number, number]]> = {
  staff: [
    [0.44595893660346186, 0.7365167431570807],
    [0.3070530781090492, 0.6017090820106795],
  ],
  friendly: [
    [0.35199526933465386, 0.6480047306653461],
    [0.10499989725437703, 0.34757306346399497],
  ],
  rude: [
    [0.03957952868260636, 0.23051775227522298],
    [0.18074845229746528, 0.45430018818144935],
  ],
  price: [
    [0.14187118639096302, 0.40193961420768026],
    [0.18074845229746528, 0.45430018818144935],
  ],
};

describe('code shares across waves', () => {
  it('gives each code’s share per wave with its Wilson interval, and the change tested with Benjamini–Hochberg', async () => {
    const trend = (await report('')).sections.trend;
    expect(trend.coded).toHaveLength(1);
    const why = trend.coded[0];
    expect(why.questionId).toBe('why');
    // 40 answered in each wave; the reference coder coded 26 and 30 of them.
    expect(why.waves).toEqual([
      { wave: 1, answered: 40, base: 40, coded: 26, smallBase: false },
      { wave: 2, answered: 40, base: 40, coded: 30, smallBase: false },
    ]);
    const byName = Object.fromEntries(
      Object.entries(codes).map(([name, id]) => [name, why.codes.find((c: { id: string }) => c.id === id)]),
    );
    const shares = { staff: [24, 18], friendly: [20, 8], rude: [4, 12], price: [10, 12] };
    for (const [name, [a, b]] of Object.entries(shares)) {
      const got = byName[name].shares;
      expect(got[0].share.p).toBe(a / 40);
      expect(got[1].share.p).toBe(b / 40);
      expect(got[0].share.lower).toBeCloseTo(WILSON[name][0][0], 12);
      expect(got[0].share.upper).toBeCloseTo(WILSON[name][0][1], 12);
      expect(got[1].share.lower).toBeCloseTo(WILSON[name][1][0], 12);
      expect(got[1].share.upper).toBeCloseTo(WILSON[name][1][1], 12);
      expect(got[0].change).toBeNull();
    }
    // Two-proportion z test, pooled (wave 2 − wave 1), e.g. friendly: p̂ = 28/80 = 0.35,
    // z = −0.3 / √(0.35 · 0.65 · (1/40 + 1/40)) = −2.812843, p = 2Φ(−2.812843) = 0.0049106.
    const p = {
      staff: 0.17916805877379854,
      friendly: 0.004910556162172656,
      rude: 0.025347318677468294,
      price: 0.6165237907000115,
    };
    // Benjamini–Hochberg over the 4 tests: sorted p·4/rank, monotone from the top:
    // friendly 0.0049106·4/1 = 0.019642, rude 0.025347·4/2 = 0.050695, staff 0.179168·4/3 = 0.238891, price 0.616524.
    const adjusted = {
      staff: 0.17916805877379854 * (4 / 3),
      friendly: 0.004910556162172656 * 4,
      rude: 0.025347318677468294 * 2,
      price: 0.6165237907000115,
    };
    for (const name of Object.keys(p) as (keyof typeof p)[]) {
      const change = byName[name].shares[1].change;
      expect(change.difference).toBeCloseTo((shares[name][1] - shares[name][0]) / 40, 12);
      expect(change.p).toBeCloseTo(p[name], 10);
      expect(change.adjustedP).toBeCloseTo(adjusted[name], 10);
    }
    // Rude's raw p is under 0.05, its adjusted one is not: only friendly's fall is marked.
    expect(Object.keys(p).filter((name) => byName[name].shares[1].change.significant)).toEqual(['friendly']);
  });

  it('marks a small base and leaves its changes untested by the correction', async () => {
    // Only the NPS-9 respondents who mention rude or price: 14 in wave 1, 24 in wave 2.
    const trend = (await report(`why:${codes.rude},${codes.price}`)).sections.trend;
    const why = trend.coded[0];
    expect(why.waves.map((w: { answered: number; smallBase: boolean }) => [w.answered, w.smallBase])).toEqual([
      [14, true],
      [24, true],
    ]);
    for (const c of why.codes) expect(c.shares[1].change).toMatchObject({ adjustedP: null, significant: false });
    // The interval is never zero-width at a tiny base: rude in wave 1 is 4 of 14.
    const rude = why.codes.find((c: { id: string }) => c.id === codes.rude).shares[0].share;
    expect(rude.p).toBeCloseTo(4 / 14, 12);
    expect(rude.upper - rude.lower).toBeGreaterThan(0.2);
  });
});
