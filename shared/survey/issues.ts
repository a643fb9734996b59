/** Valibot's issues in the API's terms: where (a path) and which rule, so the app can word them. */
import type * as v from 'valibot';
import type { DraftProblem, FieldRule } from '../api/errors';
import { issuePath } from './schema';

const RULE_OF_TYPE: Readonly<Record<string, FieldRule>> = {
  min_length: 'too-short',
  max_length: 'too-long',
  min_value: 'too-small',
  max_value: 'too-large',
  integer: 'not-integer',
  regex: 'format',
  check: 'rule',
  raw_check: 'rule',
};

/** The innermost issue: a refused draft wraps the schema's own issue (shared/survey/draft.ts). */
function source(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  return issue.type === 'raw_transform' && issue.issues?.length ? issue.issues[0] : issue;
}

export function issueRule(issue: v.BaseIssue<unknown>): { rule: FieldRule; limit?: number } {
  const s = source(issue);
  let rule: FieldRule;
  if (s.kind !== 'schema') rule = RULE_OF_TYPE[s.type] ?? 'rule';
  else if (s.type === 'picklist' || s.type === 'literal') rule = 'choice';
  // A variant refuses a `type` it doesn't know (a wrong choice, the issue's path ends at that key) or a value that is no object.
  else if (s.type === 'variant')
    rule = (s.path?.at(-1) as { key?: unknown } | undefined)?.key === 'type' ? 'choice' : 'type';
  else rule = 'type';
  const limit = typeof s.requirement === 'number' ? s.requirement : undefined;
  return limit === undefined ? { rule } : { rule, limit };
}

/** Every issue as a problem a person can be shown: path, rule and the validator's English words. */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[]): DraftProblem[] {
  return issues.map((issue) => ({ path: issuePath(issue), ...issueRule(issue), message: issue.message }));
}
