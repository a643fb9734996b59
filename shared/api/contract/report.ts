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
    description: 'Filtered, weighted and cut by the query (see `filter` for its syntax).',
    tag: 'Report',
    access: 'viewer',
    query: ReportQuerySchema,
    answer: json<ReportDto>('ReportDto'),
  },
  'GET /api/surveys/:id/report/verbatims': {
    summary: 'Open answers, searched and a page at a time',
    tag: 'Report',
    access: 'viewer',
    query: VerbatimQuerySchema,
    answer: json<VerbatimsSection>('VerbatimsSection'),
  },
  'GET /api/surveys/:id/report/crosstab': {
    summary: 'A cross-tab of two variables, with its chi-square test',
    tag: 'Report',
    access: 'viewer',
    query: CrosstabQuerySchema,
    answer: json<CrosstabDto>('CrosstabDto'),
  },
  'GET /api/surveys/:id/export/crosstab.csv': {
    summary: 'A cross-tab as CSV',
    tag: 'Report',
    access: 'viewer',
    query: CrosstabQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/tables.csv': {
    summary: "The report's tables as CSV (optionally with one cross-tab)",
    tag: 'Report',
    access: 'viewer',
    query: TablesQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/responses.csv': {
    summary: 'Every counted response, one row each, as CSV',
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file(CSV),
  },
  'GET /api/surveys/:id/export/responses.xlsx': {
    summary: 'Every counted response as an Excel workbook',
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file(XLSX),
  },
  'GET /api/surveys/:id/export/responses.sps': {
    summary: 'Every counted response as SPSS syntax with its data (SPSS and PSPP read it)',
    tag: 'Report',
    access: 'researcher',
    query: ExportQuerySchema,
    answer: file('text/plain'),
  },
  'PUT /api/surveys/:id/report/loyalty-value': {
    summary: "Save the team's figures for the loyalty-value estimate",
    tag: 'Report',
    access: 'researcher',
    body: LoyaltyValueInputsSchema,
    answer: json<{ loyaltyValue: LoyaltyValueInputs | null }>('{ loyaltyValue: LoyaltyValueInputs }'),
  },
  'DELETE /api/surveys/:id/report/loyalty-value': {
    summary: "Forget the team's loyalty-value figures",
    tag: 'Report',
    access: 'researcher',
    answer: json<{ loyaltyValue: LoyaltyValueInputs | null }>('{ loyaltyValue: null }'),
  },
  'GET /api/surveys/:id/shares': {
    summary: "The survey's read-only report links",
    tag: 'Report',
    access: 'researcher',
    answer: json<ShareDto[]>('ShareDto[]'),
  },
  'POST /api/surveys/:id/shares': {
    summary: 'Make a read-only report link in one language',
    description: 'The link is in this answer only.',
    tag: 'Report',
    access: 'researcher',
    body: NewShareSchema,
    answer: json<NewShareDto>('NewShareDto', 201),
  },
  'DELETE /api/surveys/:id/shares/:shareId': {
    summary: 'Revoke a report link',
    tag: 'Report',
    access: 'researcher',
    answer: json<ShareDto>('ShareDto'),
  },
  'GET /api/public/reports/:token/report': {
    summary: 'The report through a shared link, in the link’s language',
    tag: 'Report',
    access: 'public',
    query: ReportQuerySchema,
    answer: json<ReportDto & { lang: string }>('ReportDto & { lang }'),
  },
  'GET /api/public/reports/:token/report/verbatims': {
    summary: 'Open answers through a shared link',
    tag: 'Report',
    access: 'public',
    query: VerbatimQuerySchema,
    answer: json<VerbatimsSection>('VerbatimsSection'),
  },
  'GET /api/public/reports/:token/report/crosstab': {
    summary: 'A cross-tab through a shared link',
    tag: 'Report',
    access: 'public',
    query: CrosstabQuerySchema,
    answer: json<CrosstabDto>('CrosstabDto'),
  },
  'GET /api/public/reports/:token/export/crosstab.csv': {
    summary: 'A cross-tab as CSV through a shared link',
    tag: 'Report',
    access: 'public',
    query: CrosstabQuerySchema,
    answer: file(CSV),
  },
});
