import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../server/app';
import { startWorkers } from '../../server/workers';
import { backoffMs, outboxOf, SWEEP_MS } from '../../server/alerts/outbox';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';

/** A webhook receiver on 127.0.0.1 answering with the given statuses in turn (then 200). */
function receiver(statuses: number[] = []) {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end('ok');
    });
  });
  return new Promise<{ url: string; got: typeof got; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/hook`, got, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let survey: { id: string; slug: string; versionId: number };
let hook: Awaited<ReturnType<typeof receiver>> | null = null;

beforeEach(async () => {
  t = makeTestApp({ WEBHOOK_ALLOW_PRIVATE: '1' });
  ({ researcher, viewer } = await signedInAgents(t.app));
  const created = (
    await researcher.post('/api/surveys', { definition: { ...smallSurvey(), hiddenFields: ['region'] } })
  ).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
  await researcher.post(`/api/surveys/${survey.id}/alerts/rules`, {
    name: 'Detractor',
    when: { conditions: [{ source: 'nps', op: 'between', max: 6 }] },
  });
});
afterEach(async () => {
  await outboxOf(t.store)?.stop();
  await hook?.close();
  hook = null;
  await t.cleanup();
});

const respond = async (app: ReturnType<typeof createApp>, answers: Record<string, unknown>, clientId: string) => {
  const r = await new Agent(app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId: `client-${clientId}`,
    versionId: survey.versionId,
    complete: true,
    answers,
    hidden: { region: 'North' },
    lang: 'en',
  });
  expect(r.status).toBe(201);
};
const addHook = async (events: string[]) => {
  const r = await researcher.post(`/api/surveys/${survey.id}/webhooks`, { url: hook!.url, events });
  expect(r.status).toBe(201);
  return r.body as { webhook: { id: string }; secret: string };
};
const expectedSignature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('webhooks', () => {
  it('post a case to a receiver on 127.0.0.1 with a correct HMAC-SHA256 signature and a delivery id', async () => {
    hook = await receiver();
    const { secret, webhook } = await addHook(['case.opened']);
    await respond(t.app, { sat: 2, nps: 3, visit: 'look' }, 'c1');
    await outboxOf(t.store)!.drain();
    expect(hook.got).toHaveLength(1);
    const { headers, body } = hook.got[0];
    expect(headers['x-yardstick-signature']).toBe(expectedSignature(secret, body));
    expect(headers['x-yardstick-event']).toBe('case.opened');
    const payload = JSON.parse(body);
    expect(headers['x-yardstick-delivery']).toBe(payload.deliveryId);
    expect(payload).toMatchObject({
      event: 'case.opened',
      survey: { id: survey.id, title: 'Store visit' },
      case: { status: 'open', rule: { name: 'Detractor' } },
    });
    expect(payload.response.hidden).toEqual({ region: 'North' });
    expect(payload.response.answers).toContainEqual({
      questionId: 'visit',
      question: 'Why did you visit?',
      code: 'look',
      label: 'To look',
    });
    const log = (await researcher.get(`/api/surveys/${survey.id}/webhooks/${webhook.id}/deliveries`)).body;
    expect(log).toMatchObject([
      { id: payload.deliveryId, status: 'delivered', attempts: 1, log: [{ statusCode: 200, error: null }] },
    ]);
    // The secret is shown once: listing webhooks never returns it; viewers don't see receivers at all.
    const listed = (await researcher.get(`/api/surveys/${survey.id}/alerts`)).body;
    expect(listed.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await viewer.get(`/api/surveys/${survey.id}/alerts`)).body.webhooks).toEqual([]);
  });

  it('retry a receiver that fails twice with back-off, and the third try delivers the same signed body', async () => {
    hook = await receiver([500, 503]);
    const { secret, webhook } = await addHook(['case.opened']);
    await respond(t.app, { sat: 2, nps: 3 }, 'c1');
    const outbox = outboxOf(t.store)!;
    await outbox.drain();
    expect(hook.got).toHaveLength(1);
    // Not due yet: the retry waits backoffMs(1) on the injected clock.
    t.clock.advance(backoffMs(1) - 1);
    await outbox.drain();
    expect(hook.got).toHaveLength(1);
    t.clock.advance(1);
    await outbox.drain();
    t.clock.advance(backoffMs(2));
    await outbox.drain();
    expect(hook.got).toHaveLength(3);
    expect(new Set(hook.got.map((g) => g.body)).size).toBe(1);
    expect(new Set(hook.got.map((g) => g.headers['x-yardstick-delivery'])).size).toBe(1);
    expect(hook.got[2].headers['x-yardstick-signature']).toBe(expectedSignature(secret, hook.got[2].body));
    const [d] = (await researcher.get(`/api/surveys/${survey.id}/webhooks/${webhook.id}/deliveries`)).body;
    expect(d).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(d.log.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error])).toEqual([
      [500, 'HTTP 500'],
      [503, 'HTTP 503'],
      [200, null],
    ]);
  });

  it('still deliver after a restart between a failed try and the retry (the outbox is in the database)', async () => {
    hook = await receiver([500]);
    const { secret } = await addHook(['case.opened']);
    await respond(t.app, { sat: 2, nps: 3 }, 'c1');
    await outboxOf(t.store)!.drain();
    expect(hook.got).toHaveLength(1);
    // Stop the worker, as the server does on SIGTERM; the next start has connections of its own.
    await outboxOf(t.store)!.stop();
    const restarted = t.anotherNodeDeps();
    t.clock.advance(backoffMs(1));
    startWorkers(restarted);
    try {
      await outboxOf(restarted.store)!.drain();
      expect(hook.got).toHaveLength(2);
      expect(hook.got[1].body).toBe(hook.got[0].body);
      expect(hook.got[1].headers['x-yardstick-signature']).toBe(expectedSignature(secret, hook.got[1].body));
      expect(await t.rows('select status, attempts from outbox')).toEqual([{ status: 'delivered', attempts: 2 }]);
    } finally {
      await outboxOf(restarted.store)?.stop();
    }
  });

  it('send every completed response with labels and codes to an integration URL', async () => {
    hook = await receiver();
    await addHook(['response.completed']);
    await respond(t.app, { sat: 5, nps: 10, visit: 'buy' }, 'c1');
    await respond(t.app, { sat: 4, nps: 9 }, 'c2');
    await outboxOf(t.store)!.drain();
    // Both are due at once and sent side by side, so they may arrive in either order.
    const bodies = hook.got.map((g) => JSON.parse(g.body));
    expect(bodies.map((b) => b.event)).toEqual(['response.completed', 'response.completed']);
    const first = bodies.find((b) => b.response.answers.some((a: { questionId: string }) => a.questionId === 'visit'));
    expect(first.response.answers).toContainEqual({
      questionId: 'visit',
      question: 'Why did you visit?',
      code: 'buy',
      label: 'To buy',
    });
    expect(first.response.answers).toContainEqual({
      questionId: 'sat',
      question: 'How satisfied are you?',
      code: 5,
      label: '5 / 5',
    });
  });

  it('tell case.updated receivers of a note and a status change, with who made them', async () => {
    hook = await receiver();
    await addHook(['case.updated']);
    await respond(t.app, { sat: 1, nps: 0 }, 'c1');
    const id = (await researcher.get('/api/cases')).body.cases[0].id;
    await researcher.post(`/api/cases/${id}/notes`, { text: 'Called back' });
    await researcher.patch(`/api/cases/${id}`, { status: 'resolved' });
    await outboxOf(t.store)!.drain();
    // Both are due at once and sent side by side, so they may arrive in either order.
    const bodies = hook.got.map((g) => JSON.parse(g.body)).sort((a, b) => a.change.kind.localeCompare(b.change.kind));
    expect(bodies.map((b) => [b.event, b.change.kind, b.change.by, b.case.status])).toEqual([
      ['case.updated', 'note', 'researcher', 'open'],
      ['case.updated', 'status', 'researcher', 'resolved'],
    ]);
    expect(bodies[0].change.data).toEqual({ text: 'Called back' });
  });

  it('send a signed ping on request, and redeliver a given-up delivery with the same id', async () => {
    hook = await receiver([500]);
    const { secret, webhook } = await addHook(['case.opened']);
    const ping = await researcher.post(`/api/surveys/${survey.id}/webhooks/${webhook.id}/ping`);
    expect(ping.status).toBe(202);
    await outboxOf(t.store)!.drain();
    expect(JSON.parse(hook.got[0].body)).toMatchObject({ event: 'ping', deliveryId: ping.body.id });
    // The first try failed (500); redelivering sends it now rather than after the back-off.
    const again = await researcher.post(
      `/api/surveys/${survey.id}/webhooks/${webhook.id}/deliveries/${ping.body.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    await outboxOf(t.store)!.drain();
    expect(hook.got).toHaveLength(2);
    expect(hook.got[1].headers['x-yardstick-delivery']).toBe(ping.body.id);
    expect(hook.got[1].headers['x-yardstick-signature']).toBe(expectedSignature(secret, hook.got[1].body));
    const unknown = await researcher.post(`/api/surveys/${survey.id}/webhooks/${webhook.id}/deliveries/nope/redeliver`);
    expect(unknown.status).toBe(404);
  });

  it('escalate a case still open at its due time, once, to case.overdue receivers and in its history', async () => {
    hook = await receiver();
    await addHook(['case.overdue']);
    await researcher.put(
      `/api/surveys/${survey.id}/alerts/rules/${(await researcher.get(`/api/surveys/${survey.id}/alerts`)).body.rules[0].id}`,
      { name: 'Detractor', priority: 'urgent', when: { conditions: [{ source: 'nps', op: 'between', max: 6 }] } },
    );
    await respond(t.app, { sat: 2, nps: 3 }, 'c1');
    const outbox = outboxOf(t.store)!;
    // Urgent: due in 4 hours (DEFAULT_DUE_HOURS); overdue only once past that moment.
    t.clock.advance(4 * 3_600_000);
    await outbox.drain();
    expect(hook.got).toHaveLength(0);
    // Overdue cases are looked for every SWEEP_MS (by the same clock); the next look escalates it.
    t.clock.advance(SWEEP_MS);
    await outbox.drain();
    t.clock.advance(SWEEP_MS);
    await outbox.drain();
    expect(hook.got.map((g) => JSON.parse(g.body))).toMatchObject([
      { event: 'case.overdue', case: { status: 'open', priority: 'urgent' }, change: { kind: 'escalated' } },
    ]);
    const id = (await researcher.get('/api/cases')).body.cases[0].id;
    expect((await researcher.get(`/api/cases/${id}`)).body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'escalated',
    ]);
  });

  it('sign with the new secret after a rotation', async () => {
    hook = await receiver();
    const { webhook } = await addHook(['case.opened']);
    const rotated = (await researcher.post(`/api/surveys/${survey.id}/webhooks/${webhook.id}/rotate`)).body;
    await respond(t.app, { sat: 1, nps: 0 }, 'c1');
    await outboxOf(t.store)!.drain();
    expect(hook.got[0].headers['x-yardstick-signature']).toBe(expectedSignature(rotated.secret, hook.got[0].body));
  });

  it('refuse a bad URL or event list naming the field, storing nothing', async () => {
    const bad = [
      [{ url: 'ftp://example.com/x', events: ['case.opened'] }, 'url'],
      [{ url: 'not a url', events: ['case.opened'] }, 'url'],
      [{ url: 'https://example.com/x', events: [] }, 'events'],
      [{ url: 'https://example.com/x', events: ['case.deleted'] }, 'events[0]'],
    ] as const;
    for (const [body, path] of bad) {
      const r = await researcher.post(`/api/surveys/${survey.id}/webhooks`, body);
      expect(r.status).toBe(400);
      expect(r.body.error.path).toBe(path);
    }
    expect(await t.value('select count(*) from webhooks')).toBe(0);
  });
});

