/**
 * The one rule for ids: every id a survey defines (questions, options, items, pages, hidden
 * fields, quota sources) and every reference to one (display logic, alert rules, cross-tabs,
 * imports). A letter, then letters, digits or _, 64 at most, and not the name of a property every
 * JavaScript object inherits: an answers object would seem to hold `constructor` or `toString`
 * without being given it, and Valibot's records drop `constructor` and `prototype` keys.
 * Free of Valibot, so the respondent bundle can use it.
 */
export const ID_PATTERN = '[A-Za-z][A-Za-z0-9_]{0,63}';
const ID_RE = new RegExp(`^${ID_PATTERN}$`);

/** Object.prototype's names that match the pattern, and `prototype`, which Valibot drops too. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'prototype',
]);

export const ID_MESSAGE = 'must start with a letter and hold only letters, digits and _ (at most 64)';
export const RESERVED_MESSAGE = `must not be ${[...RESERVED_IDS].join(', ')}: every object has these names already`;

export const isReservedId = (id: string) => RESERVED_IDS.has(id);
/** Whether `id` is a valid id under the one rule. */
export const isId = (id: string) => ID_RE.test(id) && !RESERVED_IDS.has(id);

/** The value of an own property only: never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
