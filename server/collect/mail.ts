/**
 * Sending invitations and reminders as a background job kept in the database: each contact waits
 * in the job (invitations.job_id) until it is sent or fails, so a restart picks up where sending
 * stopped without writing to anyone twice.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import type { Deps } from '../http/context';
import { invitations, mailJobs, surveys, unsubscribes } from '../db/tables';
import { affected, claimable, q, type Sql, type Store, type Work } from '../db/store';
import { AppError } from '../http/errors';
import { surveyRow } from '../survey/service';
import { BOUNCED, invitationLink, PENDING } from './invitations';
import { settingsOf } from './rules';
import { createTranslator, loadAppMessages, type AppKey } from '../../shared/i18n';
import { interfaceLocale } from '../../shared/survey/survey-language';
import { pickText } from '../../shared/survey/text';
import { isBounced, type MailJob, type MailState } from '../../shared/api/collect';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { errorFields, log } from '../ops/log';
import { mailBase } from '../http/links';
import { smtpTransport } from '../ops/smtp';
import { unsubscribeLink } from '../customers/unsubscribe';
import { insertionOrder } from '../alerts/dialect-sql';
import { orderedId } from '../alerts/ordered-id';
import { isSuppressed } from '../customers/suppression';

type Kind = MailJob['kind'];
const KEYS: Record<Kind, { subject: AppKey; body: AppKey }> = {
  invitation: { subject: 'mail.invitation.subject', body: 'mail.invitation.body' },
  reminder: { subject: 'mail.reminder.subject', body: 'mail.reminder.body' },
};

/** One message from the app (a password reset), through the same SMTP server and From as invitations. */
export async function sendAppMail(
  config: Deps['config'],
  m: { to: string | { name: string; address: string }; subject: string; text: string },
) {
  if (!config.SMTP_URL) throw new Error('no SMTP server is configured (SMTP_URL)');
  await smtpTransport(config.SMTP_URL).sendMail({ from: config.MAIL_FROM ?? 'Yardstick <no-reply@localhost>', ...m });
}

/**
 * How long a node holds a contact it is mailing: far longer than one message takes, so only a node
 * that died mid-send lets another take the contact over (and perhaps send it twice, rather than never).
 */
export const MAIL_LEASE_MS = 10 * 60_000;

type JobDeps = Pick<Deps, 'config' | 'clock'> & { store: Store };

export function* mailState(db: Sql, surveyId: string, smtp: boolean): Work<MailState> {
  yield* surveyRow(db, surveyId);
  const jobs = yield* q(
    db
      .select()
      .from(mailJobs)
      .where(eq(mailJobs.surveyId, surveyId))
      .orderBy(desc(mailJobs.createdAt), desc(insertionOrder(mailJobs)))
      .limit(10),
  );
  return { smtp, jobs: jobs.map(({ surveyId: _s, createdBy: _c, baseUrl: _b, ...j }) => j) };
}

/**
 * Queues everyone the mailing is for, as a unit of work; the caller starts sending (runJob) once
 * it has committed. Invitations go to contacts with an e-mail address who haven't had one;
 * reminders to those invited who haven't finished.
 */
