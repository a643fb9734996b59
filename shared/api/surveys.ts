/** Request bodies and answers of the survey and collection routes. */
import * as v from 'valibot';
import { SurveyDefinitionSchema, type SurveyDefinition } from '../survey/schema';
import { DraftDefinitionSchema } from '../survey/draft';
import { CLIENT_ID, InvitationTokenSchema } from './tokens';

export const SlugSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'must be 3–64 lowercase letters, digits or dashes'),
);
export const SURVEY_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;

export const CreateSurveySchema = v.object({
  definition: SurveyDefinitionSchema,
  slug: v.optional(SlugSchema),
});
/** A draft is stored unfinished too (shared/survey/draft.ts); publishing needs the whole schema. */
export const SaveDraftSchema = v.object({ definition: DraftDefinitionSchema });
export const UpdateSurveySchema = v.object({
  status: v.optional(v.picklist(SURVEY_STATUSES, 'must be draft, open, paused or closed')),
  slug: v.optional(SlugSchema),
});

/**
 * Answers by question id with every key kept as sent: v.record would drop `constructor` and
 * `prototype` silently, hiding an answer from the checks. Unknown ids are refused against the
 * version (shared/survey/answers.ts validateSubmission), and every lookup reads own keys only.
 */
const AnswersSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
    'must be an object of answers by question id',
  ),
  v.check((o) => Object.keys(o).every((k) => k.length <= 64), 'has a question id longer than 64 characters'),
);

const ClientIdSchema = v.pipe(v.string(), v.regex(CLIENT_ID, 'must be 8–64 letters, digits, _ or -'));

/** What the respondent page sends after each page and at the end. */
export const SubmissionSchema = v.object({
  clientId: ClientIdSchema,
  versionId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  answers: AnswersSchema,
  complete: v.boolean('must be true or false'),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)), 0),
  pageTimes: v.optional(
    v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.number(), v.minValue(0), v.maxValue(86_400_000))),
    {},
  ),
  hidden: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(500))), {}),
  lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
  /** A personal invitation's token (from the link's ?t=): the response is that invitation's one. */
  invitation: v.optional(InvitationTokenSchema),
  /** Honeypot: a field people never see; bots fill it. */
  website: v.optional(v.string()),
});
export type Submission = v.InferOutput<typeof SubmissionSchema>;

export interface SurveySummary {
  id: string;
  slug: string;
  title: SurveyDefinition['title'];
  defaultLanguage: string;
  status: (typeof SURVEY_STATUSES)[number];
  version: number | null;
  completes: number;
  partials: number;
  createdAt: number;
  updatedAt: number;
}
export interface SurveyDetail extends SurveySummary {
  draft: SurveyDefinition;
  /** True when the draft differs from the published version. */
  unpublishedChanges: boolean;
  versions: { id: number; version: number; publishedAt: number; responses: number }[];
}

/** What GET /api/public/s/:slug and the page's embedded JSON carry. */
export interface PublicSurvey {
  slug: string;
  /** The survey's status, or why its rules refuse answers now (dates, response cap). */
  status: (typeof SURVEY_STATUSES)[number] | 'not-yet-open' | 'full';
  versionId: number | null;
  definition: SurveyDefinition | null;
  /** Kiosk mode: start again for the next person after each response, never resume. */
  kiosk?: boolean;
  /** Present when the page was opened with an invitation token. */
  invitation?: InvitationState;
  /**
   * In the page's embedded JSON only: the page the server rendered into the HTML, and the
   * respondent id that ordered its randomised options, which the page adopts for a new respondent.
   */
  rendered?: { clientId: string; page: number };
  /** The builder's preview of a draft (server/survey/preview.ts): answers go there as test responses. */
  preview?: { submitUrl: string; csrf: string };
}

/** An invitation link's state as the respondent page sees it; `resume` lets another device continue. */
export type InvitationState =
  | { state: 'unknown' | 'used' }
  | {
      state: 'open';
      token: string;
      hidden: Record<string, string>;
      /** The contact's language from the list, which outranks the browser's. */
      lang: string | null;
      resume: { clientId: string; versionId: number; page: number; answers: Record<string, unknown> } | null;
    };

export interface SubmissionResult {
  status: 'partial' | 'complete' | 'screened-out' | 'over-quota';
  duplicate?: boolean;
}
