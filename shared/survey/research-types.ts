/**
 * The question types of satisfaction and price research, beyond the basic ones in schema.ts.
 *
 * Answer shapes (stored as given, ids never labels):
 *   servqual     → { itemId: { e: 1..n, p: 1..n } }        (expectation, perception)
 *   importance   → { itemId: 1..n }  or, in "sum" mode, { itemId: 0..total } adding up to total
 *   vanWestendorp → { tooCheap, cheap, expensive, tooExpensive, likelyCheap?, likelyExpensive? }
 *   gaborGranger → { path: [{ price, buy }], highest: price | null }
 *   competitor   → { known: [brandId], ratings: { brandId: { attributeId: 1..n } } }
 *   ranking      → [optionId, …] (every option, first = most important)
 *   contact      → { name?, email?, phone?, consent: boolean }
 */
import * as v from 'valibot';
import { base, IdSchema, optionsSchema, OptionSchema, scaleSchema, TextSchema } from './schema-parts';

const uniqueIds = <T extends { id: string }>(what: string) =>
  v.check((os: T[]) => new Set(os.map((o) => o.id)).size === os.length, `${what} ids must be unique`);

const itemsSchema = (what: string, max: number) =>
  v.pipe(
    v.array(OptionSchema),
    v.minLength(1, `needs at least 1 ${what}`),
    v.maxLength(max, `has more than ${max} ${what}s`),
    uniqueIds(what),
  );

/** The five dimensions of Parasuraman, Zeithaml & Berry (1988). */
export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;

export const ServqualSchema = v.object({
  ...base,
  type: v.literal('servqual'),
  items: v.pipe(
    v.array(
      v.object({
        id: IdSchema,
        label: TextSchema,
        dimension: v.picklist(SERVQUAL_DIMENSIONS, `must be one of ${SERVQUAL_DIMENSIONS.join(', ')}`),
      }),
    ),
    v.minLength(1, 'needs at least 1 item'),
    v.maxLength(60, 'has more than 60 items'),
    uniqueIds('item'),
  ),
  scale: scaleSchema,
  /** Column headings; the respondent page has its own defaults. */
  expectationLabel: v.optional(TextSchema),
  perceptionLabel: v.optional(TextSchema),
});

export const ImportanceSchema = v.object({
  ...base,
  type: v.literal('importance'),
  items: itemsSchema('item', 50),
  /** "rating": each item on the scale; "sum": points shared out among the items, adding up to `total`. */
  mode: v.optional(v.picklist(['rating', 'sum'], 'must be rating or sum'), 'rating'),
  scale: v.optional(scaleSchema, { min: 1, max: 5 }),
  total: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(1000)), 100),
});

export const CurrencySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR'),
);

export const VanWestendorpSchema = v.object({
  ...base,
  type: v.literal('vanWestendorp'),
  currency: CurrencySchema,
  /** Newton–Miller–Smith extension: purchase likelihood 1–5 at the cheap and expensive prices. */
  likelihood: v.optional(v.boolean(), false),
});

export const GaborGrangerSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('gaborGranger'),
    currency: CurrencySchema,
    prices: v.pipe(
      v.array(v.pipe(v.number(), v.minValue(0))),
      v.minLength(2, 'needs at least 2 prices'),
      v.maxLength(20, 'has more than 20 prices'),
    ),
    /** Index of the first price asked; the middle one by default. */
    start: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  v.forward(
    v.check((q) => q.prices.every((p, i) => i === 0 || p > q.prices[i - 1]), 'prices must be strictly increasing'),
    ['prices'],
  ),
  v.forward(
    v.check((q) => q.start === undefined || q.start < q.prices.length, 'start must be the index of one of the prices'),
    ['start'],
  ),
);

export const CompetitorSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('competitor'),
    brands: v.pipe(
      v.array(OptionSchema),
      v.minLength(2, 'needs at least 2 brands'),
      v.maxLength(20, 'has more than 20 brands'),
      uniqueIds('brand'),
    ),
    /** The survey owner's brand, one of `brands`. */
    ownBrand: IdSchema,
    attributes: itemsSchema('attribute', 30),
    scale: scaleSchema,
  }),
  v.forward(
    v.check((q) => q.brands.some((b) => b.id === q.ownBrand), 'must be one of the brands'),
    ['ownBrand'],
  ),
);

export const RankingSchema = v.object({
  ...base,
  type: v.literal('ranking'),
  options: v.pipe(optionsSchema, v.maxLength(20, 'ranks at most 20 options')),
  randomize: v.optional(v.boolean(), false),
});

export const ContactSchema = v.pipe(
  v.object({
    ...base,
    type: v.literal('contact'),
    name: v.optional(v.boolean(), true),
    email: v.optional(v.boolean(), true),
    phone: v.optional(v.boolean(), false),
    /** What the respondent agrees to by ticking the box, e.g. being contacted about their answers. */
    consent: TextSchema,
  }),
  v.check((q) => q.name || q.email || q.phone, 'asks for at least one of name, email, phone'),
);

export const RESEARCH_QUESTION_SCHEMAS = [
  ServqualSchema,
  ImportanceSchema,
  VanWestendorpSchema,
  GaborGrangerSchema,
  CompetitorSchema,
  RankingSchema,
  ContactSchema,
] as const;
export const RESEARCH_TYPES = [
  'servqual',
  'importance',
  'vanWestendorp',
  'gaborGranger',
  'competitor',
  'ranking',
  'contact',
] as const;
