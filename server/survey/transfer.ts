/** Import of questionnaire files and export to SurveyJS: the pure conversions, with the app's errors. */
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { exportSurveyJs, ImportError } from '../../shared/survey/import';
import { importJsonOffThread, importOffThread } from './import-off-thread';
import type { ConvertedSurvey, ImportedSurvey } from '../../shared/api/survey-import';
import { createSurvey, getRow } from './service';
import type { SurveyDefinition } from '../../shared/survey/schema';

const asAppError = (err: unknown) =>
  (err instanceof ImportError ? new AppError(400, 'invalid-import', `content: ${err.message}`, 'content') : err);

/** The file read as a survey, as the JSON text of a ConvertedSurvey (large files off the main thread: import-off-thread.ts). */
export async function convertJson(content: string): Promise<string> {
  try {
    return await importJsonOffThread(content);
  } catch (err) {
    throw asAppError(err);
  }
}

/** The file read as a survey. */
export async function convert(content: string): Promise<ConvertedSurvey> {
  try {
    return await importOffThread(content);
  } catch (err) {
    throw asAppError(err);
  }
}

/** A new survey from the file; what could not be mapped is answered, not stored. */
export async function importAsSurvey(db: Db, content: string, userId: string | null, now: number, slug?: string): Promise<ImportedSurvey> {
  const { format, definition, unmapped } = await convert(content);
  return { format, survey: createSurvey(db, definition, userId, now, slug), unmapped };
}

/** The draft as SurveyJS JSON, and what it had to leave out. */
export function surveyJsOf(db: Db, id: string) {
  return exportSurveyJs(getRow(db, id).draft as SurveyDefinition);
}
