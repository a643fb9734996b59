/**
 * A draft is saved whatever its state: a question without its text yet, one option of two, a
 * condition on a question moved below it. What the builder's forms leave unfinished is a failed
 * check, count or range of the definition schema; the draft keeps it, and publishing (which needs
 * the whole schema) lists it. What no form produces is still refused: a value of the wrong type,
 * an unknown question type, an id that is not an id, anything past a size limit.
 */
import * as v from 'valibot';
import { SurveyDefinitionSchema, type SurveyDefinition } from './schema';

const UNFINISHED = new Set(['min_length', 'check', 'raw_check', 'min_value', 'max_value', 'integer']);

/** True for an issue a researcher may leave in a draft for now. */
export function isUnfinished(issue: v.BaseIssue<unknown>): boolean {
  // A language is added by its tag, checked as it is typed: one that is no tag came from elsewhere.
  const top = (issue.path?.[0] as { key?: unknown } | undefined)?.key;
  if ((top === 'languages' || top === 'defaultLanguage') && issue.type === 'check') return false;
  if (UNFINISHED.has(issue.type)) return true;
  // A currency code half typed ("EU") is unfinished; every other pattern guards an id.
  const last = issue.path?.at(-1) as { key?: unknown } | undefined;
  return issue.type === 'regex' && last?.key === 'currency';
}

/** The survey definition as a draft: the schema's shape and limits, its completeness left for publishing. */
export const DraftDefinitionSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = v.safeParse(SurveyDefinitionSchema, dataset.value);
    if (result.success) return result.output;
    const refused = result.issues.find((issue) => !isUnfinished(issue));
    if (!refused) {
      // Only checks failed, so every value has its schema's type and the defaults are filled in.
      return result.output as SurveyDefinition;
    }
    // The schema's own issue rides along (Valibot passes `issues` through, its type doesn't list
    // it), so the API can say which rule failed (shared/survey/issues.ts).
    const info = { message: refused.message, path: refused.path, issues: [refused] };
    addIssue(info);
    return NEVER;
  }),
);

/** Everything that keeps a definition from being published, in the schema's words. */
export function definitionIssues(def: unknown): v.BaseIssue<unknown>[] {
  const result = v.safeParse(SurveyDefinitionSchema, def);
  return result.success ? [] : result.issues;
}
