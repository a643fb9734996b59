/**
 * Answer validation against one published version. The respondent page runs it per page for
 * instant messages; the server runs it again on every submission and trusts nothing else.
 *
 * Stored answer shapes, by question type (option and item ids, never labels):
 *   single → "optionId" | { other: "…" }   multiple → ["optionId", …]     rating → 1..10 | "na"
 *   nps → 0..10                  matrix → { itemId: 1..10 | "na" }
 *   text → "…"                   number → 12.5
 * and the shapes of the research types (research-types.ts) and of the others (more-types.ts).
 */
import type { Question, SurveyDefinition } from './schema';
import { evaluate, type Facts } from './logic';
import { own } from './ids';
import { checkResearchAnswer } from './research-answers';
import { checkMoreAnswer } from './more-answers';

/** A JSON value; each question type's own shape is checked by checkAnswer. */
export type AnswerValue = string | number | string[] | { [key: string]: unknown };
export type Answers = Record<string, AnswerValue>;

export type AnswerIssueCode =
  | 'unknown-question'
  | 'wrong-type'
  | 'required'
  | 'unknown-option'
  | 'out-of-range'
  | 'too-few'
  | 'too-many'
  | 'too-long'
  | 'not-integer'
  | 'unknown-item'
  | 'duplicate'
  | 'other-required'
  | 'constant-sum'
  | 'price-order'
  | 'ladder'
  | 'email'
  | 'phone'
  | 'consent';

export interface AnswerIssue {
  questionId: string;
  code: AnswerIssueCode;
  /** English, for the API; the respondent page shows its own translated text per code. */
  message: string;
  /** Extra numbers for the message (min, max…). */
  params?: Record<string, number>;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function checkScale(q: Question & { scale: { min: number; max: number } }, x: unknown, na: boolean): string | null {
  if (x === 'na') return na ? null : 'wrong-type';
  if (!isInt(x)) return 'wrong-type';
  return x < q.scale.min || x > q.scale.max ? 'out-of-range' : null;
}

/** Validates one answer; returns null when valid. `value` must not be empty. */
export function checkAnswer(q: Question, value: unknown): AnswerIssue | null {
  const fail = (code: AnswerIssueCode, message: string, params?: Record<string, number>): AnswerIssue => ({
    questionId: q.id,
    code,
    message: `${q.id}: ${message}`,
    params,
  });
  switch (q.type) {
    case 'single':
      if (
        q.other &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).join() === 'other'
      ) {
        const other = (value as { other: unknown }).other;
        if (typeof other !== 'string') return fail('wrong-type', 'other: expected text');
        if (other.trim() === '') return fail('other-required', 'other: the text is missing');
        return other.length > 500 ? fail('too-long', 'other: longer than 500 characters', { max: 500 }) : null;
      }
      if (typeof value !== 'string')
        return fail('wrong-type', `expected one option id (a string)${q.other ? ' or { other: "…" }' : ''}`);
      return q.options.some((o) => o.id === value)
        ? null
        : fail('unknown-option', `"${value}" is not one of its options`);
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string')) {
        return fail('wrong-type', 'expected a list of option ids');
      }
      const bad = value.find((x) => !q.options.some((o) => o.id === x));
      if (bad !== undefined) return fail('unknown-option', `"${bad}" is not one of its options`);
      if (new Set(value).size !== value.length) return fail('duplicate', 'an option is chosen twice');
      if (q.min !== undefined && value.length < q.min)
        return fail('too-few', `choose at least ${q.min}`, { min: q.min });
      if (q.max !== undefined && value.length > q.max)
        return fail('too-many', `choose at most ${q.max}`, { max: q.max });
      return null;
    }
    case 'rating': {
      const err = checkScale(q, value, q.notApplicable);
      if (err === 'wrong-type')
        return fail('wrong-type', `expected a whole number${q.notApplicable ? ' or "na"' : ''}`);
      if (err)
        return fail('out-of-range', `must be from ${q.scale.min} to ${q.scale.max}`, {
          min: q.scale.min,
          max: q.scale.max,
        });
      return null;
    }
    case 'nps':
      if (!isInt(value)) return fail('wrong-type', 'expected a whole number from 0 to 10');
      return value < 0 || value > 10 ? fail('out-of-range', 'must be from 0 to 10', { min: 0, max: 10 }) : null;
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail('wrong-type', 'expected an object of item id → scale point');
      }
      const entries = Object.entries(value);
      for (const [itemId, x] of entries) {
        if (!q.items.some((i) => i.id === itemId)) return fail('unknown-item', `"${itemId}" is not one of its items`);
        const err = checkScale(q, x, q.notApplicable);
        if (err === 'wrong-type') return fail('wrong-type', `item ${itemId}: expected a whole number`);
        if (err)
          return fail('out-of-range', `item ${itemId}: must be from ${q.scale.min} to ${q.scale.max}`, {
            min: q.scale.min,
            max: q.scale.max,
          });
      }
      if (q.required && entries.length < q.items.length) return fail('required', 'every item needs an answer');
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return fail('wrong-type', 'expected text');
      return value.length > q.maxLength
        ? fail('too-long', `longer than ${q.maxLength} characters`, { max: q.maxLength })
        : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('wrong-type', 'expected a number');
      if (q.integer && !Number.isInteger(value)) return fail('not-integer', 'expected a whole number');
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        return fail('out-of-range', `must be from ${q.min ?? '−∞'} to ${q.max ?? '∞'}`, {
          min: q.min ?? -Infinity,
          max: q.max ?? Infinity,
        });
      }
      return null;
    case 'info':
    case 'date':
    case 'yesno':
    case 'fields':
    case 'matrixScales':
      return checkMoreAnswer(q, value, fail);
    default:
      return checkResearchAnswer(q, value, fail);
  }
}

