/** Questionnaires: listing, drafting, publishing, moving them in and out of other tools, previewing. */
import * as v from 'valibot';
import {
  CreateSurveySchema,
  SaveDraftSchema,
  SubmissionSchema,
  UpdateSurveySchema,
  type SubmissionResult,
  type SurveyDetail,
  type SurveySummary,
} from '../surveys';
import { ImportSurveySchema, type ConvertedSurvey, type ImportedSurvey } from '../survey-import';
import { file, json, page, routes, empty } from './define';

/** A flag that is on when given as `1`. */
const Flag = v.optional(v.picklist(['1', '0'], 'must be 1 or 0'));

export const surveyRoutes = routes({
  'GET /api/surveys': {
    summary: 'Every survey, with its completes and partials',
    tag: 'Surveys',
    access: 'viewer',
    answer: json<SurveySummary[]>('SurveySummary[]'),
  },
  'POST /api/surveys': {
    summary: 'Create a survey from a questionnaire definition',
    tag: 'Surveys',
    access: 'researcher',
    body: CreateSurveySchema,
    answer: json<SurveyDetail>('SurveyDetail', 201),
    errors: ['slug-taken'],
  },
  'POST /api/surveys/convert': {
    summary: 'Read a SurveyJS, LimeSurvey (.lss) or Yardstick file into a questionnaire, without saving it',
    tag: 'Surveys',
    access: 'researcher',
    body: ImportSurveySchema,
    answer: json<ConvertedSurvey>('ConvertedSurvey'),
    errors: ['invalid-import'],
  },
  'POST /api/surveys/import': {
    summary: 'Create a survey from a SurveyJS, LimeSurvey (.lss) or Yardstick file',
    tag: 'Surveys',
    access: 'researcher',
    body: ImportSurveySchema,
    answer: json<ImportedSurvey>('ImportedSurvey', 201),
    errors: ['invalid-import', 'slug-taken'],
  },
  'GET /api/surveys/:id': {
    summary: 'A survey: its draft, versions and counts',
    tag: 'Surveys',
    access: 'viewer',
    answer: json<SurveyDetail>('SurveyDetail'),
  },
  'PUT /api/surveys/:id/draft': {
    summary: 'Save the draft questionnaire (it may be unfinished)',
    tag: 'Surveys',
    access: 'researcher',
    body: SaveDraftSchema,
    answer: json<SurveyDetail>('SurveyDetail'),
  },
  'POST /api/surveys/:id/publish': {
    summary: 'Publish the draft as a new version',
    description:
      'Changes that touch collected answers are refused with `confirm-changes` (listed in `details`) until sent again with `confirm=1`.',
    tag: 'Surveys',
    access: 'researcher',
    query: v.object({ confirm: Flag }),
    answer: json<SurveyDetail>('SurveyDetail'),
    errors: ['draft-has-problems', 'confirm-changes', 'missing-translations', 'no-questions'],
  },
  'PATCH /api/surveys/:id': {
    summary: "Open, pause or close a survey, or change its link's slug",
    tag: 'Surveys',
    access: 'researcher',
    body: UpdateSurveySchema,
    answer: json<SurveyDetail>('SurveyDetail'),
    errors: ['slug-taken', 'not-published'],
  },
  'DELETE /api/surveys/:id': {
    summary: 'Delete a survey with its responses',
    tag: 'Surveys',
    access: 'researcher',
    answer: empty(),
  },
  'GET /api/surveys/:id/export/surveyjs.json': {
    summary: 'The questionnaire as a SurveyJS file',
    description:
      'What SurveyJS cannot hold is counted in the `X-Yardstick-Left-Out` header; with `leftOut=1` the answer is `{ surveyjs, leftOut }`.',
    tag: 'Surveys',
    access: 'viewer',
    query: v.object({ leftOut: Flag }),
    answer: file('application/json'),
  },
  'GET /api/surveys/:id/preview': {
    summary: 'The respondent page running the current draft, for the builder to frame',
    tag: 'Surveys',
    access: 'researcher',
    query: v.object({
      /** Read by the page: the language to answer in. */
      lang: v.optional(v.string()),
      /** Read by the page: any value that changes with the draft, so a new draft reloads the frame. */
      r: v.optional(v.string()),
      /** A number that starts a fresh respondent. */
      restart: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/))),
    }),
    answer: page(),
    errors: ['draft-has-problems', 'not-built'],
  },
  'POST /api/surveys/:id/preview/responses': {
    summary: 'Store a test response from the preview (never counted)',
    tag: 'Surveys',
    access: 'researcher',
    body: SubmissionSchema,
    answer: json<SubmissionResult>('SubmissionResult', 201),
    errors: ['invalid-answers', 'not-a-test'],
  },
  'GET /api/surveys/:id/test-responses': {
    summary: 'How many test responses the preview has stored',
    tag: 'Surveys',
    access: 'viewer',
    answer: json<{ count: number }>('{ count: number }'),
  },
  'DELETE /api/surveys/:id/test-responses': {
    summary: 'Delete the test responses',
    tag: 'Surveys',
    access: 'researcher',
    answer: json<{ deleted: number }>('{ deleted: number }'),
  },
  'POST /api/demo': {
    summary: 'Load the two demo studies (/s/demo and /s/demo-coffee)',
    tag: 'Surveys',
    access: 'researcher',
    answer: json<SurveyDetail>('SurveyDetail', 201),
    errors: ['demo-exists'],
  },
});
