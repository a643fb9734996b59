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
    notes: ['Answers: summaries with status, version, completes'],
    tag: 'Surveys',
    access: 'viewer',
    answer: json<SurveySummary[]>('SurveySummary[]'),
  },
  'POST /api/surveys': {
    summary: 'Create a survey from a questionnaire definition',
    notes: [
      'Takes: `{ definition, slug? }`',
      'Answers: 201 survey; a title another survey already has (in the default language) gets a number, "A quick question (2)", so the list tells them apart. The open link is made from the title and follows it, keeping its random tail, until the first publication (a link the researcher chose stays)',
    ],
    tag: 'Surveys',
    access: 'researcher',
    body: CreateSurveySchema,
    answer: json<SurveyDetail>('SurveyDetail', 201),
    errors: ['slug-taken'],
  },
  'POST /api/surveys/convert': {
    summary: 'Read a SurveyJS, LimeSurvey (.lss) or Yardstick file into a questionnaire, without saving it',
    notes: [
      'Takes: `{ content }`: the text of our JSON, a SurveyJS JSON survey or a LimeSurvey `.lss` (3.x–6.x), up to 5,000,000 characters (these two routes take bodies up to 12 MB whatever `BODY_LIMIT_BYTES`)',
      'Answers: `{ format, definition, unmapped: [{ source, message }] }`: nothing stored; 400 `invalid-import` with path `content`',
    ],
    tag: 'Surveys',
    access: 'researcher',
    body: ImportSurveySchema,
    answer: json<ConvertedSurvey>('ConvertedSurvey'),
    errors: ['invalid-import'],
  },
  'POST /api/surveys/import': {
    summary: 'Create a survey from a SurveyJS, LimeSurvey (.lss) or Yardstick file',
    notes: ['Takes: `{ content, slug? }`', 'Answers: 201 `{ format, survey, unmapped }`: a new survey from the file'],
    tag: 'Surveys',
    access: 'researcher',
    body: ImportSurveySchema,
    answer: json<ImportedSurvey>('ImportedSurvey', 201),
    errors: ['invalid-import', 'slug-taken'],
  },
  'GET /api/surveys/:id': {
    summary: 'A survey: its draft, versions and counts',
    notes: ['Answers: survey with draft, versions, `unpublishedChanges`'],
    tag: 'Surveys',
    access: 'viewer',
    answer: json<SurveyDetail>('SurveyDetail'),
  },
  'PUT /api/surveys/:id/draft': {
    summary: 'Save the draft questionnaire (it may be unfinished)',
    notes: [
      'Takes: `{ definition }`',
      'Answers: survey. A draft is stored unfinished too (`shared/survey/draft.ts`): empty texts, too few options, a minimum above its maximum, a condition on a later question, a half-typed currency, duplicate ids — the checks publishing needs. 400 `invalid` naming the path and rule only for what no builder form produces: a wrong type, an unknown question type, an id that is not an id, anything past a size limit',
    ],
    tag: 'Surveys',
    access: 'researcher',
    body: SaveDraftSchema,
    answer: json<SurveyDetail>('SurveyDetail'),
  },
  'POST /api/surveys/:id/publish': {
    summary: 'Publish the draft as a new version',
    notes: [
      "Answers: survey: a new immutable version when the draft changed; status `open`. 409 `draft-has-problems` with `params.problems: [{ path, rule, limit?, message }]` while the draft is unfinished (nothing published). 409 `confirm-changes` with `details: [{ questionId, kind: type|option, from, to | optionId, label, count, message }]` when a question's type changes or an option with answers is removed; 409 `missing-translations` when a survey language lacks texts, with `params.missing: [{ language, paths }]` (also given with `confirm-changes`); `?confirm=1` publishes anyway (old answers stay with their version; missing texts show in the default language)",
    ],
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
    notes: ['Takes: `{ status?: open/paused/closed, slug? }`', 'Answers: survey'],
    tag: 'Surveys',
    access: 'researcher',
    body: UpdateSurveySchema,
    answer: json<SurveyDetail>('SurveyDetail'),
    errors: ['slug-taken', 'not-published'],
  },
  'DELETE /api/surveys/:id': {
    summary: 'Delete a survey with its responses',
    notes: ['Answers: 204'],
    tag: 'Surveys',
    access: 'researcher',
    answer: empty(),
  },
  'GET /api/surveys/:id/export/surveyjs.json': {
    summary: 'The questionnaire as a SurveyJS file',
    notes: [
      'Answers: the draft as SurveyJS JSON; `X-Yardstick-Left-Out` counts what it left out (types SurveyJS lacks), and `?leftOut=1` answers `{ surveyjs, leftOut: [{ source, message }] }` instead of the file',
    ],
    description:
      'What SurveyJS cannot hold is counted in the `X-Yardstick-Left-Out` header; with `leftOut=1` the answer is `{ surveyjs, leftOut }`.',
    tag: 'Surveys',
    access: 'viewer',
    query: v.object({ leftOut: Flag }),
    answer: file('application/json'),
  },
  'GET /api/surveys/:id/preview': {
    summary: 'The respondent page running the current draft, for the builder to frame',
    notes: [
      'Answers: the respondent page running the DRAFT, framable by our own pages; answers go to the route below; 409 `draft-has-problems` while the draft is unfinished',
    ],
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
    notes: [
      'Takes: a submission, as the public route',
      'Answers: a test response (`is_test`): never in reports, counts or quotas',
    ],
    tag: 'Surveys',
    access: 'researcher',
    body: SubmissionSchema,
    answer: json<SubmissionResult>('SubmissionResult', 201),
    errors: ['invalid-answers', 'not-a-test'],
  },
  'GET /api/surveys/:id/test-responses': {
    summary: 'How many test responses the preview has stored',
    notes: ["Answers: `{ count }`: the preview's test responses"],
    tag: 'Surveys',
    access: 'viewer',
    answer: json<{ count: number }>('{ count: number }'),
  },
  'DELETE /api/surveys/:id/test-responses': {
    summary: 'Delete the test responses',
    notes: ["Answers: `{ deleted }`: the preview's test responses are deleted, with their draft snapshots"],
    tag: 'Surveys',
    access: 'researcher',
    answer: json<{ deleted: number }>('{ deleted: number }'),
  },
  'POST /api/demo': {
    summary: 'Load the three demo studies (/s/demo, /s/demo-coffee and /s/demo-followup)',
    notes: [
      "Answers: 201: the demo studies at `/s/demo` (answered with this one), `/s/demo-coffee` and the hotel's follow-up `/s/demo-followup`; 409 if present",
    ],
    tag: 'Surveys',
    access: 'researcher',
    answer: json<SurveyDetail>('SurveyDetail', 201),
    errors: ['demo-exists'],
  },
});
