/**
 * The database schema for PostgreSQL: the twin of schema.ts (SQLite), table for table and column
 * for column, so one query written against schema.ts runs on either (server/db/tables.ts checks
 * that the row types agree). Where the dialects differ: times and money are bigint (epoch ms and
 * minor units outgrow int4), flags are boolean, JSON documents are `json` (kept as written, key
 * order included), the coded answers are bytea, durations double precision.
 */
import { sql } from 'drizzle-orm';
import type { FrameEditUndo } from '../../shared/coding/frame-edit';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const users = pgTable('users', {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: ['admin', 'researcher', 'viewer'] }).notNull(),
  passwordHash: text(),
  locale: text(),
  createdAt: bigint({ mode: 'number' }).notNull(),
});

/** Only a hash of the session token is stored, so a leaked database can't sign anyone in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    expiresAt: bigint({ mode: 'number' }).notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Personal API tokens for integrations (a CRM, a BI tool) that cannot hold a session cookie. Only
 * the token's hash is stored; it acts with its owner's current role, or a lower one chosen at
 * creation, and ends with its owner.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** The secret's first characters, shown in the list to tell tokens apart. */
    prefix: text().notNull(),
    role: text({ enum: ['admin', 'researcher', 'viewer'] }).notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    lastUsedAt: bigint({ mode: 'number' }),
    expiresAt: bigint({ mode: 'number' }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** An invitation to join as a user: a single-use token (stored hashed) that lets the invitee set a password. */
export const userInvites = pgTable('user_invites', {
  tokenHash: text().primaryKey(),
  email: text().notNull(),
  role: text({ enum: ['admin', 'researcher', 'viewer'] }).notNull(),
  /** Null once the inviting admin's account is deleted; the invitation's history stays. */
  invitedBy: text().references(() => users.id, { onDelete: 'set null' }),
  expiresAt: bigint({ mode: 'number' }).notNull(),
  usedAt: bigint({ mode: 'number' }),
  createdAt: bigint({ mode: 'number' }).notNull(),
});

export const surveys = pgTable('surveys', {
  id: text().primaryKey(),
  slug: text().notNull().unique(),
  /** The working copy the builder edits (JSON of SurveyDefinition); publishing freezes it into a version. */
  draft: json().notNull(),
  status: text({ enum: ['draft', 'open', 'paused', 'closed'] })
    .notNull()
    .default('draft'),
  currentVersionId: integer(),
  /** Responses are stamped with the wave open when they start; a plan with a frequency opens the next. */
  currentWave: integer().notNull().default(1),
  /**
   * Bumped by every save of the survey's plan, alert rules, alert settings or webhooks, in the same
   * transaction: each node keeps what it derived from them (quota rules, alert plans) only while the
   * stamp it reads with the survey row is unchanged (server/collect/memo.ts).
   */
  rulesStamp: integer().notNull().default(0),
  /** Collection rules (open/close dates, response cap, kiosk mode), JSON; see shared/api/surveys.ts. */
  settings: json().notNull().default({}),
  /** Null for surveys made by the system (the demo study). */
  createdBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: bigint({ mode: 'number' }).notNull(),
  updatedAt: bigint({ mode: 'number' }).notNull(),
});

/** Immutable: a row is written once at publish and never updated. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    definition: json().notNull(),
    publishedBy: text().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_uq').on(t.surveyId, t.version)],
);

/**
 * One row per response, answers as one JSON document: one insert per submission is what lets
 * ingestion reach thousands per second (30 answer rows per response, each indexed, measured
 * ~1,000/s here). Reports read these rows once into per-survey columnar arrays and keep them
 * up to date incrementally by completion time (see server/report/dataset.ts), so aggregation never parses
 * JSON twice.
 */
export const responses = pgTable(
  'responses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    versionId: integer()
      .notNull()
      .references(() => surveyVersions.id),
    /** Made by the respondent's browser; makes retries and double taps idempotent. */
    clientId: text().notNull(),
    status: text({ enum: ['partial', 'complete', 'screened-out', 'over-quota'] }).notNull(),
    answers: text().notNull(),
    /**
     * The answers of a completed response again, coded for the report (server/report/coded-answers.ts):
     * a million of these read in a fraction of the time the JSON takes. Null on other responses.
     */
    coded: bytea(),
    hidden: text(),
    lang: text(),
    pageTimes: text(),
    wave: integer().notNull().default(1),
    /** The quota cell this response falls in (e.g. "gold|north"), once its quota variables are known. */
    quotaCell: text(),
    /** Index of the page the respondent is on, for resuming. */
    page: integer().notNull().default(0),
    /**
     * SHA-256 of the resume key handed to the respondent's device when the response was created
     * (server/collect/resume.ts): reading saved answers back needs the key, never the clientId alone.
     */
    resumeKeyHash: text(),
    isTest: boolean().notNull().default(false),
    startedAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
    completedAt: bigint({ mode: 'number' }),
    /**
     * How long the response took, in ms, once it ended: its page times summed, or without them the
     * time from its first save (server/report/coded-answers.ts, responseDuration).
     */
    duration: doublePrecision(),
    /** The register's customer who answered (server/customers/links.ts); cleared when the customer is erased. */
    customerId: text(),
  },
  (t) => [
    uniqueIndex('responses_client_uq').on(t.surveyId, t.clientId),
    index('responses_survey_status_completed_idx').on(t.surveyId, t.status, t.completedAt),
    // Every count the app makes, from a range of this index alone (no table rows): the quota check
    // on each submission (completes of one cell in one wave), counts by status (survey list,
    // fieldwork, the response cap), per quota cell and per version, and the durations of a wave's
    // completes for their median. Without it a survey of a million responses took 5–10 s to list
    // or to show its fieldwork.
    index('responses_survey_counts_idx').on(
      t.surveyId,
      t.status,
      t.isTest,
      t.wave,
      t.quotaCell,
      t.duration,
      t.versionId,
    ),
    // What the report reads of each counted response, by id. PostgreSQL caps an index entry near
    // 2.7 kB, so the coded form and hidden fields stay in the table rows here.
    index('responses_report_idx').on(t.surveyId, t.id).where(sql`status = 'complete' and is_test = false`),
    // The counted responses still without a coded form (server/report/recode.ts): empty once they
    // are coded, so the check at each start-up costs nothing, where scanning the report index for
    // them took 0.2 s at a million responses, and 20 s with the file out of the OS cache.
    index('responses_uncoded_idx')
      .on(t.surveyId, t.id)
      .where(sql`status = 'complete' and is_test = false and coded is null`),
    // One customer's responses (the customer page, erasure): only linked responses are in it.
    index('responses_customer_idx').on(t.customerId).where(sql`customer_id is not null`),
  ],
);

