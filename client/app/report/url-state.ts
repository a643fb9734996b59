/**
 * The report's view in its address: filters, weighting, exclusions and the two segments compared
 * live in the query string, so a filtered view can be bookmarked and sent, and opens as it was.
 * The parameters are the report API's own (`filter`, `weight`, `exclude`), plus `compare`, `a` and `b`.
 */
import * as v from 'valibot';
import { ReportQuerySchema } from '../../../shared/api/report-query';
import { NO_FILTER, type FilterState } from './FilterBar';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const one = (x: string | string[] | undefined) => (Array.isArray(x) ? x[0] : x);

export type SearchParams = Partial<Record<string, string | string[]>>;

/** The filter state an address describes; an address the report API would refuse opens unfiltered. */
export function filterFromSearch(search: SearchParams): FilterState {
  const parsed = v.safeParse(ReportQuerySchema, {
    ...(one(search.filter) ? { filter: one(search.filter) } : {}),
    ...(one(search.weight) ? { weight: one(search.weight) } : {}),
    ...(one(search.exclude) ? { exclude: one(search.exclude) } : {}),
  });
  if (!parsed.success) return NO_FILTER;
  const q = parsed.output;
  const f = q.filter;
  return {
    conditions: f?.conditions ?? [],
    wave: f?.waves?.[0] ?? null,
    cell: f?.cells?.[0] ?? null,
    from: f?.from != null ? isoDay(f.from) : '',
    to: f?.to != null ? isoDay(f.to - DAY) : '',
    exclude: q.exclude.length > 0,
    weight: q.weight,
  };
}

/** The address's parameters for a report query (`queryOf`'s string); undefined removes one. */
export function searchOfQuery(query: string): Record<string, string | undefined> {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  return {
    filter: params.get('filter') ?? undefined,
    weight: params.get('weight') ?? undefined,
    exclude: params.get('exclude') ?? undefined,
  };
}

export interface CompareState {
  name: string;
  a: string;
  b: string;
}

export function compareFromSearch(search: SearchParams): CompareState {
  return { name: one(search.compare) ?? '', a: one(search.a) ?? '', b: one(search.b) ?? '' };
}
