/**
 * A codeframe's codes at work: their words in alert rules (a new answer matching a coded theme
 * opens a case, in Chinese and Vietnamese), the coding screen's code filter, undo of changes to
 * the codes with assignments restored exactly, and one codeframe shared by two open questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };
let base: string;

const three = (en: string, vi: string, zh: string) => ({ en, vi, 'zh-Hans': zh });
let sent = 0;
const respond = async (lang: string, answers: Record<string, unknown>) => {
  const r = await new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId: `client-${++sent}`,
    versionId: survey.versionId,
    complete: true,
    lang,
    answers,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.responseId as number | undefined;
};

const ANSWERS: [string, string, number][] = [
  ['zh-Hans', '前台服务态度很差，等了半个小时', 2],
  ['zh-Hans', '房间很干净，早餐也不错', 9],
  ['zh-Hans', '服务态度差，再也不来了', 1],
  ['vi', 'Nhân viên lễ tân thái độ kém, chờ rất lâu', 3],
  ['vi', 'Phòng sạch sẽ, bữa sáng ngon', 10],
  ['vi', 'Thái độ phục vụ kém quá', 2],
  ['en', 'Rude staff at the desk', 2],
  ['en', 'Lovely view', 9],
];

beforeAll(async () => {
  t = makeTestApp();
  ({ researcher, viewer } = await signedInAgents(t.app));
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
            { id: 'better', type: 'text', text: three('Improve?', 'Cải thiện?', '改进？'), maxLength: 500 },
          ],
        },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await researcher.post(`/api/surveys/${created.body.id}/publish`);
  survey = { id: created.body.id, slug: created.body.slug, versionId: published.body.versions[0].id };
  for (const [lang, why, nps] of ANSWERS) await respond(lang, { nps, why, better: why });
  base = `/api/surveys/${survey.id}/coding/why`;
});
afterAll(() => t.cleanup());

const code = async (label: Record<string, string>, extra: Record<string, unknown> = {}, at = base) => {
  const r = await researcher.post(`${at}/codes`, { label, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; words: string[] };
};
const frame = async (at = base) => (await researcher.get(at)).body;
async function answers(query = '', at = base) {
  const r = await researcher.get(`${at}/answers?limit=500${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { total: number; items: { responseId: number; text: string; codes: string[] }[] };
}
/** The response ids of the answers, in the order given. */
const idsOf = async (texts: string[], at = base) => {
  const items = (await answers('', at)).items;
  return texts.map((text) => items.find((a) => a.text === text)!.responseId);
};
/** Every assignment, as comparable rows: frame, code, response, coder. */
const assignments = async () =>
  (
    await t.rows(
      'select frame_id, code_id, response_id, coder_id, at from coding_assignments order by frame_id, code_id, response_id',
    )
  ).map((r) => ({
    frame_id: String(r.frame_id),
    code_id: String(r.code_id),
    response_id: Number(r.response_id),
    coder_id: String(r.coder_id),
    at: Number(r.at),
  }));
const codes = async () =>
  (await t.rows('select id, label, words, is_net, net_id, position from coding_codes order by id')).map((r) => ({
    ...r,
    label: typeof r.label === 'string' ? JSON.parse(r.label) : r.label,
    words: typeof r.words === 'string' ? JSON.parse(r.words) : r.words,
    is_net: Boolean(r.is_net),
  }));

