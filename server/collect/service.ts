import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { responses, surveyVersions } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { hashToken } from '../auth/tokens';
import { keyMatches, newResumeKey } from './resume';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';
import { cellOf } from '../../shared/plan/quotas';
import { quotaRules } from '../plan/cache';
import type { PublicSurvey, Submission, SubmissionResult } from '../../shared/api/surveys';
import * as v from 'valibot';
import { refusal, refusalError, settingsOf } from './rules';
import { followResponse, invitationByToken, invitationClientId } from './invitation-link';
import { onResponseCompleted } from '../alerts/hook';
import { codedAnswers, responseDuration, storedAnswers } from '../report/coded-answers';
import { customerIdIn, hiddenFieldsOf, isCustomerField } from '../../shared/customers/fields';
import { customerLink } from '../customers/links';
import { preparedStatements } from '../db/statements';

/**
 * A response without a linked invitation is linked by a `customer_id` hidden field the register
 * knows, and gets that customer's fields as the register holds them now.
 */
function linkCustomer(db: Db, hidden: Record<string, string>): string | null {
  const external = customerIdIn(hidden);
  const link = external === null ? null : customerLink(db, external);
  if (!link) return null;
  Object.assign(hidden, link.fields);
  return link.customerId;
}

// Versions are immutable, so their parsed definitions can be kept for the life of the process.
const versionCache = new WeakMap<Db, Map<number, { surveyId: string; def: SurveyDefinition }>>();

function loadVersion(db: Db, versionId: number) {
  let cache = versionCache.get(db);
  if (!cache) versionCache.set(db, (cache = new Map()));
  let hit = cache.get(versionId);
  if (!hit) {
    const row = db.select().from(surveyVersions).where(eq(surveyVersions.id, versionId)).get();
    // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts): never answered here.
    if (!row || row.version < 1) return null;
    // Stored definitions were validated at save time; parsing again fills defaults from the schema.
    hit = { surveyId: row.surveyId, def: v.parse(SurveyDefinitionSchema, row.definition) };
    cache.set(versionId, hit);
  }
  return hit;
}

/**
 * The submission path runs thousands of times a second, so it uses prepared statements directly:
 * building each query through Drizzle cost several times the insert itself (measured: ~470 µs vs
 * ~80 µs per submission).
 */
const statements = preparedStatements((c) => ({
  bySlug: c.prepare(
    'select id, slug, status, current_version_id as currentVersionId, current_wave as currentWave, settings from surveys where slug = ?',
  ),
  existing: c.prepare(
    'select id, status, wave, started_at as startedAt from responses where survey_id = ? and client_id = ?',
  ),
  cellCompletes: c
    .prepare(`select count(*) as n from responses
        where survey_id = ? and quota_cell = ? and status = 'complete' and wave = ? and is_test = 0`)
    .pluck(),
  insert:
    c.prepare(`insert into responses (survey_id, client_id, is_test, started_at, wave, version_id, status, answers, coded, hidden, lang, page_times, page, quota_cell, updated_at, completed_at, duration, resume_key_hash, customer_id)
        values (@surveyId, @clientId, @isTest, @startedAt, @wave, @versionId, @status, @answers, @coded, @hidden, @lang, @pageTimes, @page, @quotaCell, @updatedAt, @completedAt, @duration, @resumeKeyHash, @customerId)`),
  update:
    c.prepare(`update responses set version_id = @versionId, status = @status, answers = @answers, coded = @coded, hidden = @hidden, lang = @lang,
        page_times = @pageTimes, page = @page, quota_cell = @quotaCell, updated_at = @updatedAt, completed_at = @completedAt, duration = @duration, customer_id = @customerId where id = @id`),
}));

type SurveyRef = {
  id: string;
  slug: string;
  status: 'draft' | 'open' | 'paused' | 'closed';
  currentVersionId: number | null;
  currentWave: number;
  settings: string | null;
};
const surveyBySlug = (db: Db, slug: string) => statements(db).bySlug.get(slug) as SurveyRef | undefined;

