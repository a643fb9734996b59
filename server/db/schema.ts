/**
 * The database schema (Drizzle, SQLite). Columns are camelCase here and snake_case in SQL
 * (casing: 'snake_case' in drizzle() and drizzle.config.ts). Times are epoch milliseconds (UTC).
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, blob, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../shared/api/auth';
import type { FrameEditUndo } from '../../shared/coding/frame-edit';

export const users = sqliteTable('users', {
  id: text().primaryKey(),
  email: text().notNull().unique(),
  name: text().notNull(),
  role: text({ enum: ROLES }).notNull(),
  passwordHash: text(),
  locale: text(),
  createdAt: integer().notNull(),
});

/** Only a hash of the session token is stored, so a leaked database can't sign anyone in. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    expiresAt: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Personal API tokens for integrations (a CRM, a BI tool) that cannot hold a session cookie. Only
 * the token's hash is stored; it acts with its owner's current role, or a lower one chosen at
 * creation, and ends with its owner.
 */
export const apiTokens = sqliteTable(
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
    role: text({ enum: ROLES }).notNull(),
    createdAt: integer().notNull(),
    lastUsedAt: integer(),
    expiresAt: integer(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** An invitation to join as a user: a single-use token (stored hashed) that lets the invitee set a password. */
export const userInvites = sqliteTable('user_invites', {
  tokenHash: text().primaryKey(),
  email: text().notNull(),
  role: text({ enum: ROLES }).notNull(),
  /** Null once the inviting admin's account is deleted; the invitation's history stays. */
  invitedBy: text().references(() => users.id, { onDelete: 'set null' }),
  expiresAt: integer().notNull(),
  usedAt: integer(),
  createdAt: integer().notNull(),
});

export const surveys = sqliteTable('surveys', {
  id: text().primaryKey(),
  slug: text().notNull().unique(),
  /** The working copy the builder edits (JSON of SurveyDefinition); publishing freezes it into a version. */
  draft: text({ mode: 'json' }).notNull(),
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
  settings: text({ mode: 'json' }).notNull().default({}),
  /** Null for surveys made by the system (the demo study). */
  createdBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer().notNull(),
  updatedAt: integer().notNull(),
});

/** Immutable: a row is written once at publish and never updated. */
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    definition: text({ mode: 'json' }).notNull(),
    publishedBy: text().references(() => users.id, { onDelete: 'set null' }),
    publishedAt: integer().notNull(),
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
export const responses = sqliteTable(
  'responses',
  {
    id: integer().primaryKey({ autoIncrement: true }),
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
    coded: blob({ mode: 'buffer' }),
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
    isTest: integer({ mode: 'boolean' }).notNull().default(false),
    startedAt: integer().notNull(),
    updatedAt: integer().notNull(),
    completedAt: integer(),
    /**
     * How long the response took, in ms, once it ended: its page times summed, or without them the
     * time from its first save (server/report/coded-answers.ts, responseDuration).
     */
    duration: real(),
    /**
     * The register's customer who answered (server/customers/links.ts): from the invitation, or
     * from a `customer_id` hidden field naming a known customer. Cleared when the customer is erased.
     */
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
    // What the report's first read of a survey takes from each counted response, by id, without
    // the wide rows (a fifth of their bytes): a million are read in well under a second. Partial
    // responses are left out, so page saves don't touch it.
    index('responses_report_idx')
      .on(t.surveyId, t.id, t.completedAt, t.versionId, t.wave, t.quotaCell, t.hidden, t.coded)
      .where(sql`status = 'complete' and is_test = 0`),
    // The counted responses still without a coded form (server/report/recode.ts): empty once they
    // are coded, so the check at each start-up costs nothing, where scanning the report index for
    // them took 0.2 s at a million responses, and 20 s with the file out of the OS cache.
    index('responses_uncoded_idx')
      .on(t.surveyId, t.id)
      .where(sql`status = 'complete' and is_test = 0 and coded is null`),
    // One customer's responses (the customer page, erasure): only linked responses are in it.
    index('responses_customer_idx').on(t.customerId).where(sql`customer_id is not null`),
  ],
);

/** The research plan of a survey (one per survey), a JSON document validated by shared/plan. */
export const plans = sqliteTable('plans', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  data: text({ mode: 'json' }).notNull(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer().notNull(),
});

/**
 * A personal invitation: its token is the link's secret (128 random bits, base64url). It is kept
 * in the clear because reminders and mail-merge files must carry the same link again; it is
 * unguessable, single-use, and only opens this survey.
 */
export const invitations = sqliteTable(
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
    hidden: text({ mode: 'json' }).notNull().$type<Record<string, string>>().default({}),
    /** The register's customer invited (server/customers/links.ts); cleared when the customer is erased. */
    customerId: text(),
    status: text({ enum: ['not-started', 'started', 'completed', 'over-quota', 'screened-out'] })
      .notNull()
      .default('not-started'),
    /** The response made through this invitation (its clientId), once one has been saved. */
    clientId: text(),
    /** The mail job this contact is still waiting in, if any; cleared when it is sent or fails. */
    jobId: text(),
    sentAt: integer(),
    remindedAt: integer(),
    lastError: text(),
    /** Until when a node is sending this contact its mail (of job `jobId`); another takes it over after that. */
    leaseUntil: integer(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    index('invitations_survey_status_idx').on(t.surveyId, t.status),
    index('invitations_job_idx').on(t.jobId),
    index('invitations_customer_idx').on(t.customerId, t.createdAt),
  ],
);

/** Sending invitations or reminders in the background; a row per run, picked up again after a restart. */
export const mailJobs = sqliteTable(
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
    createdAt: integer().notNull(),
    finishedAt: integer(),
  },
  (t) => [index('mail_jobs_survey_idx').on(t.surveyId, t.createdAt)],
);

/**
 * A read-only report link for managers without an account: the token is shown once and only its
 * hash is kept; revoking sets revokedAt. The link opens the report in `lang`.
 */
export const reportShares = sqliteTable(
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
    createdAt: integer().notNull(),
    revokedAt: integer(),
  },
  (t) => [index('report_shares_survey_idx').on(t.surveyId)],
);

