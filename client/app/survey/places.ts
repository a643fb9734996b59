/** Where a place of the definition is, in the researcher's terms: "Question 3", "Page 2", "Survey title". */
import type { AppKey, MessageParams } from '../../../shared/i18n';
import { ruleText } from '../../../shared/api/field-rules';
import { fieldWords } from '../../../shared/survey/field-names';
import type { DefinitionProblem } from './definition';

type Translate = (key: AppKey, params?: MessageParams) => string;

/** `numbers[page][index]` is the question's number as the editor shows it. */
export function placeOf(path: string, numbers: readonly (readonly number[])[], t: Translate): string {
  const clean = path.replace(/^definition\.?/, '');
  const q = /^pages\[(\d+)\]\.questions\[(\d+)\]/.exec(clean);
  if (q) return t('editor.where.question', { n: numbers[Number(q[1])]?.[Number(q[2])] ?? Number(q[2]) + 1 });
  const p = /^pages\[(\d+)\]/.exec(clean);
  if (p) return t('editor.where.page', { n: Number(p[1]) + 1 });
  const s = /^screenOuts\[(\d+)\]/.exec(clean);
  if (s) return t('editor.where.screenOut', { n: Number(s[1]) + 1 });
  if (/^title\b/.test(clean)) return t('editor.where.title');
  return t('editor.where.survey');
}

/** The distinct places of several paths, in the order first met. */
export function placesOf(paths: readonly string[], numbers: readonly (readonly number[])[], t: Translate): string[] {
  return [...new Set(paths.map((path) => placeOf(path, numbers, t)))];
}

/**
 * What is wrong, in the researcher's words. A setting the editor has no words of its own for
 * (one an imported file or the API wrote) is named by what it is: "the scale's highest point".
 */
export function problemWords(t: Translate, p: DefinitionProblem): string {
  const problem = ruleText(t, p.rule, p.limit);
  const field = p.key === 'editor.problem.other' ? fieldWords(t, p.path) : '';
  return field ? t('editor.problem.field', { field, problem }) : t(p.key, { problem });
}