/**
 * Validates a set of answers for the given questions. `complete` also enforces required questions;
 * a partial save only checks what is there. Empty answers are dropped from the result.
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: Record<string, unknown>,
  opts: { complete: boolean; allowUnknown?: boolean },
): { answers: Answers; issues: AnswerIssue[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const issues: AnswerIssue[] = [];
  const clean: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      if (!opts.allowUnknown)
        issues.push({ questionId: id, code: 'unknown-question', message: `${id}: no such question in this version` });
      continue;
    }
    if (isEmpty(value)) continue;
    const issue = checkAnswer(q, value);
    if (issue) issues.push(issue);
    else clean[id] = value as AnswerValue;
  }
  if (opts.complete) {
    for (const q of questions) {
      if (q.required && own(clean, q.id) === undefined && !issues.some((i) => i.questionId === q.id)) {
        issues.push({ questionId: q.id, code: 'required', message: `${q.id}: an answer is required` });
      }
    }
  }
  return { answers: clean, issues };
}

export interface Walk {
  /** Indexes of the pages shown, in order, up to the end or the screen-out. */
  pages: number[];
  /** Ids of the questions shown. */
  questions: Set<string>;
  /** The screen-out rule that ended the survey, if one did. */
  screenedOut: string | null;
}

/**
 * Walks the survey as the respondent did: a page or question is shown when its logic holds on the
 * answers given before it; answers to questions that ended up hidden are ignored, so a changed
 * earlier answer can't leave a stale later one counting. Stops at the first screen-out that holds.
 */
export function walk(
  def: SurveyDefinition,
  answers: Readonly<Record<string, unknown>>,
  hidden: Readonly<Record<string, string>>,
): Walk {
  const seen: Record<string, unknown> = {};
  const facts: Facts = { answers: seen, hidden };
  const result: Walk = { pages: [], questions: new Set(), screenedOut: null };
  for (let i = 0; i < def.pages.length; i++) {
    const page = def.pages[i];
    if (!evaluate(page.visibleIf, facts)) continue;
    result.pages.push(i);
    for (const q of page.questions) {
      if (!evaluate(q.visibleIf, facts)) continue;
      result.questions.add(q.id);
      const value = own(answers, q.id);
      if (value !== undefined) seen[q.id] = value;
    }
    const out = def.screenOuts.find((s) => s.afterPage === page.id && evaluate(s.when, facts));
    if (out) {
      result.screenedOut = out.id;
      break;
    }
  }
  return result;
}

/**
 * Whole-survey validation, as the server does it on each submission: unknown ids and invalid
 * values are refused; answers to questions the logic hid are dropped; `complete` also requires
 * every shown required question (only up to a screen-out, when one ends the survey).
 */
export function validateSubmission(
  def: SurveyDefinition,
  answers: Record<string, unknown>,
  complete: boolean,
  hidden: Readonly<Record<string, string>> = {},
): { answers: Answers; issues: AnswerIssue[]; screenedOut: string | null } {
  const all = def.pages.flatMap((p) => p.questions);
  const known = new Set(all.map((q) => q.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return {
      answers: {},
      issues: unknown.map((id) => ({
        questionId: id,
        code: 'unknown-question',
        message: `${id}: no such question in this version`,
      })),
      screenedOut: null,
    };
  }
  const path = walk(def, answers, hidden);
  const shown = all.filter((q) => path.questions.has(q.id));
  const visibleAnswers = Object.fromEntries(Object.entries(answers).filter(([id]) => path.questions.has(id)));
  const checked = validateAnswers(shown, visibleAnswers, { complete: complete || path.screenedOut !== null });
  return { ...checked, screenedOut: path.screenedOut };
}