/** The research plan of a survey (one per survey), a JSON document validated by shared/plan. */
export const plans = pgTable('plans', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  data: json().notNull(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: bigint({ mode: 'number' }).notNull(),
});

/**
 * A personal invitation: its token is the link's secret (128 random bits, base64url). It is kept
 * in the clear because reminders and mail-merge files must carry the same link again; it is
 * unguessable, single-use, and only opens this survey.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    token: text().notNull().unique(),
    name: text(),
    email: text(),
    lang: text(),
    /** Values of the contact list's extra columns, by declared hidden field. */
    hidden: json().notNull().$type<Record<string, string>>().default({}),
    /** The register's customer invited (server/customers/links.ts); cleared when the customer is erased. */
    customerId: text(),
    status: text({ enum: ['not-started', 'started', 'completed', 'over-quota', 'screened-out'] })
      .notNull()
      .default('not-started'),
    /** The response made through this invitation (its clientId), once one has been saved. */
    clientId: text(),
    /** The mail job this contact is still waiting in, if any; cleared when it is sent or fails. */
    jobId: text(),
    sentAt: bigint({ mode: 'number' }),
    remindedAt: bigint({ mode: 'number' }),
    lastError: text(),
    /** Until when a node is sending this contact its mail (of job `jobId`); another takes it over after that. */
    leaseUntil: bigint({ mode: 'number' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    index('invitations_survey_status_idx').on(t.surveyId, t.status),
    index('invitations_job_idx').on(t.jobId),
    index('invitations_customer_idx').on(t.customerId, t.createdAt),
  ],
);

