import { AppError, notFound } from '../http/errors';
import { hashToken } from '../auth/tokens';
import { keyMatches, newResumeKey } from './resume';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';
import { cellOf } from '../../shared/plan/quotas';
import { quotaRules } from '../plan/cache';
import type { PublicSurvey, Submission, SubmissionResult } from '../../shared/api/surveys';
import * as v from 'valibot';
import { and, eq } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { responses, surveys } from '../db/tables';
import { refusal, refusalError, settingsOf } from './rules';
import { followResponse, invitationByToken, invitationClientId } from './invitation-link';
import { onResponseCompleted } from '../alerts/hook';
import { codedAnswers, responseDuration, storedAnswers } from '../report/coded-answers';
import { customerIdIn, hiddenFieldsOf, isCustomerField } from '../../shared/customers/fields';
import { customerLink } from '../customers/links';
import type { ExistingResponse, ResponseStatus, SubmitStatements, SurveyRow } from './statements';
import { respondentDefinition } from '../customers/respondent-conditions';

/**
 * A response without a linked invitation is linked by a `customer_id` hidden field the register
 * knows, and gets that customer's fields as the register holds them now.
 */
function* linkCustomer(ops: SubmitStatements, hidden: Record<string, string>): Work<string | null> {
  const external = customerIdIn(hidden);
  const link = external === null ? null : yield* customerLink(ops, external);
  if (!link) return null;
  Object.assign(hidden, link.fields);
  return link.customerId;
}

/** A published version of the survey, parsed; versions are immutable, so the memo keeps them. */
export function* loadVersion(
  ops: SubmitStatements,
  versionId: number,
): Work<{ surveyId: string; def: SurveyDefinition } | null> {
  let hit = ops.memo.versions.get(versionId);
  if (!hit) {
    const row = yield* ops.version(versionId);
    // Versions below 1 are the builder's preview snapshots (server/survey/preview.ts): never answered here.
    if (!row || row.version < 1) return null;
    // Stored definitions were validated at save time; parsing again fills defaults from the schema.
    hit = { surveyId: row.surveyId, def: v.parse(SurveyDefinitionSchema, row.definition) };
    ops.memo.versions.set(versionId, hit);
  }
  return hit;
}

