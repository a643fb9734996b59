import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';
import { DIALECT } from '../../server/db/dialect';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };
let ids: Record<'admin' | 'researcher' | 'viewer' | 'north', string>;

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  await agents.admin.post('/api/users', {
    name: 'North Manager',
    email: 'north@example.com',
    role: 'viewer',
    password: 'password-for-north',
  });
  const users = (await agents.admin.get('/api/users')).body as { id: string; email: string }[];
  const by = (email: string) => users.find((u) => u.email === email)!.id;
  ids = {
    admin: by('ada@example.com'),
    researcher: by('researcher@example.com'),
    viewer: by('viewer@example.com'),
    north: by('north@example.com'),
  };
  const def = { ...smallSurvey(), hiddenFields: ['tier', 'region'] };
  const created = (await agents.researcher.post('/api/surveys', { definition: def })).body;
  const published = (await agents.researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(() => t.cleanup());

let n = 0;
const respond = (
  answers: Record<string, unknown>,
  hidden: Record<string, string> = {},
  complete = true,
  clientId = `client-${++n}`,
) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete,
    answers,
    hidden,
    lang: 'en',
  });
const rule = (over: Record<string, unknown> = {}) => ({
  name: 'Unhappy customer',
  when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
  owner: { kind: 'user', userId: ids.viewer },
  priority: 'high',
  ...over,
});
const addRule = (body: unknown) => agents.researcher.post(`/api/surveys/${survey.id}/alerts/rules`, body);
// Rows in the order they were written: rowid on SQLite, the heap position of rows never updated on PostgreSQL.
const caseRows = () => t.rows(`select * from cases order by ${DIALECT === 'sqlite' ? 'rowid' : 'ctid'}`);

describe('a completed response that meets a rule', () => {
  it("opens exactly one case, for its owner, due after the priority's hours", async () => {
    expect((await addRule(rule())).status).toBe(201);
    const r = await respond({ sat: 2, nps: 3 });
    expect(r.status).toBe(201);
    const rows = await caseRows();
    expect(rows).toHaveLength(1);
    // High priority defaults to 24 hours (DEFAULT_DUE_HOURS); the test clock stands still.
    expect(rows[0]).toMatchObject({
      owner_id: ids.viewer,
      status: 'open',
      priority: 'high',
      opened_at: t.clock.now(),
      due_at: t.clock.now() + 24 * 3_600_000,
    });
    // The same response again (a retry) opens nothing more.
    await respond({ sat: 2, nps: 3 }, {}, true, `client-${n}`);
    expect(await caseRows()).toHaveLength(1);
  });

  it('cannot get a second case for the same rule: the unique index refuses it', async () => {
    await addRule(rule());
    await respond({ sat: 1, nps: 0 });
    const [c] = await caseRows();
    await expect(
      t.rows(
        `insert into cases (id, survey_id, rule_id, rule_name, response_id, status, priority, due_at, opened_at, updated_at)
      values ('dup', ?, ?, 'x', ?, 'open', 'low', 0, 0, 0) returning id`,
        c.survey_id,
        c.rule_id,
        c.response_id,
      ),
    ).rejects.toThrow(/unique/i);
  });

  it('opens none for a response that does not match, a partial one or a preview', async () => {
    await addRule(rule());
    await respond({ sat: 4, nps: 9 });
    await respond({ sat: 1, nps: 0 }, {}, false);
    expect(await caseRows()).toHaveLength(0);
  });

  it('opens a case per matching rule, each read from answers, words in a comment and segment limits', async () => {
    await addRule(rule({ name: 'Detractor', when: { conditions: [{ source: 'nps', op: 'between', max: 6 }] } }));
    await addRule(
      rule({ name: 'Rude', when: { conditions: [{ source: 'why', op: 'contains', words: ['rude', 'dirty'] }] } }),
    );
    await addRule(
      rule({
        name: 'Platinum only',
        when: { conditions: [{ source: 'sat', op: 'between', max: 3 }] },
        segment: [{ source: 'tier', op: 'equals', value: 'Platinum' }],
      }),
    );
    await respond({ sat: 3, nps: 5, why: 'The staff was RUDE.' }, { tier: 'Gold' });
    expect((await caseRows()).map((c) => c.rule_name).sort()).toEqual(['Detractor', 'Rude']);
    // "rudeness" is not the word "rude"; Platinum is in the segment.
    await respond({ sat: 3, nps: 8, why: 'no rudeness at all' }, { tier: 'Platinum' });
    expect((await caseRows()).map((c) => c.rule_name)).toEqual(['Detractor', 'Rude', 'Platinum only']);
  });

  it('stops opening cases once the rule is turned off (the cached rules are dropped on change)', async () => {
    const created = (await addRule(rule())).body;
    await respond({ sat: 1, nps: 0 });
    await agents.researcher.put(`/api/surveys/${survey.id}/alerts/rules/${created.id}`, rule({ enabled: false }));
    await respond({ sat: 1, nps: 0 });
    expect(await caseRows()).toHaveLength(1);
  });
});