/** Sending invitations or reminders in the background; a row per run, picked up again after a restart. */
export const mailJobs = pgTable(
  'mail_jobs',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['invitation', 'reminder'] }).notNull(),
    status: text({ enum: ['running', 'done'] })
      .notNull()
      .default('running'),
    /** The address links are made with, taken from the request that started the job (PUBLIC_URL wins). */
    baseUrl: text(),
    total: integer().notNull(),
    sent: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
    finishedAt: bigint({ mode: 'number' }),
  },
  (t) => [index('mail_jobs_survey_idx').on(t.surveyId, t.createdAt)],
);

/**
 * A read-only report link for managers without an account: the token is shown once and only its
 * hash is kept; revoking sets revokedAt. The link opens the report in `lang`.
 */
export const reportShares = pgTable(
  'report_shares',
  {
    id: text().primaryKey(),
    tokenHash: text().notNull().unique(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    lang: text().notNull(),
    label: text(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
    revokedAt: bigint({ mode: 'number' }),
  },
  (t) => [index('report_shares_survey_idx').on(t.surveyId)],
);

/**
 * What the research team saves with a survey's report for all its readers (one row per survey):
 * for now the loyalty-value inputs, JSON validated by shared/api/report-settings.ts.
 */
export const reportSettings = pgTable('report_settings', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  loyaltyValue: json(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: bigint({ mode: 'number' }).notNull(),
});

/**
 * An alert rule of a survey: when a completed response meets `spec.when` (and `spec.segment`), a
 * follow-up case opens for the owner the spec names or routes to. The spec is one JSON document
 * validated by shared/api/alerts.ts, so the rule's shape can grow without a migration.
 */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    enabled: boolean().notNull().default(true),
    spec: json().notNull(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('alert_rules_survey_idx').on(t.surveyId)],
);

/** Per-survey settings of closing the loop: due hours per priority, the linked follow-up survey, e-mail to owners. */
export const alertSettings = pgTable('alert_settings', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  data: json().notNull(),
  updatedAt: bigint({ mode: 'number' }).notNull(),
});

/**
 * A follow-up case: opened in the transaction that completes the response it is about. The unique
 * index on (response, rule) is what makes a second case for the same trigger impossible.
 */
export const cases = pgTable(
  'cases',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    ruleId: text().references(() => alertRules.id, { onDelete: 'set null' }),
    /** The rule's name when the case opened, so the case still reads right after the rule is edited or deleted. */
    ruleName: text().notNull(),
    responseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    ownerId: text().references(() => users.id, { onDelete: 'set null' }),
    status: text({ enum: ['open', 'in-progress', 'resolved', 'closed'] })
      .notNull()
      .default('open'),
    priority: text({ enum: ['low', 'normal', 'high', 'urgent'] }).notNull(),
    dueAt: bigint({ mode: 'number' }).notNull(),
    openedAt: bigint({ mode: 'number' }).notNull(),
    resolvedAt: bigint({ mode: 'number' }),
    updatedAt: bigint({ mode: 'number' }).notNull(),
    /** When the owner last opened the case; null (unread) until then and again after a reassignment. */
    readAt: bigint({ mode: 'number' }),
    /** The complaint's type as the customer-relationship texts classify it; null until someone classifies it. */
    complaintType: text({ enum: ['product-quality', 'service', 'price', 'honesty'] }),
    /** General or serious; null until someone classifies it. */
    severity: text({ enum: ['general', 'serious'] }),
    /**
     * The customer's pyramid tier (0 the top) when the case opened, so complaints by tier do not move
     * as the customer's value changes; null when the response had no customer with a tier then, and
     * for cases opened before it was recorded.
     */
    customerTier: integer(),
  },
  (t) => [
    uniqueIndex('cases_response_rule_uq').on(t.responseId, t.ruleId),
    index('cases_owner_status_idx').on(t.ownerId, t.status),
    index('cases_survey_opened_idx').on(t.surveyId, t.openedAt),
  ],
);