describe('alert rules on a coded theme', () => {
  let attitude: { id: string; words: string[] };
  let staff: { id: string };
  const caseCount = async () => Number(await t.value('select count(*) from cases'));

  it('keeps a code’s words, as a theme accepted as a code brings them', async () => {
    staff = await code({ en: 'Staff' }, { isNet: true });
    attitude = await code(
      { en: 'Bad attitude', 'zh-Hans': '服务态度差' },
      { netId: staff.id, words: ['服务态度', '态度差', 'thái độ kém', 'rude', 'RUDE', 'rude'] },
    );
    expect(attitude.words).toEqual(['服务态度', '态度差', 'thái độ kém', 'rude']);
    const refused = await researcher.post(`${base}/codes`, { label: { en: 'x' }, words: [''] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.path).toBe('words[0]');
  });

  it('opens a case for a new answer with the code’s words, Chinese and Vietnamese alike, and for its net', async () => {
    const before = await caseCount();
    const made = await researcher.post(`/api/surveys/${survey.id}/alerts/rules`, {
      name: 'Attitude',
      when: { conditions: [{ source: 'why', op: 'matchesCode', code: attitude.id }] },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const net = await researcher.post(`/api/surveys/${survey.id}/alerts/rules`, {
      name: 'Staff',
      when: { conditions: [{ source: 'why', op: 'matchesCode', code: staff.id }] },
    });
    expect(net.status, JSON.stringify(net.body)).toBe(201);
    await respond('zh-Hans', { nps: 1, why: '前台的服务态度让人失望' });
    await respond('vi', { nps: 2, why: 'Lễ tân có thái độ kém với khách' });
    // "kém" alone, or the words run together inside another word, is not the phrase.
    await respond('vi', { nps: 8, why: 'Giá hơi kém hấp dẫn' });
    await respond('en', { nps: 9, why: 'Not rudeness, just busy' });
    const rows = await t.rows('select c.rule_name, r.answers from cases c join responses r on r.id = c.response_id');
    const opened = rows
      .map((r) => `${r.rule_name}: ${(typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers).why}`)
      .sort();
    expect(opened).toEqual([
      'Attitude: Lễ tân có thái độ kém với khách',
      'Attitude: 前台的服务态度让人失望',
      'Staff: Lễ tân có thái độ kém với khách',
      'Staff: 前台的服务态度让人失望',
    ]);
    expect(await caseCount()).toBe(before + 4);
  });

  it('reads the code’s words as they are when the answer comes: changed words count from the next answer', async () => {
    const before = await caseCount();
    const changed = await researcher.patch(`${base}/codes/${attitude.id}`, { words: ['chậm'] });
    expect(changed.status).toBe(200);
    await respond('vi', { nps: 2, why: 'Thái độ kém' });
    await respond('vi', { nps: 2, why: 'Check-in rất chậm' });
    // Only the second answer matches, under both rules (the code's and its net's).
    expect(await caseCount()).toBe(before + 2);
    expect((await researcher.post(`${base}/codes/undo`)).status).toBe(200);
    expect((await frame()).codes.find((c: { id: string }) => c.id === attitude.id).words).toContain('thái độ kém');
  });

  it('is refused when the code is not in the question’s codeframe or has no words, naming the field', async () => {
    const bare = await code({ en: 'Other' });
    const cases: [unknown, string][] = [
      [{ source: 'why', op: 'matchesCode', code: 'nope' }, 'when.conditions[0].code'],
      [{ source: 'why', op: 'matchesCode', code: bare.id }, 'when.conditions[0].code'],
      [{ source: 'better', op: 'matchesCode', code: attitude.id }, 'when.conditions[0].code'],
      [{ source: 'nps', op: 'matchesCode', code: attitude.id }, 'when.conditions[0].source'],
      [{ source: 'why', op: 'matchesCode' }, 'when.conditions[0].code'],
    ];
    const stored = await t.value('select count(*) from alert_rules');
    for (const [condition, path] of cases) {
      const r = await researcher.post(`/api/surveys/${survey.id}/alerts/rules`, {
        name: 'x',
        when: { conditions: [condition] },
      });
      expect(r.status, JSON.stringify(condition)).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect(await t.value('select count(*) from alert_rules')).toBe(stored);
    expect((await researcher.delete(`${base}/codes/${bare.id}`)).status).toBe(204);
  });

  it('opens no case once the code is deleted, and again once the delete is undone', async () => {
    const before = await caseCount();
    expect((await researcher.delete(`${base}/codes/${attitude.id}`)).status).toBe(204);
    await respond('zh-Hans', { nps: 1, why: '服务态度差' });
    expect(await caseCount()).toBe(before);
    expect((await researcher.post(`${base}/codes/undo`)).body).toMatchObject({ kind: 'delete' });
    await respond('zh-Hans', { nps: 1, why: '态度差' });
    expect(await caseCount()).toBe(before + 2);
    const rules = (await researcher.get(`/api/surveys/${survey.id}/alerts`)).body.rules as { id: string }[];
    for (const r of rules)
      expect((await researcher.delete(`/api/surveys/${survey.id}/alerts/rules/${r.id}`)).status).toBe(204);
  });
});

describe('the answers given a code', () => {
  it('lists only the answers the caller gave the code, or any code of a net', async () => {
    const { codes: list } = await frame();
    const attitude = list.find((c: { label: { en: string } }) => c.label.en === 'Bad attitude');
    const net = list.find((c: { isNet: boolean }) => c.isNet);
    const [a, b] = await idsOf(['服务态度差，再也不来了', 'Thái độ phục vụ kém quá']);
    for (const id of [a, b])
      expect((await researcher.put(`${base}/answers/${id}`, { codes: [attitude.id] })).status).toBe(200);
    const given = await answers(`&code=${attitude.id}`);
    expect(given.total).toBe(2);
    expect(given.items.map((x) => x.responseId).sort()).toEqual([a, b].sort());
    expect((await answers(`&code=${net.id}`)).total).toBe(2);
    expect((await answers(`&code=${attitude.id}&search=thái`)).total).toBe(1);
    // Another coder gave it nothing.
    expect((await viewer.get(`${base}/answers?code=${attitude.id}`)).body.total).toBe(0);
    const bad = await researcher.get(`${base}/answers?code=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('code');
  });
});

describe('undo of changes to the codes', () => {
  it('puts back a rename, a move into a net, a merge, a split and a delete, assignments exactly', async () => {
    const [p, q, r] = await idsOf(['Rude staff at the desk', 'Lovely view', 'Phòng sạch sẽ, bữa sáng ngon']);
    const slow = await code({ en: 'Slow' }, { words: ['slow'] });
    const wait = await code({ en: 'Waiting' });
    const net = await code({ en: 'Service' }, { isNet: true });
    await researcher.put(`${base}/answers/${p}`, { codes: [slow.id, wait.id] });
    await researcher.put(`${base}/answers/${q}`, { codes: [wait.id] });
    await researcher.put(`${base}/answers/${r}`, { codes: [slow.id] });
    const start = { codes: await codes(), assignments: await assignments() };
    const undo = async (kind: string) => {
      const res = await researcher.post(`${base}/codes/undo`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.kind).toBe(kind);
      expect(await codes()).toEqual(start.codes);
      expect(await assignments()).toEqual(start.assignments);
    };

    await researcher.patch(`${base}/codes/${slow.id}`, { label: { en: 'Slow service' } });
    expect((await frame()).lastEdit).toMatchObject({ kind: 'rename', label: { en: 'Slow' } });
    await undo('rename');

    await researcher.patch(`${base}/codes/${slow.id}`, { netId: net.id });
    await undo('move');

    await researcher.post(`${base}/codes/merge`, { from: [wait.id], into: slow.id });
    expect((await assignments()).filter((a) => a.code_id === wait.id)).toEqual([]);
    await undo('merge');

    const split = await researcher.post(`${base}/codes/${slow.id}/split`, {
      label: { en: 'Slow check-in' },
      responseIds: [r],
    });
    expect(split.body.moved).toBe(1);
    await undo('split');

    await researcher.delete(`${base}/codes/${net.id}`);
    await undo('delete');
    await researcher.delete(`${base}/codes/${wait.id}`);
    expect((await assignments()).filter((a) => a.code_id === wait.id)).toEqual([]);
    await undo('delete');
  });

  it('undoes several changes newest first, survives a reload, and says when nothing is left', async () => {
    const a = await code({ en: 'A' });
    await researcher.patch(`${base}/codes/${a.id}`, { label: { en: 'B' } });
    await researcher.patch(`${base}/codes/${a.id}`, { label: { en: 'C' } });
    expect((await frame()).lastEdit).toMatchObject({ kind: 'rename', label: { en: 'B' } });
    await researcher.post(`${base}/codes/undo`);
    await researcher.post(`${base}/codes/undo`);
    expect((await frame()).codes.find((c: { id: string }) => c.id === a.id).label).toEqual({ en: 'A' });
    for (let i = 0; i < 40; i++) if ((await researcher.post(`${base}/codes/undo`)).status === 409) break;
    const none = await researcher.post(`${base}/codes/undo`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('nothing-to-undo');
    expect((await frame()).lastEdit).toBeNull();
    expect((await viewer.post(`${base}/codes/undo`)).status).toBe(403);
  });
});

describe('one codeframe shared by two open questions', () => {
  const other = () => `/api/surveys/${survey.id}/coding/better`;

  it('gives the second question the first one’s codes, coded apart per question', async () => {
    const shared = await researcher.put(`${other()}/share`, { from: 'why' });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body.sharedBy).toEqual(['better', 'why']);
    const mine = (await frame()).codes.map((c: { id: string }) => c.id);
    expect(shared.body.codes.map((c: { id: string }) => c.id)).toEqual(mine);
    expect((await frame()).sharedBy).toEqual(['better', 'why']);

    // The same response, coded with the same code in both questions: two assignments, one per question.
    const slow = (await frame()).codes.find((c: { label: { en?: string } }) => c.label.en === 'Slow');
    const [id] = await idsOf(['Lovely view']);
    const [sameId] = await idsOf(['Lovely view'], other());
    expect(sameId).toBe(id);
    const before = await answers(`&code=${slow.id}`);
    expect((await researcher.put(`${other()}/answers/${id}`, { codes: [slow.id] })).status).toBe(200);
    expect(await answers(`&code=${slow.id}`)).toEqual(before);
    expect((await answers(`&code=${slow.id}`, other())).total).toBe(1);
    expect((await answers(`&code=${slow.id}`)).items.map((a) => a.responseId)).not.toContain(id);
    const byFrame = await t.rows(
      'select frame_id from coding_assignments where code_id = ? and response_id = ?',
      slow.id,
      id,
    );
    expect(byFrame).toHaveLength(1);
    // The distinguishing table and agreement read each question's own assignments.
    const dist = await researcher.get(`${other()}/distinguish`);
    expect(dist.status).toBe(200);
    expect(dist.body.codes.find((x: { id: string }) => x.id === slow.id).mentions).toBe(1);

    // A code added from either question is the other's too; a rename shows in both.
    const added = await code({ en: 'Noise' }, {}, other());
    expect((await frame()).codes.map((c: { id: string }) => c.id)).toContain(added.id);
    await researcher.patch(`${base}/codes/${added.id}`, { label: { en: 'Noisy room' } });
    expect((await frame(other())).codes.find((c: { id: string }) => c.id === added.id).label).toEqual({
      en: 'Noisy room',
    });
    // Undo reaches the shared codes' latest change from either question.
    expect((await researcher.post(`${other()}/codes/undo`)).body).toMatchObject({ kind: 'rename' });
  });

  it('merges across both questions, and refuses to share or unshare over codes or coded answers', async () => {
    const list = (await frame()).codes;
    const slow = list.find((c: { label: { en?: string } }) => c.label.en === 'Slow');
    const noise = list.find((c: { label: { en?: string } }) => c.label.en === 'Noise');
    const [id] = await idsOf(['Lovely view']);
    await researcher.put(`${other()}/answers/${id}`, { codes: [noise.id] });
    await researcher.post(`${base}/codes/merge`, { from: [noise.id], into: slow.id });
    expect((await answers(`&code=${slow.id}`, other())).items.map((a) => a.responseId)).toEqual([id]);

    const unshare = await researcher.put(`${other()}/share`, { from: null });
    expect(unshare.status).toBe(409);
    expect(unshare.body.error.code).toBe('frame-in-use');
    const lend = await researcher.put(`${base}/share`, { from: 'better' });
    expect(lend.status).toBe(409);
    for (const [body, path] of [
      [{ from: 'nps' }, 'from'],
      [{ from: 'better' }, 'from'],
      [{}, 'from'],
    ] as const) {
      const r = await researcher.put(`${other()}/share`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    await researcher.put(`${other()}/answers/${id}`, { codes: [] });
    const alone = await researcher.put(`${other()}/share`, { from: null });
    expect(alone.status, JSON.stringify(alone.body)).toBe(200);
    expect(alone.body.codes).toEqual([]);
    expect(alone.body.sharedBy).toEqual([]);
    expect((await researcher.put(`${other()}/share`, { from: 'why' })).status).toBe(200);
  });
});
