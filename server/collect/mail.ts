/**
 * Sending invitations and reminders as a background job kept in the database: each contact waits
 * in the job (invitations.job_id) until it is sent or fails, so a restart picks up where sending
 * stopped without writing to anyone twice.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Deps } from '../http/context';
import { invitations, mailJobs, surveys } from '../db/schema';
import { AppError } from '../http/errors';
import { getRow } from '../survey/service';
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
import { isUnsubscribed, unsubscribeLink } from '../customers/unsubscribe';
import { runNow, sqlOf } from '../db/sqlite-store';

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

export function mailState(db: Db, surveyId: string, smtp: boolean): MailState {
  getRow(db, surveyId);
  const jobs = db
    .select()
    .from(mailJobs)
    .where(eq(mailJobs.surveyId, surveyId))
    .orderBy(desc(mailJobs.createdAt), desc(sql`rowid`))
    .limit(10)
    .all();
  return { smtp, jobs: jobs.map(({ surveyId: _s, createdBy: _c, baseUrl: _b, ...j }) => j) };
}

/**
 * Queues everyone the mailing is for and starts sending. Invitations go to contacts with an
 * e-mail address who haven't had one; reminders to those invited who haven't finished.
 */
export function startMailJob(
  deps: Deps,
  surveyId: string,
  kind: Kind,
  userId: string | null,
  baseUrl: string,
): MailJob {
  const { db, config, clock } = deps;
  if (!config.SMTP_URL)
    throw new AppError(409, 'no-smtp', 'no SMTP server is configured (SMTP_URL): download the mail-merge file instead');
  const survey = getRow(db, surveyId);
  if (survey.status !== 'open')
    throw new AppError(409, 'survey-not-open', `the survey is ${survey.status}: open it before sending invitations`);
  const id = randomBytes(12).toString('base64url');
  const now = clock.now();
  const job = db.transaction((tx) => {
    const busy = tx
      .select({ id: mailJobs.id })
      .from(mailJobs)
      .where(and(eq(mailJobs.surveyId, surveyId), eq(mailJobs.status, 'running')))
      .get();
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
      sql`not exists (select 1 from unsubscribes u where u.email = lower(${invitations.email}))`,
    );
    const total = tx.select({ n: sql<number>`count(*)` }).from(invitations).where(who).get()!.n;
    if (total === 0)
      throw new AppError(
        409,
        'nobody-to-mail',
        kind === 'invitation'
          ? 'every contact with an e-mail address has been invited'
          : 'nobody invited is still to answer',
      );
    tx.insert(mailJobs).values({ id, surveyId, kind, total, baseUrl, createdBy: userId, createdAt: now }).run();
    tx.update(invitations).set({ jobId: id }).where(who).run();
    return tx.select().from(mailJobs).where(eq(mailJobs.id, id)).get()!;
  });
  void runJob(deps, id);
  const { surveyId: _s, createdBy: _c, baseUrl: _b, ...out } = job;
  return out;
}

const running = new WeakMap<Db, Set<string>>();

/** Sends a job's waiting contacts one at a time (a small server takes that best), then marks it done. */
export async function runJob(deps: Deps, jobId: string): Promise<void> {
  const { db, config, clock } = deps;
  let mine = running.get(db);
  if (!mine) running.set(db, (mine = new Set()));
  if (mine.has(jobId)) return;
  mine.add(jobId);
  try {
    const job = db.select().from(mailJobs).where(eq(mailJobs.id, jobId)).get();
    if (!job || job.status !== 'running') return;
    const survey = db.select().from(surveys).where(eq(surveys.id, job.surveyId)).get()!;
    const def = survey.draft as SurveyDefinition;
    const settings = settingsOf(JSON.stringify(survey.settings));
    const custom = job.kind === 'invitation' ? settings.invitationMail : settings.reminderMail;
    const base = config.PUBLIC_URL ? mailBase(config) : (job.baseUrl ?? mailBase(config));
    for (;;) {
      const inv = db.select().from(invitations).where(eq(invitations.jobId, jobId)).limit(1).get();
      if (!inv) break;
      const lang = inv.lang && def.languages.includes(inv.lang) ? inv.lang : def.defaultLanguage;
      const link = invitationLink(base, inv.token);
      let error: string | null = null;
      // A contact who finished, or whose address bounced, while the reminder waited is not reminded;
      // one who unsubscribed meanwhile gets nothing more.
      const skip =
        (job.kind === 'reminder' && (!PENDING.includes(inv.status) || isBounced(inv.lastError))) ||
        runNow(isUnsubscribed(sqlOf(db), inv.email!));
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
      db.transaction((tx) => {
        const sentField = job.kind === 'invitation' ? { sentAt: now } : { remindedAt: now };
        tx.update(invitations)
          .set(
            error
              ? { jobId: null, lastError: error, updatedAt: now }
              : skip
                ? { jobId: null }
                : { ...sentField, jobId: null, lastError: null, updatedAt: now },
          )
          .where(eq(invitations.id, inv.id))
          .run();
        tx.update(mailJobs)
          .set(error ? { failed: sql`${mailJobs.failed} + 1` } : { sent: sql`${mailJobs.sent} + 1` })
          .where(eq(mailJobs.id, jobId))
          .run();
      });
    }
    db.update(mailJobs).set({ status: 'done', finishedAt: clock.now() }).where(eq(mailJobs.id, jobId)).run();
  } catch (e) {
    log.error('mail job stopped', { jobId, ...errorFields(e) });
  } finally {
    mine.delete(jobId);
  }
}

/** Jobs a stopped process left unfinished carry on at start-up. */
export function resumeMailJobs(deps: Deps) {
  if (!deps.config.SMTP_URL) return;
  for (const { id } of deps.db.select({ id: mailJobs.id }).from(mailJobs).where(eq(mailJobs.status, 'running')).all())
    void runJob(deps, id);
}
