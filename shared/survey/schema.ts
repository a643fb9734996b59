/**
 * The survey definition: one JSON document, validated by this schema on both sides (the builder
 * and the server). Question ids are stable across edits and versions, so reports line versions up
 * by id; option ids likewise, so reordering or relabelling options never reinterprets an answer.
 */
import * as v from 'valibot';
import { referenceIssues } from './references';
import { RESEARCH_QUESTION_SCHEMAS, RESEARCH_TYPES } from './research-types';
import {
  base,
  IdSchema,
  optionsSchema,
  OptionSchema,
  scaleSchema,
  SurveyLanguageSchema,
  TextSchema,
} from './schema-parts';
import { LogicSchema } from './logic-schema';
import { MORE_QUESTION_SCHEMAS, MORE_TYPES } from './more-types';

export {
  base,
  IdSchema,
  LocaleSchema,
  OptionSchema,
  SurveyLanguageSchema,
  optionsSchema,
  RoleSchema,
  ROLES,
  scaleSchema,
  TextSchema,
  type Option,
  type Role,
  type Scale,
  type Text,
} from './schema-parts';

export const SingleChoiceSchema = v.object({
  ...base,
  type: v.literal('single'),
  options: optionsSchema,
  display: v.optional(v.picklist(['list', 'dropdown']), 'list'),
  randomize: v.optional(v.boolean(), false),
  /** Adds an "Other (please specify)" choice; its answer is `{ other: "their text" }`. */
  other: v.optional(v.boolean(), false),
});

export const MultipleChoiceSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('multiple'),
    options: optionsSchema,
    min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    randomize: v.optional(v.boolean(), false),
  }),
  v.check((q) => q.min === undefined || q.max === undefined || q.min <= q.max, 'min must not exceed max'),
  v.check((q) => q.max === undefined || q.max <= q.options.length, 'max exceeds the number of options'),
);

export const RatingSchema = v.object({
  ...base,
  type: v.literal('rating'),
  scale: scaleSchema,
  notApplicable: v.optional(v.boolean(), false),
});

export const NpsSchema = v.object({ ...base, type: v.literal('nps') });

export const MatrixSchema = v.object({
  ...base,
  type: v.literal('matrix'),
  items: v.pipe(
    v.array(OptionSchema),
    v.minLength(1, 'needs at least 1 item'),
    v.maxLength(100, 'has more than 100 items'),
    v.check((os) => new Set(os.map((o) => o.id)).size === os.length, 'item ids must be unique'),
  ),
  scale: scaleSchema,
  notApplicable: v.optional(v.boolean(), false),
});

export const TextQuestionSchema = v.object({
  ...base,
  type: v.literal('text'),
  multiline: v.optional(v.boolean(), false),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)), 2000),
});

export const NumberQuestionSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('number'),
    min: v.optional(v.number()),
    max: v.optional(v.number()),
    integer: v.optional(v.boolean(), false),
  }),
  v.check((q) => q.min === undefined || q.max === undefined || q.min <= q.max, 'min must not exceed max'),
);

export const QuestionSchema = v.variant(
  'type',
  [
    SingleChoiceSchema,
    MultipleChoiceSchema,
    RatingSchema,
    NpsSchema,
    MatrixSchema,
    TextQuestionSchema,
    NumberQuestionSchema,
    ...RESEARCH_QUESTION_SCHEMAS,
    ...MORE_QUESTION_SCHEMAS,
  ],
  `type must be one of single, multiple, rating, nps, matrix, text, number, ${[...RESEARCH_TYPES, ...MORE_TYPES].join(', ')}`,
);
export type Question = v.InferOutput<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'rating',
  'nps',
  'matrix',
  'text',
  'number',
  ...RESEARCH_TYPES,
  ...MORE_TYPES,
];

export const PageSchema = v.object({
  id: IdSchema,
  title: v.optional(TextSchema),
  visibleIf: v.optional(LogicSchema),
  questions: v.pipe(v.array(QuestionSchema), v.maxLength(200, 'a page holds at most 200 questions')),
});
export type Page = v.InferOutput<typeof PageSchema>;

export const ScreenOutSchema = v.object({
  id: IdSchema,
  afterPage: IdSchema,
  when: LogicSchema,
  message: v.optional(TextSchema),
});
export type ScreenOut = v.InferOutput<typeof ScreenOutSchema>;

export const SurveyDefinitionSchema = v.pipe(
  v.object({
    title: TextSchema,
    /** Any BCP 47 tags (shared/survey/survey-language.ts); the page's own words fall back to English. */
    defaultLanguage: v.optional(SurveyLanguageSchema, 'en'),
    languages: v.optional(
      v.pipe(v.array(SurveyLanguageSchema), v.minLength(1), v.maxLength(40, 'a survey has at most 40 languages')),
      ['en'],
    ),
    intro: v.optional(TextSchema),
    thankYou: v.optional(TextSchema),
    hiddenFields: v.optional(v.pipe(v.array(IdSchema), v.maxLength(50)), []),
    pages: v.pipe(v.array(PageSchema), v.minLength(1, 'needs at least 1 page'), v.maxLength(100)),
    /** Polite endings for respondents outside the target, checked when they leave `afterPage`. */
    screenOuts: v.optional(v.pipe(v.array(ScreenOutSchema), v.maxLength(50)), []),
  }),
  v.forward(
    v.check((d) => d.languages.includes(d.defaultLanguage), 'must include the default language'),
    ['languages'],
  ),
  v.forward(
    v.check((d) => new Set(d.languages).size === d.languages.length, 'lists a language twice'),
    ['languages'],
  ),
  v.forward(
    v.check((d) => new Set(d.pages.map((p) => p.id)).size === d.pages.length, 'page ids must be unique'),
    ['pages'],
  ),
  v.forward(
    v.check((d) => {
      const ids = d.pages.flatMap((p) => p.questions.map((q) => q.id));
      return new Set([...ids, ...d.hiddenFields]).size === ids.length + d.hiddenFields.length;
    }, 'question ids and hidden field names must be unique across the survey'),
    ['pages'],
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const issue of referenceIssues(dataset.value)) {
      const path = issue.path.map((key) => ({
        type: typeof key === 'number' ? 'array' : 'object',
        origin: 'value',
        input: null,
        key,
        value: null,
      }));
      // issuePath() and the API read only each item's key; the other fields are Valibot's bookkeeping.
      addIssue({ message: issue.message, path: path as unknown as [v.IssuePathItem, ...v.IssuePathItem[]] });
    }
  }),
);
export type SurveyDefinition = v.InferOutput<typeof SurveyDefinitionSchema>;
export type SurveyDefinitionInput = v.InferInput<typeof SurveyDefinitionSchema>;

/** All questions of a definition in page order. */
export { allQuestions } from './all-questions';

/** Turns a Valibot issue path into `pages[0].questions[2].text`, for error messages. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
