/**
 * A cross-tabulation ("banner table"): GET /api/surveys/:id/report/crosstab?rows=…&columns=…
 * plus the report's query (filter, weight, exclude), and `lang` for the labels.
 *
 * A variable is a closed question id (single or multiple choice, yes/no, rating, NPS), `question.item`
 * for a matrix item, a date by month (`visit`, or `visit.quarter`, `visit.year`), a number field
 * (`spend.food`, in bins, its mean per column), one row's scale of a matrix with several scales
 * (`rate.room.importance`), `hidden:<name>` for a hidden field, `@wave`, or `@cell` (the plan's quota
 * cells). Cells are column shares with the letters of the columns they are significantly higher
 * than (SPSS "Compare column proportions"); a scale row variable adds its mean per column.
 */
import * as v from 'valibot';
import { SurveyLanguageSchema } from '../survey/schema-parts';
import { ExportQuerySchema, ReportQuerySchema } from './report-query';
import { ID_PATTERN, isReservedId, RESERVED_MESSAGE } from '../survey/ids';

/** At most this many categories on an axis: beyond it a table stops being readable or testable. */
export const CROSSTAB_MAX_CATEGORIES = 60;

const VARIABLE_RE = new RegExp(
  `^(@wave|@cell|hidden:${ID_PATTERN}|coded:${ID_PATTERN}|${ID_PATTERN}(\\.${ID_PATTERN}){0,2})$`,
);

const variable = v.pipe(
  v.optional(v.string(), ''),
  v.nonEmpty('is required: a question id, question.item, hidden:<name>, coded:<open question>, @wave or @cell'),
  v.regex(VARIABLE_RE, 'must be a question id, question.item, hidden:<name>, coded:<open question>, @wave or @cell'),
  v.check(
    (s) =>
      !s
        .replace(/^(hidden|coded):/, '')
        .split('.')
        .some(isReservedId),
    RESERVED_MESSAGE,
  ),
);

export const CrosstabQuerySchema = v.object({
  ...ReportQuerySchema.entries,
  rows: variable,
  columns: variable,
  /** Any survey language, as for exports. */
  lang: v.optional(SurveyLanguageSchema),
});
export type CrosstabQuery = v.InferOutput<typeof CrosstabQuerySchema>;

/** GET /api/surveys/:id/export/tables.csv: the export query, and a cross-tab to add when both axes are named. */
export const TablesQuerySchema = v.object({
  ...ExportQuerySchema.entries,
  rows: v.optional(variable),
  columns: v.optional(variable),
});

export type CrosstabKind =
  | 'single'
  | 'multiple'
  | 'rating'
  | 'nps'
  | 'matrix-item'
  | 'date'
  | 'number-field'
  | 'hidden'
  | 'wave'
  | 'cell';

export interface CrosstabVariable {
  /** As given in the query: `q`, `q.item`, `hidden:tier`, `coded:why` (a coded open question, as a multiple choice), `@wave`, `@cell`. */
  name: string;
  kind: CrosstabKind;
  label: string;
}

export interface CrosstabColumn {
  /** Option id, scale point, hidden value, wave number or cell key, as a string. */
  value: string;
  label: string;
  /** A, B, C… (AA after Z): what the cells' letters refer to. */
  letter: string;
  /** Respondents in the column who answered the row variable, unweighted. */
  n: number;
  /** The same, weighted; equal to n without weights. */
  base: number;
  /** Kish's effective size of the column, (Σw)²/Σw²: what its tests run at. Equal to n without weights. */
  effectiveN: number;
  /** n under SMALL_BASE: the column is left out of the tests and carries no letters. */
  smallBase: boolean;
}

export interface CrosstabCell {
  /** Respondents in the cell, weighted. */
  count: number;
  /** count ÷ the column's base; null for an empty column. */
  share: number | null;
  /** Letters of the columns this cell is significantly higher than. */
  higherThan: string[];
}

export interface CrosstabRow {
  value: string;
  label: string;
  /** `category`: a row category; `group`: an NPS group (detractors 0–6, passives 7–8, promoters 9–10). */
  kind: 'category' | 'group';
  cells: CrosstabCell[];
  total: CrosstabCell;
}

export interface CrosstabMeanCell {
  mean: number | null;
  sd: number | null;
  /** Letters of the columns whose mean this one significantly exceeds (Welch's t). */
  higherThan: string[];
}

export interface ChiSquareReading {
  statistic: number;
  df: number;
  p: number;
  significant: boolean;
  /** Share of expected counts under 5; with `cochranWarning` over 20% of them, or one under 1. */
  lowExpectedShare: number;
  minExpected: number;
  cochranWarning: boolean;
  /**
   * Weighted tables: `statistic` is Rao–Scott's first-order corrected chi-square (Rao & Scott
   * 1984; the cell-and-margin design-effect correction of SAS SURVEYFREQ's CHISQ, not the full
   * covariance of R's survey::svychisq): Pearson's X² of the weighted shares at n respondents
   * (`pearson`) ÷ the mean design effect δ̄ (`designCorrection`). Null unweighted.
   */
  raoScott: { pearson: number; designCorrection: number } | null;
}

/** Why a table has no chi-square test. */
export type NoChiSquare =
  /** A multiple-choice axis: a respondent is in several cells, so the test's independence fails. */
  | 'multiple'
  /** Fewer than two rows or two columns with any respondent. */
  | 'too-few-categories';

export interface CrosstabDto {
  rows: CrosstabVariable;
  columns: CrosstabVariable;
  columnHeads: CrosstabColumn[];
  /** Every respondent who answered both variables (for a multiple-choice column axis, any option). */
  total: { n: number; base: number };
  body: CrosstabRow[];
  /** The NPS groups of an NPS row variable, else null. */
  groups: CrosstabRow[] | null;
  /** Column means of a scale row variable, else null. */
  mean: { cells: CrosstabMeanCell[]; total: CrosstabMeanCell } | null;
  /** Multiple-choice rows: each option's share of the column's respondents, so a column sums past 100%. */
  multipleRows: boolean;
  chiSquare: ChiSquareReading | null;
  chiSquareReason: NoChiSquare | null;
  /** Weighted tables: cells are weighted; each column is tested at its own effective size, the chi-square by Rao–Scott. */
  weighting: { method: 'cells' | 'raking'; designEffect: number; effectiveN: number } | null;
  significanceLevel: number;
  smallBase: number;
}
