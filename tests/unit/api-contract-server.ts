/**
 * The server's handlers answer what the contract says: for every JSON route of every router, the
 * type the handler's `c.json(…)` returns must fit the contract's answer type. Checked by `tsc` (in
 * `npm test`): a handler that starts answering another shape fails to compile here.
 */
import type { ExtractSchema } from 'hono/types';
import type { ApiRoutes } from '../../shared/api/contract';
import type { Answer } from '../../shared/api/contract/define';
import type { alertRoutes, caseRoutes } from '../../server/alerts/routes';
import type { auditRoutes } from '../../server/audit/routes';
import type { authRoutes } from '../../server/auth/routes';
import type { passwordRoutes } from '../../server/auth/password-routes';
import type { apiTokenRoutes } from '../../server/auth/token-routes';
import type { collectAdminRoutes } from '../../server/collect/admin-routes';
import type { publicRoutes } from '../../server/collect/routes';
import type { customerRoutes } from '../../server/customers/routes';
import type { customerSurveyRoutes } from '../../server/customers/survey-routes';
import type { codingRoutes } from '../../server/coding/routes';
import type { demoRoutes } from '../../server/demo/routes';
import type { readyRoute } from '../../server/ops/routes';
import type { planRoutes } from '../../server/plan/routes';
import type { reportRoutes } from '../../server/report/routes';
import type { shareRoutes, sharedReportRoutes } from '../../server/report/share-routes';
import type { surveyRoutes } from '../../server/survey/routes';
import type { userResetRoutes } from '../../server/users/reset-routes';
import type { userRoutes } from '../../server/users/routes';

type Join<Prefix extends string, P> = P extends '/' ? Prefix : P extends string ? `${Prefix}${P}` : never;
/** The contract's answer for a route; a download (`file`) may be made with c.json, and is not checked. */
type AnswerOf<K> = K extends keyof ApiRoutes
  ? ApiRoutes[K]['answer'] extends Answer<unknown, 'file'>
    ? unknown
    : ApiRoutes[K]['answer'] extends Answer<infer T>
      ? T
      : never
  : never;
/** What a handler answers as JSON, less a refusal it answers itself (the 503 of a database that doesn't answer). */
type Success<E> = Exclude<Extract<E, { outputFormat: 'json' }>, { status: 503 }>;

/** The routes of `R` mounted at `Prefix` whose JSON answer doesn't fit the contract (or that it lacks). */
type Misfits<R, Prefix extends string> = {
  [P in keyof ExtractSchema<R>]: {
    [M in keyof ExtractSchema<R>[P]]: [Success<ExtractSchema<R>[P][M]>] extends [never]
      ? never
      : Success<ExtractSchema<R>[P][M]> extends { output: infer O }
        ? M extends `$${infer m}`
          ? [O] extends [AnswerOf<`${Uppercase<m>} ${Join<Prefix, P>}`>]
            ? never
            : `${Uppercase<m>} ${Join<Prefix, P>}`
          : never
        : never;
  }[keyof ExtractSchema<R>[P]];
}[keyof ExtractSchema<R>];

/** Mounted as server/app.ts mounts them. */
type AllMisfits =
  | Misfits<typeof authRoutes, '/api/auth'>
  | Misfits<typeof passwordRoutes, '/api/auth'>
  | Misfits<typeof apiTokenRoutes, '/api/auth/tokens'>
  | Misfits<typeof userRoutes, '/api/users'>
  | Misfits<typeof userResetRoutes, '/api/users'>
  | Misfits<typeof surveyRoutes, '/api/surveys'>
  | Misfits<typeof reportRoutes, '/api/surveys'>
  | Misfits<typeof shareRoutes, '/api/surveys'>
  | Misfits<typeof planRoutes, '/api/surveys'>
  | Misfits<typeof collectAdminRoutes, '/api/surveys'>
  | Misfits<typeof alertRoutes, '/api/surveys'>
  | Misfits<typeof caseRoutes, '/api/cases'>
  | Misfits<typeof customerRoutes, '/api/customers'>
  | Misfits<typeof customerSurveyRoutes, '/api/surveys'>
  | Misfits<typeof codingRoutes, '/api/surveys'>
  | Misfits<typeof demoRoutes, '/api/demo'>
  | Misfits<typeof auditRoutes, '/api/audit'>
  | Misfits<typeof publicRoutes, '/api/public'>
  | Misfits<typeof sharedReportRoutes, '/api/public/reports'>
  | Misfits<typeof readyRoute, '/api/ready'>;

/** Compiles only while there is no misfit; otherwise the compiler lists them as missing properties. */
export const misfits: Record<AllMisfits, never> = {};
