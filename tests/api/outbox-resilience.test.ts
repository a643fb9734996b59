/** The outbox worker keeps going whatever one delivery does: no failure stops it or undoes another's outcome. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../server/alerts/outbox-queue';
import { outboxOf } from '../../server/alerts/outbox';
import { makeTestApp, signedInAgents, smallSurvey, Agent } from '../support/api';
import { DIALECT } from '../../server/db/dialect';

/** A receiver on 127.0.0.1 that answers 200, or holds each request until `release()` when `held`. */
function receiver(held = false) {
  const got: string[] = [];
  const waiting: (() => void)[] = [];
  let arrived: () => void = () => {};
  const first = new Promise<void>((r) => {
    arrived = r;
  });
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push(body);
      arrived();
      if (held) waiting.push(() => res.writeHead(200).end('ok'));
      else res.writeHead(200).end('ok');
    });
  });
  return new Promise<{
    url: string;
    got: string[];
    first: Promise<void>;
    release: () => void;
    close: () => Promise<void>;
  }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        got,
        first,
        release: () =>
          waiting.splice(0).forEach((f) => {
            f();
          }),
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let survey: { id: string; slug: string; versionId: number };
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];

beforeEach(async () => {
  t = makeTestApp({ WEBHOOK_ALLOW_PRIVATE: '1' });
  ({ researcher } = await signedInAgents(t.app));
  const created = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  const published = (await researcher.post(`/api/surveys/${created.id}/publish`)).body;
  survey = { id: created.id, slug: created.slug, versionId: published.versions[0].id };
});
afterEach(async () => {
  await outboxOf(t.store)?.stop();
  for (const r of receivers.splice(0)) await r.close();
  await t.cleanup();
});

const addHook = async (url: string) => {
  const r = await researcher.post(`/api/surveys/${survey.id}/webhooks`, { url, events: ['response.completed'] });
  expect(r.status).toBe(201);
  return r.body.webhook.id as string;
};
const complete = (clientId: string) =>
  new Agent(t.app).post(`/api/public/s/${survey.slug}/responses`, {
    clientId,
    versionId: survey.versionId,
    complete: true,
    answers: { sat: 4, nps: 9, visit: 'buy', why: 'ok' },
  });
const outboxRows = () =>
  t.rows(
    'select id, webhook_id as "webhookId", status, attempts, last_error as "lastError" from outbox order by created_at, id',
  );

describe('the outbox worker', () => {
  it('survives a webhook deleted while its delivery is in flight: the other deliveries of the batch keep their outcome and the next pass is scheduled', async () => {
    const slow = await receiver(true);
    const fast = await receiver();
    receivers.push(slow, fast);
    const doomed = await addHook(slow.url);
    const kept = await addHook(fast.url);

    expect((await complete('client-0001')).status).toBe(201);
    // The worker starts on its own after the commit; wait until the slow receiver holds its request.
    await slow.first;
    const pass = outboxOf(t.store)!.drain();
    expect((await researcher.delete(`/api/surveys/${survey.id}/webhooks/${doomed}`)).status).toBe(204);
    slow.release();
    await pass;

    // The kept webhook's delivery is recorded as delivered, once, not rolled back with the other.
    expect(fast.got).toHaveLength(1);
    const rows = await outboxRows();
    expect(rows).toEqual([
      { id: expect.any(String), webhookId: kept, status: 'delivered', attempts: 1, lastError: null },
    ]);
    const log = (await researcher.get(`/api/surveys/${survey.id}/webhooks/${kept}/deliveries`)).body;
    expect(log).toMatchObject([{ status: 'delivered', attempts: 1, log: [{ statusCode: 200, error: null }] }]);
    expect(outboxOf(t.store)!.nextPassAt).not.toBeNull();

    // And it keeps delivering what comes next.
    expect((await complete('client-0002')).status).toBe(201);
    await outboxOf(t.store)!.drain();
    expect(fast.got).toHaveLength(2);
    expect((await outboxRows()).map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });

  it('gives up at once on a delivery whose webhook is gone, instead of retrying it for hours', async () => {
    // A webhook message with no webhook left to send to (as after a deletion that kept the row).
    await t.store.transaction((tx) =>
      enqueue(tx, {
        kind: 'webhook',
        surveyId: survey.id,
        event: 'response.completed',
        body: '{}',
        now: t.clock.now(),
      }),
    );
    await outboxOf(t.store)!.drain();
    expect(await outboxRows()).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'the webhook was deleted' }]);
    expect(outboxOf(t.store)!.nextPassAt).not.toBeNull();
  });

  it('schedules the next pass even when writing an outcome fails', async () => {
    const fast = await receiver();
    receivers.push(fast);
    await addHook(fast.url);
    // The attempt log refuses every write, as the foreign key did for a deleted delivery: a trigger
    // in each database's own language.
    await t.exec(
      DIALECT === 'pg'
        ? `create function refuse_log() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$;
          create trigger refuse_log before insert on outbox_attempts for each row execute function refuse_log()`
        : `create trigger refuse_log before insert on outbox_attempts begin select raise(abort, 'refused'); end`,
    );
    expect((await complete('client-0001')).status).toBe(201);
    await outboxOf(t.store)!.drain();
    expect(fast.got).toHaveLength(1);
    // Not delivered on record, not retried in a tight loop within the pass, and another pass is on its way.
    expect(await outboxRows()).toMatchObject([{ status: 'pending', attempts: 0 }]);
    expect(outboxOf(t.store)!.nextPassAt).not.toBeNull();
    await t.exec(DIALECT === 'pg' ? 'drop trigger refuse_log on outbox_attempts' : 'drop trigger refuse_log');
    await outboxOf(t.store)!.drain();
    expect(await outboxRows()).toMatchObject([{ status: 'delivered', attempts: 1 }]);
    expect(fast.got).toHaveLength(2);
  });
});
