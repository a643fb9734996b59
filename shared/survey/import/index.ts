/**
 * One entry for every questionnaire file a researcher may bring: our own JSON, a SurveyJS JSON
 * survey or a LimeSurvey .lss, told apart by their content (a file name can lie or be missing).
 */
import * as v from 'valibot';
import { issuePath, SurveyDefinitionSchema } from '../schema';
import { ImportError, type ImportResult } from './common';
import { importLimeSurvey } from './limesurvey';
import { importSurveyJs, isSurveyJs } from './surveyjs';

export { ImportError, type ImportResult, type Unmapped } from './common';
export { exportSurveyJs } from './surveyjs-export';

export type ImportFormat = 'yardstick' | 'surveyjs' | 'limesurvey';

export function importSurvey(content: string): ImportResult & { format: ImportFormat } {
  const text = content.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('<')) return { format: 'limesurvey', ...importLimeSurvey(text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ImportError(
      `the file is neither JSON nor a LimeSurvey .lss: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (isSurveyJs(json)) return { format: 'surveyjs', ...importSurveyJs(json) };
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ImportError(
      `the file holds ${describe(json)}, not a survey: a JSON object with "pages" (SurveyJS or ours) was expected`,
    );
  for (const key of ['pages', 'elements'] as const) {
    const value = (json as Record<string, unknown>)[key];
    if (value !== undefined && !Array.isArray(value))
      throw new ImportError(
        `${key}: must be a list of ${key === 'pages' ? 'pages' : 'questions'}, not ${describe(value)}`,
      );
  }
  const r = v.safeParse(SurveyDefinitionSchema, json);
  if (!r.success) throw new ImportError(`${issuePath(r.issues[0]) || 'the survey'}: ${plainIssue(r.issues[0])}`);
  return { format: 'yardstick', definition: r.output, unmapped: [] };
}

/** A JSON value as a reader would name it: the text "abc", the number 5, a list. */
function describe(x: unknown): string {
  if (typeof x === 'string') return `the text ${JSON.stringify(x.slice(0, 40))}`;
  if (typeof x === 'number' || typeof x === 'boolean') return `the ${typeof x} ${String(x)}`;
  if (x === null) return 'null';
  return Array.isArray(x) ? 'a list' : 'an object';
}

/** Valibot's "Invalid key: Expected "title" but received undefined" as "is missing". */
function plainIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.input === undefined) return 'is missing';
  if (issue.type === 'array' || issue.type === 'object')
    return `must be ${issue.type === 'array' ? 'a list' : 'an object'}, not ${describe(issue.input)}`;
  return issue.message;
}
