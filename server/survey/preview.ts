/**
 * The builder's live preview: the real respondent page running the current DRAFT, framed by the
 * editor, and the "test" responses it stores (responses.is_test = 1), which no report, count or
 * quota reads.
 *
 * A response must belong to a version, and the draft is not one; so the previewed draft is kept
 * as a preview snapshot: a survey_versions row with a version number below 1, which publishing,
 * the version list and reports skip. A snapshot without test responses is updated in place, so
 * autosaving while the preview is open does not pile rows up; deleting the test responses deletes
 * the snapshots too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import * as v from 'valibot';
import { and, count, eq, lt } from 'drizzle-orm';
import type { AppEnv } from '../http/context';
import { affected, forUpdate, q, type Sql, type Store } from '../db/store';
import { responses, surveys, surveyVersions } from '../db/tables';
import { AppError } from '../http/errors';
import { parseJson } from '../http/validate';
import { CONTENT_SECURITY_POLICY } from '../http/security';
import { safeJson } from '../collect/page';
import { requireRole } from '../auth/middleware';
import { SubmissionSchema, type PublicSurvey, type Submission, type SubmissionResult } from '../../shared/api/surveys';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { validateSubmission } from '../../shared/survey/answers';
import { surveyRow } from './service';
import { problemsOf } from '../../shared/survey/issues';
import { notBuilt } from '../http/built-file';

/** The snapshot of the current draft that preview answers are stored against. */
export async function previewSnapshot(
  store: Store,
  surveyId: string,
  userId: string | null,
  now: number,
): Promise<{ versionId: number; definition: SurveyDefinition }> {
  const row = await store.run((db) => surveyRow(db, surveyId));
  const parsed = v.safeParse(SurveyDefinitionSchema, row.draft);
  // An unfinished draft is stored (shared/survey/draft.ts) but cannot run: the editor lists what to finish.
  if (!parsed.success) {
    const problems = problemsOf(parsed.issues);
    throw new AppError(
      409,
      'draft-has-problems',
      `${problems.length} problem(s) keep the draft from running; the first: ${problems[0].path}: ${problems[0].message}`,
      undefined,
      problems,
      { problems },
    );
  }
  const definition = parsed.output;
  return store.transaction(function* (tx) {
    // Locked, so two previews opened at once (on two nodes) agree on one snapshot.
    yield* q(forUpdate(tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, surveyId))));
    const [latest] = yield* q(
      tx
        .select({ id: surveyVersions.id, version: surveyVersions.version, definition: surveyVersions.definition })
        .from(surveyVersions)
        .where(and(eq(surveyVersions.surveyId, surveyId), lt(surveyVersions.version, 1)))
        .orderBy(surveyVersions.version)
        .limit(1),
    );
    if (latest && JSON.stringify(latest.definition) === JSON.stringify(row.draft))
      return { versionId: latest.id, definition };
    const used =
      latest &&
      (yield* q(tx.select({ n: count() }).from(responses).where(eq(responses.versionId, latest.id))))[0].n > 0;
    if (latest && !used) {
      yield* q(
        tx
          .update(surveyVersions)
          .set({ definition: row.draft, publishedAt: now, publishedBy: userId })
          .where(eq(surveyVersions.id, latest.id)),
      );
      return { versionId: latest.id, definition };
    }
    const version = (latest?.version ?? 1) - 1;
    const [made] = yield* q(
      tx
        .insert(surveyVersions)
        .values({ surveyId, version, definition: row.draft, publishedBy: userId, publishedAt: now })
        .returning({ id: surveyVersions.id }),
    );
    return { versionId: made.id, definition };
  });
}

/**
 * Stores a preview answer as a test response: validated against the snapshot like a real one,
 * idempotent by clientId, never counted against quotas or the response cap.
 */
