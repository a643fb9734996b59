/** Import of questionnaire files and export to SurveyJS: the pure conversions, with the app's errors. */
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { exportSurveyJs, ImportError, importSurvey } from '../../shared/survey/import';
import type { ConvertedSurvey, ImportedSurvey } from '../../shared/api/survey-import';
import { createSurvey, getRow } from './service';
import type { SurveyDefinition } from '../../shared/survey/schema';

export function convert(content: string): ConvertedSurvey {
  try {
    return importSurvey(content);
  } catch (err) {
    if (err instanceof ImportError) throw new AppError(400, 'invalid-import', `content: ${err.message}`, 'content', undefined, { detail: err.message });
    throw err;
  }
}

/** A new survey from the file; what could not be mapped is answered, not stored. */
export function importAsSurvey(db: Db, content: string, userId: string | null, now: number, slug?: string): ImportedSurvey {
  const { format, definition, unmapped } = convert(content);
  return { format, survey: createSurvey(db, definition, userId, now, slug), unmapped };
}

/** The draft as SurveyJS JSON, and what it had to leave out. */
export function surveyJsOf(db: Db, id: string) {
  return exportSurveyJs(getRow(db, id).draft as SurveyDefinition);
}
