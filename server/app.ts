import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { builtFile } from './http/built-file';
import { join, relative } from 'node:path';
import type { AppDeps, AppEnv, Deps } from './http/context';
import { sqliteStore } from './db/sqlite-store';
import { AppError, onError } from './http/errors';
import { securityHeaders } from './http/security';
import { sameOrigin } from './http/same-origin';
import { loadSession } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { apiTokenRoutes } from './auth/token-routes';
import { userRoutes } from './users/routes';
import { passwordRoutes } from './auth/password-routes';
import { userResetRoutes } from './users/reset-routes';
import { surveyRoutes } from './survey/routes';
import { reportRoutes } from './report/routes';
import { shareRoutes, sharedReportRoutes } from './report/share-routes';
import { planRoutes } from './plan/routes';
import { publicRoutes } from './collect/routes';
import { invitationPage, respondentPage } from './collect/page';
import { pageLimit } from './collect/page-limit';
import { collectAdminRoutes } from './collect/admin-routes';
import { demoRoutes } from './demo/routes';
import { alertRoutes, caseRoutes } from './alerts/routes';
import { customerRoutes } from './customers/routes';
import { unsubscribePage, unsubscribePost } from './customers/unsubscribe';
import { customerSurveyRoutes } from './customers/survey-routes';
import { requestId } from 'hono/request-id';
import { observe } from './ops/observe';
import { metricsRoute, readyRoute } from './ops/routes';
import { auditTrail } from './audit/log';
import { auditRoutes } from './audit/routes';
import { notBuilt } from './http/built-file';
import { codingRoutes } from './coding/routes';
import { apiDocsRoutes } from './openapi/routes';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CUSTOMER_IMPORTS = new Set(['/api/customers/import', '/api/customers/transactions/import']);
const SURVEY_IMPORTS = new Set(['/api/surveys/import', '/api/surveys/convert']);

/** Builds the whole app; `deps` carries the database, configuration and clock (tests pass their own). */
export function createApp(given: Deps) {
  const deps: AppDeps = { ...given, store: given.store ?? sqliteStore(given.db) };
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestId({ limitLength: 64 }), observe);
  app.use('*', securityHeaders);

  // A questionnaire file may hold up to 5,000,000 characters (shared/api/survey-import.ts), which
  // JSON escaping grows: its two routes take up to 12 MB whatever the general limit. The customer
  // register's imports carry whole CRM files, up to IMPORT_LIMIT_BYTES.
  const limitOf = (path: string) =>
    CUSTOMER_IMPORTS.has(path)
      ? deps.config.IMPORT_LIMIT_BYTES
      : SURVEY_IMPORTS.has(path)
        ? Math.max(deps.config.BODY_LIMIT_BYTES, 12 * 1024 * 1024)
        : deps.config.BODY_LIMIT_BYTES;
  const tooLarge = (limit: number) =>
    new AppError(413, 'too-large', `the body is larger than ${limit} bytes`, undefined, undefined, { limit });
  const streamingLimits = new Map<number, ReturnType<typeof bodyLimit>>();
  const streamingLimit = (limit: number) => {
    let mw = streamingLimits.get(limit);
    if (!mw)
      streamingLimits.set(
        limit,
        (mw = bodyLimit({
          maxSize: limit,
          onError: () => {
            throw tooLarge(limit);
          },
        })),
      );
    return mw;
  };
  // A declared Content-Length is checked without touching the body; only chunked bodies need the
  // streaming check, which would otherwise cost every submission a copy of its body. The customer
  // register's imports carry whole CRM files (100,000 customers, a million transactions).
  app.use('/api/*', async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const limit = limitOf(c.req.path);
    const declared = c.req.header('content-length');
    if (declared === undefined) return streamingLimit(limit)(c, next);
    if (Number(declared) > limit) throw tooLarge(limit);
    await next();
  });
  app.use('/api/*', sameOrigin);

  app.route('/api/public', publicRoutes);
  app.route('/api/public/reports', sharedReportRoutes);
  app.use('/api/*', loadSession);
  app.use('/api/*', auditTrail);
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api', apiDocsRoutes);
  app.route('/api/ready', readyRoute);
  app.route('/metrics', metricsRoute);
  app.route('/api/auth/tokens', apiTokenRoutes);
  app.route('/api/auth', authRoutes);
  app.route('/api/auth', passwordRoutes);
  app.route('/api/users', userResetRoutes);
  app.route('/api/users', userRoutes);
  app.route('/api/surveys', surveyRoutes);
  app.route('/api/surveys', reportRoutes);
  app.route('/api/surveys', shareRoutes);
  app.route('/api/surveys', planRoutes);
  app.route('/api/surveys', collectAdminRoutes);
  app.route('/api/surveys', alertRoutes);
  app.route('/api/surveys', codingRoutes);
  app.route('/api/cases', caseRoutes);
  app.route('/api/customers', customerRoutes);
  app.route('/api/surveys', customerSurveyRoutes);
  app.route('/api/demo', demoRoutes);
  app.route('/api/audit', auditRoutes);
  app.all('/api/*', (c) => {
    throw new AppError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`, undefined, undefined, {
      what: 'route',
    });
  });

  // A phone on a slow network gets the page (its first page's HTML, styles and survey) gzipped.
  app.get('/s/:slug', pageLimit, compress(), respondentPage);
  app.get('/i/:token', pageLimit, compress(), invitationPage);
  app.get('/u/:token', pageLimit, unsubscribePage);
  app.post('/u/:token', pageLimit, unsubscribePost);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, 'app', 'index.html'))) {
    const appHtml = join(clientDir, 'app', 'index.html');
    // serveStatic resolves root from the working directory.
    app.use(
      '/assets/*',
      async (c, next) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        await next();
      },
      serveStatic({ root: relative(process.cwd(), clientDir) || '.', precompressed: true }),
    );
    app.get('*', (c) => {
      const html = builtFile(appHtml);
      if (html === null) throw notBuilt();
      return c.html(html);
    });
  } else {
    app.get('*', () => {
      throw notBuilt();
    });
  }
  return app;
}
