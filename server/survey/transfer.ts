/** Import of questionnaire files and export to SurveyJS: the pure conversions, with the app's errors. */
import type { Store } from '../db/store';
import { AppError } from '../http/errors';
import { exportSurveyJs, ImportError } from '../../shared/survey/import';
import { importJsonOffThread, importOffThread } from './import-off-thread';
import type { ConvertedSurvey, ImportedSurvey } from '../../shared/api/survey-import';
import { createSurvey, surveyRow } from './service';
import type { SurveyDefinition } from '../../shared/survey/schema';
import { inEnglish } from '../../shared/survey/import/english';
import type { FieldRule } from '../../shared/api/errors';

/** An unreadable file: its note for the app to word, in English for API users, and for our own format the field and rule. */
function asAppError(err: unknown) {
  if (!(err instanceof ImportError)) return err;
  const { field, rule, limit, check } = err.note.code === 'ownFormat' ? (err.note.params ?? {}) : {};
  return new AppError(400, 'invalid-import', `content: ${err.message}`, 'content', undefined, {
    // For our own format, the field and the schema's words, which tell its whole-question checks apart.
    detail: typeof check === 'string' ? `${String(field)}: ${check}` : err.message,
    note: err.note,
    ...(typeof field === 'string' && typeof rule === 'string' ? { field, rule: rule as FieldRule } : {}),
    ...(typeof limit === 'number' ? { limit } : {}),
  });
}

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
export async function importAsSurvey(
  store: Store,
  content: string,
  userId: string | null,
  now: number,
  slug?: string,
): Promise<ImportedSurvey> {
  const { format, definition, unmapped } = await convert(content);
  const survey = await store.transaction((tx) => createSurvey(tx, definition, userId, now, slug));
  return { format, survey, unmapped };
}

/** The draft as SurveyJS JSON, and what it had to leave out. */
export async function surveyJsOf(store: Store, id: string) {
  const row = await store.run((db) => surveyRow(db, id));
  const { json, skipped } = exportSurveyJs(row.draft as SurveyDefinition);
  return { json, skipped: skipped.map((u) => ({ ...u, message: inEnglish(u) })) };
}
