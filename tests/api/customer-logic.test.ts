/**
 * Display logic on a customer's tier and segment. The respondent's page never receives either: it
 * gets the survey with those conditions replaced by opaque flags, and an invitation's page the
 * flags that hold for its customer. The test walks the survey as the page does (shared `walk` on
 * what the page received) and as the server does (the submission), on either database, and finds
 * the same questions shown.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { createApp } from '../../server/app';
import { walk } from '../../shared/survey/answers';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let survey: { id: string; slug: string; versionId: number };
let open: (path: string) => Promise<{ status: number; html: string; data: PageData }>;

interface PageData {
  definition: Parameters<typeof walk>[0];
  invitation?: { state: string; hidden: Record<string, string> };
}

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  await r.post('/api/customers/import', {
    csv: 'id,name,email\nC1,Big Buyer,c1@example.com\nC2,Small Buyer,c2@example.com\nC3,Third,c3@example.com\n',
  });
  await r.post('/api/customers/transactions/import', {
    csv: 'customer,date,amount,currency\nC1,2026-11-01,900,EUR\nC2,2026-10-01,20,EUR\nC3,2026-09-01,10,EUR\n',
  });
  const def = smallSurvey();
  def.pages[1].questions.push(
    {
      id: 'perk',
      type: 'text',
      required: true,
      text: { en: 'Which of your VIP benefits do you use most?' },
      visibleIf: { match: 'all', conditions: [{ source: 'customer_tier', op: 'equals', value: 'vip' }] },
    } as never,
    {
      id: 'first',
      type: 'text',
      text: { en: 'What brought you to us?' },
      visibleIf: { match: 'all', conditions: [{ source: 'customer_segment', op: 'notAnswered' }] },
    } as never,
  );
  // The customer fields need no declaring: every survey has them.
  const created = await r.post('/api/surveys', { definition: { ...def, hiddenFields: ['customer_id'] } });
  expect(created.status).toBe(201);
  const published = await r.post(`/api/surveys/${created.body.id}/publish`);
  expect(published.status).toBe(200);
  survey = { id: created.body.id, slug: created.body.slug, versionId: published.body.versions[0].id };
  expect(
    (
      await r.post(`/api/surveys/${survey.id}/invitations/import`, {
        csv: 'email,customer_id\nc1@example.com,C1\nc2@example.com,C2\n',
      })
    ).status,
  ).toBe(201);

  const dir = join(t.config.DATABASE_PATH, '..', 'client');
  mkdirSync(join(dir, 'respondent'), { recursive: true });
  writeFileSync(join(dir, 'respondent', 'index.html'), '<html lang="en"><!--survey-data--><div id="root"></div>');
  const app = createApp({ db: t.db, store: t.store, config: t.config, clock: t.clock, clientDir: dir });
  open = async (path) => {
    const res = await app.request(path);
    const html = await res.text();
    const data = JSON.parse(/<script type="application\/json" id="survey-data">(.*?)<\/script>/s.exec(html)![1]);
    return { status: res.status, html, data };
  };
});
afterEach(() => t.cleanup());

const tokenOf = async (customer: string) =>
  String(
    await t.value(
      'select i.token from invitations i join customers c on c.id = i.customer_id where c.external_id = ?',
      customer,
    ),
  );
const submit = (clientId: string, answers: Record<string, unknown>, extra: Record<string, unknown>) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete: true,
    page: 1,
    answers: { sat: 4, nps: 9, ...answers },
    ...extra,
  });
const shown = (page: { data: PageData }, answers: Record<string, unknown> = {}) => {
  const questions = walk(
    page.data.definition,
    { sat: 4, nps: 9, ...answers },
    page.data.invitation?.hidden ?? {},
  ).questions;
  return ['perk', 'first'].filter((id) => questions.has(id));
};

it("shows the VIP's question to the VIP only, agreeing with the server, without their tier or segment on the page", async () => {
  const stored = await t.rows('select hidden from invitations order by id');
  const [c1Fields, c2Fields] = stored.map((s) => (typeof s.hidden === 'string' ? JSON.parse(s.hidden) : s.hidden));
  expect(c1Fields.customer_tier).toBe('vip');
  expect(c2Fields.customer_tier).not.toBe('vip');

  const vip = await open(`/i/${await tokenOf('C1')}`);
  expect(vip.status).toBe(200);
  // The page holds neither field's name nor value: flags only.
  for (const text of ['customer_tier', 'customer_segment', `"${c1Fields.customer_segment}"`, '"vip"'])
    expect(vip.html).not.toContain(text);
  expect(vip.data.invitation!.hidden).toEqual({
    customer_id: 'C1',
    customer_condition_1: '1',
    customer_condition_2: '1',
  });
  expect(shown(vip)).toEqual(['perk']);
  // The server agrees: the VIP question is required of C1, and kept.
  const token = await tokenOf('C1');
  const missing = await submit('client-vip-1', {}, { invitation: token });
  expect(missing.status).toBe(400);
  expect(missing.body.error.path).toBe('answers.perk');
  expect((await submit('client-vip-1', { perk: 'Late checkout' }, { invitation: token })).body).toEqual({
    status: 'complete',
  });
  const [answers] = await t.rows('select answers from responses');
  expect(JSON.parse(String(answers.answers))).toMatchObject({ perk: 'Late checkout' });

  const other = await open(`/i/${await tokenOf('C2')}`);
  expect(other.data.invitation!.hidden).toEqual({ customer_id: 'C2', customer_condition_2: '1' });
  expect(shown(other)).toEqual([]);
  expect((await submit('client-small-2', {}, { invitation: await tokenOf('C2') })).body).toEqual({
    status: 'complete',
  });
});

it('gives a public link no customer fields, whatever its query string says, on the page and on the server', async () => {
  const page = await open(`/s/${survey.slug}?customer_tier=vip&customer_segment=champions`);
  expect(page.html).not.toContain('customer_tier');
  // Without customer fields the segment is "not answered" on both sides, and the tier matches nothing.
  expect(shown(page)).toEqual(['first']);
  const res = await submit(
    'client-public-3',
    { first: 'A friend' },
    { hidden: { customer_tier: 'vip', customer_segment: 'champions' } },
  );
  expect(res.body).toEqual({ status: 'complete' });
  const [row] = await t.rows('select answers, hidden from responses');
  expect(JSON.parse(String(row.answers))).toMatchObject({ first: 'A friend' });
  const hidden = typeof row.hidden === 'string' ? JSON.parse(row.hidden) : row.hidden;
  expect(hidden).toEqual({});
});
