/**
 * Several nodes for real: two server processes on different ports sharing one PostgreSQL database,
 * as behind a load balancer with nothing sticky. A session made on one is used on the other, the
 * last place of a quota cell is raced for from both, a node is killed with SIGKILL in the middle of
 * a load while the other goes on serving and delivering webhooks, and the report read on one node
 * counts what the other stored.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pgTestDatabase } from '../support/pg-database';
import { firstAdmin, HttpAgent, publishedSurvey } from '../support/http-agent';
import { startServerProcess } from '../support/process';
import { basePlan, quotaSurvey, tierCells, tierVariable } from '../support/plan';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

/** How long a claimed delivery stays with the node that claimed it before another may retry it. */
const LEASE_SECONDS = 5;

let database: ReturnType<typeof pgTestDatabase>;
const nodes: { child: ChildProcess; base: string }[] = [];

async function startNode() {
  const node = await startServerProcess({
    DATABASE_URL: database.url,
    WEBHOOK_ALLOW_PRIVATE: '1',
    OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
  });
  const started = { child: node.child, base: `http://127.0.0.1:${node.port}` };
  nodes.push(started);
  return started;
}

beforeAll(async () => {
  database = pgTestDatabase();
});
afterAll(async () => {
  for (const n of nodes) n.child.kill('SIGKILL');
  await database.drop();
});

/**
 * A webhook receiver on 127.0.0.1 that answers each delivery after `delayMs`, so that deliveries
 * are in flight when a node is killed. It tells apart a delivery it answered from one whose sender
 * went away before the answer.
 */