export function* startMailJob(
  tx: Sql,
  surveyId: string,
  kind: Kind,
  userId: string | null,
  baseUrl: string,
  now: number,
): Work<MailJob> {
  const survey = yield* surveyRow(tx, surveyId);
  if (survey.status !== 'open')
    throw new AppError(409, 'survey-not-open', `the survey is ${survey.status}: open it before sending invitations`);
  const id = orderedId(12);
  const [busy] = yield* q(
    tx
      .select({ id: mailJobs.id })
      .from(mailJobs)
      .where(and(eq(mailJobs.surveyId, surveyId), eq(mailJobs.status, 'running'))),
  );
  if (busy) throw new AppError(409, 'mail-busy', 'a mailing of this survey is still being sent');
  const who = and(
    eq(invitations.surveyId, surveyId),
    isNotNull(invitations.email),
    isNull(invitations.jobId),
    inArray(invitations.status, PENDING),
    kind === 'invitation' ? isNull(invitations.sentAt) : isNotNull(invitations.sentAt),
    // A bounced address would only bounce again.
    sql`${BOUNCED} = 0`,
    // Nobody who unsubscribed is mailed again.
    notExists(
      tx
        .select({ one: sql`1` })
        .from(unsubscribes)
        .where(eq(unsubscribes.email, sql`lower(${invitations.email})`)),
    ),
  );
  const [{ n: total }] = yield* q(tx.select({ n: sql<number>`count(*)` }).from(invitations).where(who));
  if (total === 0)
    throw new AppError(
      409,
      'nobody-to-mail',
      kind === 'invitation'
        ? 'every contact with an e-mail address has been invited'
        : 'nobody invited is still to answer',
    );
  const [job] = yield* q(
    tx.insert(mailJobs).values({ id, surveyId, kind, total, baseUrl, createdBy: userId, createdAt: now }).returning(),
  );
  yield* q(tx.update(invitations).set({ jobId: id }).where(who));
  const { surveyId: _s, createdBy: _c, baseUrl: _b, ...out } = job;
  return out;
}

/** Takes the job's next waiting contact no live claim holds, for MAIL_LEASE_MS from `now`. */
function* claimContact(tx: Sql, jobId: string, now: number) {
  const [next] = yield* q(
    claimable(
      tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.jobId, jobId), or(isNull(invitations.leaseUntil), lte(invitations.leaseUntil, now))))
        .limit(1),
    ),
  );
  if (!next) return undefined;
  yield* q(
    tx
      .update(invitations)
      .set({ leaseUntil: now + MAIL_LEASE_MS })
      .where(eq(invitations.id, next.id)),
  );
  return next;
}

/** Records a contact's outcome and counts it in the job, unless it already left the job (a bounce, another node). */
function* finishContact(
  tx: Sql,
  jobId: string,
  inv: { id: string },
  outcome: { error: string | null; skip: boolean; kind: Kind },
  now: number,
): Work<void> {
  const { error, skip, kind } = outcome;
  const sentField = kind === 'invitation' ? { sentAt: now } : { remindedAt: now };
  const done = yield* q(
    tx
      .update(invitations)
      .set(
        error
          ? { jobId: null, leaseUntil: null, lastError: error, updatedAt: now }
          : skip
            ? { jobId: null, leaseUntil: null }
            : { ...sentField, jobId: null, leaseUntil: null, lastError: null, updatedAt: now },
      )
      .where(and(eq(invitations.id, inv.id), eq(invitations.jobId, jobId))),
  );
  if (affected(done) === 0) return;
  yield* q(
    tx
      .update(mailJobs)
      .set(error ? { failed: sql`${mailJobs.failed} + 1` } : { sent: sql`${mailJobs.sent} + 1` })
      .where(eq(mailJobs.id, jobId)),
  );
}

/** The job is done once no contact waits in it, whichever node sent the last one. */
function* closeJob(tx: Sql, jobId: string, now: number): Work<void> {
  yield* q(
    tx
      .update(mailJobs)
      .set({ status: 'done', finishedAt: now })
      .where(
        and(
          eq(mailJobs.id, jobId),
          eq(mailJobs.status, 'running'),
          notExists(tx.select({ one: sql`1` }).from(invitations).where(eq(invitations.jobId, jobId))),
        ),
      ),
  );
}

const running = new WeakMap<Store, Map<string, Promise<void>>>();

/**
 * Sends a job's waiting contacts one at a time (a small server takes that best), then marks it
 * done. Every node may run the same job: each claims the contact it sends, so none is mailed twice.
 */
export function runJob(deps: JobDeps, jobId: string): Promise<void> {
  let mine = running.get(deps.store);
  if (!mine) running.set(deps.store, (mine = new Map()));
  const current = mine.get(jobId);
  if (current) return current;
  const run = sendJob(deps, jobId).finally(() => mine.delete(jobId));
  mine.set(jobId, run);
  return run;
}

