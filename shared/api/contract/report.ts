/** The results report, its exports and cross-tabs, and the read-only links that share it. */
import type { ReportDto } from '../report';
import type { VerbatimsSection } from '../report-sections';
import { CrosstabQuerySchema, TablesQuerySchema, type CrosstabDto } from '../report-crosstab';
import {
  ExportQuerySchema,
  NewShareSchema,
  ReportQuerySchema,
  VerbatimQuerySchema,
  type NewShareDto,
  type ShareDto,
} from '../report-query';
import { LoyaltyValueInputsSchema, type LoyaltyValueInputs } from '../report-settings';
import { file, json, routes } from './define';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes = routes({
  'GET /api/surveys/:id/report': {
    summary: 'The full report: fieldwork, satisfaction, priorities, loyalty, price, competition',
    notes: [
      "Answers: counts, completion rate, margin of error, per-question distributions, means with CIs, top-box shares, NPS, and the report's sections (`shared/api/report-sections.ts`, `report-research.ts`: SERVQUAL gaps, Van Westendorp/NMS and Gabor-Granger price curves, own brand vs competitors with the paired t test over respondents who rated both)",
    ],
    description: 'Filtered, weighted and cut by the query (see `filter` for its syntax).',
    tag: 'Report',
    access: 'viewer',
    query: ReportQuerySchema,
    answer: json<ReportDto>('ReportDto'),
  },
  'GET /api/surveys/:id/report/verbatims': {
    summary: 'Open answers, searched and a page at a time',
    notes: [
      'Takes: report query + `search`, `offset` (default 0), `limit` (1–200, default 50)',
      "Answers: a page of the open answers, newest first, with the respondent's segment, `total` and `offset`; 400 naming `offset` or `limit`",
    ],
    tag: 'Report',
    access: 'viewer',
    query: VerbatimQuerySchema,
    answer: json<VerbatimsSection | null>('VerbatimsSection, or null for a survey without open questions'),
  },
  'GET /api/surveys/:id/report/crosstab': {
    summary: 'A cross-tab of two variables, with its chi-square test',
    notes: [
      'Takes: report query + `rows`, `columns`, `lang`',
      'Answers: a cross-tab (`shared/api/report-crosstab.ts`); 400 naming `rows` or `columns` for an unknown or open-text question, a matrix without its item, or the same variable twice',
    ],
    tag: 'Report',
    access: 'viewer',
    query: CrosstabQuerySchema,
    answer: json<CrosstabDto>('CrosstabDto'),
  },
  'GET /api/surveys/:id/export/crosstab.csv': {
    summary: 'A cross-tab as CSV',
    notes: [
      'Takes: as `report/crosstab`',
      'Answers: the cross-tab laid out as on the page: column labels with letters and Total, then per row category its `count`, `column_share` and `higher_than` letters, the mean, and the chi-square test',
    ],
    tag: 'Report',
    access: 'viewer',
    query: CrosstabQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/tables.csv': {
    summary: "The report's tables as CSV (optionally with one cross-tab)",
    notes: [
      'Takes: report query, optionally `rows` + `columns`',
      "Answers: the report's tables (with a `questions` section for yes/no, date, fields and several-scales questions); with both axes also the cross-tab in the same long form (`crosstab`, `again=yes`, label, `purpose=business_share`, value)",
    ],
    tag: 'Report',
    access: 'viewer',
    query: TablesQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/responses.csv': {
    summary: 'Every counted response, one row each, as CSV',
    notes: [
      'Takes: report query + `labels=0/1`, `lang` (any survey language)',
      'Answers: responses, one column per answer part, codes or labels',
    ],
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/responses.xlsx': {
    summary: 'Every counted response as an Excel workbook',
    notes: [
      'Takes: report query + `labels=0/1`, `lang` (any survey language)',
      'Answers: a data sheet (completion times as date cells) and a variables sheet (name, label, measurement level, codes)',
    ],
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file(XLSX),
  },
  'GET /api/surveys/:id/export/responses.sps': {
    summary: 'Every counted response as SPSS syntax with its data (SPSS and PSPP read it)',
    notes: [
      'Takes: report query + `labels=0/1`, `lang` (any survey language)',
      'Answers: SPSS/PSPP syntax with the data inline, variable and value labels, measurement levels, completion time as DATETIME',
    ],
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file('text/plain'),
  },
  'PUT /api/surveys/:id/report/loyalty-value': {
    summary: "Save the team's figures for the loyalty-value estimate",
    notes: [
      "Takes: `{ customers, margin, currency, retention, discount, uplift, years }` (`shared/api/report-settings.ts`: margin a decimal string, percentages as numbers, `uplift` null to follow the survey's own curve, `years` null for no limit)",
      "Answers: `{ loyaltyValue }`: the figures every reader's report (`loyaltyValue` in the report, share links included) starts the loyalty-value estimate from; 400 naming the field",
    ],
    tag: 'Report',
    access: 'researcher',
    body: LoyaltyValueInputsSchema,
    answer: json<{ loyaltyValue: LoyaltyValueInputs | null }>('{ loyaltyValue: LoyaltyValueInputs }'),
  },
  'DELETE /api/surveys/:id/report/loyalty-value': {
    summary: "Forget the team's loyalty-value figures",
    notes: ['Answers: `{ loyaltyValue: null }`: readers start from empty customers and margin again'],
    tag: 'Report',
    access: 'researcher',
    answer: json<{ loyaltyValue: LoyaltyValueInputs | null }>('{ loyaltyValue: null }'),
  },
  'GET /api/surveys/:id/shares': {
    summary: "The survey's read-only report links",
    notes: ["Answers: the survey's read-only report links"],
    tag: 'Report',
    access: 'researcher',
    answer: json<ShareDto[]>('ShareDto[]'),
  },
  'POST /api/surveys/:id/shares': {
    summary: 'Make a read-only report link in one language',
    notes: [
      'Takes: `{ lang, label? }`',
      'Answers: 201: the share with its link (a random token; only its hash is stored)',
    ],
    description: 'The link is in this answer only.',
    tag: 'Report',
    access: 'researcher',
    body: NewShareSchema,
    answer: json<NewShareDto>('NewShareDto', 201),
  },
  'DELETE /api/surveys/:id/shares/:shareId': {
    summary: 'Revoke a report link',
    notes: ['Answers: the revoked share; the link stops working'],
    tag: 'Report',
    access: 'researcher',
    answer: json<ShareDto>('ShareDto'),
  },
  'GET /api/public/reports/:token/report': {
    summary: 'The report through a shared link, in the link’s language',
    notes: ['Takes: report query', 'Answers: the report, without respondent contact data, for `/shared/:token`'],
    tag: 'Report',
    access: 'public',
    query: ReportQuerySchema,
    answer: json<ReportDto & { lang: string }>('ReportDto & { lang }'),
  },
  'GET /api/public/reports/:token/report/verbatims': {
    summary: 'Open answers through a shared link',
    notes: ['Takes: report query', 'Answers: open answers of a shared report'],
    tag: 'Report',
    access: 'public',
    query: VerbatimQuerySchema,
    answer: json<VerbatimsSection | null>('VerbatimsSection, or null for a survey without open questions'),
  },
  'GET /api/public/reports/:token/report/crosstab': {
    summary: 'A cross-tab through a shared link',
    notes: [
      'Takes: report query + `search`, `offset`, `limit`',
      "Answers: labelled in the link's language unless `lang` says otherwise",
    ],
    tag: 'Report',
    access: 'public',
    query: CrosstabQuerySchema,
    answer: json<CrosstabDto>('CrosstabDto'),
  },
  'GET /api/public/reports/:token/export/crosstab.csv': {
    summary: 'A cross-tab as CSV through a shared link',
    notes: [
      'Takes: report query + `rows`, `columns`, `lang`',
      "Answers: labelled in the link's language unless `lang` says otherwise",
    ],
    tag: 'Report',
    access: 'public',
    query: CrosstabQuerySchema,
    answer: file(CSV),
  },
});