/**
 * What the research team saves with a survey's report for all its readers (one row per survey):
 * for now the loyalty-value inputs, JSON validated by shared/api/report-settings.ts.
 */
export const reportSettings = sqliteTable('report_settings', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  loyaltyValue: text({ mode: 'json' }),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer().notNull(),
});

/**
 * An alert rule of a survey: when a completed response meets `spec.when` (and `spec.segment`), a
 * follow-up case opens for the owner the spec names or routes to. The spec is one JSON document
 * validated by shared/api/alerts.ts, so the rule's shape can grow without a migration.
 */
export const alertRules = sqliteTable(
  'alert_rules',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    enabled: integer({ mode: 'boolean' }).notNull().default(true),
    spec: text({ mode: 'json' }).notNull(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('alert_rules_survey_idx').on(t.surveyId)],
);

/** Per-survey settings of closing the loop: due hours per priority, the linked follow-up survey, e-mail to owners. */
export const alertSettings = sqliteTable('alert_settings', {
  surveyId: text()
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  data: text({ mode: 'json' }).notNull(),
  updatedAt: integer().notNull(),
});

/**
 * A follow-up case: opened in the transaction that completes the response it is about. The unique
 * index on (response, rule) is what makes a second case for the same trigger impossible.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    ruleId: text().references(() => alertRules.id, { onDelete: 'set null' }),
    /** The rule's name when the case opened, so the case still reads right after the rule is edited or deleted. */
    ruleName: text().notNull(),
    responseId: integer()
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    ownerId: text().references(() => users.id, { onDelete: 'set null' }),
    status: text({ enum: ['open', 'in-progress', 'resolved', 'closed'] })
      .notNull()
      .default('open'),
    priority: text({ enum: ['low', 'normal', 'high', 'urgent'] }).notNull(),
    dueAt: integer().notNull(),
    openedAt: integer().notNull(),
    resolvedAt: integer(),
    updatedAt: integer().notNull(),
    /** When the owner last opened the case; null (unread) until then and again after a reassignment. */
    readAt: integer(),
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
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    caseId: text()
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Null for the system (the case opening by itself). */
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    /** `escalated`: the system noticed the case was still active at its due time (once per case). */
    kind: text({
      enum: ['opened', 'note', 'status', 'owner', 'priority', 'escalated', 'complaint-type', 'severity'],
    }).notNull(),
    data: text({ mode: 'json' }).notNull(),
    at: integer().notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/**
 * A URL a survey posts events to (case.opened, case.updated, response.completed). The secret signs
 * each body (HMAC-SHA256); it is kept in the clear because signing needs it, and shown only once.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    events: text({ mode: 'json' }).notNull().$type<string[]>(),
    secret: text().notNull(),
    enabled: integer({ mode: 'boolean' }).notNull().default(true),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('webhooks_survey_idx').on(t.surveyId)],
);

/**
 * The outbox: a message written in the same transaction as the event it tells of, sent after the
 * commit by the delivery worker, retried with back-off, picked up again after a restart. The id is
 * the delivery id receivers use to drop duplicates.
 */