/** The mailings this node is sending now: resolves when they have ended (tests await it). */
export const mailingsOf = (store: Store) => Promise.all(running.get(store)?.values() ?? []).then(() => undefined);

async function sendJob({ store, config, clock }: JobDeps, jobId: string): Promise<void> {
  try {
    const [job] = await store.db.select().from(mailJobs).where(eq(mailJobs.id, jobId));
    if (!job || job.status !== 'running') return;
    const [survey] = await store.db.select().from(surveys).where(eq(surveys.id, job.surveyId));
    if (!survey) return;
    const def = survey.draft as SurveyDefinition;
    const settings = settingsOf(JSON.stringify(survey.settings));
    const custom = job.kind === 'invitation' ? settings.invitationMail : settings.reminderMail;
    const base = config.PUBLIC_URL ? mailBase(config) : (job.baseUrl ?? mailBase(config));
    for (;;) {
      const inv = await store.transaction((tx) => claimContact(tx, jobId, clock.now()));
      if (!inv) break;
      const lang = inv.lang && def.languages.includes(inv.lang) ? inv.lang : def.defaultLanguage;
      const link = invitationLink(base, inv.token);
      let error: string | null = null;
      const [unsubscribed] = await store.db
        .select({ email: unsubscribes.email })
        .from(unsubscribes)
        .where(eq(unsubscribes.email, inv.email!.toLowerCase()));
      // A contact who finished, or whose address bounced, while the reminder waited is not reminded;
      // one who unsubscribed meanwhile, or was erased on request, gets nothing more.
      const skip =
        (job.kind === 'reminder' && (!PENDING.includes(inv.status) || isBounced(inv.lastError))) ||
        unsubscribed !== undefined ||
        (await store.run((db) => isSuppressed(db, 'email', inv.email!)));
      if (!skip) {
        try {
          const params = { name: inv.name ?? '', link, survey: pickText(def.title, lang, def.defaultLanguage) };
          const own = custom[lang];
          const ui = interfaceLocale(lang);
          const t = createTranslator(ui, await loadAppMessages(ui));
          const fill = (s: string) => s.replace(/\{(name|link|survey)\}/g, (_, k: keyof typeof params) => params[k]);
          const unsubscribe = unsubscribeLink(base, inv.token);
          await smtpTransport(config.SMTP_URL!).sendMail({
            from: config.MAIL_FROM ?? 'Yardstick <no-reply@localhost>',
            to: inv.name ? { name: inv.name, address: inv.email! } : inv.email!,
            subject: own ? fill(own.subject) : t(KEYS[job.kind].subject, params),
            // Every survey e-mail says how to receive no more, in its text and for mail clients'
            // own button (one click, RFC 8058), custom texts included.
            text: `${own ? fill(own.body) : t(KEYS[job.kind].body, params)}\n\n${t('mail.unsubscribe', { link: unsubscribe })}`,
            headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          });
        } catch (e) {
          error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
        }
      }
      const now = clock.now();
      await store.transaction((tx) => finishContact(tx, jobId, inv, { error, skip, kind: job.kind }, now));
    }
    await store.transaction((tx) => closeJob(tx, jobId, clock.now()));
  } catch (e) {
    log.error('mail job stopped', { jobId, ...errorFields(e) });
  }
}

/**
 * Mailings still running carry on: at start-up, and at each of the outbox worker's sweeps, so
 * contacts a node that died was holding are sent by another once their lease has passed.
 */
export async function resumeMailJobs(deps: JobDeps): Promise<void> {
  if (!deps.config.SMTP_URL) return;
  const jobs = await deps.store.db.select({ id: mailJobs.id }).from(mailJobs).where(eq(mailJobs.status, 'running'));
  for (const { id } of jobs) void runJob(deps, id);
}
