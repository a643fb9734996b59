import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { builtFile } from './http/built-file';
import { join, relative } from 'node:path';
import type { AppEnv, Deps } from './http/context';
import { AppError, onError } from './http/errors';
import { securityHeaders } from './http/security';
import { loadSession } from './auth/middleware';
import { authRoutes } from './auth/routes';
import { apiTokenRoutes } from './auth/token-routes';
import { userRoutes } from './users/routes';
import { surveyRoutes } from './survey/routes';
import { reportRoutes } from './report/routes';
import { shareRoutes, sharedReportRoutes } from './report/share-routes';
import { planRoutes } from './plan/routes';
import { publicRoutes } from './collect/routes';
import { invitationPage, respondentPage } from './collect/page';
import { collectAdminRoutes } from './collect/admin-routes';
import { resumeMailJobs } from './collect/mail';
import { demoRoutes } from './demo/routes';
import { alertRoutes, caseRoutes } from './alerts/routes';
import { customerRoutes } from './customers/routes';
import { startOutbox } from './alerts/outbox';
import { requestId } from 'hono/request-id';
import { observe } from './ops/observe';
import { metricsRoute, readyRoute } from './ops/routes';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const IMPORTS = new Set(['/api/customers/import', '/api/customers/transactions/import']);

/** Builds the whole app; `deps` carries the database, configuration and clock (tests pass their own). */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestId({ limitLength: 64 }), observe);
  app.use('*', securityHeaders);

  const tooLarge = (max: number) => new AppError(413, 'too-large', `the body is larger than ${max} bytes`);
  const streamingLimit = bodyLimit({ maxSize: deps.config.BODY_LIMIT_BYTES, onError: () => { throw tooLarge(deps.config.BODY_LIMIT_BYTES); } });
  const importLimit = bodyLimit({ maxSize: deps.config.IMPORT_LIMIT_BYTES, onError: () => { throw tooLarge(deps.config.IMPORT_LIMIT_BYTES); } });
  // A declared Content-Length is checked without touching the body; only chunked bodies need the
  // streaming check, which would otherwise cost every submission a copy of its body. The customer
  // register's imports carry whole CRM files (100,000 customers, a million transactions).
  app.use('/api/*', async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const bulk = IMPORTS.has(c.req.path);
    const max = bulk ? deps.config.IMPORT_LIMIT_BYTES : deps.config.BODY_LIMIT_BYTES;
    const declared = c.req.header('content-length');
    if (declared === undefined) return (bulk ? importLimit : streamingLimit)(c, next);
    if (Number(declared) > max) throw tooLarge(max);
    await next();
  });
  // Belt and braces beside the CSRF token: a browser always sends Origin on cross-site writes.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (!SAFE.has(c.req.method) && origin && new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host)) {
      throw new AppError(403, 'cross-origin', 'cross-origin requests are not accepted');
    }
    await next();
  });

  app.route('/api/public', publicRoutes);
  app.route('/api/public/reports', sharedReportRoutes);
  app.use('/api/*', loadSession);
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/ready', readyRoute);
  app.route('/metrics', metricsRoute);
  app.route('/api/auth/tokens', apiTokenRoutes);
  app.route('/api/auth', authRoutes);
  app.route('/api/users', userRoutes);
  app.route('/api/surveys', surveyRoutes);
  app.route('/api/surveys', reportRoutes);
  app.route('/api/surveys', shareRoutes);
  app.route('/api/surveys', planRoutes);
  app.route('/api/surveys', collectAdminRoutes);
  app.route('/api/surveys', alertRoutes);
  app.route('/api/cases', caseRoutes);
  app.route('/api/customers', customerRoutes);
  app.route('/api/demo', demoRoutes);
  app.all('/api/*', (c) => { throw new AppError(404, 'not-found', `no route ${c.req.method} ${c.req.path}`); });

  // A phone on a slow network gets the page (its first page's HTML, styles and survey) gzipped.
  app.get('/s/:slug', compress(), respondentPage);
  app.get('/i/:token', compress(), invitationPage);
  resumeMailJobs(deps);
  startOutbox(deps);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, 'app', 'index.html'))) {
    const appHtml = join(clientDir, 'app', 'index.html');
    // serveStatic resolves root from the working directory.
    app.use('/assets/*', async (c, next) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      await next();
    }, serveStatic({ root: relative(process.cwd(), clientDir) || '.', precompressed: true }));
    app.get('*', (c) => {
      const html = builtFile(appHtml);
      if (html === null) throw new AppError(503, 'not-built', 'the client is not built: run npm run build');
      return c.html(html);
    });
  } else {
    app.get('*', () => { throw new AppError(503, 'not-built', 'the client is not built: run npm run build'); });
  }
  return app;
}
