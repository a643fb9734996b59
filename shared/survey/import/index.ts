/**
 * One entry for every questionnaire file a researcher may bring: our own JSON, a SurveyJS JSON
 * survey or a LimeSurvey .lss, told apart by their content (a file name can lie or be missing).
 */
import * as v from 'valibot';
import { issuePath, SurveyDefinitionSchema } from '../schema';
import { ImportError, note, ruleParams, type ImportResult } from './common';
import { inEnglish } from './english';
import { importLimeSurvey } from './limesurvey';
import { importSurveyJs, isSurveyJs } from './surveyjs';

export { ImportError, type ImportNote, type ImportResult, type Unmapped } from './common';
export { exportSurveyJs } from './surveyjs-export';

export type ImportFormat = 'yardstick' | 'surveyjs' | 'limesurvey';

/** The file read as a survey; each note of what changed comes with its English `message` for API users. */
export function importSurvey(content: string): ImportResult & { format: ImportFormat } {
  const r = read(content);
  for (const u of r.unmapped) u.message = inEnglish(u);
  return r;
}

function read(content: string): ImportResult & { format: ImportFormat } {
  const text = content.replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('<')) return { format: 'limesurvey', ...importLimeSurvey(text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError(note('notReadable'));
  }
  if (isSurveyJs(json)) return { format: 'surveyjs', ...importSurveyJs(json) };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ImportError(note('notAnObject'));
  for (const key of ['pages', 'elements'] as const) {
    const value = (json as Record<string, unknown>)[key];
    if (value !== undefined && !Array.isArray(value))
      throw new ImportError(note(key === 'pages' ? 'pagesNotList' : 'elementsNotList'));
  }
  const r = v.safeParse(SurveyDefinitionSchema, json);
  if (!r.success) {
    // `check`: the schema's own words, which tell its whole-question checks apart (client/app/survey/definition.ts).
    const params = { field: issuePath(r.issues[0]) || '—', ...ruleParams(r.issues[0]), check: r.issues[0].message };
    throw new ImportError(note('ownFormat', params));
  }
  return { format: 'yardstick', definition: r.output, unmapped: [] };
}
