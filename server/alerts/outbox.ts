/**
 * The outbox worker: sends webhook posts and owner e-mails written by the transaction that caused
 * them, after its commit. Every attempt is logged; a failure is retried with exponential back-off;
 * rows still pending when the process stops are picked up at the next start. Every node runs one:
 * a worker claims the rows it sends (`FOR UPDATE SKIP LOCKED` on PostgreSQL, the IMMEDIATE
 * transaction on SQLite) with a lease, so no two attempt a row at once, and a row claimed by a
 * node that died mid-send is taken by another once the lease has passed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Deps } from '../http/context';
import { outbox, outboxAttempts, webhooks } from '../db/tables';
import { claimable, forUpdate, q, type Sql, type Store, type Work } from '../db/store';
import { caseMailFacts, renderCaseMail } from './email';
import { escalateOverdue } from './escalation';
import { onEnqueue } from './outbox-queue';
import { assertPublicLiteral, publicOnlyLookup } from './webhook-address';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { errorFields, log } from '../ops/log';
import { smtpTransport } from '../ops/smtp';
import { resumeMailJobs } from '../collect/mail';

/** Attempts before a delivery is given up as failed (the last retry comes ~2 h after the first try). */
export const MAX_ATTEMPTS = 9;
/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … */
export const backoffMs = (attempts: number) => 30_000 * 2 ** (attempts - 1);
const TIMEOUT_MS = 10_000;
// The longest wait between passes: retries due later are checked again, and overdue cases escalated.
const POLL_MS = 60_000;
/** Overdue cases are looked for at most this often (by the deps clock). */
export const SWEEP_MS = 30_000;

export const SIGNATURE_HEADER = 'X-Yardstick-Signature';
export const DELIVERY_HEADER = 'X-Yardstick-Delivery';
export const EVENT_HEADER = 'X-Yardstick-Event';

/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes. */
export const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * How long a claim holds: longer than any attempt takes (a webhook post gives up after
 * TIMEOUT_MS), and short enough that a node's death delays its rows by little more than this.
 */
export const LEASE_MS = 120_000;
/** Rows a worker claims at once. */
const BATCH = 20;

type Row = {
  id: string;
  kind: 'webhook' | 'email';
  webhookId: string | null;
  recipient: string | null;
  event: string;
  body: string;
  attempts: number;
};
/** `giveUp`: retrying cannot help (the webhook is gone), so the delivery fails at once. */
type Result = { statusCode: number | null; error: string | null; giveUp?: boolean };
type Outcome = Result & { durationMs: number };

const unclaimed = (now: number) => or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now));

/** Claims up to BATCH rows due by `now` that no live claim holds, for `worker` until `now + LEASE_MS`. */
function* claimDue(tx: Sql, worker: string, now: number, skip: Set<string>): Work<Row[]> {
  const due = yield* q(
    claimable(
      tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), unclaimed(now)))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(BATCH + skip.size),
    ),
  );
  const ids = due.map((d) => d.id).filter((id) => !skip.has(id));
  if (ids.length === 0) return [];
  return yield* q(
    tx
      .update(outbox)
      .set({ leaseUntil: now + LEASE_MS, claimedBy: worker })
      .where(inArray(outbox.id, ids.slice(0, BATCH)))
      .returning({
        id: outbox.id,
        kind: outbox.kind,
        webhookId: outbox.webhookId,
        recipient: outbox.recipient,
        event: outbox.event,
        body: outbox.body,
        attempts: outbox.attempts,
      }),
  );
}

/** Writes an attempt's outcome and ends the claim, if the claim is still `worker`'s. */
function* record(tx: Sql, worker: string, r: Row, result: Outcome, now: number): Work<void> {
  const mine = and(eq(outbox.id, r.id), eq(outbox.claimedBy, worker));
  // Deleted while in flight (its webhook was deleted, and the delivery with it), or claimed by
  // another node after the lease passed: nothing to record here.
  const [held] = yield* q(forUpdate(tx.select({ id: outbox.id }).from(outbox).where(mine)));
  if (!held) return;
  const { statusCode, error, durationMs } = result;
  yield* q(tx.insert(outboxAttempts).values({ outboxId: r.id, at: now, statusCode, error, durationMs }));
  const released = { leaseUntil: null, claimedBy: null };
  if (error === null) {
    yield* q(
      tx
        .update(outbox)
        .set({ ...released, status: 'delivered', attempts: r.attempts + 1, deliveredAt: now, lastError: null })
        .where(mine),
    );
    return;
  }
  const attempts = r.attempts + 1;
  const failed = attempts >= MAX_ATTEMPTS || result.giveUp === true;
  yield* q(
    tx
      .update(outbox)
      .set({
        ...released,
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: error,
        nextAttemptAt: failed ? now : now + backoffMs(attempts),
      })
      .where(mine),
  );
}