export async function submitTest(
  store: Store,
  surveyId: string,
  input: Submission,
  now: number,
): Promise<SubmissionResult> {
  const [snapshot] = await store.db
    .select()
    .from(surveyVersions)
    .where(
      and(eq(surveyVersions.id, input.versionId), eq(surveyVersions.surveyId, surveyId), lt(surveyVersions.version, 1)),
    );
  if (!snapshot)
    throw new AppError(400, 'invalid', 'versionId: not a preview of this survey; reload the preview', 'versionId');
  const def = v.parse(SurveyDefinitionSchema, snapshot.definition);
  const hidden = Object.fromEntries(Object.entries(input.hidden).filter(([k]) => def.hiddenFields.includes(k)));
  const { answers, issues, screenedOut } = validateSubmission(def, input.answers, input.complete, hidden);
  if (issues.length > 0)
    throw new AppError(400, 'invalid-answers', issues[0].message, `answers.${issues[0].questionId}`, issues);
  const status: SubmissionResult['status'] = screenedOut ? 'screened-out' : input.complete ? 'complete' : 'partial';
  const lang = input.lang && def.languages.includes(input.lang as never) ? input.lang : def.defaultLanguage;
  const fields = {
    versionId: snapshot.id,
    status,
    answers: JSON.stringify(answers),
    hidden: JSON.stringify(hidden),
    lang,
    pageTimes: JSON.stringify(input.pageTimes),
    page: input.page,
    updatedAt: now,
    completedAt: status === 'partial' ? null : now,
  };
  const existingOf = (tx: Sql) =>
    q(
      forUpdate(
        tx
          .select({ id: responses.id, status: responses.status, isTest: responses.isTest })
          .from(responses)
          .where(and(eq(responses.surveyId, surveyId), eq(responses.clientId, input.clientId))),
      ),
    );
  return store.transaction(function* (tx): Generator<PromiseLike<unknown>, SubmissionResult, unknown> {
    let [existing] = yield* existingOf(tx);
    if (!existing) {
      const made = yield* q(
        tx
          .insert(responses)
          .values({ ...fields, surveyId, clientId: input.clientId, isTest: true, startedAt: now })
          .onConflictDoNothing()
          .returning({ id: responses.id }),
      );
      if (made.length) return { status };
      // The same clientId saved at the same moment elsewhere: go on from that save.
      [existing] = yield* existingOf(tx);
    }
    if (!existing.isTest) throw new AppError(409, 'not-a-test', 'clientId: belongs to a real response');
    if (existing.status !== 'partial') return { status: existing.status, duplicate: true };
    yield* q(tx.update(responses).set(fields).where(eq(responses.id, existing.id)));
    return { status };
  });
}

export function* testResponseCount(db: Sql, surveyId: string) {
  yield* surveyRow(db, surveyId);
  const [{ n }] = yield* q(
    db
      .select({ n: count() })
      .from(responses)
      .where(and(eq(responses.surveyId, surveyId), eq(responses.isTest, true))),
  );
  return n;
}

/** Deletes every test response of the survey and the preview snapshots they answered. */
export function* deleteTestResponses(tx: Sql, surveyId: string) {
  yield* surveyRow(tx, surveyId);
  const n = affected(
    yield* q(tx.delete(responses).where(and(eq(responses.surveyId, surveyId), eq(responses.isTest, true)))),
  );
  // A published version's test responses (none are made today) would keep it referenced; only snapshots go.
  yield* q(tx.delete(surveyVersions).where(and(eq(surveyVersions.surveyId, surveyId), lt(surveyVersions.version, 1))));
  return n;
}

// JSON inside <script> must not be able to close the tag or open a comment.

/** A short, stable fingerprint of the draft: a changed draft starts the preview afresh, an unchanged one resumes. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

export const previewRoutes = new Hono<AppEnv>()
  .get('/:id/preview', requireRole('researcher'), async (c) => {
    const clientDir = c.var.deps.clientDir;
    const file = clientDir && join(clientDir, 'respondent', 'index.html');
    if (!file || !existsSync(file)) throw notBuilt();
    const id = c.req.param('id');
    const { store, clock } = c.var.deps;
    const { versionId, definition } = await previewSnapshot(store, id, c.var.user!.id, clock.now());
    // "Restart" in the editor asks for a fresh respondent: the page keys its saved progress by slug.
    const restart = /^\d{1,9}$/.test(c.req.query('restart') ?? '') ? `-${c.req.query('restart')}` : '';
    const data: PublicSurvey = {
      slug: `preview-${versionId}-${fingerprint(JSON.stringify(definition))}${restart}`,
      status: 'open',
      versionId,
      definition,
      preview: { submitUrl: `/api/surveys/${encodeURIComponent(id)}/preview/responses`, csrf: c.var.csrf ?? '' },
    };
    const html = readFileSync(file, 'utf8').replace(
      '<!--survey-data-->',
      () => `<script type="application/json" id="survey-data">${safeJson(data)}</script>`,
    );
    c.header('Cache-Control', 'no-store');
    // Framed by the editor on the same origin; every other page keeps frame-ancestors 'none'.
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('Content-Security-Policy', PREVIEW_CSP);
    return c.html(html);
  })
  .post('/:id/preview/responses', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SubmissionSchema);
    return c.json(await submitTest(c.var.deps.store, c.req.param('id'), input, c.var.deps.clock.now()), 201);
  })
  .get('/:id/test-responses', requireRole('viewer'), async (c) =>
    c.json({ count: await c.var.deps.store.run((db) => testResponseCount(db, c.req.param('id'))) }),
  )
  .delete('/:id/test-responses', requireRole('researcher'), async (c) =>
    c.json({ deleted: await c.var.deps.store.transaction((tx) => deleteTestResponses(tx, c.req.param('id'))) }),
  );