describe("webhooks into the server's own network", () => {
  // A fresh app without WEBHOOK_ALLOW_PRIVATE: the default of an install.
  let own: ReturnType<typeof makeTestApp>;
  let admin: Agent;
  beforeEach(async () => {
    own = makeTestApp();
    admin = (await signedInAgents(own.app)).researcher;
  });
  afterEach(async () => {
    await outboxOf(own.store)?.stop();
    await own.cleanup();
  });
  const newSurvey = async () => {
    const created = (await admin.post('/api/surveys', { definition: smallSurvey() })).body;
    const published = (await admin.post(`/api/surveys/${created.id}/publish`)).body;
    return { id: created.id as string, slug: created.slug as string, versionId: published.versions[0].id as number };
  };

  it('are refused by address when made or changed, naming the url and the setting that allows them', async () => {
    const s = await newSurvey();
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest',
      'http://192.168.0.10/x',
      'http://[::ffff:127.0.0.1]/x',
    ]) {
      const r = await admin.post(`/api/surveys/${s.id}/webhooks`, { url, events: ['case.opened'] });
      expect(r.status, url).toBe(400);
      expect(r.body.error.path).toBe('url');
      expect(r.body.error.message).toMatch(/WEBHOOK_ALLOW_PRIVATE=1/);
      // The app words it from the code and host; the setting's name is for the administrator.
      expect(r.body.error).toMatchObject({
        code: 'webhook-address',
        params: { reason: 'internal', host: new URL(url).hostname },
      });
    }
    expect(await own.value('select count(*) from webhooks')).toBe(0);
    // A name is only resolved when sending: made here, refused there if it leads inside.
    const made = await admin.post(`/api/surveys/${s.id}/webhooks`, {
      url: 'https://hooks.example.com/yardstick',
      events: ['case.opened'],
    });
    expect(made.status).toBe(201);
    const moved = await admin.patch(`/api/surveys/${s.id}/webhooks/${made.body.webhook.id}`, {
      url: 'http://127.0.0.1:8080/',
    });
    expect(moved.status).toBe(400);
    expect(await own.value('select url from webhooks')).toBe('https://hooks.example.com/yardstick');
  });

  it('are not sent when a name resolves to a loopback address, and the attempt says why', async () => {
    const s = await newSurvey();
    const rec = await receiver();
    try {
      const made = await admin.post(`/api/surveys/${s.id}/webhooks`, {
        url: 'https://hooks.example.com/yardstick',
        events: ['response.completed'],
      });
      // As if DNS now pointed the name here: "localhost" resolves to loopback without any network.
      await own.rows('update webhooks set url = ? returning id', rec.url.replace('127.0.0.1', 'localhost'));
      const r = await new Agent(own.app).post(`/api/public/s/${s.slug}/responses`, {
        clientId: 'client-ssrf-1',
        versionId: s.versionId,
        complete: true,
        answers: { sat: 4, nps: 9 },
      });
      expect(r.status).toBe(201);
      await outboxOf(own.store)!.drain();
      expect(rec.got).toHaveLength(0);
      const [d] = (await admin.get(`/api/surveys/${s.id}/webhooks/${made.body.webhook.id}/deliveries`)).body;
      expect(d.log[0].error).toMatch(/localhost resolves to .*loopback, private or reserved/);
    } finally {
      await rec.close();
    }
  });

  it('leave the outbox once finished and older than OUTBOX_RETENTION_DAYS, attempts and all', async () => {
    const s = await newSurvey();
    await admin.post(`/api/surveys/${s.id}/webhooks`, {
      url: 'https://hooks.example.com/never',
      events: ['response.completed'],
    });
    await own.rows(`update webhooks set url = 'http://[::1]:9/never' returning id`);
    await new Agent(own.app).post(`/api/public/s/${s.slug}/responses`, {
      clientId: 'client-prune-1',
      versionId: s.versionId,
      complete: true,
      answers: { sat: 4, nps: 9 },
    });
    const outbox = outboxOf(own.store)!;
    await outbox.drain();
    // Give up on it: every retry fails on the address check.
    for (let k = 0; k < 12; k++) {
      own.clock.advance(86_400_000);
      await outbox.drain();
    }
    const count = async () => [
      await own.value('select count(*) from outbox'),
      await own.value('select count(*) from outbox_attempts'),
    ];
    expect(await own.value('select status from outbox')).toBe('failed');
    expect(await count()).toEqual([1, 9]);
    // 90 days (the default) after it was written, the next sweep deletes it.
    own.clock.advance(80 * 86_400_000);
    await outbox.drain();
    expect(await count()).toEqual([0, 0]);
  });
});
