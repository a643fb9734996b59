/** How a recomputation tells that a customer's value changed, for their history (server/customers/value.ts). */
import type { Figures, Values } from './statements';

/**
 * Row `i`'s value as its history compares it: revenue, scores, segment and tier joined by `|`, ''
 * for none; `Figures.was` holds the stored value in the same form.
 */
export const valueKey = (rows: readonly Figures[], v: Values, i: number) =>
  [rows[i].monetary, v.r[i], v.f[i], v.m[i], v.segments[i], v.tiers[i]].map((p) => p ?? '').join('|');
