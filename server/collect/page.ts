import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context';
import { publicSurvey } from './service';
import { AppError } from '../http/errors';
import type { PublicSurvey } from '../../shared/api/surveys';

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
 * The respondent page with its survey embedded, so the first question needs no second round trip.
 * An unknown slug still gets the page (status 404), which tells the respondent in their language.
 */
export function respondentPage(c: Context<AppEnv>): Response {
  const clientDir = c.var.deps.clientDir;
  if (!clientDir) throw new AppError(503, 'not-built', 'the client is not built: run npm run build');
  let data: PublicSurvey | { status: 'not-found' };
  let status: 200 | 404 = 200;
  try {
    data = publicSurvey(c.var.deps.db, c.req.param('slug') ?? '');
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
