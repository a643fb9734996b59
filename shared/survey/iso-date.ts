const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `s` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). In a module of its
 * own, free of Valibot, because the respondent bundle validates dates too.
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