describe('routing by a hidden field', () => {
  it("gives the case to the user of the respondent's region, else the fallback", async () => {
    await addRule(
      rule({
        owner: {
          kind: 'route',
          field: 'region',
          routes: [
            { value: 'North', userId: ids.north },
            { value: 'South', userId: ids.researcher },
          ],
          fallbackUserId: ids.admin,
        },
      }),
    );
    await respond({ sat: 1, nps: 2 }, { region: 'north' });
    await respond({ sat: 1, nps: 2 }, { region: 'South' });
    await respond({ sat: 1, nps: 2 }, { region: 'West' });
    expect((await caseRows()).map((c) => c.owner_id)).toEqual([ids.north, ids.researcher, ids.admin]);
  });
});

describe('bad rules are refused, naming the field, and nothing is stored', () => {
  const cases: [string, () => Record<string, unknown>, number, string][] = [
    [
      'an unknown question',
      () => rule({ when: { conditions: [{ source: 'nope', op: 'equals', value: 1 }] } }),
      400,
      'when.conditions[0].source',
    ],
    [
      'contains on a rating',
      () => rule({ when: { conditions: [{ source: 'sat', op: 'contains', words: ['x'] }] } }),
      400,
      'when.conditions[0].source',
    ],
    [
      'an unknown operator',
      () => rule({ when: { conditions: [{ source: 'sat', op: 'below', value: 2 }] } }),
      400,
      'when.conditions[0].op',
    ],
    ['no conditions', () => rule({ when: { conditions: [] } }), 400, 'when.conditions'],
    [
      'a segment on a question',
      () => rule({ segment: [{ source: 'sat', op: 'equals', value: 1 }] }),
      400,
      'segment[0].source',
    ],
    ['an unknown owner', () => rule({ owner: { kind: 'user', userId: 'ghost' } }), 400, 'owner.userId'],
    [
      'routing on an undeclared field',
      () => rule({ owner: { kind: 'route', field: 'city', routes: [{ value: 'x', userId: ids.viewer }] } }),
      400,
      'owner.field',
    ],
    ['a bad priority', () => rule({ priority: 'asap' }), 400, 'priority'],
    ['an empty name', () => rule({ name: ' ' }), 400, 'name'],
  ];
  for (const [what, body, status, path] of cases) {
    it(`refuses ${what}`, async () => {
      const r = await addRule(body());
      expect(r.status).toBe(status);
      expect(r.body.error.path).toBe(path);
      expect(r.body.error.message).toContain(path);
      expect(await t.value('select count(*) from alert_rules')).toBe(0);
    });
  }
  it('refuses a viewer', async () => {
    expect((await agents.viewer.post(`/api/surveys/${survey.id}/alerts/rules`, rule())).status).toBe(403);
  });
});

