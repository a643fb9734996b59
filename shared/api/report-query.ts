/**
 * The report's query string: GET /api/surveys/:id/report?filter=…&weight=…&exclude=…
 *
 * `filter` is a list of conditions joined by `;`, each `name:value,value` (any of the values):
 *   - `name` a closed question id (single choice option ids, or scale points of a rating/NPS), or a
 *     hidden field name, or a coded open question's id with code ids (a net: any of its codes;
 *     `!code`: answered without that code), by the reference coding (the coder who coded most);
 *   - `@wave:1,2`, `@cell:gold|north` (quota cell keys), `@from:2026-11-01`, `@to:2026-11-30`
 *     (UTC dates, both ends included). `@` can't start a question id, so the names never clash.
 * Example: `filter=purpose:business;tier:gold,platinum;@wave:2;@from:2026-11-01`.
 */
import * as v from 'valibot';
import { calendarDateMs, calendarDateProblem } from './calendar-date';
import { SurveyLanguageSchema } from '../survey/schema-parts';

export interface FilterCondition {
  name: string;
  values: string[];
}

export interface ReportFilter {
  conditions: FilterCondition[];
  waves: number[] | null;
  cells: string[] | null;
  /** Epoch ms, inclusive. */
  from: number | null;
  /** Epoch ms, exclusive (the day after the `@to` date). */
  to: number | null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

function parseFilter(raw: string, addIssue: (issue: { message: string }) => void): ReportFilter {
  const out: ReportFilter = { conditions: [], waves: null, cells: null, from: null, to: null };
  const fail = (message: string): ReportFilter => {
    addIssue({ message });
    return out;
  };
  for (const part of raw.split(';').filter((p) => p.trim() !== '')) {
    const colon = part.indexOf(':');
    if (colon <= 0) return fail(`"${part}" must be name:value`);
    const name = part.slice(0, colon).trim();
    const values = part
      .slice(colon + 1)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (values.length === 0) return fail(`"${name}" has no value`);
    if (name === '@wave') {
      if (!values.every((x) => /^[1-9]\d{0,3}$/.test(x))) return fail('@wave takes wave numbers');
      out.waves = values.map(Number);
    } else if (name === '@cell') out.cells = values;
    else if (name === '@from' || name === '@to') {
      const date = values[0];
      const ms = values.length === 1 ? calendarDateMs(date) : null;
      if (ms === null) {
        const problem = values.length === 1 && DATE_RE.test(date) ? calendarDateProblem(date) : null;
        return fail(problem ? `${name} ${problem}` : `${name} takes one date as YYYY-MM-DD`);
      }
      if (name === '@from') out.from = ms;
      else out.to = ms + DAY;
    } else if (name.startsWith('@')) return fail(`unknown filter ${name}; use @wave, @cell, @from or @to`);
    else out.conditions.push({ name, values });
  }
  if (out.from !== null && out.to !== null && out.from >= out.to) return fail('@from must not be after @to');
  return out;
}

export const REPORT_EXCLUSIONS = ['straightliners', 'speeders'] as const;
export type Exclusion = (typeof REPORT_EXCLUSIONS)[number];

export const ReportQuerySchema = v.object({
  filter: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(2000, 'is longer than 2,000 characters'),
      v.rawTransform(({ dataset, addIssue }) => parseFilter(dataset.value, addIssue)),
    ),
  ),
  /**
   * `cells`: post-stratify to the plan's population share of each quota cell; `raking`: rake to
   * the population shares of each quota variable (its marginals) by iterative proportional fitting.
   */
  weight: v.optional(v.picklist(['none', 'cells', 'raking'], 'must be none, cells or raking'), 'none'),
  exclude: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.split(',').filter(Boolean)),
      v.array(v.picklist(REPORT_EXCLUSIONS, 'lists straightliners and/or speeders')),
    ),
    '',
  ),
});
export type ReportQuery = v.InferOutput<typeof ReportQuerySchema>;

/** Builds the `filter` parameter back from its parts, for links and the client. */
export function filterParam(
  conditions: readonly FilterCondition[],
  extra: { waves?: number[]; cells?: string[]; from?: string; to?: string } = {},
): string {
  const parts = conditions.filter((c) => c.values.length > 0).map((c) => `${c.name}:${c.values.join(',')}`);
  if (extra.waves?.length) parts.push(`@wave:${extra.waves.join(',')}`);
  if (extra.cells?.length) parts.push(`@cell:${extra.cells.join(',')}`);
  if (extra.from) parts.push(`@from:${extra.from}`);
  if (extra.to) parts.push(`@to:${extra.to}`);
  return parts.join(';');
}

/** The most open answers one request returns. */
export const VERBATIM_PAGE_MAX = 200;

const wholeNumber = (max: number, what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, `must be a whole number from 0 to ${max}`),
    v.transform(Number),
    v.maxValue(max, `must be at most ${max}${what}`),
  );

/**
 * GET /api/surveys/:id/report/verbatims: the report's query plus the words to look for, and the
 * page: `offset` answers skipped (newest first), at most `limit` returned.
 */
export const VerbatimQuerySchema = v.object({
  ...ReportQuerySchema.entries,
  search: v.optional(v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters')), ''),
  offset: v.optional(wholeNumber(10_000_000, ''), '0'),
  limit: v.optional(
    v.pipe(wholeNumber(VERBATIM_PAGE_MAX, ' answers a page'), v.minValue(1, 'must be at least 1')),
    '50',
  ),
});

/** GET /api/surveys/:id/export/…: the report's query, codes or labels, and the labels' language. */
export const ExportQuerySchema = v.object({
  ...ReportQuerySchema.entries,
  labels: v.optional(v.picklist(['0', '1'], 'must be 0 (codes) or 1 (labels)'), '0'),
  /** Any survey language (fr, ar…); a label missing in it comes in the survey's default language. */
  lang: v.optional(SurveyLanguageSchema),
});
export type ExportQuery = v.InferOutput<typeof ExportQuerySchema>;

/** POST /api/surveys/:id/shares: a read-only report link in one language. */
export const NewShareSchema = v.object({
  lang: v.picklist(['en', 'zh-Hans', 'zh-Hant', 'it', 'vi'], 'must be one of en, zh-Hans, zh-Hant, it, vi'),
  label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'is longer than 100 characters'))),
});

export interface ShareDto {
  id: string;
  lang: string;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}
/** The token appears only in the answer that creates the link. */
export interface NewShareDto extends ShareDto {
  token: string;
  path: string;
}
