/** Request bodies and answers of the customer register's API (server/customers). */
import * as v from 'valibot';
import type { CustomerCases } from './cases';
import { DEFAULT_CUTS, MATRIX_CELLS, SEGMENTS, TIER_PRESETS, type MatrixCell, type Segment } from './value';

export const MAX_NAME = 200;
export const MAX_EMAIL = 254;
export const MAX_PHONE = 40;
export const MAX_EXTERNAL_ID = 100;
export const MAX_ATTRIBUTE = 500;
export const MAX_ATTRIBUTES = 50;
// Deliberately loose, as for invitations: a typo like a missing @ is caught, the mail server judges the rest.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const optionalText = (max: number) =>
  v.optional(
    v.nullable(v.pipe(v.string('must be text'), v.trim(), v.maxLength(max, `must be at most ${max} characters`))),
  );

/** The body of `PUT /api/customers/by-external-id/:externalId`: fields left out keep their stored value. */
export const CustomerUpsertSchema = v.object({
  name: optionalText(MAX_NAME),
  email: v.optional(
    v.nullable(
      v.pipe(
        v.string('must be text'),
        v.trim(),
        v.maxLength(MAX_EMAIL, `must be at most ${MAX_EMAIL} characters`),
        v.check((s) => s === '' || EMAIL.test(s), 'is not an e-mail address'),
      ),
    ),
  ),
  phone: optionalText(MAX_PHONE),
  language: optionalText(20),
  attributes: v.optional(
    v.pipe(
      v.record(
        v.pipe(
          v.string(),
          v.minLength(1, 'an attribute needs a name'),
          v.maxLength(100, 'an attribute name is at most 100 characters'),
        ),
        v.pipe(v.string('must be text'), v.maxLength(MAX_ATTRIBUTE, `must be at most ${MAX_ATTRIBUTE} characters`)),
      ),
      v.check((r) => Object.keys(r).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`),
    ),
  ),
});
export type CustomerUpsert = v.InferOutput<typeof CustomerUpsertSchema>;

export const ExternalIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'is empty'),
  v.maxLength(MAX_EXTERNAL_ID, `must be at most ${MAX_EXTERNAL_ID} characters`),
);

/**
 * The body of `POST /api/customers/suppressions/lift`: the erased person's e-mail, CRM id or both,
 * hashed as at the erasure, to take off the suppression list when they consent again.
 */
export const LiftSuppressionSchema = v.pipe(
  v.object({
    email: v.optional(
      v.pipe(
        v.string('must be text'),
        v.trim(),
        v.maxLength(MAX_EMAIL, `must be at most ${MAX_EMAIL} characters`),
        v.check((s) => EMAIL.test(s), 'is not an e-mail address'),
      ),
    ),
    externalId: v.optional(ExternalIdSchema),
  }),
  v.check((b) => b.email !== undefined || b.externalId !== undefined, 'give an e-mail address, a customer id or both'),
);
export type LiftSuppression = v.InferOutput<typeof LiftSuppressionSchema>;
/** How many of the given values were on the list (an e-mail and a CRM id are listed apart). */
export interface LiftResult {
  lifted: number;
}

/** The body of both imports: the CSV file as text. */
export const CsvImportSchema = v.object({
  csv: v.pipe(v.string('must be the CSV file as text'), v.minLength(1, 'is empty')),
});

/** The pyramid's tiers: shares in percent (top first, summing to 100) and a name for each. */
export const ValueSettingsSchema = v.pipe(
  v.object({
    cuts: v.pipe(
      v.array(
        v.pipe(
          v.number('must be a number'),
          v.minValue(0.01, 'a share must be above 0'),
          v.maxValue(100, 'a share is at most 100'),
        ),
      ),
      v.minLength(2, 'needs at least 2 tiers'),
      v.maxLength(8, 'at most 8 tiers'),
    ),
    tierNames: v.array(
      v.pipe(
        v.string('must be text'),
        v.trim(),
        v.minLength(1, 'a tier needs a name'),
        v.maxLength(40, 'a tier name is at most 40 characters'),
      ),
    ),
  }),
  v.forward(
    v.check((s) => Math.abs(s.cuts.reduce((a, b) => a + b, 0) - 100) < 1e-9, 'the shares must add up to 100'),
    ['cuts'],
  ),
  v.forward(
    v.check((s) => s.tierNames.length === s.cuts.length, 'needs one name per tier'),
    ['tierNames'],
  ),
);
export type ValueSettings = v.InferOutput<typeof ValueSettingsSchema>;
export const DEFAULT_VALUE_SETTINGS: ValueSettings = { cuts: [...DEFAULT_CUTS], tierNames: [...TIER_PRESETS.pyramid] };

export const CustomerListQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
  tier: v.optional(
    v.pipe(
      v.string(),
      v.toNumber('must be a tier number'),
      v.integer('must be a tier number'),
      v.minValue(0, 'must be a tier number'),
    ),
  ),
  segment: v.optional(v.picklist(SEGMENTS, `must be one of ${SEGMENTS.join(', ')}`)),
  page: v.optional(
    v.pipe(
      v.string(),
      v.toNumber('must be a page number'),
      v.integer('must be a page number'),
      v.minValue(1, 'must be 1 or more'),
    ),
    '1',
  ),
  pageSize: v.optional(
    v.pipe(
      v.string(),
      v.toNumber('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(1, 'must be 1 or more'),
      v.maxValue(200, 'must be at most 200'),
    ),
    '50',
  ),
});

/** What an import refuses, by line; `params` fill the app's message for `code`. */
export type CustomerImportErrorCode =
  | 'no-header'
  | 'column-unnamed'
  | 'column-twice'
  | 'no-id-column'
  | 'missing-columns'
  | 'too-many-rows'
  | 'field-count'
  | 'too-long'
  | 'bad-email'
  | 'no-id'
  | 'duplicate-in-file'
  | 'bad-date'
  | 'bad-amount'
  | 'bad-currency'
  | 'bad-number'
  | 'unknown-customer'
  | 'mixed-currency'
  | 'no-rows'
  | 'erased';
export interface CustomerImportError {
  line: number;
  column?: string;
  code: CustomerImportErrorCode;
  params?: Record<string, string | number>;
  message: string;
}
export interface CustomerImportResult {
  created: number;
  updated: number;
}
export interface TransactionImportResult {
  imported: number;
  customers: number;
  mode: 'transactions' | 'figures';
}

export interface CustomerValue {
  lastPurchaseAt: number | null;
  frequency: number;
  monetary: number;
  currency: string | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: Segment | null;
  tier: number | null;
  tierName: string | null;
}
export interface CustomerSummary {
  id: string;
  externalId: string;
  name: string | null;
  /** Null for viewers, who read the register without contact details. */
  email: string | null;
  phone: string | null;
  language: string | null;
  segment: Segment | null;
  tier: number | null;
  tierName: string | null;
  monetary: number;
}
export interface CustomerList {
  total: number;
  page: number;
  pageSize: number;
  currency: string | null;
  customers: CustomerSummary[];
}
export interface CustomerDetail extends CustomerSummary {
  attributes: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  value: CustomerValue;
  transactions: {
    count: number;
    first: number | null;
    last: number | null;
    total: number;
    recent: { at: number; amount: number; currency: string }[];
  };
  /** How the customer's value changed, oldest first: the latest changes only (`VALUE_HISTORY_LIMIT`). */
  valueHistory: ValueChange[];
  invitations: { surveyId: string; surveyTitle: string; status: string; createdAt: number }[];
  responses: CustomerResponse[];
  cases: CustomerCases;
}
export const VALUE_HISTORY_LIMIT = 24;
/** The customer's value from a recomputation on: what changed is what differs from the change before. */
export interface ValueChange {
  at: number;
  monetary: number;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: Segment | null;
  tier: number | null;
  tierName: string | null;
}
/**
 * The answers to a survey's headline questions, found as the report finds them: overall
 * satisfaction (the rating with that role, on its scale), the recommendation (0–10), loyalty (the
 * loyalty question's most loyal option, or a rating's top two points). Null where the survey has
 * no such question or the customer left it unanswered.
 */
export interface KeyScores {
  satisfaction: { value: number; min: number; max: number } | null;
  nps: number | null;
  loyal: boolean | null;
}
export interface CustomerResponse {
  surveyId: string;
  surveyTitle: string;
  status: string;
  wave: number;
  startedAt: number;
  completedAt: number | null;
  scores: KeyScores;
}
/** The register's value at a glance: customers and revenue by tier and by segment, and the value matrix. */
export interface ValueOverview {
  customers: number;
  revenue: number;
  currency: string | null;
  settings: ValueSettings;
  tiers: { tier: number; name: string; customers: number; revenue: number }[];
  segments: { segment: Segment; customers: number; revenue: number }[];
  matrix: {
    frequencyMedian: number;
    spendMedian: number;
    cells: Record<MatrixCell, { customers: number; revenue: number }>;
  };
}
export { MATRIX_CELLS, SEGMENTS };

/** The register's contact rule: a customer is drawn at most once in this many days, across all surveys. */
export const ContactRulesSchema = v.object({
  intervalDays: v.pipe(
    v.number('must be a number of days'),
    v.integer('must be a whole number of days'),
    v.minValue(0, 'must be 0 or more days'),
    v.maxValue(3650, 'must be at most 3650 days'),
  ),
});
export type ContactRules = v.InferOutput<typeof ContactRulesSchema>;

/**
 * The body of `POST /api/surveys/:id/draws`: a stratified random sample of the register, invited
 * to the survey. Completes per stratum and the response rate default to the survey's plan.
 */
export const DrawRequestSchema = v.object({
  /** `customer_tier`, `customer_segment` or the name of a customer attribute (region…). */
  by: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'is empty'),
    v.maxLength(100, 'must be at most 100 characters'),
  ),
  /**
   * A second attribute crossed with `by` (tier × region): the strata are then the combinations,
   * named `tier|region` as the plan's quota cells are.
   */
  crossBy: v.optional(
    v.pipe(
      v.string('must be text'),
      v.trim(),
      v.minLength(1, 'is empty'),
      v.maxLength(100, 'must be at most 100 characters'),
    ),
  ),
  /** Completes in all, allocated to the strata in proportion to their eligible customers (instead of `completes`). */
  total: v.optional(
    v.pipe(
      v.number('must be a number of completes'),
      v.integer('must be a whole number of completes'),
      v.minValue(1, 'must be 1 or more'),
      v.maxValue(1_000_000, 'must be at most 1,000,000'),
    ),
  ),
  completes: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.minLength(1, 'a stratum needs a value'), v.maxLength(MAX_ATTRIBUTE)),
        v.pipe(
          v.number('must be a number of completes'),
          v.integer('must be a whole number of completes'),
          v.minValue(0, 'must be 0 or more'),
          v.maxValue(1_000_000, 'must be at most 1,000,000'),
        ),
      ),
      v.check((r) => Object.keys(r).length > 0, 'needs at least one stratum'),
      v.check((r) => Object.keys(r).length <= 200, 'at most 200 strata'),
    ),
  ),
  responseRate: v.optional(
    v.pipe(
      v.number('must be a number'),
      v.gtValue(0, 'must be above 0 and at most 1'),
      v.maxValue(1, 'must be above 0 and at most 1'),
    ),
  ),
  seed: v.optional(
    v.pipe(v.string('must be text'), v.minLength(1, 'is empty'), v.maxLength(100, 'must be at most 100 characters')),
  ),
  /** True: draws and answers without inviting anyone or recording the draw. */
  preview: v.optional(v.boolean('must be true or false'), false),
});
export type DrawRequest = v.InferOutput<typeof DrawRequestSchema>;

export interface DrawStratum {
  value: string;
  completes: number;
  /** Invitations needed for the completes: ⌈completes / response rate⌉. */
  needed: number;
  /** Customers of the stratum who may be invited (e-mail, not unsubscribed or bounced, outside the interval). */
  eligible: number;
  drawn: number;
}
export interface DrawResult {
  /** Null for a preview, which records nothing. */
  id: string | null;
  seed: string;
  by: string;
  /** The attribute crossed with `by`, or null for strata of one attribute. */
  crossBy: string | null;
  responseRate: number;
  intervalDays: number;
  strata: DrawStratum[];
  invited: number;
  /** The drawn customers' ids (the CRM's), stratum by stratum. */
  customers: string[];
  createdAt: number;
}

/** Satisfaction and loyalty of one group of linked respondents (a tier, a segment), with the revenue behind them. */
export interface ValueGroup {
  value: string;
  responses: number;
  revenue: number;
  /** Mean overall satisfaction, respondent-weighted and revenue-weighted; null without a satisfaction question or answers. */
  satisfaction: number | null;
  satisfactionByRevenue: number | null;
  /** NPS in points, respondent-weighted and revenue-weighted. */
  nps: number | null;
  npsByRevenue: number | null;
}
export interface RatioFigure {
  estimate: number;
  marginOfError: number | null;
}
/** A customer of the top tiers whose answers are low or whose purchases are lapsing. */
export interface AtRiskCustomer {
  responseId: number;
  customerId: string;
  externalId: string;
  /** Null for a viewer who owns no case with the customer (contact details are theirs and researchers'). */
  name: string | null;
  tierName: string | null;
  segment: Segment | null;
  revenue: number;
  satisfaction: number | null;
  nps: number | null;
  reasons: ('low-satisfaction' | 'detractor' | 'lapsing')[];
  completedAt: number | null;
  /** The case already open on the response, if any. */
  caseId: string | null;
}
/** `GET /api/surveys/:id/report/customer-value`: the survey's completed responses linked to the register. */
export interface CustomerValueReport {
  currency: string | null;
  /** Completed responses linked to a customer of the register. */
  linked: number;
  satisfactionQuestion: string | null;
  npsQuestion: string | null;
  tiers: ValueGroup[];
  segments: ValueGroup[];
  all: ValueGroup;
  /** Share of the respondents' revenue behind detractors (NPS 0–6), and behind promoters (9–10). */
  detractorRevenueShare: RatioFigure | null;
  promoterRevenueShare: RatioFigure | null;
  /** The register's revenue × the detractors' share: revenue at risk if the sample speaks for the register. */
  registerRevenueAtRisk: { estimate: number; low: number; high: number } | null;
  /** Tiers counted as top for the at-risk list (their names), and the list, by revenue. */
  topTiers: string[];
  atRisk: AtRiskCustomer[];
}

/** `DELETE /api/customers/:id?responses=`: keep the customer's answers anonymous (default) or delete them. */
/** `POST /api/surveys/:id/cases`: a case on one completed response, from the report's at-risk list. */
export const OpenCaseSchema = v.object({
  responseId: v.pipe(
    v.number('must be a response id'),
    v.integer('must be a response id'),
    v.minValue(1, 'must be a response id'),
  ),
});

export const ERASURE_MODES = ['anonymise', 'delete'] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];
export const ErasureQuerySchema = v.object({
  responses: v.optional(v.picklist(ERASURE_MODES, 'must be anonymise or delete'), 'anonymise'),
});
export interface ErasureResult {
  responses: number;
  invitations: number;
  /** Webhook deliveries that carried the customer, deleted (pending ones never sent). */
  deliveries: number;
  /** Case notes that named the customer, deleted. */
  notes: number;
  mode: ErasureMode;
}

/** Contact details of customers no import or upsert touched for this many days are erased; null keeps them. */
export const RetentionSchema = v.object({
  retentionDays: v.nullable(
    v.pipe(
      v.number('must be a number of days, or null'),
      v.integer('must be a whole number of days'),
      v.minValue(1, 'must be at least 1 day'),
      v.maxValue(36_500, 'must be at most 36,500 days'),
    ),
  ),
});
export type Retention = v.InferOutput<typeof RetentionSchema>;

/** `GET /api/customers/:id/export/all.json`: everything held about one customer. */
export interface CustomerExport {
  exportedAt: number;
  currency: string | null;
  customer: Record<string, unknown>;
  transactions: { at: number; amount: number; currency: string }[];
  valueHistory: ValueChange[];
  invitations: Record<string, unknown>[];
  responses: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  unsubscribed: boolean;
}
