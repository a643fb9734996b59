/**
 * Two nodes on one database, each running its outbox worker and its mailings: every delivery and
 * every invitation is sent once, whichever node takes it, and what a node that died was sending
 * is sent by the other once its lease has passed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELIVERY_HEADER, LEASE_MS, outboxOf, startOutbox, SWEEP_MS } from '../../server/alerts/outbox';
import { MAIL_LEASE_MS, mailingsOf, runJob } from '../../server/collect/mail';
import { DIALECT } from '../../server/db/dialect';
import { makeTestApp, signedInAgents, smallSurvey, type Agent } from '../support/api';

vi.setConfig({ testTimeout: 60_000 });

/** A receiver on 127.0.0.1 that counts each delivery id it is sent, answering after a little while. */
async function receiver() {
  const seen = new Map<string, number>();
  const server = createServer((req, res) => {
    const id = String(req.headers[DELIVERY_HEADER.toLowerCase()]);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    req.resume();
    // Slow enough that both workers are sending at once.
    req.on('end', () => setTimeout(() => res.writeHead(200).end('ok'), 5));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** An SMTP server on 127.0.0.1 that keeps every recipient it is sent. */
async function mailbox() {
  const to: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      stream.resume();
      stream.on('end', () => {
        to.push(...session.envelope.rcptTo.map((r) => r.address));
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    to,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

let t: ReturnType<typeof makeTestApp>;
let b: ReturnType<typeof t.anotherNodeDeps>;
let researcher: Agent;
let surveyId: string;
let versionId: number;
const closers: (() => Promise<void>)[] = [];

async function setUp(env: Record<string, string> = {}) {
  t = makeTestApp({ WEBHOOK_ALLOW_PRIVATE: '1', ...env });
  b = t.anotherNodeDeps();
  startOutbox(b);
  ({ researcher } = await signedInAgents(t.app));
  surveyId = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body.id;
  const published = await researcher.post(`/api/surveys/${surveyId}/publish`);
  expect(published.status).toBe(200);
  versionId = published.body.versions[0].id;
}
afterEach(async () => {
  await outboxOf(b.store)?.stop();
  await t.cleanup();
  for (const close of closers.splice(0)) await close();
});

const bothDrain = () => Promise.all([outboxOf(t.store)!.drain(), outboxOf(b.store)!.drain()]);

describe(`two nodes' outbox workers on one ${DIALECT} database`, () => {
  beforeEach(() => setUp());

  it('deliver each of sixty deliveries exactly once, both sending at once', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    const made = await researcher.post(`/api/surveys/${surveyId}/webhooks`, { url: hook.url, events: ['case.opened'] });
    const path = `/api/surveys/${surveyId}/webhooks/${made.body.webhook.id}/ping`;
    // Each ping writes a delivery and wakes both workers, which race to claim it.
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await researcher.post(path)).body.id);
    await bothDrain();
    await bothDrain();
    expect([...hook.seen.keys()].sort()).toEqual([...ids].sort());
    expect([...hook.seen.values()].every((n) => n === 1)).toBe(true);
    expect(await t.rows('select status, attempts, count(*) as n from outbox group by status, attempts')).toEqual([
      { status: 'delivered', attempts: 1, n: 60 },
    ]);
  });

  it('leave a delivery claimed by a node that died mid-send alone until its lease passes, then the other sends it once', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    await outboxOf(t.store)!.stop();
    const made = await researcher.post(`/api/surveys/${surveyId}/webhooks`, { url: hook.url, events: ['case.opened'] });
    // What a node killed while sending leaves behind: its claim on the row, with a lease running.
    await outboxOf(b.store)!.stop();
    const ping = await researcher.post(`/api/surveys/${surveyId}/webhooks/${made.body.webhook.id}/ping`);
    await t.rows(
      `update outbox set lease_until = ?, claimed_by = 'the-node-that-died' where id = ? returning id`,
      t.clock.now() + LEASE_MS,
      ping.body.id,
    );
    const survivor = startOutbox(t.anotherNodeDeps());
    try {
      await survivor.drain();
      expect(hook.seen.size).toBe(0);
      t.clock.advance(LEASE_MS - 1);
      await survivor.drain();
      expect(hook.seen.size).toBe(0);
      t.clock.advance(1);
      await survivor.drain();
      expect([...hook.seen]).toEqual([[ping.body.id, 1]]);
      expect(await t.rows('select status, attempts, claimed_by as "claimedBy" from outbox')).toEqual([
        { status: 'delivered', attempts: 1, claimedBy: null },
      ]);
    } finally {
      await survivor.stop();
    }
  });
});

describe(`two nodes' escalation sweeps on one ${DIALECT} database`, () => {
  beforeEach(() => setUp());

  it('escalate an overdue case once, however many nodes sweep at the same moment', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    await researcher.post(`/api/surveys/${surveyId}/webhooks`, { url: hook.url, events: ['case.overdue'] });
    // An open case whose due time has passed, as a completed response's rule opened it.
    const now = t.clock.now();
    const [response] = await t.rows(
      `insert into responses (survey_id, version_id, client_id, status, answers, started_at, updated_at, completed_at)
        values (?, ?, 'client-overdue', 'complete', '{"sat":1,"nps":0}', ?, ?, ?) returning id`,
      surveyId,
      versionId,
      now,
      now,
      now,
    );
    await t.rows(
      `insert into cases (id, survey_id, rule_name, response_id, status, priority, due_at, opened_at, updated_at)
        values ('overdue-case', ?, 'Detractor', ?, 'open', 'high', ?, ?, ?) returning id`,
      surveyId,
      response.id,
      now + 1000,
      now,
      now,
    );
    t.clock.advance(SWEEP_MS);
    await bothDrain();
    await bothDrain();
    expect([...hook.seen.values()]).toEqual([1]);
    expect(
      await t.value(`select count(*) from case_events where case_id = 'overdue-case' and kind = 'escalated'`),
    ).toBe(1);
    expect(await t.value(`select count(*) from outbox where event = 'case.overdue'`)).toBe(1);
  });
});

describe(`two nodes' mailings on one ${DIALECT} database`, () => {
  let box: Awaited<ReturnType<typeof mailbox>>;
  beforeEach(async () => {
    box = await mailbox();
    closers.push(box.close);
    await setUp({ SMTP_URL: box.url, PUBLIC_URL: 'https://survey.example.com' });
  });

  const contacts = (n: number) =>
    `email\n${Array.from({ length: n }, (_, i) => `guest-${String(i).padStart(2, '0')}@example.com`).join('\n')}\n`;
  const job = async () => (await researcher.get(`/api/surveys/${surveyId}/mail`)).body.jobs[0];

  it('mail each of forty contacts once while both nodes send the same mailing', async () => {
    expect((await researcher.post(`/api/surveys/${surveyId}/invitations/import`, { csv: contacts(40) })).status).toBe(
      201,
    );
    const started = await researcher.post(`/api/surveys/${surveyId}/mail`, { kind: 'invitation' });
    expect(started.status).toBe(202);
    void runJob(b, started.body.id);
    await Promise.all([mailingsOf(t.store), mailingsOf(b.store)]);
    expect(box.to).toHaveLength(40);
    expect(new Set(box.to).size).toBe(40);
    expect(await job()).toMatchObject({ status: 'done', total: 40, sent: 40, failed: 0 });
  });

  it("send the contact a dead node was mailing once its lease has passed, from the survivor's sweep, and only then finish", async () => {
    await researcher.post(`/api/surveys/${surveyId}/invitations/import`, { csv: contacts(3) });
    // Node A was killed while mailing guest-00: its job still runs, and its claim on that contact holds.
    await outboxOf(t.store)!.stop();
    await t.rows(
      `insert into mail_jobs (id, survey_id, kind, status, total, sent, created_at) values ('left-over', ?, 'invitation', 'running', 3, 0, 0) returning id`,
      surveyId,
    );
    await t.rows(`update invitations set job_id = 'left-over' returning id`);
    await t.rows(
      `update invitations set lease_until = ? where email = 'guest-00@example.com' returning id`,
      t.clock.now() + MAIL_LEASE_MS,
    );
    const survivor = outboxOf(b.store)!;
    // Node B's next sweep finds the mailing and sends what nobody holds.
    t.clock.advance(SWEEP_MS);
    await survivor.drain();
    await mailingsOf(b.store);
    expect(box.to.sort()).toEqual(['guest-01@example.com', 'guest-02@example.com']);
    expect(await job()).toMatchObject({ status: 'running', sent: 2 });
    // Once the dead node's lease has passed, a sweep sends that contact too, and the mailing is done.
    t.clock.advance(MAIL_LEASE_MS);
    await survivor.drain();
    await mailingsOf(b.store);
    expect(box.to.sort()).toEqual(['guest-00@example.com', 'guest-01@example.com', 'guest-02@example.com']);
    expect(await job()).toMatchObject({ id: 'left-over', status: 'done', total: 3, sent: 3, failed: 0 });
  });
});
