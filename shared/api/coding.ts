/** Coding open answers: codeframes, assignments, suggested themes, the distinguishing table, agreement. */
import * as v from 'valibot';
import { SurveyLanguageSchema } from '../survey/schema-parts';
import type { Agreement } from '../coding/agreement';
import type { DistinctionTable } from '../coding/distinguish';
import type { FrameEditKind } from '../coding/frame-edit';

const Id = v.pipe(v.string('must be an id'), v.minLength(1, 'is required'), v.maxLength(64, 'is too long'));
const LabelText = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'is required'), v.maxLength(200));

/** A code's label in one or more of the survey's languages. */
export const CodeLabelSchema = v.pipe(
  v.record(SurveyLanguageSchema, LabelText, 'must give the label by language, e.g. { "en": "Slow service" }'),
  v.check((x) => Object.keys(x).length > 0, 'needs a label in at least one language'),
  v.check((x) => Object.keys(x).length <= 50, 'has labels in more than 50 languages'),
);

/** Words and phrases that mark an answer as having a code: what an alert rule on the code matches. */
export const CodeWordsSchema = v.pipe(
  v.array(
    v.pipe(v.string('must be a word'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100, 'is too long')),
    'must be a list of words',
  ),
  v.maxLength(50, 'has more than 50 words'),
);

/** The most codes one frame holds: far beyond any codeframe in use, and a bound on a request's work. */
export const MAX_CODES = 500;
/** The most answers one request assigns or splits by listing them. */
export const MAX_LISTED = 10_000;

export const NewCodeSchema = v.object({
  label: CodeLabelSchema,
  isNet: v.optional(v.boolean('must be true or false'), false),
  /** The net the code belongs to. */
  netId: v.optional(v.nullable(Id), null),
  words: v.optional(CodeWordsSchema, []),
});
export type NewCode = v.InferOutput<typeof NewCodeSchema>;

export const UpdateCodeSchema = v.object({
  label: v.optional(CodeLabelSchema),
  words: v.optional(CodeWordsSchema),
  netId: v.optional(v.nullable(Id)),
  position: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be whole'), v.minValue(0), v.maxValue(MAX_CODES)),
  ),
});
export type UpdateCode = v.InferOutput<typeof UpdateCodeSchema>;

const CodeIds = v.pipe(
  v.array(Id, 'must be a list of code ids'),
  v.maxLength(MAX_CODES, `has more than ${MAX_CODES} codes`),
);

export const MergeCodesSchema = v.object({
  from: v.pipe(CodeIds, v.minLength(1, 'needs at least one code')),
  into: Id,
});

const ResponseIds = v.pipe(
  v.array(
    v.pipe(v.number('must be a response id'), v.integer('must be a whole number'), v.minValue(1)),
    'must be a list of response ids',
  ),
  v.maxLength(MAX_LISTED, `lists more than ${MAX_LISTED} answers`),
);

/** A new code taking the listed answers' assignments of an existing one, across every coder. */
export const SplitCodeSchema = v.object({
  label: CodeLabelSchema,
  responseIds: v.pipe(ResponseIds, v.minLength(1, 'needs at least one answer')),
});

/** The caller's codes for one answer, replacing theirs. */
export const AnswerCodesSchema = v.object({ codes: CodeIds });

/** One code for every answer that matches a search (words in the text) or a suggested theme. */
export const BulkAssignSchema = v.pipe(
  v.object({
    codeId: Id,
    search: v.optional(
      v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200)),
    ),
    themeId: v.optional(v.pipe(v.string('must be a theme id'), v.minLength(1), v.maxLength(300))),
  }),
  v.check((x) => (x.search === undefined) !== (x.themeId === undefined), 'give either search or themeId'),
);

