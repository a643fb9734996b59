/** Import of questionnaire files and export to SurveyJS: the pure conversions, with the app's errors. */
import type { Store } from '../db/store';
import { AppError } from '../http/errors';
import { exportSurveyJs, ImportError } from '../../shared/survey/import';
import { importJsonOffThread, importOffThread } from './import-off-thread';
import type { ConvertedSurvey, ImportedSurvey } from '../../shared/api/survey-import';
import { createSurvey, surveyRow } from './service';
import * as v from 'valibot';
import { issuePath, SurveyDefinitionSchema, type SurveyDefinition } from '../../shared/survey/schema';
import { isSurveyJs } from '../../shared/survey/import/surveyjs';
import { issueRule } from '../../shared/survey/issues';
import type { FieldRule } from '../../shared/api/errors';

const asAppError = (err: unknown, content: string) =>
  err instanceof ImportError
    ? new AppError(400, 'invalid-import', `content: ${err.message}`, 'content', undefined, {
        detail: err.message,
        ...ownFormatFault(content),
      })
    : err;

/** The file read as a survey, as the JSON text of a ConvertedSurvey (large files off the main thread: import-off-thread.ts). */
export async function convertJson(content: string): Promise<string> {
  try {
    return await importJsonOffThread(content);
  } catch (err) {
    throw asAppError(err, content);
  }
}

/** The file read as a survey. */
export async function convert(content: string): Promise<ConvertedSurvey> {
  try {
    return await importOffThread(content);
  } catch (err) {
    throw asAppError(err, content);
  }
}

/** For a file in our own format, the field it breaks and how, so the app can say it in the user's language. */
function ownFormatFault(content: string): { field?: string; rule?: FieldRule; limit?: number } {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\ufeff/, ''));
  } catch {
    return {};
  }
  if (isSurveyJs(json)) return {};
  const result = v.safeParse(SurveyDefinitionSchema, json);
  return result.success ? {} : { field: issuePath(result.issues[0]), ...issueRule(result.issues[0]) };
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
  return exportSurveyJs(row.draft as SurveyDefinition);
}
