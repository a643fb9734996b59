/**
 * The queries of the submission path, behind one interface with a module per dialect:
 * statements.sqlite.ts (prepared statements run at once, so a submission on SQLite costs what it
 * did before units of work) and statements.pg.ts (the same queries, yielded to the store's
 * transaction). The submission's logic (service.ts, alerts/hook.ts) is written once against this.
 * Every read here returns rows as stored, parsed from JSON where the column holds JSON.
 */
import type { InvitationStatus } from '../../shared/api/collect';
import type { SubmissionResult } from '../../shared/api/surveys';
import type { ComplaintType, Severity } from '../../shared/api/complaints';
import type { Sql, Work } from '../db/store';
import type { Memo } from './memo';

export type ResponseStatus = SubmissionResult['status'];

export interface SurveyRow {
  id: string;
  slug: string;
  status: 'draft' | 'open' | 'paused' | 'closed';
  currentVersionId: number | null;
  currentWave: number;
  /** The collection rules as stored: JSON text on SQLite, parsed on PostgreSQL (read with rules.ts's settingsOf). */
  settings: unknown;
  /** Bumped by every save of the survey's plan, alert rules, alert settings or webhooks: what cached rules are checked against. */
  rulesStamp: number;
}

export interface VersionRow {
  surveyId: string;
  version: number;
  definition: unknown;
}

export interface InvitationRow {
  id: string;
  status: InvitationStatus;
  clientId: string | null;
  hidden: Record<string, string>;
  lang: string | null;
  customerId: string | null;
}

export interface ExistingResponse {
  id: number;
  status: ResponseStatus;
  wave: number;
  startedAt: number;
}

/** What a save writes to the response's row, whether it creates it or updates it. */
export interface ResponseFields {
  versionId: number;
  status: ResponseStatus;
  answers: string;
  coded: Buffer | null;
  hidden: string;
  lang: string;
  pageTimes: string;
  page: number;
  quotaCell: string | null;
  updatedAt: number;
  completedAt: number | null;
  duration: number | null;
  customerId: string | null;
}

export interface NewResponse extends ResponseFields {
  surveyId: string;
  clientId: string;
  isTest: boolean;
  startedAt: number;
  wave: number;
  resumeKeyHash: string;
}

export interface CustomerRow {
  id: string;
  externalId: string;
  tier: number | null;
  segment: string | null;
}

export interface NewCase {
  id: string;
  surveyId: string;
  ruleId: string;
  ruleName: string;
  responseId: number;
  ownerId: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  complaintType: ComplaintType | null;
  severity: Severity | null;
  dueAt: number;
  now: number;
}

export interface SubmitStatements {
  /** The unit of work's query builder, for the units the submission calls (the outbox's enqueue). */
  readonly tx: Sql;
  /** What this database's submissions keep in memory (parsed versions, quota rules, alert plans). */
  readonly memo: Memo;
  /**
   * Whether a save tries the insert before reading the response: on PostgreSQL a new response is
   * the common case and each query is a round trip, so the row is read only when the insert
   * conflicts. SQLite reads first, which costs nothing there.
   */
  readonly insertsFirst: boolean;
  survey(slug: string): Work<SurveyRow | undefined>;
  version(versionId: number): Work<VersionRow | undefined>;
  /** The invitation of a token; on PostgreSQL its row stays locked until the submission ends. */
  invitation(surveyId: string, token: string): Work<InvitationRow | undefined>;
  /** The response a clientId already has; on PostgreSQL its row stays locked until the submission ends. */
  existing(surveyId: string, clientId: string): Work<ExistingResponse | undefined>;
  /**
   * Completes of the survey that count against its cap: every wave, test responses aside. On
   * PostgreSQL it first takes the survey's cap lock, so racers for the last places count in turn.
   */
  completes(surveyId: string): Work<number>;
  /**
   * Completes of one quota cell in one wave. On PostgreSQL it first takes the cell's transaction
   * lock, so racers for a cell's last place on any node count one after the other.
   */
  cellCompletes(surveyId: string, cell: string, wave: number): Work<number>;
  /** Creates the response and returns its id, or null when another transaction created it first. */
  insert(row: NewResponse): Work<number | null>;
  update(id: number, row: ResponseFields): Work<void>;
  followInvitation(id: string, status: InvitationStatus, clientId: string, now: number): Work<void>;
  /** The stored plan's JSON. */
  plan(surveyId: string): Work<unknown>;
  customer(externalId: string): Work<CustomerRow | undefined>;
  /** The register's value settings as stored (JSON), if any. */
  valueSettings(): Work<unknown>;
  alertRules(surveyId: string): Work<{ id: string; name: string; spec: unknown }[]>;
  webhooks(surveyId: string): Work<{ id: string; events: string[] }[]>;
  alertSettings(surveyId: string): Work<unknown>;
  user(id: string): Work<{ id: string; name: string; email: string } | undefined>;
  /** Opens a case; false when the response already has one for that rule. */
  openCase(c: NewCase): Work<boolean>;
  caseOpened(caseId: string, data: unknown, at: number): Work<void>;
}