/** Who did what to a case, in order: opened, notes, status, owner and priority changes, escalation when overdue. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    caseId: text()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Null for the system (the case opening by itself). */
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    /** `escalated`: the system noticed the case was still active at its due time (once per case). */
    kind: text({
      enum: ['opened', 'note', 'status', 'owner', 'priority', 'escalated', 'complaint-type', 'severity'],
    }).notNull(),
    data: json().notNull(),
    at: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/**
 * A URL a survey posts events to (case.opened, case.updated, response.completed). The secret signs
 * each body (HMAC-SHA256); it is kept in the clear because signing needs it, and shown only once.
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    events: json().notNull().$type<string[]>(),
    secret: text().notNull(),
    enabled: boolean().notNull().default(true),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('webhooks_survey_idx').on(t.surveyId)],
);

/**
 * The outbox: a message written in the same transaction as the event it tells of, sent after the
 * commit by the delivery worker, retried with back-off, picked up again after a restart. The id is
 * the delivery id receivers use to drop duplicates.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: text().primaryKey(),
    kind: text({ enum: ['webhook', 'email'] }).notNull(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    webhookId: text().references(() => webhooks.id, { onDelete: 'cascade' }),
    /** The e-mail address, for kind 'email'. */
    recipient: text(),
    event: text().notNull(),
    /** The exact body sent (and signed) on every attempt. */
    body: text().notNull(),
    status: text({ enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: bigint({ mode: 'number' }).notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    deliveredAt: bigint({ mode: 'number' }),
    lastError: text(),
    /**
     * Until when the node in `claimedBy` is sending it: no other node takes it before then, and
     * one that dies mid-send leaves it to be retried by another once this passes.
     */
    leaseUntil: bigint({ mode: 'number' }),
    claimedBy: text(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/** Every delivery attempt with its result: the HTTP status or the error. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    outboxId: text()
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    at: bigint({ mode: 'number' }).notNull(),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index('outbox_attempts_outbox_idx').on(t.outboxId)],
);

/**
 * A password reset link (sent by e-mail or handed over by an admin): single use, expiring, and
 * only the token's hash is kept. A password change deletes the user's outstanding ones.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: bigint({ mode: 'number' }).notNull(),
    usedAt: bigint({ mode: 'number' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * Who did what, when and from where (server/audit/log.ts). The actor's id and name are copied as
 * text, with no foreign key, so deleting a user neither fails nor erases what they did. Repeats of
 * one action on one target within minutes (a draft saved as it is typed) bump `count` and `at`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    at: bigint({ mode: 'number' }).notNull(),
    firstAt: bigint({ mode: 'number' }).notNull(),
    count: integer().notNull().default(1),
    actorId: text(),
    actorName: text().notNull(),
    actorEmail: text(),
    actorRole: text(),
    area: text().notNull(),
    method: text().notNull(),
    route: text().notNull(),
    params: json().$type<Record<string, string>>().notNull(),
    target: text(),
    surveyId: text(),
    status: integer().notNull(),
    ip: text().notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId, t.at)],
);

/**
 * The customer register: one row per customer, upserted by the CRM's own id (`externalId`). The
 * value columns are derived (server/customers/value.ts) and rewritten whenever the register or its
 * transactions change, so lists can filter by tier and segment in SQL.
 */
export const customers = pgTable(
  'customers',
  {
    id: text().primaryKey(),
    externalId: text().notNull().unique(),
    name: text(),
    /** The name folded for search (shared/customers/search-key.ts), kept with every write of the name. */
    nameKey: text(),
    email: text(),
    phone: text(),
    language: text(),
    /** Any further columns of the import (region, account manager…), text by name. */
    attributes: json().notNull().$type<Record<string, string>>().default({}),
    /**
     * RFM figures given ready-made by an import (recency as the date of the last purchase), used
     * instead of the transactions when set.
     */
    givenLastAt: bigint({ mode: 'number' }),
    givenFrequency: integer(),
    givenMonetary: bigint({ mode: 'number' }),
    /** What the scores were computed from: the transactions, or the given figures. */
    lastPurchaseAt: bigint({ mode: 'number' }),
    frequency: integer().notNull().default(0),
    /** Revenue in minor units of the register's currency. */
    monetary: bigint({ mode: 'number' }).notNull().default(0),
    rScore: integer(),
    fScore: integer(),
    mScore: integer(),
    segment: text(),
    /** Index into the pyramid's tiers, 0 the top. */
    tier: integer(),
    createdAt: bigint({ mode: 'number' }).notNull(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('customers_tier_idx').on(t.tier), index('customers_segment_idx').on(t.segment)],
);

/**
 * An import of transactions. Its rows are written in short batches so a million of them never hold
 * the server for long, and count only once the import is `done`: a file lands whole or not at all,
 * even across a crash (server/customers/import-transactions.ts).
 */
export const customerImports = pgTable('customer_imports', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  status: text({ enum: ['running', 'applying', 'done', 'failed'] }).notNull(),
  rows: integer().notNull(),
  createdBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: bigint({ mode: 'number' }).notNull(),
  finishedAt: bigint({ mode: 'number' }),
});

/** The rows of a customer file being imported, staged in short batches (server/customers/import-customers.ts). */
export const customerImportRows = pgTable(
  'customer_import_rows',
  {
    importId: integer()
      .notNull()
      .references(() => customerImports.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    customerId: text().notNull(),
    externalId: text().notNull(),
    name: text(),
    nameKey: text(),
    email: text(),
    phone: text(),
    language: text(),
    attributes: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.position] })],
);

/** A purchase (or, negative, a refund) of a customer, in minor units of its currency. */
export const customerTransactions = pgTable(
  'customer_transactions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /**
     * No foreign keys here, unlike SQLite's twin: each inserted row's check locked its parent's row.
     * The customer's made a million-row import half again as slow; the import's, with the rows sent
     * by COPY, tripled the time of writing them (4.8 s against 1.7 s). A failed import deletes its
     * rows, and dropping an abandoned import drops them too (server/customers/import-customers.ts).
     */
    importId: integer().notNull(),
    /**
     * Erasure deletes a customer's transactions (server/customers/privacy.ts), and an import drops
     * those of customers erased while it wrote.
     */
    customerId: text().notNull(),
    at: bigint({ mode: 'number' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
  },
  (t) => [index('customer_transactions_customer_idx').on(t.customerId, t.at)],
);

/** The register's value settings (one row, id 1): the pyramid's cut points and tier names, JSON validated by shared/customers/schema.ts. */
export const customerSettings = pgTable('customer_settings', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  data: json(),
  /** The one currency of the register's amounts, set by its first transactions or figures import. */
  currency: text(),
  /** Set when customers were added or changed since the scores were last computed; the next read recomputes them. */
  stale: boolean().notNull().default(false),
  /** Set when transactions were imported since every customer's figures were last aggregated from them. */
  figuresStale: boolean().notNull().default(false),
  contactIntervalDays: integer().notNull().default(90),
  retentionDays: integer(),
  retentionRunAt: bigint({ mode: 'number' }),
  suppressionKey: text(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: bigint({ mode: 'number' }).notNull(),
});

/**
 * Sign-in attempts per account in the current window (server/auth/account-limit.ts), kept in the
 * database so every node counts the same attempts. The key is the e-mail as typed, lower-cased.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text().primaryKey(),
    windowStart: bigint({ mode: 'number' }).notNull(),
    count: integer().notNull(),
  },
  (t) => [index('login_attempts_window_idx').on(t.windowStart)],
);

/** Addresses that asked for no more survey e-mails (server/customers/unsubscribe.ts). */
export const unsubscribes = pgTable('unsubscribes', {
  email: text().primaryKey(),
  createdAt: bigint({ mode: 'number' }).notNull(),
});

/** A sample drawn from the register for a survey's invitations (server/customers/draws.ts). */
export const customerDraws = pgTable(
  'customer_draws',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    seed: text().notNull(),
    stratifyBy: text().notNull(),
    /** The attribute crossed with `stratifyBy` (strata are then the combinations), or null. */
    crossBy: text(),
    responseRate: doublePrecision().notNull(),
    intervalDays: integer().notNull(),
    strata: json()
      .notNull()
      .$type<{ value: string; completes: number; needed: number; eligible: number; drawn: number }[]>(),
    invited: integer().notNull(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('customer_draws_survey_idx').on(t.surveyId, t.createdAt)],
);

/** The codeframe of one open question (server/coding). */
export const codingFrames = pgTable(
  'coding_frames',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    questionId: text().notNull(),
    codesFrom: text(),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('coding_frames_question_uq').on(t.surveyId, t.questionId)],
);

/** A code or a net, labelled per survey language. */
export const codingCodes = pgTable(
  'coding_codes',
  {
    id: text().primaryKey(),
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    label: json().$type<Record<string, string>>().notNull(),
    words: json().$type<string[]>().notNull().default([]),
    isNet: boolean().notNull().default(false),
    netId: text(),
    position: integer().notNull(),
    createdAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('coding_codes_frame_idx').on(t.frameId, t.position)],
);

/** One coder's code on one answer. */
export const codingAssignments = pgTable(
  'coding_assignments',
  {
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    codeId: text()
      .notNull()
      .references(() => codingCodes.id, { onDelete: 'cascade' }),
    responseId: bigint({ mode: 'number' })
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    coderId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.frameId, t.codeId, t.responseId, t.coderId] }),
    index('coding_assignments_coder_idx').on(t.frameId, t.coderId, t.responseId, t.codeId),
  ],
);

