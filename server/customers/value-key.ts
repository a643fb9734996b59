/** How a recomputation tells that a customer's value changed, for their history, and what it needs to write (server/customers/value.ts). */
import type { Figures, Values } from './statements';

/**
 * Row `i`'s value as its history compares it: revenue, scores, segment and tier joined by `|`, ''
 * for none; `Figures.was` holds the stored value in the same form.
 */
export const valueKey = (rows: readonly Figures[], v: Values, i: number) =>
  [rows[i].monetary, v.r[i], v.f[i], v.m[i], v.segments[i], v.tiers[i]].map((p) => p ?? '').join('|');

/**
 * Row `i`'s figures and values as stored: last purchase, purchases, revenue, scores, segment and
 * tier joined by `|`, '' for none; `Figures.stored` holds the stored ones in the same form. An
 * update of an unchanged row still writes it, on both databases.
 */
export const storedKey = (rows: readonly Figures[], v: Values, i: number) => {
  const x = rows[i];
  return [x.lastAt, x.frequency, x.monetary, v.r[i], v.f[i], v.m[i], v.segments[i], v.tiers[i]]
    .map((p) => p ?? '')
    .join('|');
};
