/** Collection rules, invitations and mailings: request bodies and answers. */
import * as v from 'valibot';
import { SurveyLanguageSchema } from '../survey/schema-parts';
import { InvitationTokenSchema } from './tokens';

const Time = v.nullable(
  v.pipe(
    v.number('must be a time in milliseconds'),
    v.integer('must be a whole number of milliseconds'),
    v.minValue(0),
  ),
);

const MailTemplate = v.object({
  subject: v.pipe(v.string(), v.trim(), v.maxLength(200, 'must be at most 200 characters')),
  body: v.pipe(
    v.string(),
    v.maxLength(10_000, 'must be at most 10,000 characters'),
    v.includes('{link}', 'must contain {link}'),
  ),
});
/** Per language; a language without its own text is sent the app's default wording. */
const MailTemplates = v.record(SurveyLanguageSchema, MailTemplate);

/** What surveys.settings holds. Every rule is optional; a survey without settings has none. */
export const CollectionSettingsSchema = v.pipe(
  v.object({
    /** UTC epoch ms: answers are refused before this moment. */
    opensAt: v.optional(Time, null),
    /** UTC epoch ms: answers are refused from this moment on. */
    closesAt: v.optional(Time, null),
    /** Completes (test responses aside) after which the survey is full. */
    responseCap: v.optional(
      v.nullable(
        v.pipe(
          v.number(),
          v.integer('must be a whole number'),
          v.minValue(1, 'must be at least 1'),
          v.maxValue(10_000_000),
        ),
      ),
      null,
    ),
    /** On-site tablets: after each response the page starts again for the next person, with no resume. */
    kiosk: v.optional(v.boolean('must be true or false'), false),
    invitationMail: v.optional(MailTemplates, {}),
    reminderMail: v.optional(MailTemplates, {}),
  }),
  v.forward(
    v.check((s) => s.opensAt === null || s.closesAt === null || s.closesAt > s.opensAt, 'must be after opensAt'),
    ['closesAt'],
  ),
);
export type CollectionSettings = v.InferOutput<typeof CollectionSettingsSchema>;

/** Reads stored settings; anything unreadable counts as no rules rather than breaking collection. */
export function readSettings(raw: unknown): CollectionSettings {
  const parsed = v.safeParse(CollectionSettingsSchema, typeof raw === 'string' ? safeJson(raw) : (raw ?? {}));
  return parsed.success ? parsed.output : v.parse(CollectionSettingsSchema, {});
}
function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return {};
  }
}

export const UpdateSettingsSchema = v.partial(
  v.object({
    opensAt: Time,
    closesAt: Time,
    responseCap: v.nullable(
      v.pipe(
        v.number(),
        v.integer('must be a whole number'),
        v.minValue(1, 'must be at least 1'),
        v.maxValue(10_000_000),
      ),
    ),
    kiosk: v.boolean('must be true or false'),
    invitationMail: MailTemplates,
    reminderMail: MailTemplates,
  }),
);

export const INVITATION_STATUSES = ['not-started', 'started', 'completed', 'over-quota', 'screened-out'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** 128 random bits in base64url. */
export const TokenSchema = InvitationTokenSchema;

export const ImportContactsSchema = v.object({
  csv: v.pipe(v.string('must be the CSV file as text'), v.minLength(1, 'is empty')),
});

/** What is wrong with a row (or the header) of a contact list; `params` fill the app's message for `code`. */
export type ImportErrorCode =
  | 'no-header'
  | 'column-unnamed'
  | 'column-twice'
  | 'no-email-or-name-column'
  | 'undeclared-columns'
  | 'too-many-rows'
  | 'field-count'
  | 'too-long'
  | 'bad-email'
  | 'bad-language'
  | 'no-name-or-email'
  | 'duplicate-in-file'
  | 'already-invited'
  | 'erased'
  | 'no-contacts'
  | 'not-invited'
  | 'no-bounces';
export interface ImportRowError {
  line: number;
  column?: string;
  code: ImportErrorCode;
  params?: Record<string, string | number>;
  message: string;
}
export interface ImportResult {
  imported: number;
  hiddenFields: string[];
}

export interface Invitation {
  id: string;
  name: string | null;
  email: string | null;
  lang: string | null;
  /** `name`, `email`, `hidden` and `link` are a researcher's to see: a viewer gets null and `{}`. */
  hidden: Record<string, string>;
  status: InvitationStatus;
  link: string | null;
  sentAt: number | null;
  remindedAt: number | null;
  lastError: string | null;
  createdAt: number;
}
export interface InvitationList {
  /** `failed`: the mail server refused the message; `bounced`: it bounced later (recorded from a bounce list). */
  counts: Record<InvitationStatus, number> & { total: number; sent: number; failed: number; bounced: number };
  invitations: Invitation[];
}

/**
 * A bounce that came back after the mail server accepted the message has no column of its own: it
 * is kept in the invitation's `lastError` with this prefix, and reminders skip it.
 */
export const BOUNCE_PREFIX = 'bounced: ';
export const isBounced = (lastError: string | null) => !!lastError?.startsWith(BOUNCE_PREFIX);

/** A bounce list from the mail provider: a CSV of addresses (and reasons), or delivery status notifications. */
export const RecordBouncesSchema = v.object({
  text: v.pipe(v.string('must be the bounce list as text'), v.minLength(1, 'is empty')),
});
export interface BounceResult {
  bounced: number;
}

export const SendMailSchema = v.object({
  kind: v.picklist(['invitation', 'reminder'], 'must be invitation or reminder'),
});
export interface MailJob {
  id: string;
  kind: 'invitation' | 'reminder';
  status: 'running' | 'done';
  total: number;
  sent: number;
  failed: number;
  createdAt: number;
  finishedAt: number | null;
}
export interface MailState {
  smtp: boolean;
  jobs: MailJob[];
}
