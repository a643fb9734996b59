/**
 * A day written YYYY-MM-DD that exists in the calendar. A pattern alone takes 2026-02-30, and
 * Date.parse rolls it over to 2 March, so a plan's fieldwork or a report filter would silently
 * mean another day. Free of Valibot, for the bundles that only need the check.
 */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day's UTC midnight in ms, or null when `text` is not a real YYYY-MM-DD date. */
export function calendarDateMs(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return Date.UTC(year, month - 1, day);
}

/** Why `text` is not a real date, in the API's words, or null when it is one. */
export function calendarDateProblem(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return 'must be a date as YYYY-MM-DD';
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `must be a real date: ${text} has no month ${m[2]}`;
  const days = daysIn(Number(m[1]), month);
  if (calendarDateMs(text) === null)
    return `must be a real date: ${m[1]}-${m[2]} has ${days} days, so ${text} does not exist`;
  return null;
}