describe('working a case', () => {
  it('shows the owner the case with labelled answers and hidden fields, counts it unread until opened', async () => {
    await addRule(rule());
    await respond({ sat: 1, nps: 2, visit: 'buy' }, { tier: 'Gold' });
    expect((await agents.viewer.get('/api/cases/unread')).body).toEqual({ unread: 1 });
    const list = (await agents.viewer.get('/api/cases?status=active')).body;
    expect(list.cases).toHaveLength(1);
    expect(list.cases[0]).toMatchObject({
      unread: true,
      ruleName: 'Unhappy customer',
      surveyTitle: 'Store visit',
      owner: { id: ids.viewer, name: 'viewer' },
    });
    const detail = (await agents.viewer.get(`/api/cases/${list.cases[0].id}`)).body;
    expect(detail.response.answers).toContainEqual({
      questionId: 'visit',
      question: 'Why did you visit?',
      code: 'buy',
      label: 'To buy',
    });
    expect(detail.response.hidden).toEqual({ tier: 'Gold' });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    expect((await agents.viewer.get('/api/cases/unread')).body).toEqual({ unread: 0 });
  });

  it('records notes and status changes with who made them, and the resolution time', async () => {
    await addRule(rule());
    await respond({ sat: 1, nps: 2 });
    const id = (await agents.viewer.get('/api/cases')).body.cases[0].id;
    expect((await agents.viewer.post(`/api/cases/${id}/notes`, { text: 'Called, apologised.' })).status).toBe(201);
    t.clock.advance(3_600_000);
    const resolved = (await agents.viewer.patch(`/api/cases/${id}`, { status: 'resolved' })).body;
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedAt).toBe(t.clock.now());
    expect(resolved.events.map((e: { kind: string; user: string | null }) => [e.kind, e.user])).toEqual([
      ['opened', null],
      ['note', 'viewer'],
      ['status', 'viewer'],
    ]);
    expect(resolved.events[2].data).toEqual({ from: 'open', to: 'resolved' });
  });

  it("keeps other managers' cases out of sight and lets only researchers reassign", async () => {
    await addRule(rule({ owner: { kind: 'user', userId: ids.north } }));
    await respond({ sat: 1, nps: 2 });
    const id = (await agents.researcher.get('/api/cases')).body.cases[0].id;
    expect((await agents.viewer.get('/api/cases')).body.cases).toEqual([]);
    expect((await agents.viewer.get(`/api/cases/${id}`)).status).toBe(404);
    const north = new Agent(t.app);
    await north.post('/api/auth/login', { email: 'north@example.com', password: 'password-for-north' });
    expect((await north.patch(`/api/cases/${id}`, { ownerId: ids.viewer })).status).toBe(403);
    const moved = await agents.researcher.patch(`/api/cases/${id}`, { ownerId: ids.viewer });
    expect(moved.body.owner).toEqual({ id: ids.viewer, name: 'viewer' });
    expect((await agents.viewer.get('/api/cases/unread')).body).toEqual({ unread: 1 });
    // Researchers get the people who own cases, to filter the inbox by any of them; managers don't.
    const all = (await agents.researcher.get('/api/cases')).body;
    expect(all.owners).toEqual([{ id: ids.viewer, name: 'viewer' }]);
    expect(
      (await agents.researcher.get(`/api/cases?owner=${ids.viewer}`)).body.cases.map((c: { id: string }) => c.id),
    ).toEqual([id]);
    expect((await agents.researcher.get(`/api/cases?owner=${ids.north}`)).body.cases).toEqual([]);
    expect((await agents.viewer.get('/api/cases')).body.owners).toEqual([]);
  });

  it('filters by status, owner and overdue', async () => {
    await addRule(rule({ priority: 'urgent' }));
    await respond({ sat: 1, nps: 2 });
    await respond({ sat: 2, nps: 2 });
    const [a] = (await agents.researcher.get('/api/cases')).body.cases;
    await agents.researcher.patch(`/api/cases/${a.id}`, { status: 'closed' });
    expect(
      (await agents.researcher.get('/api/cases?status=closed')).body.cases.map((c: { id: string }) => c.id),
    ).toEqual([a.id]);
    expect((await agents.researcher.get('/api/cases?owner=none')).body.cases).toEqual([]);
    expect((await agents.researcher.get('/api/cases?overdue=1')).body.cases).toEqual([]);
    // Urgent cases are due in 4 hours (DEFAULT_DUE_HOURS); five hours on, the open one is overdue.
    t.clock.advance(5 * 3_600_000);
    const overdue = (await agents.researcher.get('/api/cases?overdue=1')).body;
    expect(overdue.cases).toHaveLength(1);
    expect(overdue.counts).toMatchObject({ open: 1, closed: 1, overdue: 1 });
    const bad = await agents.researcher.get('/api/cases?status=done');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('status');
  });

  it('refuses a bad change naming the field and leaves the case as it was', async () => {
    await addRule(rule());
    await respond({ sat: 1, nps: 2 });
    const id = (await agents.viewer.get('/api/cases')).body.cases[0].id;
    const r = await agents.viewer.patch(`/api/cases/${id}`, { status: 'done' });
    expect(r.status).toBe(400);
    expect(r.body.error.path).toBe('status');
    const note = await agents.viewer.post(`/api/cases/${id}/notes`, { text: '' });
    expect(note.body.error.path).toBe('text');
    expect((await agents.viewer.get(`/api/cases/${id}`)).body).toMatchObject({
      status: 'open',
      events: [{ kind: 'opened' }],
    });
  });
});

describe('contact details on a case', () => {
  it('are shown to the owner and researchers when the respondent consented, never among the answers', async () => {
    const def = smallSurvey();
    def.pages[1].questions.push({
      id: 'contact',
      type: 'contact',
      text: { en: 'May we call you?' },
      consent: { en: 'Yes, contact me' },
    } as never);
    const saved = await agents.researcher.put(`/api/surveys/${survey.id}/draft`, {
      definition: { ...def, hiddenFields: ['tier', 'region'] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const published = (await agents.researcher.post(`/api/surveys/${survey.id}/publish`)).body;
    survey.versionId = Math.max(...published.versions.map((x: { id: number }) => x.id));
    await addRule(rule());
    const r = await respond({ sat: 1, nps: 2, contact: { name: 'Ann', email: 'ann@example.com', consent: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Details without consent are refused at collection (shared/survey/research-answers.ts), so this one leaves none.
    await respond({ sat: 1, nps: 2 });
    const list = (await agents.viewer.get('/api/cases')).body.cases;
    const details = await Promise.all(list.map((c: { id: string }) => agents.viewer.get(`/api/cases/${c.id}`)));
    const contacts = details.map((d) => d.body.contact).sort((a, b) => (a ? 0 : 1) - (b ? 0 : 1));
    expect(contacts).toEqual([{ name: 'Ann', email: 'ann@example.com' }, null]);
    const asResearcher = await agents.researcher.get(`/api/cases/${details.find((d) => d.body.contact)!.body.id}`);
    expect(asResearcher.body.contact).toEqual({ name: 'Ann', email: 'ann@example.com' });
    // Contact answers never appear among the labelled answers.
    expect(
      details.every((d) => d.body.response.answers.every((a: { questionId: string }) => a.questionId !== 'contact')),
    ).toBe(true);
  });
});
