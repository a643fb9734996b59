/**
 * The outbox worker: sends webhook posts and owner e-mails written by the transaction that caused
 * them, after its commit. Every attempt is logged; a failure is retried with exponential back-off;
 * rows still pending when the process stops are picked up at the next start. One worker per
 * database, so a row is never attempted twice at once.
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db/client';
import type { Deps } from '../http/context';
import { renderCaseMail } from './email';
import { escalateOverdue } from './escalation';
import { onEnqueue } from './outbox-queue';
import { assertPublicLiteral, publicOnlyLookup } from './webhook-address';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { errorFields, log } from '../ops/log';
import { smtpTransport } from '../ops/smtp';
import { preparedStatements } from '../db/statements';

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

const statements = preparedStatements((c) => ({
  due: c.prepare(`select id, kind, webhook_id as webhookId, recipient, event, body, attempts from outbox
      where status = 'pending' and next_attempt_at <= ? order by next_attempt_at limit 20`),
  next: c.prepare(`select min(next_attempt_at) from outbox where status = 'pending'`).pluck(),
  hook: c.prepare('select url, secret, enabled from webhooks where id = ?'),
  log: c.prepare('insert into outbox_attempts (outbox_id, at, status_code, error, duration_ms) values (?, ?, ?, ?, ?)'),
  done: c.prepare(
    `update outbox set status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = null where id = ?`,
  ),
  retry: c.prepare(
    'update outbox set status = @status, attempts = @attempts, next_attempt_at = @next, last_error = @error where id = @id',
  ),
  exists: c.prepare('select 1 from outbox where id = ?').pluck(),
  giveUp: c.prepare(`update outbox set status = 'failed', last_error = ? where id = ?`),
  prune: c.prepare(`delete from outbox where status in ('delivered', 'failed') and created_at < ?`),
}));

export class OutboxWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Unregisters the worker from the outbox's wake-ups (outbox-queue.ts). */
  unwake: (() => void) | null = null;
  private sweptAt = -Infinity;

  constructor(readonly deps: Deps) {}

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
        if (this.deps.db.$client.open) log.error('outbox pass failed', errorFields(e));
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
    try {
      await this.pass();
    } finally {
      this.schedule();
    }
  }

  private async pass() {
    const { db, clock } = this.deps;
    const st = statements(db);
    // Rows whose outcome could not be written this pass: not picked again until the next one.
    const stuck = new Set<string>();
    do {
      this.again = false;
      // Not on every pass: a busy survey kicks the worker per completion, and this scans active cases.
      if (clock.now() - this.sweptAt >= SWEEP_MS) {
        this.sweptAt = clock.now();
        this.guarded('escalating overdue cases', () => {
          escalateOverdue(db, this.sweptAt);
          // Finished messages and their attempt logs (deleted with them) are kept for a while to look into, then go.
          st.prune.run(this.sweptAt - this.deps.config.OUTBOX_RETENTION_DAYS * 86_400_000);
        });
      }
      for (;;) {
        if (this.stopped) return;
        const rows = (st.due.all(clock.now()) as Row[]).filter((r) => !stuck.has(r.id));
        if (rows.length === 0) break;
        const results = await Promise.all(rows.map((r) => this.attempt(r)));
        if (this.stopped) return;
        const now = clock.now();
        // One commit for the batch, each row in its own savepoint: a row that can't be written
        // rolls back alone, and the others keep their outcome.
        db.$client.transaction(() => {
          rows.forEach((r, i) => {
            const written = this.guarded(`recording delivery ${r.id}`, () =>
              db.$client.transaction(() => this.record(r, results[i], now))(),
            );
            if (!written) stuck.add(r.id);
          });
        })();
      }
    } while (this.again);
  }

  private record(r: Row, result: Result & { durationMs: number }, now: number) {
    const st = statements(this.deps.db);
    // Deleted while in flight (its webhook was deleted, and the delivery with it): nothing to record.
    if (!st.exists.get(r.id)) return;
    const { statusCode, error, durationMs } = result;
    st.log.run(r.id, now, statusCode, error, durationMs);
    if (error === null) st.done.run(now, r.id);
    else {
      const attempts = r.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS || result.giveUp === true;
      st.retry.run({
        id: r.id,
        attempts,
        error,
        status: failed ? 'failed' : 'pending',
        next: failed ? now : now + backoffMs(attempts),
      });
    }
  }

  /** Runs `work`, logging instead of throwing; false when it threw. A closed database still throws, to end the loop. */
  private guarded(what: string, work: () => void): boolean {
    try {
      work();
      return true;
    } catch (e) {
      if (!this.deps.db.$client.open) throw e;
      console.error(`outbox: ${what}:`, e);
      return false;
    }
  }

  /** When the next pass is due by the deps clock, while one is scheduled. */
  nextPassAt: number | null = null;

  private schedule() {
    if (this.stopped || !this.deps.db.$client.open) return;
    if (this.timer) clearTimeout(this.timer);
    let next: number | null = null;
    try {
      next = statements(this.deps.db).next.get() as number | null;
    } catch (e) {
      // A database too busy to answer now still gets its pass within the minute.
      console.error('outbox: looking for the next due delivery:', e);
    }
    // Always a pass a minute at least: cases become overdue without any delivery waiting.
    const wait = next === null ? POLL_MS : Math.min(POLL_MS, Math.max(1000, next - this.deps.clock.now()));
    this.nextPassAt = this.deps.clock.now() + wait;
    this.timer = setTimeout(() => {
      this.nextPassAt = null;
      void this.drain();
    }, wait);
    this.timer.unref();
  }

  private async attempt(r: Row): Promise<Result & { durationMs: number }> {
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
    const hook = statements(this.deps.db).hook.get(r.webhookId) as
      | { url: string; secret: string; enabled: number }
      | undefined;
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
    const m = await renderCaseMail(this.deps, caseId, overdue === true);
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

const workers = new WeakMap<Db, OutboxWorker>();

/** Starts the database's worker (once) and sends what a previous run left pending. */
export function startOutbox(deps: Deps): OutboxWorker {
  let w = workers.get(deps.db);
  if (!w) {
    const worker = new OutboxWorker(deps);
    workers.set(deps.db, (w = worker));
    worker.unwake = onEnqueue(() => worker.kick());
    worker.kick();
  }
  return w;
}

/** The running worker of a database, if started. */
export const outboxOf = (db: Db) => workers.get(db);

/** Whether e-mail can be sent through the configuration the worker was started with. */
export const smtpConfigured = (db: Db) => Boolean(workers.get(db)?.deps.config.SMTP_URL);
