/**
 * Display logic and screening: conditions on earlier answers and hidden fields, evaluated by the
 * same code in the respondent's browser and on the server.
 *
 * A condition names its source as a question id, `questionId.itemId` for a matrix item, or a
 * hidden field name. Operators:
 *   equals / notEquals (for multiple choice: chosen / not chosen), in / notIn (any of `values`),
 *   between (min ≤ x ≤ max, numbers), answered / notAnswered.
 * A single choice's "Other" answer counts as the value "other".
 * A condition on an unanswered source is false (except notAnswered), so a page behind
 * "nps between 0 and 6" stays hidden until NPS is given.
 */
import type { Condition, Logic } from './logic-schema';
import { own } from './ids';

export type { Condition, Logic } from './logic-schema';

export type Facts = { answers: Readonly<Record<string, unknown>>; hidden: Readonly<Record<string, string>> };

function lookup(source: string, facts: Facts): unknown {
  const dot = source.indexOf('.');
  if (dot < 0) return own(facts.answers, source) ?? own(facts.hidden, source);
  const value = own(facts.answers, source.slice(0, dot));
  return value && typeof value === 'object' && !Array.isArray(value)
    ? own(value as Record<string, unknown>, source.slice(dot + 1))
    : undefined;
}

const isAnswered = (x: unknown) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0);

// Hidden fields arrive as strings, so "5" equals 5: compare numbers as numbers when both parse.
function same(a: unknown, b: string | number): boolean {
  if (typeof a === typeof b) return a === b;
  const na = Number(a),
    nb = Number(b);
  return a !== '' && !Number.isNaN(na) && !Number.isNaN(nb) && na === nb;
}

// A single choice's "Other" answer is `{ other: "their text" }`; conditions name it as "other".
const asChoice = (x: unknown) =>
  x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { other?: unknown }).other === 'string' ? 'other' : x;

function holds(c: Condition, facts: Facts): boolean {
  const x = asChoice(lookup(c.source, facts));
  if (c.op === 'notAnswered') return !isAnswered(x);
  if (!isAnswered(x)) return false;
  const list = Array.isArray(x) ? x : [x];
  switch (c.op) {
    case 'answered':
      return true;
    case 'equals':
      return list.some((e) => same(e, c.value!));
    case 'notEquals':
      return !list.some((e) => same(e, c.value!));
    case 'in':
      return list.some((e) => c.values!.some((w) => same(e, w)));
    case 'notIn':
      return !list.some((e) => c.values!.some((w) => same(e, w)));
    case 'between': {
      const n = typeof x === 'number' ? x : Number(x);
      return !Number.isNaN(n) && (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
    }
  }
}

/** Whether a logic block holds; no logic means always. */
export function evaluate(logic: Logic | undefined, facts: Facts): boolean {
  if (!logic) return true;
  return logic.match === 'any'
    ? logic.conditions.some((c) => holds(c, facts))
    : logic.conditions.every((c) => holds(c, facts));
}

/** The question ids (not items) and hidden fields a logic block reads. */
export function sourcesOf(logic: Logic | undefined): string[] {
  return logic ? logic.conditions.map((c) => c.source.split('.')[0]) : [];
}
