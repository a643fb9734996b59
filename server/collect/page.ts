import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { progress, publicSurvey } from './service';
import { invitationByToken, invitationUsed } from './invitation-link';
import { AppError } from '../http/errors';
import type { InvitationState, PublicSurvey } from '../../shared/api/surveys';
import type { Db } from '../db/client';

const templates = new Map<string, string>();

function template(clientDir: string): string {
  let html = templates.get(clientDir);
  if (html === undefined) {
    const file = join(clientDir, 'respondent', 'index.html');
    if (!existsSync(file)) throw new AppError(503, 'not-built', 'the client is not built: run npm run build');
    html = readFileSync(file, 'utf8');
    templates.set(clientDir, html);
  }
  return html;
}

// JSON inside <script> must not be able to close the tag or open a comment.
const safeJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * An invitation link's state, with its saved progress: a phone that never saw this survey (or
 * lost its storage) continues where another device stopped.
 */
function invitationState(db: Db, slug: string, token: string): InvitationState {
  const surveyId = (db.$client.prepare('select id from surveys where slug = ?').pluck().get(slug) as string | undefined) ?? '';
  const inv = /^[A-Za-z0-9_-]{22}$/.test(token) ? invitationByToken(db, surveyId, token) : null;
  if (!inv) return { state: 'unknown' };
  if (invitationUsed(inv)) return { state: 'used' };
  let resume = null;
  if (inv.clientId) {
    const p = progress(db, slug, inv.clientId);
    resume = { clientId: inv.clientId, versionId: p.versionId, page: p.page, answers: p.answers };
  }
  return { state: 'open', token, hidden: inv.hidden, lang: inv.lang, resume };
}

/**
 * The respondent page with its survey embedded, so the first question needs no second round trip.
 * An unknown slug still gets the page (status 404), which tells the respondent in their language.
 */
export function respondentPage(c: Context<AppEnv>): Response {
  const clientDir = c.var.deps.clientDir;
  if (!clientDir) throw new AppError(503, 'not-built', 'the client is not built: run npm run build');
  let data: PublicSurvey | { status: 'not-found' };
  let status: 200 | 404 = 200;
  try {
    data = publicSurvey(c.var.deps.db, c.req.param('slug') ?? '', c.var.deps.clock.now());
    const token = c.req.query('t');
    if (token !== undefined && data.definition) data.invitation = invitationState(c.var.deps.db, data.slug, token);
  } catch (e) {
    if (!(e instanceof AppError) || e.status !== 404) throw e;
    data = { status: 'not-found' };
    status = 404;
  }
  const html = template(clientDir).replace(
    '<!--survey-data-->',
    `<script type="application/json" id="survey-data">${safeJson(data)}</script>`,
  );
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}
