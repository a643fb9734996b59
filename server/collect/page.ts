import { readFileSync } from 'node:fs';
import { builtFile } from '../http/built-file';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { invitationProgress, loadVersion, publicSurvey } from './service';
import { customerFlags } from '../customers/respondent-conditions';
import { invitationByToken, invitationUsed } from './invitation-link';
import { AppError } from '../http/errors';
import { CONTENT_SECURITY_POLICY } from '../http/security';
import type { InvitationState, PublicSurvey } from '../../shared/api/surveys';
import { eq } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { invitations, surveys } from '../db/tables';
import type { SubmitStatements } from './statements';
import { collectRun } from './unit';
import type { Unavailable } from '../../shared/survey/notices';
import { BOOT_HASH, BOOT_SCRIPT } from './first-page/boot';
import { esc } from './first-page/html';
import { renderNotice, renderOpen } from './first-page/render';
import { textDirection } from '../../shared/survey/survey-language';
import { notBuilt } from '../http/built-file';
import { TOKEN_16 } from '../../shared/api/tokens';
import { isCustomerField } from '../../shared/customers/fields';

function template(clientDir: string): string {
  const file = join(clientDir, 'respondent', 'index.html');
  // The stylesheet goes inline: a phone on a slow network then paints the server's first page
  // from the HTML alone, without waiting a round trip for render-blocking CSS.
  const html = builtFile(file, (text) =>
    text.replace(
      /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g,
      (_, path: string) =>
        `<style>${readFileSync(join(clientDir, path), 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`,
    ),
  );
  if (html === null) throw notBuilt();
  return html;
}

/** JSON safe inside a <script> element: it can't close the tag or open a comment. */
export const safeJson = (x: unknown) =>
  JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * An invitation link's state, with its saved progress: a phone that never saw this survey (or
 * lost its storage) continues where another device stopped.
 */
function* invitationState(
  ops: SubmitStatements,
  slug: string,
  versionId: number,
  token: string,
): Work<InvitationState> {
  const surveyId = (yield* ops.survey(slug))?.id ?? '';
  const inv = TOKEN_16.test(token) ? yield* invitationByToken(ops, surveyId, token) : null;
  if (!inv) return { state: 'unknown' };
  if (invitationUsed(inv)) return { state: 'used' };
  const saved = inv.clientId ? yield* invitationProgress(ops.tx, surveyId, inv.clientId) : null;
  const resume = saved && { clientId: inv.clientId!, ...saved };
  // The customer fields stay on the server, which takes them from the invitation: a respondent's
  // page should not show their tier and segment in its source. Display logic on them reaches it
  // as the flags of the conditions that hold (server/customers/respondent-conditions.ts).
  const def = (yield* loadVersion(ops, versionId))!.def;
  const hidden = {
    ...Object.fromEntries(Object.entries(inv.hidden).filter(([k]) => !isCustomerField(k))),
    ...customerFlags(def, inv.hidden),
  };
  return { state: 'open', token, hidden, lang: inv.lang, resume };
}

/**
 * The respondent page with its survey embedded, so the first question needs no second round trip,
 * and its first page already rendered (./first-page), so it is on screen before any script runs.
 * An unknown slug still gets the page (status 404), which tells the respondent in their language.
 */
export const respondentPage = (c: Context<AppEnv>) => page(c, c.req.param('slug') ?? '', c.req.query('t'));

/**
 * The short personal link of an invitation, `/i/<token>` (in e-mails, mail-merge files and QR
 * codes): the survey's page itself, not a redirect, which would cost a phone one more round trip.
 */
export async function invitationPage(c: Context<AppEnv>): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const slug = TOKEN_16.test(token) ? await c.var.deps.store.run((db) => surveySlugOf(db, token)) : null;
  return page(c, slug, token);
}

function* surveySlugOf(db: Sql, token: string): Work<string | null> {
  const [row] = yield* q(
    db
      .select({ slug: surveys.slug })
      .from(invitations)
      .innerJoin(surveys, eq(surveys.id, invitations.surveyId))
      .where(eq(invitations.token, token)),
  );
  return row?.slug ?? null;
}

async function page(c: Context<AppEnv>, slug: string | null, token: string | undefined): Promise<Response> {
  const clientDir = c.var.deps.clientDir;
  if (!clientDir) throw notBuilt();
  let data: PublicSurvey | { status: 'not-found' };
  let status: 200 | 404 = 200;
  try {
    if (slug === null)
      throw new AppError(404, 'not-found', 'no such invitation', undefined, undefined, { what: 'invitation' });
    const now = c.var.deps.clock.now();
    data = await collectRun(c.var.deps, function* (ops) {
      const survey = yield* publicSurvey(ops, slug, now);
      if (token !== undefined && survey.definition && survey.versionId !== null)
        survey.invitation = yield* invitationState(ops, survey.slug, survey.versionId, token);
      return survey;
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 404) throw e;
    data = { status: 'not-found' };
    status = 404;
  }
  const req = { query: new URL(c.req.url).searchParams, acceptLanguage: c.req.header('accept-language') };
  const unavailable = unavailableKind(data);
  const first =
    unavailable || !('definition' in data) || !data.definition || data.versionId === null
      ? await renderNotice(unavailable ?? 'not-found', req)
      : await renderOpen({ ...data, versionId: data.versionId, definition: data.definition }, req);
  if (first.rendered && 'slug' in data) data.rendered = first.rendered;
  // Replacer functions, not strings: a survey text or an answer holding "$'" must stay text.
  const html = template(clientDir)
    .replace('<html lang="en">', () => `<html lang="${esc(first.lang)}" dir="${textDirection(first.lang)}">`)
    .replace('<title>Survey</title>', () => `<title>${esc(first.title)}</title>`)
    .replace('<!--survey-data-->', () => `<script type="application/json" id="survey-data">${safeJson(data)}</script>`)
    .replace(
      '<div id="root"></div>',
      () => `<div id="root"${first.rootAttrs}>${first.html}</div><script>${BOOT_SCRIPT}</script>`,
    );
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', CSP);
  return c.html(html, status);
}

// The site's policy, plus the page's one inline script by its hash.
const CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${BOOT_HASH}`);

/** The message page shown instead of questions, as client/respondent/data.ts decides it. */
function unavailableKind(data: PublicSurvey | { status: 'not-found' }): Unavailable | null {
  if (
    data.status === 'closed' ||
    data.status === 'paused' ||
    data.status === 'not-yet-open' ||
    data.status === 'full' ||
    data.status === 'not-found'
  )
    return data.status;
  if (!('slug' in data)) return 'not-found';
  if (data.invitation?.state === 'used') return 'used';
  if (data.invitation?.state === 'unknown') return 'not-found';
  return data.status === 'open' ? null : 'not-found';
}
