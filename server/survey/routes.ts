import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { CreateSurveySchema, SaveDraftSchema, UpdateSurveySchema } from '../../shared/api/surveys';
import * as surveys from './service';
import * as transfer from './transfer';
import { ImportSurveySchema } from '../../shared/api/survey-import';
import { previewRoutes } from './preview';

export const surveyRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), (c) => c.json(surveys.listSurveys(c.var.deps.db)))
  .post('/', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CreateSurveySchema);
    return c.json(
      surveys.createSurvey(c.var.deps.db, input.definition, c.var.user!.id, c.var.deps.clock.now(), input.slug),
      201,
    );
  })
  // A SurveyJS, LimeSurvey (.lss) or Yardstick file: /convert reads it, /import also creates the survey.
  // The worker's JSON text is sent as it is: parsing and writing it again would cost the main thread.
  .post('/convert', requireRole('researcher'), async (c) => {
    const json = await transfer.convertJson((await parseJson(c, ImportSurveySchema)).content);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  })
  .post('/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, ImportSurveySchema);
    return c.json(
      await transfer.importAsSurvey(c.var.deps.db, input.content, c.var.user!.id, c.var.deps.clock.now(), input.slug),
      201,
    );
  })
  // The file itself, with what it left out counted in a header; ?leftOut=1 wraps both for API users.
  .get('/:id/export/surveyjs.json', requireRole('viewer'), (c) => {
    const { json, skipped } = transfer.surveyJsOf(c.var.deps.db, c.req.param('id'));
    c.header('X-Yardstick-Left-Out', String(skipped.length));
    if (c.req.query('leftOut') === '1') return c.json({ surveyjs: json, leftOut: skipped });
    c.header('Content-Disposition', 'attachment; filename="survey.surveyjs.json"');
    return c.json(json);
  })
  .route('/', previewRoutes)
  .get('/:id', requireRole('viewer'), (c) => c.json(surveys.getSurvey(c.var.deps.db, c.req.param('id'))))
  .put('/:id/draft', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SaveDraftSchema);
    return c.json(surveys.saveDraft(c.var.deps.db, c.req.param('id'), input.definition, c.var.deps.clock.now()));
  })
  // ?confirm=1 publishes changes that touch collected answers (a 409 lists them first).
  .post('/:id/publish', requireRole('researcher'), (c) =>
    c.json(
      surveys.publish(
        c.var.deps.db,
        c.req.param('id'),
        c.var.user!.id,
        c.var.deps.clock.now(),
        c.req.query('confirm') === '1',
      ),
    ),
  )
  .patch('/:id', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateSurveySchema);
    return c.json(surveys.updateSurvey(c.var.deps.db, c.req.param('id'), input, c.var.deps.clock.now()));
  })
  .delete('/:id', requireRole('researcher'), (c) => {
    surveys.deleteSurvey(c.var.deps.db, c.req.param('id'));
    return c.body(null, 204);
  });