/** What a coder changed, newest last, so they can undo it. */
export const codingActions = pgTable(
  'coding_actions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    coderId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    added: json().$type<[string, number][]>().notNull(),
    removed: json().$type<[string, number][]>().notNull(),
    at: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('coding_actions_coder_idx').on(t.frameId, t.coderId, t.id)],
);

/** Each customer's value as it changed (server/customers/value.ts); deleted with the customer. */
export const customerValueHistory = pgTable(
  'customer_value_history',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    customerId: text()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    at: bigint({ mode: 'number' }).notNull(),
    monetary: bigint({ mode: 'number' }).notNull(),
    rScore: integer(),
    fScore: integer(),
    mScore: integer(),
    segment: text(),
    tier: integer(),
  },
  (t) => [index('customer_value_history_customer_idx').on(t.customerId, t.at)],
);

/** Erased customers as keyed hashes of their e-mail and CRM id (server/customers/suppression.ts). */
export const customerSuppressions = pgTable('customer_suppressions', {
  hash: text().primaryKey(),
  createdAt: bigint({ mode: 'number' }).notNull(),
});

/** Changes to a codeframe's codes, newest last, so they can be undone. */
export const codingFrameEdits = pgTable(
  'coding_frame_edits',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    kind: text().notNull(),
    label: json().$type<Record<string, string>>().notNull(),
    undo: json().$type<FrameEditUndo>().notNull(),
    at: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('coding_frame_edits_frame_idx').on(t.frameId, t.id)],
);
