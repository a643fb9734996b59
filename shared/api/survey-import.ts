/** Request and answer bodies of questionnaire import and export. */
import * as v from 'valibot';
import type { SurveyDefinition } from '../survey/schema';
import type { ImportFormat, Unmapped } from '../survey/import';
import type { SurveyDetail } from './surveys';
import { SlugSchema } from './surveys';

export const ImportSurveySchema = v.object({
  /** The file's text: our JSON, a SurveyJS JSON survey or a LimeSurvey .lss. */
  content: v.pipe(
    v.string("must be the file's text"),
    v.minLength(1, 'is empty'),
    v.maxLength(5_000_000, 'is longer than 5,000,000 characters'),
  ),
  slug: v.optional(SlugSchema),
});

export interface ConvertedSurvey {
  format: ImportFormat;
  definition: SurveyDefinition;
  unmapped: Unmapped[];
}
export interface ImportedSurvey {
  format: ImportFormat;
  survey: SurveyDetail;
  unmapped: Unmapped[];
}