/** When the next pending row may be taken: its due time, or the end of the claim that holds it. */
function* nextDue(db: Sql): Work<number | null> {
  const [row] = yield* q(
    db
      .select({
        at: sql<
          number | null
        >`min(case when ${outbox.leaseUntil} > ${outbox.nextAttemptAt} then ${outbox.leaseUntil} else ${outbox.nextAttemptAt} end)`.mapWith(
          Number,
        ),
      })
      .from(outbox)
      .where(eq(outbox.status, 'pending')),
  );
  return row?.at ?? null;
}

/** Why the store answered with an error: closed under the worker (a process or a test shutting down). */
const closedUnder = (e: unknown) =>
  e instanceof Error && /database connection is not open|Cannot use a pool after calling end/.test(e.message);

export class OutboxWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Unregisters the worker from the outbox's wake-ups (outbox-queue.ts). */
  unwake: (() => void) | null = null;
  private sweptAt = -Infinity;
  /** This worker's name on the rows it claims. */
  readonly id = randomBytes(9).toString('base64url');
  readonly store: Store;

  constructor(readonly deps: Deps & { store: Store }) {
    this.store = deps.store;
  }

  /** Looks for due rows soon (after the current transaction has committed). */
  kick() {
    if (this.stopped) return;
    setImmediate(() => void this.drain());
  }

  /** Sends everything due now; resolves when nothing due is left (tests await it). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop()
      .catch((e) => {
        // A closed database (the process or a test shutting down) ends the loop quietly.
        if (!this.stopped && !closedUnder(e)) log.error('outbox pass failed', errorFields(e));
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Stops taking new rows and waits for the attempts in flight; pending rows stay for the next start. */
  async stop() {
    this.stopped = true;
    this.unwake?.();
    if (this.timer) clearTimeout(this.timer);
    this.nextPassAt = null;
    await this.running;
  }

  /**
   * One pass. Whatever fails inside it (a delivery, the escalation sweep), the next pass is
   * scheduled: a stopped worker would leave every retry and escalation waiting for a new event.
   */
  private async loop() {
    // Rows whose outcome could not be written: not picked again until the next scheduled pass.
    const stuck = new Set<string>();
    do {
      // Asked for again while this pass or its scheduling ran (a row written meanwhile): one more pass.
      this.again = false;
      try {
        await this.pass(stuck);
      } finally {
        await this.schedule();
      }
    } while (this.again && !this.stopped);
  }

  private async pass(stuck: Set<string>) {
    const { clock } = this.deps;
    const store = this.store;
    // Not on every pass: a busy survey kicks the worker per completion, and this scans active cases.
    if (clock.now() - this.sweptAt >= SWEEP_MS) {
      const now = (this.sweptAt = clock.now());
      await this.guarded('escalating overdue cases', () => store.transaction((tx) => escalateOverdue(tx, now)));
      // Finished messages and their attempt logs (deleted with them) are kept for a while to look into, then go.
      const before = now - this.deps.config.OUTBOX_RETENTION_DAYS * 86_400_000;
      await this.guarded('pruning the outbox', () =>
        store.db
          .delete(outbox)
          .where(and(inArray(outbox.status, ['delivered', 'failed']), lt(outbox.createdAt, before))),
      );
      // Mailings a node left unfinished (stopped, or died holding contacts) carry on here.
      await this.guarded('resuming mailings', () => resumeMailJobs(this.deps));
    }
    for (;;) {
      if (this.stopped) return;
      const now = clock.now();
      const rows = await store.transaction((tx) => claimDue(tx, this.id, now, stuck));
      if (rows.length === 0) break;
      const results = await Promise.all(rows.map((r) => this.attempt(r)));
      if (this.stopped) return;
      const at = clock.now();
      // Each row's outcome in its own transaction: a row that can't be written fails alone.
      for (const [i, r] of rows.entries()) {
        const written = await this.guarded(`recording delivery ${r.id}`, () =>
          store.transaction((tx) => record(tx, this.id, r, results[i], at)),
        );
        if (!written) {
          stuck.add(r.id);
          // Its claim ends, so the next pass (here or on another node) tries it again.
          await this.guarded(`releasing delivery ${r.id}`, () =>
            store.db
              .update(outbox)
              .set({ leaseUntil: null, claimedBy: null })
              .where(and(eq(outbox.id, r.id), eq(outbox.claimedBy, this.id))),
          );
        }
      }
    }
  }

  /** Runs `work`, logging instead of throwing; false when it threw. A closed database still throws, to end the loop. */
  private async guarded(what: string, work: () => PromiseLike<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (e) {
      if (this.stopped || closedUnder(e)) throw e;
      console.error(`outbox: ${what}:`, e);
      return false;
    }
  }

  /** When the next pass is due by the deps clock, while one is scheduled. */
  nextPassAt: number | null = null;

  private async schedule() {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    let next: number | null = null;
    try {
      next = await this.store.run((db) => nextDue(db));
    } catch (e) {
      if (this.stopped || closedUnder(e)) return;
      // A database too busy to answer now still gets its pass within the minute.
      console.error('outbox: looking for the next due delivery:', e);
    }
    if (this.stopped) return;
    // Always a pass a minute at least: cases become overdue without any delivery waiting.
    const wait = next === null ? POLL_MS : Math.min(POLL_MS, Math.max(1000, next - this.deps.clock.now()));
    this.nextPassAt = this.deps.clock.now() + wait;
    this.timer = setTimeout(() => {
      this.nextPassAt = null;
      void this.drain();
    }, wait);
    this.timer.unref();
  }

  private async attempt(r: Row): Promise<Outcome> {
    const started = performance.now();
    let result: Result;
    try {
      result = r.kind === 'webhook' ? await this.post(r) : await this.mail(r);
    } catch (e) {
      result = {
        statusCode: null,
        error: (e instanceof Error
          ? e.cause instanceof Error
            ? `${e.message}: ${e.cause.message}`
            : e.message
          : String(e)
        ).slice(0, 500),
      };
    }
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }

  private async post(r: Row): Promise<Result> {
    const [hook] = r.webhookId
      ? await this.store.db
          .select({ url: webhooks.url, secret: webhooks.secret, enabled: webhooks.enabled })
          .from(webhooks)
          .where(eq(webhooks.id, r.webhookId))
      : [];
    if (!hook) return { statusCode: null, error: 'the webhook was deleted', giveUp: true };
    if (!hook.enabled) return { statusCode: null, error: 'the webhook is turned off' };
    const url = new URL(hook.url);
    const allowPrivate = this.deps.config.WEBHOOK_ALLOW_PRIVATE === '1';
    if (!allowPrivate) assertPublicLiteral(url);
    const status = await postJson(
      url,
      r.body,
      {
        'User-Agent': 'Yardstick-Webhooks/1',
        [SIGNATURE_HEADER]: sign(hook.secret, r.body),
        [DELIVERY_HEADER]: r.id,
        [EVENT_HEADER]: r.event,
      },
      allowPrivate,
    );
    return status >= 200 && status < 300
      ? { statusCode: status, error: null }
      : { statusCode: status, error: `HTTP ${status}` };
  }

  private async mail(r: Row): Promise<Result> {
    const url = this.deps.config.SMTP_URL;
    if (!url) return { statusCode: null, error: 'no SMTP server is configured (SMTP_URL)' };
    const { caseId, overdue } = JSON.parse(r.body) as { caseId: string; overdue?: boolean };
    const facts = await this.store.run((db) => caseMailFacts(db, caseId));
    const m = await renderCaseMail(this.deps.config, caseId, facts, overdue === true);
    if (!m) return { statusCode: null, error: 'the case no longer exists', giveUp: true };
    await smtpTransport(url).sendMail({
      from: this.deps.config.MAIL_FROM ?? 'Yardstick <no-reply@localhost>',
      to: r.recipient!,
      subject: m.subject,
      text: m.text,
    });
    return { statusCode: null, error: null };
  }
}

/**
 * POSTs a JSON body and answers the status. Redirects are not followed (a 3xx counts as a
 * failure, as the receiver's own address is the one configured); names resolve through
 * publicOnlyLookup unless private addresses are allowed.
 */
function postJson(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        lookup: allowPrivate ? undefined : publicOnlyLookup,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        // The receiver's answer body is not needed; reading it frees the connection.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

const workers = new WeakMap<Store, OutboxWorker>();

/** Starts the worker of this node's store (once) and sends what a previous run left pending. */
export function startOutbox(deps: Deps & { store: Store }): OutboxWorker {
  let w = workers.get(deps.store);
  if (!w) {
    const worker = new OutboxWorker(deps);
    workers.set(deps.store, (w = worker));
    worker.unwake = onEnqueue(() => worker.kick());
    worker.kick();
  }
  return w;
}

/** The running worker of a node's store, if started. */
export const outboxOf = (store: Store) => workers.get(store);
