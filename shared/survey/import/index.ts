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
    throw new ImportError(`the file is neither JSON nor a LimeSurvey .lss: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (isSurveyJs(json)) return { format: 'surveyjs', ...importSurveyJs(json) };
  const r = v.safeParse(SurveyDefinitionSchema, json);
  if (!r.success) throw new ImportError(`${issuePath(r.issues[0]) || 'the survey'}: ${r.issues[0].message}`);
  return { format: 'yardstick', definition: r.output, unmapped: [] };
}
