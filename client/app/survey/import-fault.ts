/** A refused import of our own format, said as the builder says a problem, at its question. */
import type { AppKey, MessageParams } from '../../../shared/i18n';
import { ApiError } from '../lib/api';
import { problemAt } from './definition';
import { placeOf, problemWords } from './places';

type Translate = (key: AppKey, params?: MessageParams) => string;

/** The message for an `invalid-import` that names its field, else null (then errorText() words it). */
export function importFault(t: Translate, err: unknown): string | null {
  const p = err instanceof ApiError ? err.paramsOf('invalid-import') : undefined;
  if (!p || p.field === undefined || p.rule === undefined) return null;
  const problem = problemAt(p.field, p.detail ?? '', p.rule, p.limit);
  // The file's own numbering is not known here: questions are counted within their page.
  return t('editor.importProblem', {
    where: placeOf(problem.path, [], t),
    problem: problemWords(t, problem),
  });
}
