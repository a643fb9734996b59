/**
 * Where a report is read from: a survey in the app, or a share link signed out. The report's
 * views ask it for figures and files and never build an address themselves.
 */
import { api, apiUrl } from '../lib/api';

export type ReportSource = { survey: string } | { token: string };

/** A report query as the address carries it (`?filter=…`), for the API's query string. */
const paramsOf = (query: string) => new URLSearchParams(query.replace(/^\?/, ''));

export const reportOf = (s: ReportSource, query: string) =>
  'survey' in s
    ? api.get('/api/surveys/:id/report', { params: { id: s.survey }, query: paramsOf(query) })
    : api.get('/api/public/reports/:token/report', { params: { token: s.token }, query: paramsOf(query) });

export const verbatimsOf = (s: ReportSource, query: URLSearchParams) =>
  'survey' in s
    ? api.get('/api/surveys/:id/report/verbatims', { params: { id: s.survey }, query })
    : api.get('/api/public/reports/:token/report/verbatims', { params: { token: s.token }, query });

export const crosstabOf = (s: ReportSource, query: string) =>
  'survey' in s
    ? api.get('/api/surveys/:id/report/crosstab', { params: { id: s.survey }, query: paramsOf(query) })
    : api.get('/api/public/reports/:token/report/crosstab', { params: { token: s.token }, query: paramsOf(query) });

export const crosstabCsvUrl = (s: ReportSource, query: string) =>
  'survey' in s
    ? apiUrl('/api/surveys/:id/export/crosstab.csv', { params: { id: s.survey }, query: paramsOf(query) })
    : apiUrl('/api/public/reports/:token/export/crosstab.csv', { params: { token: s.token }, query: paramsOf(query) });
