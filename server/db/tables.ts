import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import { DIALECT } from './dialect';
import * as pg from './pg-schema';
import * as sqlite from './schema';

/**
 * The tables of this process's dialect, typed as the SQLite ones: a query written once against them
 * builds SQL for whichever database the store holds. That is sound only because the two schemas are
 * twins, which the type below proves table by table (a table or column missing from one, or of
 * another type, fails the typecheck).
 */
const tables: typeof sqlite = DIALECT === 'pg' ? (pg as unknown as typeof sqlite) : sqlite;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Sqlite = typeof sqlite;
type Pg = typeof pg;
/** The names of tables whose twin is missing or differs in a column; must stay empty. */
type Unmatched = {
  [K in keyof Sqlite | keyof Pg]: K extends keyof Sqlite & keyof Pg
    ? Same<InferSelectModel<Sqlite[K]>, InferSelectModel<Pg[K]>> extends true
      ? Same<InferInsertModel<Sqlite[K]>, InferInsertModel<Pg[K]>> extends true
        ? never
        : K
      : K
    : K;
}[keyof Sqlite | keyof Pg];
const unmatched: [Unmatched] extends [never] ? true : Unmatched = true;
void unmatched;

export const {
  users,
  sessions,
  apiTokens,
  userInvites,
  surveys,
  surveyVersions,
  responses,
  plans,
  invitations,
  mailJobs,
  reportShares,
  reportSettings,
  alertRules,
  alertSettings,
  cases,
  caseEvents,
  webhooks,
  outbox,
  outboxAttempts,
  passwordResets,
  auditLog,
  customers,
  customerImports,
  customerTransactions,
  customerSettings,
  loginAttempts,
  customerImportRows,
  unsubscribes,
  customerDraws,
  codingFrames,
  codingCodes,
  codingAssignments,
  codingActions,
  customerValueHistory,
  customerSuppressions,
  codingFrameEdits,
} = tables;