/** What the respondent page needs: the current version, or only the status when not open. */
export function publicSurvey(db: Db, slug: string, now: number): PublicSurvey {
  const s = surveyBySlug(db, slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open') return { slug: s.slug, status: s.status, versionId: null, definition: null };
  const settings = settingsOf(s.settings);
  const refused = refusal(db, s.id, settings, now);
  if (refused)
    return { slug: s.slug, status: refused === 'closed' ? 'closed' : refused, versionId: null, definition: null };
  return {
    slug: s.slug,
    status: s.status,
    versionId: s.currentVersionId,
    definition: loadVersion(db, s.currentVersionId)!.def,
    kiosk: settings.kiosk,
  };
}

/** `resumeKey` only when the save created the response (server/collect/resume.ts). */
export interface SubmitOutcome {
  result: SubmissionResult;
  created: boolean;
  resumeKey?: string;
}

/**
 * Stores a page save or a completion. Idempotent by (survey, clientId): a retry or a double tap
 * of a completed response changes nothing and answers as the first did. Validation runs against
 * the version the respondent answered, never the client's word.
 *
 * Quotas: as soon as the response's cell is known (on a page save too, so the respondent stops
 * early) and that cell's completes in the response's wave already reach its target, the response
 * is kept as 'over-quota' and not counted.
 */
export function submit(db: Db, slug: string, input: Submission, now: number, isTest = false): SubmitOutcome {
  const s = surveyBySlug(db, slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open')
    throw new AppError(409, `survey-${s.status}`, `this survey is ${s.status} and does not accept answers`);
  const version = loadVersion(db, input.versionId);
  if (!version || version.surveyId !== s.id)
    throw new AppError(400, 'invalid', 'versionId: not a version of this survey', 'versionId');

  const def = version.def;
  const invitation = input.invitation === undefined ? null : invitationByToken(db, s.id, input.invitation);
  if (input.invitation !== undefined && !invitation)
    throw new AppError(404, 'invitation-unknown', 'invitation: no such invitation for this survey', 'invitation');
  // An invitation's hidden fields come from its contact list, never from the link; the customer
  // fields come from the register only.
  const allowed = hiddenFieldsOf(def);
  const hidden = Object.fromEntries(
    Object.entries({ ...input.hidden, ...invitation?.hidden }).filter(
      ([k]) =>
        allowed.includes(k) && (!isCustomerField(k) || (invitation !== null && Object.hasOwn(invitation.hidden, k))),
    ),
  );
  const customerId = invitation?.customerId ?? linkCustomer(db, hidden);
  const { answers, issues, screenedOut } = validateSubmission(def, input.answers, input.complete, hidden);
  if (issues.length > 0) {
    throw new AppError(400, 'invalid-answers', issues[0].message, `answers.${issues[0].questionId}`, issues);
  }
  const answered: SubmissionResult['status'] = screenedOut ? 'screened-out' : input.complete ? 'complete' : 'partial';
  const lang = input.lang && def.languages.includes(input.lang as never) ? input.lang : def.defaultLanguage;
  const rules = quotaRules(db, s.id);
  const quotaCell = rules ? cellOf(rules.quotas, answers, hidden) : null;
  const target = quotaCell === null ? undefined : rules!.targets.get(quotaCell);
  const fields = {
    versionId: input.versionId,
    hidden: JSON.stringify(hidden),
    lang,
    page: input.page,
    quotaCell,
    updatedAt: now,
    customerId,
    ...storedAnswers(answers, input.pageTimes),
  };

  const st = statements(db);
  // IMMEDIATE takes the write lock before the quota count, so the count and the write that relies
  // on it can't interleave with another writer's: of two racing for a cell's last place, one wins.
  return db.$client
    .transaction((): SubmitOutcome => {
      // Read again inside the transaction: two devices saving one invitation's first page must share a row.
      const inv = invitation && invitationByToken(db, s.id, input.invitation!);
      const clientId = inv ? invitationClientId(inv, input.clientId) : input.clientId;
      const existing = st.existing.get(s.id, clientId) as
        | { id: number; status: SubmissionResult['status']; wave: number; startedAt: number }
        | undefined;
      if (existing && existing.status !== 'partial') {
        return { result: { status: existing.status, duplicate: true }, created: false };
      }
      const refused = refusal(db, s.id, settingsOf(s.settings), now);
      if (refused) throw refusalError(refused);
      // A response belongs to the wave it started in, even if the next one opened meanwhile.
      const wave = existing?.wave ?? s.currentWave;
      const full =
        answered !== 'screened-out' &&
        target !== undefined &&
        (st.cellCompletes.get(s.id, quotaCell, wave) as number) >= target;
      const status = full ? 'over-quota' : answered;
      const ended = status !== 'partial';
      const duration = ended ? responseDuration(input.pageTimes, now - (existing?.startedAt ?? now)) : null;
      // Only counted responses are reported, so only they carry the report's coded form.
      const coded = status === 'complete' && !isTest ? codedAnswers(def, input.versionId, answers, duration) : null;
      const row = { ...fields, status, completedAt: ended ? now : null, duration, coded };
      if (inv) followResponse(db, inv, clientId, status, now);
      // Handed out once, to whoever created the response; a later save with the same clientId gets none.
      const resumeKey = existing ? undefined : newResumeKey();
      const responseId = existing
        ? (st.update.run({ ...row, id: existing.id }), existing.id)
        : Number(
            st.insert.run({
              ...row,
              surveyId: s.id,
              clientId,
              isTest: isTest ? 1 : 0,
              startedAt: now,
              wave,
              resumeKeyHash: hashToken(resumeKey!),
            }).lastInsertRowid,
          );
      // In this transaction, so a completed response that meets an alert rule never goes without its case.
      if (status === 'complete' && !isTest)
        onResponseCompleted(db, {
          surveyId: s.id,
          slug: s.slug,
          responseId,
          def,
          answers,
          hidden,
          lang,
          completedAt: now,
        });
      return { result: { status }, created: !existing, resumeKey };
    })
    .immediate();
}

/**
 * A respondent's saved progress, for their own device or another one they hold the key on: the
 * resume key handed out when the response was created must match, and only an unfinished response
 * is shown, so neither a clientId nor a finished response's key reads answers back.
 */
export function progress(db: Db, slug: string, clientId: string, resumeKey: string) {
  const s = surveyBySlug(db, slug);
  if (!s) throw notFound('survey');
  const r = db
    .select({
      versionId: responses.versionId,
      status: responses.status,
      answers: responses.answers,
      page: responses.page,
      keyHash: responses.resumeKeyHash,
    })
    .from(responses)
    .where(and(eq(responses.surveyId, s.id), eq(responses.clientId, clientId)))
    .get();
  // An unknown id and a wrong key answer alike, so neither tells whether the other was right.
  if (!r || !keyMatches(r.keyHash, resumeKey)) throw notFound('response');
  if (r.status !== 'partial')
    throw new AppError(409, 'response-finished', 'this response is finished; its answers are not shown again');
  return {
    versionId: r.versionId,
    status: r.status,
    page: r.page,
    answers: JSON.parse(r.answers) as Record<string, unknown>,
  };
}

/**
 * The unfinished answers of an invitation's response, for its personal link (server/collect/page.ts):
 * the link is the secret there.
 */
export function invitationProgress(db: Db, surveyId: string, clientId: string) {
  const r = db
    .select({
      versionId: responses.versionId,
      status: responses.status,
      answers: responses.answers,
      page: responses.page,
    })
    .from(responses)
    .where(and(eq(responses.surveyId, surveyId), eq(responses.clientId, clientId)))
    .get();
  if (!r || r.status !== 'partial') return null;
  return { versionId: r.versionId, page: r.page, answers: JSON.parse(r.answers) as Record<string, unknown> };
}
