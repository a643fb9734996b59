/** The building blocks of the definition schema, shared by the basic and the research question types. */
import * as v from 'valibot';
import { LOCALES } from '../i18n/locales';
import { LogicSchema } from './logic-schema';
import { ID_MESSAGE, ID_PATTERN, isReservedId, RESERVED_MESSAGE } from './ids';
import { canonicalTag } from './survey-language';

export const LocaleSchema = v.picklist(LOCALES, 'must be one of en, zh-Hans, zh-Hant, it, vi');

/** A survey language: any BCP 47 tag, in Intl's canonical spelling so texts' keys match `languages`. */
export const SurveyLanguageSchema = v.pipe(
  v.string('must be a language tag'),
  v.check(
    (tag) => canonicalTag(tag) === tag,
    'must be a BCP 47 language tag such as fr, de-CH or ar, spelled as in fr-CA or zh-Hant',
  ),
);

/** An id under the one rule of ./ids.ts. */
export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(new RegExp(`^${ID_PATTERN}$`), ID_MESSAGE),
  v.check((id) => !isReservedId(id), RESERVED_MESSAGE),
);

/** A reference to an id (`what`: "a question id", "a hidden field"), under the same rule. */
export const idRefSchema = (what: string) =>
  v.pipe(
    v.string(`must be ${what}`),
    v.regex(new RegExp(`^${ID_PATTERN}$`), `must be ${what}`),
    v.check((id) => !isReservedId(id), RESERVED_MESSAGE),
  );

/** A text in every survey language: `{ en: 'How satisfied…', it: 'Quanto…', fr: 'Quelle…' }`. */
export const TextSchema = v.pipe(
  v.record(SurveyLanguageSchema, v.pipe(v.string(), v.maxLength(5000, 'text is longer than 5,000 characters'))),
  v.check((t) => Object.values(t).some((s) => s.trim() !== ''), 'needs a text in at least one language'),
);
export type Text = v.InferOutput<typeof TextSchema>;

export const ROLES = [
  'overall-satisfaction',
  'loyalty',
  'recommend',
  'attribute',
  'importance',
  'dimension',
  'price',
  'competitor',
  'segment',
  'open-feedback',
  'contact',
] as const;
export const RoleSchema = v.picklist(ROLES, `must be one of ${ROLES.join(', ')}`);
export type Role = v.InferOutput<typeof RoleSchema>;

export const OptionSchema = v.object({ id: IdSchema, label: TextSchema });
export type Option = v.InferOutput<typeof OptionSchema>;

export const optionsSchema = v.pipe(
  v.array(OptionSchema),
  v.minLength(2, 'needs at least 2 options'),
  v.maxLength(200, 'has more than 200 options'),
  v.check((os) => new Set(os.map((o) => o.id)).size === os.length, 'option ids must be unique'),
);

/** The fields every question has. */
export const base = {
  id: IdSchema,
  text: TextSchema,
  help: v.optional(TextSchema),
  required: v.optional(v.boolean(), false),
  role: v.optional(RoleSchema),
  /** Shown only when this holds (conditions on earlier answers and hidden fields). */
  visibleIf: v.optional(LogicSchema),
};

export const scaleSchema = v.pipe(
  v.object({
    min: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1)),
    max: v.pipe(v.number(), v.integer(), v.minValue(2, 'scale needs at least 2 points'), v.maxValue(11)),
    minLabel: v.optional(TextSchema),
    maxLabel: v.optional(TextSchema),
  }),
  v.check((s) => s.max > s.min, 'max must be above min'),
);
export type Scale = v.InferOutput<typeof scaleSchema>;
