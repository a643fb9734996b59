/**
 * Whether a completed response meets an alert rule: the survey's display-logic operators
 * (shared/survey/logic.ts) for answers and hidden fields, plus "contains a word" and "matches a
 * code's words" for comments, and the rule's segment limits. Pure, so the server hook and the tests share it.
 */
import { evaluate, type Facts } from '../survey/logic';
import { own } from '../survey/ids';
import type { AlertCondition, AlertRuleSpec, Owner } from '../api/alerts';

// Scripts written without spaces between words (Han, kana, Hangul, Thai) match a word anywhere.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression per word list, built once per rule rather than per response. */
export function wordMatcher(words: readonly string[]): RegExp {
  const parts = words.map((w) => {
    const e = escapeRegExp(w.toLocaleLowerCase());
    return UNSPACED.test(w) ? e : `(?<![\\p{L}\\p{N}])${e}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(parts.join('|'), 'iu');
}

function textOf(x: unknown): string | null {
  if (typeof x === 'string') return x;
  // A choice's "other" answer is { other: "their words" }.
  if (x && typeof x === 'object' && 'other' in x && typeof (x as { other: unknown }).other === 'string')
    return (x as { other: string }).other;
  return null;
}

export interface CompiledRule<R> {
  rule: R;
  test: (facts: Facts) => boolean;
}

/** Whether the text answer to `source` holds any of the words; no words match nothing. */
function matchesWords(source: string, words: readonly string[]): (f: Facts) => boolean {
  if (words.length === 0) return () => false;
  const re = wordMatcher(words);
  return (f) => {
    const t = textOf(own(f.answers, source));
    return t !== null && re.test(t);
  };
}

/**
 * Prepares a rule for evaluation on many responses. `codeWords` gives each code's words (a net's:
 * its codes' too) for `matchesCode` conditions; a code it lacks (deleted since) matches nothing.
 */
export function compileRule<R extends { spec: AlertRuleSpec }>(
  rule: R,
  codeWords: ReadonlyMap<string, readonly string[]> = new Map(),
): CompiledRule<R> {
  const { when, segment } = rule.spec;
  const checks = when.conditions.map((c: AlertCondition): ((f: Facts) => boolean) => {
    if (c.op === 'contains') return matchesWords(c.source, c.words);
    if (c.op === 'matchesCode') return matchesWords(c.source, codeWords.get(c.code) ?? []);
    const logic = { match: 'all' as const, conditions: [c] };
    return (f) => evaluate(logic, f);
  });
  const inSegment =
    segment.length === 0
      ? () => true
      : (f: Facts) => evaluate({ match: 'all', conditions: segment }, { answers: {}, hidden: f.hidden });
  const any = when.match === 'any';
  return {
    rule,
    test: (f) => inSegment(f) && (any ? checks.some((c) => c(f)) : checks.every((c) => c(f))),
  };
}

/** The user a case goes to: the named user, or the route matching the hidden field (case-insensitive), else the fallback. */
export function ownerFor(owner: Owner, hidden: Readonly<Record<string, string>>): string | null {
  switch (owner.kind) {
    case 'none':
      return null;
    case 'user':
      return owner.userId;
    case 'route': {
      const value = own(hidden, owner.field)?.trim().toLowerCase();
      const hit = value === undefined ? undefined : owner.routes.find((r) => r.value.toLowerCase() === value);
      return hit?.userId ?? owner.fallbackUserId ?? null;
    }
  }
}
