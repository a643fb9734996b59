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
  .get('/', requireRole('viewer'), async (c) => c.json(await c.var.deps.store.run((db) => surveys.listSurveys(db))))
  .post('/', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CreateSurveySchema);
    const { store, clock } = c.var.deps;
    return c.json(
      await store.transaction((tx) =>
        surveys.createSurvey(tx, input.definition, c.var.user!.id, clock.now(), input.slug),
      ),
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
      await transfer.importAsSurvey(
        c.var.deps.store,
        input.content,
        c.var.user!.id,
        c.var.deps.clock.now(),
        input.slug,
      ),
      201,
    );
  })
  // The file itself, with what it left out counted in a header; ?leftOut=1 wraps both for API users.
  .get('/:id/export/surveyjs.json', requireRole('viewer'), async (c) => {
    const { json, skipped } = await transfer.surveyJsOf(c.var.deps.store, c.req.param('id'));
    c.header('X-Yardstick-Left-Out', String(skipped.length));
    if (c.req.query('leftOut') === '1') return c.json({ surveyjs: json, leftOut: skipped });
    c.header('Content-Disposition', 'attachment; filename="survey.surveyjs.json"');
    return c.json(json);
  })
  .route('/', previewRoutes)
  .get('/:id', requireRole('viewer'), async (c) =>
    c.json(await c.var.deps.store.run((db) => surveys.getSurvey(db, c.req.param('id')))),
  )
  .put('/:id/draft', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, SaveDraftSchema);
    const { store, clock } = c.var.deps;
    return c.json(
      await store.transaction((tx) => surveys.saveDraft(tx, c.req.param('id'), input.definition, clock.now())),
    );
  })
  // ?confirm=1 publishes changes that touch collected answers (a 409 lists them first).
  .post('/:id/publish', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const confirmed = c.req.query('confirm') === '1';
    return c.json(
      await store.transaction((tx) => surveys.publish(tx, c.req.param('id'), c.var.user!.id, clock.now(), confirmed)),
    );
  })
  .patch('/:id', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateSurveySchema);
    const { store, clock } = c.var.deps;
    return c.json(await store.transaction((tx) => surveys.updateSurvey(tx, c.req.param('id'), input, clock.now())));
  })
  .delete('/:id', requireRole('researcher'), async (c) => {
    await c.var.deps.store.transaction((tx) => surveys.deleteSurvey(tx, c.req.param('id')));
    return c.body(null, 204);
  });
