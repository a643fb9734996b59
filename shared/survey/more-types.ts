/**
 * Question types that researchers bring from LimeSurvey and SurveyJS, beyond the basic and the
 * research ones: an instructions block, a date, yes/no, several fields in one question, and a
 * matrix whose rows are rated on several scales at once (importance × satisfaction).
 *
 * Answer shapes (stored as given, ids never labels):
 *   info          → none: it shows text only, and any answer to it is refused
 *   date          → "YYYY-MM-DD"
 *   yesno         → "yes" | "no"
 *   fields        → { itemId: number } (input "number") or { itemId: "text" } (input "text")
 *   matrixScales  → { itemId: { scaleId: point } }
 */
import * as v from 'valibot';
import { isIsoDate } from './iso-date';
import { base, IdSchema, OptionSchema, scaleSchema, TextSchema } from './schema-parts';

const DateSchema = v.pipe(
  v.string('must be a date written YYYY-MM-DD'),
  v.check((s: string) => isIsoDate(s), 'must be a date written YYYY-MM-DD'),
);

const uniqueIds = <T extends { id: string }>(what: string) =>
  v.check((os: T[]) => new Set(os.map((o) => o.id)).size === os.length, `${what} ids must be unique`);

export const InfoSchema = v.pipe(
  v.object({ ...base, type: v.literal('info') }),
  v.forward(
    v.check((q) => !q.required, 'an instructions block takes no answer, so it cannot be required'),
    ['required'],
  ),
);

export const DateQuestionSchema = v.pipe(
  v.object({ ...base, type: v.literal('date'), min: v.optional(DateSchema), max: v.optional(DateSchema) }),
  v.forward(
    v.check(
      (q) => q.min === undefined || q.max === undefined || q.min <= q.max,
      'the earliest date must not be after the latest',
    ),
    ['max'],
  ),
);

export const YesNoSchema = v.object({
  ...base,
  type: v.literal('yesno'),
  /** Own wording of the two answers ("Agree"/"Disagree"); the respondent page's Yes/No otherwise. */
  yesLabel: v.optional(TextSchema),
  noLabel: v.optional(TextSchema),
});

export const FieldsSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('fields'),
    items: v.pipe(
      v.array(OptionSchema),
      v.minLength(1, 'needs at least 1 field'),
      v.maxLength(50, 'has more than 50 fields'),
      uniqueIds('field'),
    ),
    input: v.optional(v.picklist(['number', 'text'], 'must be number or text'), 'number'),
    min: v.optional(v.number()),
    max: v.optional(v.number()),
    integer: v.optional(v.boolean(), false),
    /** Numbers only: the fields must add up to this (e.g. 100 for shares in per cent). */
    total: v.optional(v.pipe(v.number(), v.minValue(0))),
    maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000)), 200),
  }),
  v.forward(
    v.check((q) => q.min === undefined || q.max === undefined || q.min <= q.max, 'min must not exceed max'),
    ['max'],
  ),
  v.forward(
    v.check((q) => q.total === undefined || q.input === 'number', 'a total needs number fields'),
    ['total'],
  ),
);

/** The report roles one scale of a matrix with several scales may take. */
export const SCALE_ROLES = ['importance', 'attribute'] as const;

export const ScaleColumnSchema = v.pipe(
  v.object({
    id: IdSchema,
    /** The column's heading, e.g. "Importance". */
    label: TextSchema,
    scale: scaleSchema,
    /** A label for every point, min to max, when the scale words each one ("Very poor" … "Excellent"). */
    pointLabels: v.optional(v.array(TextSchema)),
    /**
     * What the report reads this scale as: each row's stated importance, or its rated performance
     * (an attribute). A matrix marked with both feeds the priorities' importance–performance matrix.
     */
    role: v.optional(v.picklist(SCALE_ROLES, 'must be importance or attribute')),
  }),
  v.forward(
    v.check(
      (c) => c.pointLabels === undefined || c.pointLabels.length === c.scale.max - c.scale.min + 1,
      'needs one label per point of the scale',
    ),
    ['pointLabels'],
  ),
);
export type ScaleColumn = v.InferOutput<typeof ScaleColumnSchema>;

export const MatrixScalesSchema = v.object({
  ...base,
  type: v.literal('matrixScales'),
  items: v.pipe(
    v.array(OptionSchema),
    v.minLength(1, 'needs at least 1 item'),
    v.maxLength(100, 'has more than 100 items'),
    uniqueIds('item'),
  ),
  scales: v.pipe(
    v.array(ScaleColumnSchema),
    v.minLength(1, 'needs at least 1 scale'),
    v.maxLength(4, 'has more than 4 scales'),
    uniqueIds('scale'),
  ),
});

export const MORE_QUESTION_SCHEMAS = [
  InfoSchema,
  DateQuestionSchema,
  YesNoSchema,
  FieldsSchema,
  MatrixScalesSchema,
] as const;
export const MORE_TYPES = ['info', 'date', 'yesno', 'fields', 'matrixScales'] as const;
