/** Health, readiness and metrics for operators; the audit log; this API's own description. */
import * as v from 'valibot';
import { AuditQuerySchema, type AuditPage } from '../audit';
import { described, file, json, page, routes } from './define';

export const operationRoutes = routes({
  'GET /api/health': {
    summary: 'The process answers',
    notes: ['Answers: `{ ok: true }`'],
    tag: 'Operations',
    access: 'public',
    answer: described(v.object({ ok: v.literal(true) })),
  },
  'GET /api/ready': {
    summary: 'The database answers (503 when it does not): for a load balancer',
    notes: ['Answers: `{ ready: true }`; 503 while the database does not answer'],
    tag: 'Operations',
    access: 'public',
    answer: described(v.object({ ready: v.literal(true) })),
  },
  'GET /metrics': {
    summary: 'Prometheus metrics (with METRICS_TOKEN set, as a bearer token)',
    description: 'Answers 404 while METRICS_TOKEN is not set.',
    tag: 'Operations',
    access: 'public',
    metricsToken: true,
    answer: file('text/plain'),
  },
  'GET /api/openapi.json': {
    summary: 'This API described as OpenAPI 3.1',
    tag: 'Operations',
    access: 'public',
    answer: json<Record<string, unknown>>('OpenAPI document'),
  },
  'GET /api/docs': {
    summary: 'This API as a page to read',
    tag: 'Operations',
    access: 'public',
    answer: page(),
  },
  'GET /api/audit': {
    summary: 'The audit log, newest first, a page at a time',
    notes: [
      'Takes: `before=<id>`, `limit` (≤500, default 100), `area`, `actor=<userId>`, `survey=<surveyId>`',
      'Answers: `{ entries, next }` newest first (`shared/api/audit.ts`): who (name, e-mail, role, copied), when (`at`; repeats of one edit within 10 min add to `count` since `firstAt`), area, method and route with its parameters, target (survey slug or user e-mail), status, IP',
    ],
    tag: 'Audit',
    access: 'admin',
    query: AuditQuerySchema,
    answer: json<AuditPage>('AuditPage'),
  },
});
