import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { Agent, makeTestApp, signedInAgents } from '../support/api';
import { CHINESE, VIETNAMESE } from '../unit/coding/fixtures/answers';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let admin: Agent;
let viewer: Agent;
let survey: string;
let base: string;

const three = (en: string, vi: string, zh: string) => ({ en, vi, 'zh-Hans': zh });
/** NPS of the k-th answer of each language: the first four detractors, the next four passives, the rest promoters. */
const npsOf = (k: number) => (k < 4 ? 3 : k < 8 ? 7 : 10);

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher, admin, viewer } = await signedInAgents(t.app));
  const created = await researcher.post('/api/surveys', {
    definition: {
      title: three('Stay', 'Kỳ nghỉ', '住宿'),
      defaultLanguage: 'en',
      languages: ['en', 'vi', 'zh-Hans'],
      pages: [
        {
          id: 'p1',
          questions: [
            { id: 'nps', type: 'nps', role: 'recommend', text: three('Recommend?', 'Giới thiệu?', '推荐吗？') },
            { id: 'why', type: 'text', text: three('Why?', 'Vì sao?', '为什么？'), maxLength: 500 },
          ],
        },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  survey = created.body.id;
  const published = await researcher.post(`/api/surveys/${survey}/publish`);
  expect(published.status).toBe(200);
  const versionId = published.body.versions[0].id;
  const send = async (lang: string, text: string, nps: number, k: number) => {
    const r = await new Agent(t.app).post(`/api/public/s/${created.body.slug}/responses`, {
      clientId: `answer-${lang}-${k}`,
      versionId,
      complete: true,
      lang,
      answers: { nps, why: text },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  for (const [k, text] of VIETNAMESE.entries()) await send('vi', text, npsOf(k), k);
  for (const [k, text] of CHINESE.entries()) await send('zh-Hans', text, npsOf(k), k);
  base = `/api/surveys/${survey}/coding/why`;
});
afterAll(() => t.cleanup());

async function answers(agent: Agent, query = '') {
  const r = await agent.get(`${base}/answers?limit=500${query}`);
  expect(r.status).toBe(200);
  return r.body as {
    total: number;
    items: { responseId: number; text: string; lang: string; score: number; codes: string[] }[];
  };
}
const code = async (label: Record<string, string>, extra: Record<string, unknown> = {}) => {
  const r = await researcher.post(`${base}/codes`, { label, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
};

describe('a codeframe per open question', () => {
  it('lists the open questions with their answers', async () => {
    const r = await researcher.get(`/api/surveys/${survey}/coding`);
    expect(r.body.questions).toEqual([
      { id: 'why', text: three('Why?', 'Vì sao?', '为什么？'), answers: 28, codes: 0, coded: 0 },
    ]);
    const frame = await researcher.get(base);
    expect(frame.body).toMatchObject({ total: 28, coded: 0, codes: [], scoreQuestion: { id: 'nps', type: 'nps' } });
    expect((await researcher.get(`/api/surveys/${survey}/coding/nps`)).status).toBe(404);
  });

  it('holds codes in nets, labelled in the survey’s languages, and refuses what cannot be', async () => {
    const staff = await code({ en: 'Staff', vi: 'Nhân viên' }, { isNet: true });
    const friendly = await code({ en: 'Friendly' }, { netId: staff });
    const frame = (await researcher.get(base)).body;
    expect(
      frame.codes.map((c: { label: object; isNet: boolean; netId: string | null }) => [c.label, c.isNet, c.netId]),
    ).toEqual([
      [{ en: 'Staff', vi: 'Nhân viên' }, true, null],
      [{ en: 'Friendly' }, false, staff],
    ]);
    const refused = [
      [{ label: { fr: 'Lent' } }, 'label.fr'],
      [{ label: {} }, 'label'],
      [{ label: { en: 'Sub' }, isNet: true, netId: staff }, 'netId'],
      [{ label: { en: 'Sub' }, netId: friendly }, 'netId'],
      [{ label: { en: 'x'.repeat(201) } }, 'label.en'],
    ] as const;
    for (const [body, path] of refused) {
      const r = await researcher.post(`${base}/codes`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect((await researcher.get(base)).body.codes).toHaveLength(2);
    const renamed = await researcher.patch(`${base}/codes/${friendly}`, {
      label: { en: 'Friendly staff', vi: 'Thân thiện' },
    });
    expect(renamed.body.label).toEqual({ en: 'Friendly staff', vi: 'Thân thiện' });
  });
});

describe('coding answers', () => {
  let slow: string;
  let price: string;

  it('pages the answers with the respondent’s language and score', async () => {
    const page = await answers(researcher);
    expect(page.total).toBe(28);
    expect(page.items[0]).toMatchObject({ text: VIETNAMESE[0], lang: 'vi', score: 3, codes: [] });
    expect(page.items[14]).toMatchObject({ text: CHINESE[0], lang: 'zh-Hans', score: 3 });
    expect((await answers(researcher, '&search=PHỤC VỤ')).total).toBe(3);
    // Pages by offset are slices of the whole list, the last one short, past the end empty.
    const ids = (items: { responseId: number }[]) => items.map((a) => a.responseId);
    const slice = async (offset: number) =>
      (await researcher.get(`${base}/answers?offset=${offset}&limit=10`)).body as typeof page;
    expect(ids((await slice(10)).items)).toEqual(ids(page.items.slice(10, 20)));
    expect(await slice(25)).toMatchObject({ total: 28, offset: 25 });
    expect(ids((await slice(25)).items)).toEqual(ids(page.items.slice(25)));
    expect(await slice(40)).toEqual({ total: 28, offset: 40, items: [] });
    const bad = await researcher.get(`${base}/answers?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('limit');
  });

  it('gives an answer any number of codes, each change undoable', async () => {
    slow = await code({ en: 'Slow' });
    price = await code({ en: 'Price' });
    const first = (await answers(researcher)).items[1];
    const put = await researcher.put(`${base}/answers/${first.responseId}`, { codes: [slow, price, slow] });
    expect(put.body).toEqual({ responseId: first.responseId, codes: [price, slow].sort() });
    expect((await researcher.put(`${base}/answers/${first.responseId}`, { codes: [slow] })).status).toBe(200);
    expect((await answers(researcher)).items[1].codes).toEqual([slow]);
    expect((await researcher.post(`${base}/undo`)).status).toBe(200);
    expect((await answers(researcher)).items[1].codes).toEqual([price, slow].sort());
    expect((await researcher.get(base)).body.coded).toBe(1);
  });

  it('refuses a code not of this frame, a net, an answer not of this question; nothing changes', async () => {
    const first = (await answers(researcher)).items[1];
    const frame = (await researcher.get(base)).body;
    const net = frame.codes.find((c: { isNet: boolean }) => c.isNet).id;
    for (const [codes, path] of [
      [['nope'], 'codes[0]'],
      [[slow, net], 'codes[1]'],
    ] as const) {
      const r = await researcher.put(`${base}/answers/${first.responseId}`, { codes });
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect((await researcher.put(`${base}/answers/999999`, { codes: [slow] })).status).toBe(404);
    expect((await researcher.put(`${base}/answers/abc`, { codes: [slow] })).status).toBe(400);
    expect((await researcher.put(`${base}/answers/${first.responseId}`, { codes: 'slow' })).status).toBe(400);
    expect((await researcher.request('PUT', `${base}/answers/${first.responseId}`, '{"codes":', {})).status).toBe(400);
    expect((await answers(researcher)).items[1].codes).toEqual([price, slow].sort());
  });

  it('assigns a code to every answer matching a search, in one undoable step', async () => {
    const r = await researcher.post(`${base}/bulk`, { codeId: slow, search: 'chậm' });
    // "Nhân viên phục vụ chậm" already had it; "Phục vụ chậm, phải chờ đợi lâu." gets it.
    expect(r.body).toEqual({ matched: 2, added: 1 });
    const coded = (await answers(researcher)).items.filter((a) => a.codes.includes(slow)).map((a) => a.text);
    expect(coded).toEqual([VIETNAMESE[1], VIETNAMESE[5]]);
    await researcher.post(`${base}/undo`);
    expect((await answers(researcher)).items.filter((a) => a.codes.includes(slow)).map((a) => a.text)).toEqual([
      VIETNAMESE[1],
    ]);
    for (const body of [
      { codeId: slow },
      { codeId: slow, search: 'x', themeId: 'vi:giá' },
      { codeId: slow, themeId: 'vi:none' },
    ]) {
      const bad = await researcher.post(`${base}/bulk`, body);
      expect(bad.status).toBe(400);
    }
  });

  it('suggests themes per language and assigns one as a code', async () => {
    const r = await viewer.get(`${base}/themes`);
    expect(r.body.answers).toBe(28);
    expect(r.body.languages.map((l: { language: string }) => l.language).sort()).toEqual(['vi', 'zh-Hans']);
    const zh = r.body.languages.find((l: { language: string }) => l.language === 'zh-Hans');
    const waiter = zh.themes.find((th: { label: string }) => th.label === '服务员');
    expect(waiter.examples[0]).toBe(CHINESE[0]);
    const service = await code({ en: 'Waiter', 'zh-Hans': '服务员' });
    const bulk = await researcher.post(`${base}/bulk`, { codeId: service, themeId: waiter.id });
    expect(bulk.body).toEqual({ matched: waiter.answers, added: waiter.answers });
  });

  it('leaves nothing to undo after undoing everything', async () => {
    for (let i = 0; i < 10; i++) if ((await researcher.post(`${base}/undo`)).status === 409) break;
    const r = await researcher.post(`${base}/undo`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('nothing-to-undo');
  });
});

describe('merging and splitting codes', () => {
  it('keeps every assignment: a merge unites them, a split moves the chosen ones', async () => {
    const a = await code({ en: 'Breakfast' });
    const b = await code({ en: 'Food' });
    const items = (await answers(researcher)).items;
    await researcher.put(`${base}/answers/${items[3].responseId}`, { codes: [a] });
    await researcher.put(`${base}/answers/${items[6].responseId}`, { codes: [b] });
    await researcher.put(`${base}/answers/${items[10].responseId}`, { codes: [a, b] });
    await admin.put(`${base}/answers/${items[6].responseId}`, { codes: [b] });
    const merged = await researcher.post(`${base}/codes/merge`, { from: [b], into: a });
    const kept = merged.body.codes.find((c: { id: string }) => c.id === a);
    expect(kept).toMatchObject({ mine: 3, all: 3 });
    expect(merged.body.codes.some((c: { id: string }) => c.id === b)).toBe(false);
    // The other coder's assignment moved too.
    expect((await answers(admin)).items[6].codes).toEqual([a]);

    const split = await researcher.post(`${base}/codes/${a}/split`, {
      label: { en: 'Breakfast variety' },
      responseIds: [items[10].responseId, items[6].responseId],
    });
    expect(split.status).toBe(201);
    expect(split.body.moved).toBe(3);
    const frame = (await researcher.get(base)).body;
    const byId = new Map(frame.codes.map((c: { id: string; mine: number; all: number }) => [c.id, c]));
    expect(byId.get(a)).toMatchObject({ mine: 1, all: 1 });
    expect(byId.get(split.body.code.id)).toMatchObject({ mine: 2, all: 2 });
    expect((await answers(admin)).items[6].codes).toEqual([split.body.code.id]);

    for (const [body, path] of [
      [{ from: [a], into: a }, 'from[0]'],
      [{ from: ['nope'], into: a }, 'from[0]'],
      [{ from: [a], into: 'nope' }, 'into'],
      [{ from: [], into: a }, 'from'],
    ] as const) {
      const r = await researcher.post(`${base}/codes/merge`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect((await researcher.post(`${base}/codes/${a}/split`, { label: { en: 'x' }, responseIds: [] })).status).toBe(
      400,
    );
    expect((await researcher.post(`${base}/codes/nope/split`, { label: { en: 'x' }, responseIds: [1] })).status).toBe(
      404,
    );
  });
});

describe('two coders, blind', () => {
  it('keep their own codes and get their agreement', async () => {
    const q = await code({ en: 'Queue' });
    // An answer counts as coded once it has a code: answers without the theme get "Other".
    const other = await code({ en: 'Other' });
    const items = (await answers(researcher)).items.slice(0, 10);
    // Krippendorff (2011), example A, on the first ten answers: κ = 1/11, α = 0.095 for this code.
    const one = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const two = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const setCodes = (agent: Agent, marks: number[]) =>
      Promise.all(
        items.map((a, i) => agent.put(`${base}/answers/${a.responseId}`, { codes: marks[i] ? [q] : [other] })),
      );
    await setCodes(researcher, one);
    await setCodes(admin, two);
    const mine = (await answers(researcher)).items.slice(0, 10).map((a) => (a.codes.includes(q) ? 1 : 0));
    expect(mine).toEqual(one);
    const ids = (await researcher.get(base)).body.coders.map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(2);
    const r = await researcher.get(`${base}/agreement?a=${ids[0]}&b=${ids[1]}`);
    const queue = r.body.codes.find((c: { code: string }) => c.code === q);
    expect(r.body.answers).toBe(10);
    expect(queue.kappa).toBeCloseTo(1 / 11, 10);
    expect((await researcher.get(`${base}/agreement?a=${ids[0]}`)).body.error.path).toBe('b');
    expect((await researcher.get(`${base}/agreement?a=${ids[0]}&b=nobody`)).body.error.path).toBe('b');
  });
});

describe('what distinguishes', () => {
  it('reads the caller’s codes by NPS group', async () => {
    const complaints = await code({ en: 'Complaint' });
    const items = (await answers(researcher)).items;
    // Every detractor answer of both languages (the first four of each), and one promoter.
    const chosen = [0, 1, 2, 3, 14, 15, 16, 17, 22].map((k) => items[k].responseId);
    for (const id of chosen) {
      const current = (await answers(researcher)).items.find((a) => a.responseId === id)!.codes;
      await researcher.put(`${base}/answers/${id}`, { codes: [...current, complaints] });
    }
    const r = await viewer.get(`${base}/distinguish?coder=${(await researcher.get('/api/auth/state')).body.user.id}`);
    expect(r.status).toBe(200);
    expect(r.body.groups).toEqual([
      { group: 'detractor', n: 8 },
      { group: 'passive', n: 8 },
      { group: 'promoter', n: 12 },
    ]);
    const row = r.body.codes.find((c: { id: string }) => c.id === complaints);
    expect(row.byGroup.map((g: { mentions: number }) => g.mentions)).toEqual([8, 0, 1]);
    expect(row.test.method).toBe('fisher-exact');
    expect(row.smallBase).toBe(true);
    expect(r.body.labels[complaints]).toEqual({ en: 'Complaint' });
    // A viewer who codes nothing reads the codes of whoever coded most: the researcher.
    const read = await viewer.get(`${base}/distinguish`);
    expect(read.body.codes.find((c: { id: string }) => c.id === complaints).mentions).toBe(9);
    const themes = await viewer.get(`${base}/distinguish?of=themes`);
    expect(themes.body.codes.length).toBeGreaterThan(0);
    expect((await viewer.get(`${base}/distinguish?of=words`)).status).toBe(400);
  });
});

describe('codes as data', () => {
  it('make a coded question a multiple-response cross-tab axis', async () => {
    const frame = (await researcher.get(base)).body as { codes: { id: string; label: Record<string, string> }[] };
    const complaint = frame.codes.find((c) => c.label.en === 'Complaint')!;
    const r = await viewer.get(`/api/surveys/${survey}/report/crosstab?rows=coded:why&columns=nps`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.rows).toMatchObject({ name: 'coded:why', kind: 'multiple', label: 'Why?' });
    expect(r.body.body.map((row: { label: string }) => row.label)).toEqual(frame.codes.map((c) => c.label.en));
    // "Complaint": the 8 detractors (all scored 3) and 1 promoter of 12 (scored 10), as coded above.
    const row = r.body.body.find((x: { value: string }) => x.value === complaint.id);
    const at = (point: string) => row.cells[r.body.columnHeads.findIndex((h: { value: string }) => h.value === point)];
    expect(at('3')).toMatchObject({ count: 8, share: 1 });
    expect(at('10').count).toBe(1);
    expect(at('10').share).toBeCloseTo(1 / 12, 12);
    expect(at('7')).toMatchObject({ count: 0, share: 0 });
    const bad = await viewer.get(`/api/surveys/${survey}/report/crosstab?rows=coded:nps&columns=nps`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('rows');
  });

  it('export a column per code in CSV and XLSX, and an SPSS multiple-response set that PSPP reads', async () => {
    const frame = (await researcher.get(base)).body as {
      codes: { id: string; label: Record<string, string>; isNet: boolean }[];
    };
    const friendlyId = frame.codes.find((c) => c.label.en === 'Friendly staff')!.id;
    const last = (await answers(researcher)).items[27];
    await researcher.put(`${base}/answers/${last.responseId}`, { codes: [...last.codes, friendlyId] });
    const mine = (await answers(researcher)).items;
    expect(mine.filter((a) => a.codes.includes(friendlyId))).toHaveLength(1);
    const csvText = await (
      await t.app.request(`/api/surveys/${survey}/export/responses.csv`, { headers: { cookie: researcher.cookie } })
    ).text();
    const table = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
    // One column per code, in the frame's order, nets named _net: why_net1 (Staff), why_c2 (Friendly staff)…
    const columns = frame.codes.map((c, k) => `why_${c.isNet ? 'net' : 'c'}${k + 1}`);
    for (const name of columns) expect(table.meta.fields).toContain(name);
    // The researcher coded the most answers: the export holds their codes.
    const complaint = frame.codes.findIndex((c) => c.label.en === 'Complaint');
    const byResponse = new Map(table.data.map((r) => [Number(r.response_id), r[columns[complaint]]]));
    expect(mine.map((a) => byResponse.get(a.responseId))).toEqual(
      mine.map((a) => (a.codes.includes(frame.codes[complaint].id) ? '1' : '0')),
    );
    // The Staff net counts an answer with any of its codes.
    const staff = frame.codes.findIndex((c) => c.label.en === 'Staff');
    const friendly = frame.codes.find((c) => c.label.en === 'Friendly staff')!;
    const staffColumn = new Map(table.data.map((r) => [Number(r.response_id), r[columns[staff]]]));
    expect(mine.map((a) => staffColumn.get(a.responseId))).toEqual(
      mine.map((a) => (a.codes.includes(friendly.id) ? '1' : '0')),
    );

    // The XLSX carries the same columns and values as the CSV.
    const xlsx = Buffer.from(
      await (
        await t.app.request(`/api/surveys/${survey}/export/responses.xlsx`, { headers: { cookie: researcher.cookie } })
      ).arrayBuffer(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const head = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    for (const name of columns) expect(head).toContain(name);
    const at = (name: string) => head.indexOf(name) + 1;
    const xlsxComplaint = new Map<number, string>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      xlsxComplaint.set(
        Number(row.getCell(at('response_id')).value),
        String(row.getCell(at(columns[complaint])).value),
      );
    }
    expect(mine.map((a) => xlsxComplaint.get(a.responseId))).toEqual(mine.map((a) => byResponse.get(a.responseId)));

    const sps = await (
      await t.app.request(`/api/surveys/${survey}/export/responses.sps`, { headers: { cookie: researcher.cookie } })
    ).text();
    expect(sps).toContain('/MDGROUP NAME=$why LABEL="Why?"');
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-pspp-'));
    try {
      const file = join(dir, 'export.sps');
      writeFileSync(file, `${sps}\nMRSETS /DISPLAY NAME=ALL.\nFREQUENCIES VARIABLES=${columns[complaint]}.\n`);
      const out = execFileSync('pspp', [file, '-O', 'format=csv', '-o', join(dir, 'out.csv')], { encoding: 'utf8' });
      expect(out).not.toMatch(/error|warning/i);
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'out.csv'), 'utf8')).data;
      const set = csv.find((r) => r[0] === '$why')!;
      expect(set.slice(1, 4)).toEqual(['Why?', 'Dichotomies', '1']);
      expect(set[4].split('\n')).toEqual(columns);
      // FREQUENCIES: the "Yes" row counts the answers with the code (9, as coded above).
      const yes = csv.find((r) => r[0] === 'Valid' && r[1] === 'Yes') ?? csv.find((r) => r[1] === 'Yes')!;
      expect(Number(yes[2])).toBe(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