const Count = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, `must be a whole number from 0 to ${max}`),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}`),
  );

/** GET …/answers: a page of the answers, in response order, optionally only those matching or uncoded. */
export const AnswersQuerySchema = v.object({
  offset: v.optional(Count(10_000_000), '0'),
  limit: v.optional(v.pipe(Count(500), v.minValue(1, 'must be at least 1')), '100'),
  search: v.optional(v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters')), ''),
  uncoded: v.optional(v.picklist(['0', '1'], 'must be 0 or 1'), '0'),
  /** Only the answers the caller gave this code (a net: any of its codes). */
  code: v.optional(Id),
});

/** Shares another open question's codeframe (one set of codes, each question coded apart), or stops sharing (null). */
export const ShareFrameSchema = v.object({
  from: v.nullable(v.pipe(v.string('must be a question id'), v.minLength(1, 'is required'), v.maxLength(64))),
});

/**
 * GET …/distinguish: the codes (a coder's assignments: `coder`, else the caller's, else those of whoever
 * coded most) or the suggested themes.
 */
export const DistinguishQuerySchema = v.object({
  of: v.optional(v.picklist(['codes', 'themes'], 'must be codes or themes'), 'codes'),
  coder: v.optional(Id),
});

export const AgreementQuerySchema = v.object({ a: Id, b: Id });

export interface CodeDto {
  id: string;
  label: Record<string, string>;
  isNet: boolean;
  netId: string | null;
  position: number;
  words: string[];
  /** Answers the caller gave this code, and answers any coder did. */
  mine: number;
  all: number;
}

export interface FrameDto {
  questionId: string;
  /** The survey's languages, the first its default: a label may be given in each. */
  languages: string[];
  codes: CodeDto[];
  /** Completed responses with an answer to the question, and those the caller has coded. */
  total: number;
  coded: number;
  /** Users who coded any answer of this question, for the agreement between two. */
  coders: { id: string; name: string; coded: number }[];
  /** The question the respondents' scores come from (NPS, else overall satisfaction), if any. */
  scoreQuestion: { id: string; type: 'nps' | 'rating'; max: number } | null;
  /** The open questions using the same codes (this one among them), when the codeframe is shared. */
  sharedBy: string[];
  /** The latest change to the codes that can be undone. */
  lastEdit: FrameEditDto | null;
}

export interface FrameEditDto {
  kind: FrameEditKind;
  /** The label of the code it was about. */
  label: Record<string, string>;
  at: number;
}

export interface CodingQuestionDto {
  id: string;
  text: Record<string, string>;
  answers: number;
  codes: number;
  coded: number;
}

export interface CodingAnswer {
  responseId: number;
  text: string;
  lang: string;
  /** The respondent's score on the frame's score question, null when unanswered. */
  score: number | null;
  /** The caller's codes for it. */
  codes: string[];
}

export interface AnswersPage {
  total: number;
  offset: number;
  items: CodingAnswer[];
}

export interface ThemeDto {
  id: string;
  language: string;
  label: string;
  terms: { term: string; answers: number }[];
  answers: number;
  /** Up to three of its answers, to judge it by. */
  examples: string[];
}

export interface ThemesDto {
  answers: number;
  languages: { language: string; answers: number; themes: ThemeDto[] }[];
}

export type DistinguishDto = DistinctionTable & {
  of: 'codes' | 'themes';
  scoreQuestion: FrameDto['scoreQuestion'];
  /** Labels of the rows by id (a code's label in each language, or a theme's label). */
  labels: Record<string, Record<string, string>>;
};

export type AgreementDto = Agreement;

/** A code split off another: the new code, and how many answers moved to it. */
export interface SplitResult {
  code: CodeDto;
  moved: number;
}

/** An answer's codes by the caller, after a change. */
export interface AnswerCodesResult {
  responseId: number;
  codes: string[];
}

/** A code given to every answer matching a search or a theme: how many matched, how many were new. */
export interface BulkResult {
  matched: number;
  added: number;
}

/** The answers the undone change touched. */
export interface UndoResult {
  responseIds: number[];
}
