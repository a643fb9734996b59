/**
 * The research plan of a survey: one JSON document, validated by this schema on both sides (the
 * plan page and the server). Money is in minor units (integer cents), shares as fractions of 1
 * except quota shares, which researchers type as percentages.
 */
import * as v from 'valibot';
import { IdSchema } from '../survey/schema';
import { calendarDateProblem } from '../api/calendar-date';

export const TARGET_POPULATIONS = ['current-customers', 'users-buyers', 'intermediaries', 'other'] as const;
export const METHODS = ['online-link', 'kiosk', 'phone', 'mail'] as const;
export const FREQUENCIES = ['one-off', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const BUDGET_KINDS = ['per-complete', 'incentive-per-complete', 'fixed'] as const;
export const ALLOCATION_METHODS = ['proportional', 'neyman', 'minimum'] as const;

/** Quota shares typed as percentages may be off by this much from 100 (two-decimal rounding). */
export const PERCENT_TOLERANCE = 0.01;
/** Joins a cell's category values into its key; category values may not contain it. */
export const CELL_SEPARATOR = '|';

const text = (max: number) =>
  v.optional(v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`)), '');
const DateSchema = v.pipe(
  v.string('must be a date'),
  v.check(
    (s) => calendarDateProblem(s) === null,
    (issue) => calendarDateProblem(String(issue.input)) ?? 'must be a date as YYYY-MM-DD',
  ),
);
const count = (max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(max, `must be at most ${max}`),
  );

export const SampleInputSchema = v.pipe(
  v.object({
    /** A proportion (share satisfied) or a mean (a score's average) is what the margin is about. */
    kind: v.picklist(['proportion', 'mean'], 'must be proportion or mean'),
    confidence: v.pipe(
      v.number('must be a number'),
      v.minValue(0.5, 'must be from 0.5 to 0.999 (50%–99.9%)'),
      v.maxValue(0.999, 'must be from 0.5 to 0.999 (50%–99.9%)'),
    ),
    /** Half-width of the interval: a fraction (0.05 = ±5 points) for a proportion, the scale's unit for a mean. */
    margin: v.pipe(
      v.number('must be a number'),
      v.gtValue(0, 'must be greater than 0'),
      v.maxValue(1e6, 'is too large'),
    ),
    proportion: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.gtValue(0, 'must lie between 0 and 1'),
        v.ltValue(1, 'must lie between 0 and 1'),
      ),
    ),
    sd: v.optional(
      v.pipe(v.number('must be a number'), v.gtValue(0, 'must be greater than 0'), v.maxValue(1e6, 'is too large')),
    ),
    /** Omitted: a population so large that the finite-population correction doesn't matter. */
    population: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(1, 'must be at least 1'),
        v.maxValue(1e10, 'is too large'),
      ),
    ),
    designEffect: v.optional(
      v.pipe(v.number('must be a number'), v.minValue(1, 'must be at least 1'), v.maxValue(100, 'must be at most 100')),
      1,
    ),
    responseRate: v.pipe(
      v.number('must be a number'),
      v.gtValue(0, 'must be above 0 and at most 1'),
      v.maxValue(1, 'must be above 0 and at most 1'),
    ),
    /** Share of those invited who belong to the target (pass the screening). */
    incidence: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.gtValue(0, 'must be above 0 and at most 1'),
        v.maxValue(1, 'must be above 0 and at most 1'),
      ),
      1,
    ),
  }),
  v.forward(
    v.check((s) => s.kind !== 'proportion' || s.margin < 1, "a proportion's margin must be below 1 (0.05 = ±5 points)"),
    ['margin'],
  ),
  v.forward(
    v.check((s) => s.kind !== 'mean' || s.sd !== undefined, 'a mean needs the expected standard deviation'),
    ['sd'],
  ),
);
export type SampleInput = v.InferOutput<typeof SampleInputSchema>;

export const BudgetLineSchema = v.object({
  label: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(200, 'must be at most 200 characters'),
  ),
  kind: v.picklist(BUDGET_KINDS, 'must be per-complete, incentive-per-complete or fixed'),
  /** Minor units (cents), so totals never drift. */
  amount: count(1e12),
  currency: v.pipe(v.string('must be text'), v.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR')),
});
export type BudgetLine = v.InferOutput<typeof BudgetLineSchema>;

export const CategorySchema = v.object({
  /** A hidden field's value or a single-choice option's id. */
  value: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(100, 'must be at most 100 characters'),
    v.check((s) => !s.includes(CELL_SEPARATOR), `must not contain ${CELL_SEPARATOR}`),
  ),
  label: v.optional(v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters'))),
  /** A count of people or a percentage, as the variable's unit says. */
  population: v.pipe(
    v.number('must be a number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(1e10, 'is too large'),
  ),
  /** Standard deviation within the category, for Neyman allocation. */
  sd: v.optional(
    v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'), v.maxValue(1e6, 'is too large')),
  ),
});
export type Category = v.InferOutput<typeof CategorySchema>;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const percentSum = (cs: readonly Category[]) => Math.round(sum(cs.map((c) => c.population)) * 1e4) / 1e4;
const variableName = (input: unknown) => {
  const x = input as { label?: string; source?: string };
  return x.label?.trim() || x.source || 'this variable';
};

export const QuotaVariableSchema = v.pipe(
  v.object({
    /** A hidden field or a closed question of the survey (names are unique across both). */
    source: IdSchema,
    label: v.optional(v.pipe(v.string('must be text'), v.maxLength(200, 'must be at most 200 characters'))),
    unit: v.picklist(['percent', 'count'], 'must be percent or count'),
    categories: v.pipe(
      v.array(CategorySchema, 'must be a list of categories'),
      v.minLength(2, 'needs at least 2 categories'),
      v.maxLength(50, 'has more than 50 categories'),
      v.check((cs) => new Set(cs.map((c) => c.value)).size === cs.length, 'category values must be unique'),
    ),
  }),
  v.forward(
    v.check(
      (q) => q.unit !== 'percent' || Math.abs(percentSum(q.categories) - 100) <= PERCENT_TOLERANCE,
      (issue) =>
        `shares of ${variableName(issue.input)} add up to ${percentSum((issue.input as { categories: Category[] }).categories)}%, not 100%`,
    ),
    ['categories'],
  ),
  v.forward(
    v.check(
      (q) => q.unit !== 'count' || q.categories.every((c) => Number.isInteger(c.population)),
      (issue) => `counts of ${variableName(issue.input)} must be whole numbers`,
    ),
    ['categories'],
  ),
  v.forward(
    v.check(
      (q) => sum(q.categories.map((c) => c.population)) > 0,
      (issue) => `${variableName(issue.input)} needs a population above 0 in at least one category`,
    ),
    ['categories'],
  ),
);
export type QuotaVariable = v.InferOutput<typeof QuotaVariableSchema>;

export const QuotaCellSchema = v.pipe(
  v.object({
    // Two category values of at most 100 characters and the separator.
    key: v.pipe(v.string('must be text'), v.maxLength(201)),
    values: v.pipe(v.array(v.string('must be text')), v.minLength(1), v.maxLength(2)),
    target: count(1e7),
    /** The cell's own population count, when the joint distribution is known (else the product of the marginals). */
    population: v.optional(count(1e10)),
  }),
  v.forward(
    v.check((c) => c.key === c.values.join(CELL_SEPARATOR), `key must be the values joined by ${CELL_SEPARATOR}`),
    ['key'],
  ),
);
export type QuotaCell = v.InferOutput<typeof QuotaCellSchema>;

/** The key of the cell the given category values (one per variable, in order) fall in: "gold|north". */
export function cellKey(values: readonly string[]): string {
  return values.join(CELL_SEPARATOR);
}

/** Every combination of the variables' categories, in order: the cells a quota design must have. */
export function crossValues(variables: readonly { categories: readonly { value: string }[] }[]): string[][] {
  return variables.reduce<string[][]>(
    (rows, variable) => rows.flatMap((row) => variable.categories.map((c) => [...row, c.value])),
    [[]],
  );
}

function cellMismatch(q: { variables: QuotaVariable[]; cells?: QuotaCell[] }): string | null {
  if (!q.cells) return null;
  const expected = crossValues(q.variables).map(cellKey);
  const given = q.cells.map((c) => c.key);
  const missing = expected.filter((k) => !given.includes(k));
  const unknown = given.filter((k) => !expected.includes(k));
  if (missing.length === 0 && unknown.length === 0 && new Set(given).size === given.length) return null;
  const parts = [
    missing.length ? `missing ${missing.slice(0, 5).join(', ')}` : '',
    unknown.length ? `not in the categories: ${unknown.slice(0, 5).join(', ')}` : '',
    new Set(given).size !== given.length ? 'a cell is listed twice' : '',
  ].filter(Boolean);
  return `cells must be every combination of the categories, once each: ${parts.join('; ')}`;
}

export const QuotasSchema = v.pipe(
  v.object({
    variables: v.pipe(
      v.array(QuotaVariableSchema, 'must be a list of variables'),
      v.minLength(1, 'needs 1 or 2 variables'),
      v.maxLength(2, 'needs 1 or 2 variables'),
      v.check(
        (vs) => new Set(vs.map((x) => x.source)).size === vs.length,
        'the two variables must read different sources',
      ),
    ),
    method: v.picklist(ALLOCATION_METHODS, 'must be proportional, neyman or minimum'),
    minPerCell: v.optional(count(1e6)),
    /** Completes to spread over the cells; omitted: the sample calculator's completes needed. */
    total: v.optional(v.pipe(count(1e7), v.minValue(1, 'must be at least 1'))),
    /** Targets per cell, editable by hand; omitted: the server allocates `total` by `method`. */
    cells: v.optional(
      v.pipe(v.array(QuotaCellSchema, 'must be a list of cells'), v.maxLength(2500, 'has more than 2,500 cells')),
    ),
    /** Reports weight completes back to the population shares (needed after disproportionate allocation). */
    weightToPopulation: v.optional(v.boolean('must be true or false')),
  }),
  v.forward(
    v.check((q) => q.method !== 'minimum' || q.minPerCell !== undefined, 'the minimum method needs a minimum per cell'),
    ['minPerCell'],
  ),
  v.forward(
    v.check(
      (q) => q.method !== 'neyman' || q.variables.some((x) => x.categories.every((c) => c.sd !== undefined)),
      'Neyman allocation needs a standard deviation for every category of a variable',
    ),
    ['variables'],
  ),
  v.forward(
    v.check(
      (q) => cellMismatch(q) === null,
      (issue) => cellMismatch(issue.input as never) ?? '',
    ),
    ['cells'],
  ),
  v.forward(
    v.check(
      (q) =>
        !q.cells ||
        q.cells.every((c) => c.population !== undefined) ||
        q.cells.every((c) => c.population === undefined),
      'give a population for every cell or for none',
    ),
    ['cells'],
  ),
  v.transform((q) => ({ ...q, weightToPopulation: q.weightToPopulation ?? q.method !== 'proportional' })),
);
export type Quotas = v.InferOutput<typeof QuotasSchema>;

export const PlanSchema = v.pipe(
  v.object({
    purpose: text(5000),
    /** What is measured: satisfaction with what, which attributes, loyalty, price… */
    content: text(5000),
    targetPopulation: v.object({
      kind: v.picklist(TARGET_POPULATIONS, 'must be current-customers, users-buyers, intermediaries or other'),
      description: text(2000),
    }),
    method: v.picklist(METHODS, 'must be online-link, kiosk, phone or mail'),
    frequency: v.picklist(FREQUENCIES, 'must be one-off, monthly, quarterly, half-yearly or yearly'),
    fieldwork: v.pipe(
      v.object({ start: v.optional(DateSchema), end: v.optional(DateSchema) }),
      v.forward(
        v.check((f) => !f.start || !f.end || f.end >= f.start, 'must not be before the start'),
        ['end'],
      ),
    ),
    reportDue: v.optional(DateSchema),
    budget: v.optional(
      v.pipe(v.array(BudgetLineSchema, 'must be a list of budget lines'), v.maxLength(100, 'has more than 100 lines')),
      [],
    ),
    notes: text(10_000),
    sample: SampleInputSchema,
    quotas: v.optional(QuotasSchema),
  }),
  v.forward(
    v.check(
      (p) => !p.reportDue || !p.fieldwork.end || p.reportDue >= p.fieldwork.end,
      'must not be before the end of fieldwork',
    ),
    ['reportDue'],
  ),
);
export type Plan = v.InferOutput<typeof PlanSchema>;
export type PlanInput = v.InferInput<typeof PlanSchema>;