export const outbox = sqliteTable(
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
    nextAttemptAt: integer().notNull(),
    createdAt: integer().notNull(),
    deliveredAt: integer(),
    lastError: text(),
    /**
     * Until when the node in `claimedBy` is sending it: no other node takes it before then, and
     * one that dies mid-send leaves it to be retried by another once this passes.
     */
    leaseUntil: integer(),
    claimedBy: text(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);

/** Every delivery attempt with its result: the HTTP status or the error. */
export const outboxAttempts = sqliteTable(
  'outbox_attempts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    outboxId: text()
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    at: integer().notNull(),
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
export const passwordResets = sqliteTable(
  'password_resets',
  {
    tokenHash: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer().notNull(),
    usedAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * Who did what, when and from where (server/audit/log.ts). The actor's id and name are copied as
 * text, with no foreign key, so deleting a user neither fails nor erases what they did. Repeats of
 * one action on one target within minutes (a draft saved as it is typed) bump `count` and `at`.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer().notNull(),
    firstAt: integer().notNull(),
    count: integer().notNull().default(1),
    actorId: text(),
    actorName: text().notNull(),
    actorEmail: text(),
    actorRole: text(),
    area: text().notNull(),
    method: text().notNull(),
    route: text().notNull(),
    params: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
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
export const customers = sqliteTable(
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
    attributes: text({ mode: 'json' }).notNull().$type<Record<string, string>>().default({}),
    /**
     * RFM figures given ready-made by an import (recency as the date of the last purchase), used
     * instead of the transactions when set.
     */
    givenLastAt: integer(),
    givenFrequency: integer(),
    givenMonetary: integer(),
    /** What the scores were computed from: the transactions, or the given figures. */
    lastPurchaseAt: integer(),
    frequency: integer().notNull().default(0),
    /** Revenue in minor units of the register's currency. */
    monetary: integer().notNull().default(0),
    rScore: integer(),
    fScore: integer(),
    mScore: integer(),
    segment: text(),
    /** Index into the pyramid's tiers, 0 the top. */
    tier: integer(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('customers_tier_idx').on(t.tier), index('customers_segment_idx').on(t.segment)],
);

/**
 * An import of transactions or customers. Transactions are written in short batches so a million of
 * them never hold the server for long, and count only once the import is `done`: a file lands whole
 * or not at all, even across a crash (server/customers/import-transactions.ts). A customer file is
 * staged while `running`, then `applying` until every staged row is applied
 * (server/customers/import-customers.ts).
 */
export const customerImports = sqliteTable('customer_imports', {
  id: integer().primaryKey({ autoIncrement: true }),
  status: text({ enum: ['running', 'applying', 'done', 'failed'] }).notNull(),
  rows: integer().notNull(),
  createdBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: integer().notNull(),
  finishedAt: integer(),
});

/**
 * The rows of a customer file being imported, staged in short batches so a large file never holds
 * the server; one transaction then applies them all (server/customers/import-customers.ts) and they
 * are deleted. Rows of an import left by a crash are deleted with it a day later.
 */
export const customerImportRows = sqliteTable(
  'customer_import_rows',
  {
    importId: integer()
      .notNull()
      .references(() => customerImports.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    /** The customer's id if the register holds them when staged, else the id a new customer gets. */
    customerId: text().notNull(),
    externalId: text().notNull(),
    name: text(),
    nameKey: text(),
    email: text(),
    phone: text(),
    language: text(),
    /** The stored attributes already merged with the file's (JSON). */
    attributes: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.position] })],
);

/** A purchase (or, negative, a refund) of a customer, in minor units of its currency. */
export const customerTransactions = sqliteTable(
  'customer_transactions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    importId: integer()
      .notNull()
      .references(() => customerImports.id, { onDelete: 'cascade' }),
    customerId: text()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    at: integer().notNull(),
    amount: integer().notNull(),
    currency: text().notNull(),
  },
  (t) => [index('customer_transactions_customer_idx').on(t.customerId, t.at)],
);

/** The register's value settings (one row, id 1): the pyramid's cut points and tier names, JSON validated by shared/customers/schema.ts. */
export const customerSettings = sqliteTable('customer_settings', {
  id: integer().primaryKey(),
  data: text({ mode: 'json' }),
  /** The one currency of the register's amounts, set by its first transactions or figures import. */
  currency: text(),
  /** Set when customers were added or changed since the scores were last computed; the next read recomputes them. */
  stale: integer({ mode: 'boolean' }).notNull().default(false),
  /** Set when transactions were imported since every customer's figures were last aggregated from them. */
  figuresStale: integer({ mode: 'boolean' }).notNull().default(false),
  /** Contact rule: a customer is drawn for an invitation at most once in this many days, across all surveys. */
  contactIntervalDays: integer().notNull().default(90),
  /** Retention: contact details of customers unchanged for this many days are erased (null: kept). */
  retentionDays: integer(),
  /** When retention last ran (server/customers/privacy.ts runs it at most hourly, when the register is read). */
  retentionRunAt: integer(),
  /** The key of the suppression list's hashes (customer_suppressions), made at the first erasure. */
  suppressionKey: text(),
  updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer().notNull(),
});

/**
 * Addresses that asked for no more survey e-mails, by the link or the one-click header in every
 * invitation and reminder (server/customers/unsubscribe.ts): never mailed again, never drawn.
 */
export const unsubscribes = sqliteTable('unsubscribes', {
  /** Lower-cased. */
  email: text().primaryKey(),
  createdAt: integer().notNull(),
});

/**
 * A sample drawn from the register for a survey's invitations (server/customers/draws.ts): what it
 * was drawn by, the completes and invitations per stratum, and the seed that draws it again.
 */
export const customerDraws = sqliteTable(
  'customer_draws',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    seed: text().notNull(),
    /** `customer_tier`, `customer_segment` or an attribute's name. */
    stratifyBy: text().notNull(),
    /** The attribute crossed with `stratifyBy` (strata are then the combinations), or null. */
    crossBy: text(),
    responseRate: real().notNull(),
    intervalDays: integer().notNull(),
    /** Per stratum: value, completes, needed, eligible, drawn (JSON). */
    strata: text({ mode: 'json' })
      .notNull()
      .$type<{ value: string; completes: number; needed: number; eligible: number; drawn: number }[]>(),
    invited: integer().notNull(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer().notNull(),
  },
  (t) => [index('customer_draws_survey_idx').on(t.surveyId, t.createdAt)],
);

/**
 * The codeframe of one open question: its codes and nets. Kept apart from the questionnaire, so
 * editing codes while coding never makes a new survey version.
 */
export const codingFrames = sqliteTable(
  'coding_frames',
  {
    id: text().primaryKey(),
    surveyId: text()
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    questionId: text().notNull(),
    /** The frame whose codes this question uses when it shares another question's codeframe. */
    codesFrom: text(),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('coding_frames_question_uq').on(t.surveyId, t.questionId)],
);

/** A code or a net (a group of codes, e.g. "Staff" over friendly, slow, rude), labelled per survey language. */
export const codingCodes = sqliteTable(
  'coding_codes',
  {
    id: text().primaryKey(),
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    label: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    /** Words and phrases that mark an answer as having this code (an alert rule's "matches code"). */
    words: text({ mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    isNet: integer({ mode: 'boolean' }).notNull().default(false),
    /** The net this code belongs to. */
    netId: text(),
    position: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('coding_codes_frame_idx').on(t.frameId, t.position)],
);

/**
 * One coder's code on one answer (a response's answer to the frame's question). Each coder keeps
 * their own, so two researchers can code the same answers blind and be compared.
 */
export const codingAssignments = sqliteTable(
  'coding_assignments',
  {
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    codeId: text()
      .notNull()
      .references(() => codingCodes.id, { onDelete: 'cascade' }),
    responseId: integer()
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    coderId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: integer().notNull(),
  },
  (t) => [
    // Per frame: questions sharing a codeframe code the same response apart.
    primaryKey({ columns: [t.frameId, t.codeId, t.responseId, t.coderId] }),
    // Holds every column a coder's reading needs, so it never visits the table.
    index('coding_assignments_coder_idx').on(t.frameId, t.coderId, t.responseId, t.codeId),
  ],
);

/**
 * What a coder changed, newest last, so they can undo it: the assignments one action added and
 * removed, as [codeId, responseId] pairs.
 */
export const codingActions = sqliteTable(
  'coding_actions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    coderId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    added: text({ mode: 'json' }).$type<[string, number][]>().notNull(),
    removed: text({ mode: 'json' }).$type<[string, number][]>().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('coding_actions_coder_idx').on(t.frameId, t.coderId, t.id)],
);

/** Changes to a codeframe's codes (rename, move, merge, split, delete), newest last, so they can be undone. */
export const codingFrameEdits = sqliteTable(
  'coding_frame_edits',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The frame that holds the codes (shared by every question using them). */
    frameId: text()
      .notNull()
      .references(() => codingFrames.id, { onDelete: 'cascade' }),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    kind: text().notNull(),
    /** The label of the code the edit was about, to name it in "undo". */
    label: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    undo: text({ mode: 'json' }).$type<FrameEditUndo>().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('coding_frame_edits_frame_idx').on(t.frameId, t.id)],
);

/**
 * Sign-in attempts per account in the current window (server/auth/account-limit.ts), kept in the
 * database so every node counts the same attempts. The key is the e-mail as typed, lower-cased.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    key: text().primaryKey(),
    windowStart: integer().notNull(),
    count: integer().notNull(),
  },
  (t) => [index('login_attempts_window_idx').on(t.windowStart)],
);

/**
 * Each customer's value as it changed: a row whenever a recomputation (server/customers/value.ts)
 * gave them another tier, segment, RFM score or revenue, so the customer page can show how their
 * value moved. Deleted with the customer.
 */
export const customerValueHistory = sqliteTable(
  'customer_value_history',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: text()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    at: integer().notNull(),
    monetary: integer().notNull(),
    rScore: integer(),
    fScore: integer(),
    mScore: integer(),
    segment: text(),
    tier: integer(),
  },
  (t) => [index('customer_value_history_customer_idx').on(t.customerId, t.at)],
);

/**
 * Customers erased on request, as keyed hashes (HMAC-SHA256 under `customer_settings.suppression_key`)
 * of their lower-cased e-mail and of their CRM id, never the values themselves: an import or upsert
 * of the same person is refused, and no survey e-mail reaches the address again
 * (server/customers/suppression.ts).
 */
export const customerSuppressions = sqliteTable('customer_suppressions', {
  hash: text().primaryKey(),
  createdAt: integer().notNull(),
});