/** What the respondent page needs: the current version, or only the status when not open. */
export function* publicSurvey(ops: SubmitStatements, slug: string, now: number): Work<PublicSurvey> {
  const s = yield* ops.survey(slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open') return { slug: s.slug, status: s.status, versionId: null, definition: null };
  const settings = settingsOf(s.settings);
  const refused = yield* refusal(ops, s.id, settings, now);
  if (refused)
    return { slug: s.slug, status: refused === 'closed' ? 'closed' : refused, versionId: null, definition: null };
  return {
    slug: s.slug,
    status: s.status,
    versionId: s.currentVersionId,
    // Conditions on a customer's tier or segment reach the page as opaque flags (respondent-conditions.ts).
    definition: respondentDefinition((yield* loadVersion(ops, s.currentVersionId))!.def),
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
 * Stores a page save or a completion, as one unit of work. Idempotent by (survey, clientId): a
 * retry or a double tap of a completed response, on any node, changes nothing and answers as the
 * first did. Validation runs against the version the respondent answered, never the client's word.
 *
 * Quotas: as soon as the response's cell is known (on a page save too, so the respondent stops
 * early) and that cell's completes in the response's wave already reach its target, the response
 * is kept as 'over-quota' and not counted. The count and the write that relies on it can't
 * interleave with another submission's (SQLite's IMMEDIATE transaction holds the only write lock;
 * PostgreSQL's takes the cell's transaction lock): of racers for a cell's last place, one wins.
 */
export function* submitWork(
  ops: SubmitStatements,
  slug: string,
  input: Submission,
  now: number,
  isTest = false,
): Work<SubmitOutcome> {
  const s = yield* ops.survey(slug);
  if (!s || s.currentVersionId === null) throw notFound('survey');
  if (s.status !== 'open')
    throw new AppError(409, `survey-${s.status}`, `this survey is ${s.status} and does not accept answers`);
  const version = yield* loadVersion(ops, input.versionId);
  if (!version || version.surveyId !== s.id)
    throw new AppError(400, 'invalid', 'versionId: not a version of this survey', 'versionId');

  const def = version.def;
  // Locked on PostgreSQL: two devices saving one invitation's first page share a row.
  const invitation = input.invitation === undefined ? null : yield* invitationByToken(ops, s.id, input.invitation);
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
  const customerId = invitation?.customerId ?? (yield* linkCustomer(ops, hidden));
  const { answers, issues, screenedOut } = validateSubmission(def, input.answers, input.complete, hidden);
  if (issues.length > 0) {
    throw new AppError(400, 'invalid-answers', issues[0].message, `answers.${issues[0].questionId}`, issues);
  }
  const answered: SubmissionResult['status'] = screenedOut ? 'screened-out' : input.complete ? 'complete' : 'partial';
  const lang = input.lang && def.languages.includes(input.lang as never) ? input.lang : def.defaultLanguage;
  const rules = yield* quotaRules(ops, s);
  const quotaCell = rules ? cellOf(rules.quotas, answers, hidden) : null;
  const target = quotaCell === null ? undefined : rules!.targets.get(quotaCell);
  const clientId = invitation ? invitationClientId(invitation, input.clientId) : input.clientId;

  // Inserted first where that saves a round trip (a conflict reads the stored row and the loop
  // starts again as a save of it). Not when the first pass could refuse before the insert (a cap,
  // the dates): a retry of a finished response must still be answered as a duplicate.
  const settings = settingsOf(s.settings);
  const insertFirst =
    ops.insertsFirst && settings.responseCap === null && (yield* refusal(ops, s.id, settings, now)) === null;
  let existing = insertFirst ? undefined : yield* ops.existing(s.id, clientId);
  // Twice at most: when another node created the response between the read and the insert, it
  // is stored once and this save goes on as a save of that response.
  for (;;) {
    if (existing && existing.status !== 'partial') {
      return { result: { status: existing.status, duplicate: true }, created: false };
    }
    const refused = yield* refusal(ops, s.id, settings, now);
    if (refused) throw refusalError(refused);
    // A response belongs to the wave it started in, even if the next one opened meanwhile.
    const wave = existing?.wave ?? s.currentWave;
    const full =
      answered !== 'screened-out' &&
      target !== undefined &&
      (yield* ops.cellCompletes(s.id, quotaCell!, wave)) >= target;
    const status: ResponseStatus = full ? 'over-quota' : answered;
    const ended = status !== 'partial';
    const duration = ended ? responseDuration(input.pageTimes, now - (existing?.startedAt ?? now)) : null;
    const row = {
      versionId: input.versionId,
      hidden: JSON.stringify(hidden),
      lang,
      page: input.page,
      quotaCell,
      updatedAt: now,
      customerId,
      ...storedAnswers(answers, input.pageTimes),
      status,
      completedAt: ended ? now : null,
      duration,
      // Only counted responses are reported, so only they carry the report's coded form.
      coded: status === 'complete' && !isTest ? codedAnswers(def, input.versionId, answers, duration) : null,
    };
    const saved = yield* save(ops, s, existing, row, clientId, isTest, now);
    if (saved.conflict) {
      existing = saved.conflict;
      continue;
    }
    if (invitation) yield* followResponse(ops, invitation, clientId, status, now);
    // In this unit, so a completed response that meets an alert rule never goes without its case.
    if (status === 'complete' && !isTest)
      yield* onResponseCompleted(
        ops,
        { surveyId: s.id, slug: s.slug, responseId: saved.id, def, answers, hidden, lang, completedAt: now },
        s.rulesStamp,
      );
    return { result: { status }, created: !existing, resumeKey: saved.resumeKey };
  }
}

type Saved = { conflict?: undefined; id: number; resumeKey?: string } | { conflict: ExistingResponse };

/** Updates the existing response or creates it; a response another transaction created first comes back as `conflict`. */
function* save(
  ops: SubmitStatements,
  s: SurveyRow,
  existing: ExistingResponse | undefined,
  row: Parameters<SubmitStatements['update']>[1],
  clientId: string,
  isTest: boolean,
  now: number,
): Work<Saved> {
  if (existing) {
    yield* ops.update(existing.id, row);
    return { id: existing.id };
  }
  // Handed out once, to whoever created the response; a later save with the same clientId gets none.
  const resumeKey = newResumeKey();
  const id = yield* ops.insert({
    ...row,
    surveyId: s.id,
    clientId,
    isTest,
    startedAt: now,
    wave: s.currentWave,
    resumeKeyHash: hashToken(resumeKey),
  });
  if (id !== null) return { id, resumeKey };
  const other = yield* ops.existing(s.id, clientId);
  if (!other) throw new Error('a response conflicted on insert but cannot be read');
  return { conflict: other };
}

/**
 * A respondent's saved progress, for their own device or another one they hold the key on: the
 * resume key handed out when the response was created must match, and only an unfinished response
 * is shown, so neither a clientId nor a finished response's key reads answers back.
 */
export function* progress(db: Sql, slug: string, clientId: string, resumeKey: string) {
  const [s] = yield* q(db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)));
  if (!s) throw notFound('survey');
  const [r] = yield* q(
    db
      .select({
        versionId: responses.versionId,
        status: responses.status,
        answers: responses.answers,
        page: responses.page,
        keyHash: responses.resumeKeyHash,
      })
      .from(responses)
      .where(and(eq(responses.surveyId, s.id), eq(responses.clientId, clientId))),
  );
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
export function* invitationProgress(db: Sql, surveyId: string, clientId: string) {
  const [r] = yield* q(
    db
      .select({
        versionId: responses.versionId,
        status: responses.status,
        answers: responses.answers,
        page: responses.page,
      })
      .from(responses)
      .where(and(eq(responses.surveyId, surveyId), eq(responses.clientId, clientId))),
  );
  if (r?.status !== 'partial') return null;
  return { versionId: r.versionId, page: r.page, answers: JSON.parse(r.answers) as Record<string, unknown> };
}
