import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { rateLimit } from '../http/rate-limit';
import { SubmissionSchema, type SubmissionResult } from '../../shared/api/surveys';
import * as collect from './service';
import { submitGrouped } from './group-commit';
import { collectRun, collectTransaction } from './unit';
import { metrics } from '../ops/metrics';
import { AppError } from '../http/errors';
import { RESUME_KEY_HEADER, RESUME_KEY_PATTERN } from './resume';

/** A submission's time to its commit, as the group commit times SQLite's. */
async function timed<T>(stored: Promise<T>): Promise<T> {
  const received = performance.now();
  try {
    return await stored;
  } finally {
    metrics.submissionSeconds.observe((performance.now() - received) / 1000);
  }
}

const limit = rateLimit('the survey', (c) => c.var.deps.config.RATE_LIMIT_PER_MINUTE);

/** Public, unauthenticated endpoints of the respondent page. */
export const publicRoutes = new Hono<AppEnv>()
  .use(limit)
  .get('/s/:slug', async (c) => {
    c.header('Cache-Control', 'no-store');
    const now = c.var.deps.clock.now();
    return c.json(await collectRun(c.var.deps, (ops) => collect.publicSurvey(ops, c.req.param('slug'), now)));
  })
  .get('/s/:slug/responses/:clientId', async (c) => {
    c.header('Cache-Control', 'no-store');
    const key = c.req.header(RESUME_KEY_HEADER);
    if (!key || !RESUME_KEY_PATTERN.test(key)) {
      throw new AppError(
        400,
        'invalid',
        `${RESUME_KEY_HEADER}: the resume key given when the response was created is needed`,
        RESUME_KEY_HEADER,
      );
    }
    const { slug, clientId } = c.req.param();
    return c.json(await c.var.deps.store.run((db) => collect.progress(db, slug, clientId, key)));
  })
  .post('/s/:slug/responses', async (c) => {
    const input = await parseJson(c, SubmissionSchema);
    // A filled honeypot is a bot: answer as if stored, store nothing, teach it nothing.
    if (input.website)
      return c.json({ status: input.complete ? 'complete' : 'partial' } satisfies SubmissionResult, 201);
    const slug = c.req.param('slug');
    const now = c.var.deps.clock.now();
    // SQLite shares one commit among the submissions of a busy moment; PostgreSQL gives each its own transaction.
    const { result, created, resumeKey } =
      c.var.deps.store.dialect === 'sqlite'
        ? await submitGrouped(c.var.deps.db, slug, input, now)
        : await timed(collectTransaction(c.var.deps, (ops) => collect.submitWork(ops, slug, input, now)));
    if (resumeKey) c.header(RESUME_KEY_HEADER, resumeKey);
    return c.json(result, created ? 201 : 200);
  });