function receiver(delayMs: number) {
  const answered = new Map<string, number>();
  const answeredAt = new Map<string, number[]>();
  const cutOff = new Set<string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const id = String(req.headers['x-yardstick-delivery']);
    req.resume();
    req.on('end', () => {
      setTimeout(() => {
        if (res.destroyed || req.socket.destroyed) {
          cutOff.add(id);
          return;
        }
        res.end('ok', () => {
          answered.set(id, (answered.get(id) ?? 0) + 1);
          answeredAt.set(id, [...(answeredAt.get(id) ?? []), Date.now()]);
        });
      }, delayMs);
    });
  });
  return new Promise<{
    url: string;
    answered: Map<string, number>;
    answeredAt: Map<string, number[]>;
    cutOff: Set<string>;
    close: () => void;
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/hook`, answered, answeredAt, cutOff, close: () => server.close() });
    }),
  );
}

const completion = (versionId: number, clientId: string, tier: string) => ({
  clientId,
  versionId,
  complete: true,
  answers: { staff: 'no', sat: 4, region: 'north' },
  hidden: { tier },
});

const submit = (base: string, slug: string, body: unknown) =>
  fetch(`${base}/api/public/s/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('two server processes on one PostgreSQL database', () => {
  let a: Awaited<ReturnType<typeof startNode>>;
  let b: Awaited<ReturnType<typeof startNode>>;
  let admin: HttpAgent;

  beforeAll(async () => {
    // Started together: one applies the migrations, the other waits for it and finds none left.
    [a, b] = await Promise.all([startNode(), startNode()]);
    admin = await firstAdmin(a.base);
  });

  it('honour on node B a session and CSRF token made on node A', async () => {
    const onB = admin.on(b.base);
    expect((await onB.get('/api/auth/state')).body.user.email).toBe('ada@example.com');
    const created = await onB.post('/api/surveys', { definition: quotaSurvey() });
    expect(created.status).toBe(201);
    expect((await admin.get(`/api/surveys/${created.body.id}`)).status).toBe(200);
  });

  it('give a quota cell’s last place to exactly one of 100 racers split over both nodes, five times', async () => {
    for (let round = 0; round < 5; round++) {
      const slug = `race-${round}`;
      const survey = await publishedSurvey(admin, quotaSurvey(), slug);
      // Platinum holds one complete: the racers all want it.
      const plan = basePlan({
        quotas: { variables: [tierVariable()], method: 'proportional', cells: tierCells([1, 2, 3, 4]) },
      });
      expect((await admin.on(b.base).put(`/api/surveys/${survey.id}/plan`, { plan })).status).toBe(200);
      const answers = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const r = await submit(
            i % 2 ? b.base : a.base,
            slug,
            completion(survey.versionId, `race-${round}-${i}`, 'platinum'),
          );
          const answer = (await r.json()) as { status?: string; error?: { code: string } };
          return answer.status ?? answer.error?.code;
        }),
      );
      expect(
        answers.filter((s) => s === 'complete'),
        JSON.stringify(answers.slice(0, 3)),
      ).toHaveLength(1);
      expect(answers.filter((s) => s === 'over-quota')).toHaveLength(99);
      expect(
        await database.value(
          "select count(*) from responses where survey_id = ? and status = 'complete' and quota_cell = 'platinum'",
          survey.id,
        ),
      ).toBe(1);
    }
  });

  it('keep every acknowledged response and deliver every webhook once when a node is killed mid-load', async () => {
    const hook = await receiver(150);
    try {
      const survey = await publishedSurvey(admin, quotaSurvey(), 'kill');
      const created = await admin.post(`/api/surveys/${survey.id}/webhooks`, {
        url: hook.url,
        events: ['response.completed'],
      });
      expect(created.status).toBe(201);
      // Node B's report is read once before, so its columns are built and must be brought up to date.
      expect((await admin.on(b.base).get(`/api/surveys/${survey.id}/report`)).body.completes).toBe(0);

      const acknowledged = new Set<string>();
      let killed = false;
      const send = async (base: string, worker: number) => {
        for (let i = 0; i < 400; i++) {
          const clientId = `kill-${worker}-${i}`;
          try {
            const r = await submit(base, 'kill', completion(survey.versionId, clientId, 'lead'));
            if (r.status === 201 || r.status === 200) acknowledged.add(clientId);
          } catch {
            if (base === a.base && killed) return; // node A is gone
            throw new Error(`node ${base} stopped answering`);
          }
        }
      };
      const load = Promise.all([
        ...[0, 1, 2, 3].map((w) => send(a.base, w)),
        ...[4, 5, 6, 7].map((w) => send(b.base, w)),
      ]);
      while (hook.answered.size < 50) await new Promise((r) => setTimeout(r, 20));
      killed = true;
      const killedAt = Date.now();
      a.child.kill('SIGKILL');
      await load;

      const stored = new Set(
        (
          await database.rows("select client_id from responses where survey_id = ? and status = 'complete'", survey.id)
        ).map((r) => String(r.client_id)),
      );
      for (const id of acknowledged) expect(stored.has(id)).toBe(true);

      // Every delivery the outbox holds arrives, claimed by the surviving node after node A's lease.
      const ids = async () =>
        (await database.rows('select id, status from outbox where survey_id = ?', survey.id)) as {
          id: string;
          status: string;
        }[];
      expect((await ids()).length).toBe(stored.size);
      const deadline = Date.now() + 60_000;
      while ((await ids()).some((r) => r.status !== 'delivered') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      const outbox = await ids();
      expect(outbox.filter((r) => r.status !== 'delivered')).toEqual([]);
      for (const { id } of outbox) expect(hook.answered.get(id), id).toBeGreaterThanOrEqual(1);
      // Twice only for a delivery node A had sent, and not yet recorded, when it died: sent again
      // by node B once A's lease ran out, so after the kill. A has at most one batch claimed (20).
      // Two live nodes never sent one delivery twice.
      const twice = [...hook.answered].filter(([, n]) => n > 1).map(([id]) => id);
      expect(twice.length).toBeLessThanOrEqual(20);
      for (const id of twice) expect(hook.answeredAt.get(id)![1]).toBeGreaterThan(killedAt);
      expect([...hook.answered.values()].filter((n) => n > 2)).toEqual([]);

      // Node B's report counts what node A stored before it died.
      const report = await admin.on(b.base).get(`/api/surveys/${survey.id}/report`);
      expect(report.body.completes).toBe(stored.size);
    } finally {
      hook.close();
    }
  });
});
