/**
 * Coding open answers, mounted at /api/surveys: reading (codeframe, answers, themes, the
 * distinguishing table) is the report's, for viewers too; coding and the agreement between coders
 * are the researcher's.
 */
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/context';
import { requireRole } from '../auth/middleware';
import { parseJson, parseValue } from '../http/validate';
import { badRequest } from '../http/errors';
import { prepareReport } from '../report/service';
import {
  AgreementQuerySchema,
  AnswerCodesSchema,
  AnswersQuerySchema,
  BulkAssignSchema,
  DistinguishQuerySchema,
  MergeCodesSchema,
  NewCodeSchema,
  ShareFrameSchema,
  SplitCodeSchema,
  UpdateCodeSchema,
} from '../../shared/api/coding';
import * as coding from './service';
import * as frames from './codeframe';

/** After the role check: readies the report's columns the answers are read from. */
const ready = createMiddleware<AppEnv>(async (c, next) => {
  await prepareReport(c.var.deps.store, c.req.param('id')!, c.var.deps.config.REPORT_WORKERS_FROM);
  await next();
});

const at = (c: Context<AppEnv>) => ({
  db: { db: c.var.deps.db, store: c.var.deps.store },
  survey: c.req.param('id')!,
  question: c.req.param('questionId')!,
  user: c.var.user!.id,
  now: c.var.deps.clock.now(),
});

function responseId(raw: string): number {
  if (!/^\d{1,12}$/.test(raw)) throw badRequest('responseId: must be a response id (a whole number)', 'responseId');
  return Number(raw);
}

export const codingRoutes = new Hono<AppEnv>()
  .get('/:id/coding', requireRole('viewer'), ready, async (c) => {
    const x = at(c);
    return c.json({ questions: await coding.codingQuestions(x.db, x.survey, x.user) });
  })
  .get('/:id/coding/:questionId', requireRole('viewer'), ready, async (c) => {
    const x = at(c);
    return c.json(await frames.getFrame(x.db, x.survey, x.question, x.user));
  })
  .get('/:id/coding/:questionId/answers', requireRole('viewer'), ready, async (c) => {
    const x = at(c);
    const query = parseValue(AnswersQuerySchema, c.req.query());
    return c.json(await coding.answersPage(x.db, x.survey, x.question, x.user, query));
  })
  .get('/:id/coding/:questionId/themes', requireRole('viewer'), ready, async (c) => {
    const x = at(c);
    return c.json(await coding.themes(x.db, x.survey, x.question));
  })
  .get('/:id/coding/:questionId/distinguish', requireRole('viewer'), ready, async (c) => {
    const x = at(c);
    const query = parseValue(DistinguishQuerySchema, c.req.query());
    return c.json(await coding.distinguishTable(x.db, x.survey, x.question, x.user, query));
  })
  .get('/:id/coding/:questionId/agreement', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const query = parseValue(AgreementQuerySchema, c.req.query());
    return c.json(await coding.coderAgreement(x.db, x.survey, x.question, query.a, query.b));
  })
  .post('/:id/coding/:questionId/codes', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, NewCodeSchema);
    return c.json(await frames.createCode(x.db, x.survey, x.question, body, x.user, x.now), 201);
  })
  .post('/:id/coding/:questionId/codes/merge', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, MergeCodesSchema);
    return c.json({ codes: await frames.mergeCodes(x.db, x.survey, x.question, body, x.user, x.now) });
  })
  .post('/:id/coding/:questionId/codes/:codeId/split', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, SplitCodeSchema);
    return c.json(await frames.splitCode(x.db, x.survey, x.question, c.req.param('codeId'), body, x.user, x.now), 201);
  })
  .post('/:id/coding/:questionId/codes/undo', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    return c.json(await frames.undoFrameEdit(x.db, x.survey, x.question));
  })
  .put('/:id/coding/:questionId/share', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, ShareFrameSchema);
    return c.json(await frames.shareFrame(x.db, x.survey, x.question, body.from, x.user, x.now));
  })
  .patch('/:id/coding/:questionId/codes/:codeId', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, UpdateCodeSchema);
    return c.json(await frames.updateCode(x.db, x.survey, x.question, c.req.param('codeId'), body, x.user, x.now));
  })
  .delete('/:id/coding/:questionId/codes/:codeId', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    await frames.deleteCode(x.db, x.survey, x.question, c.req.param('codeId'), x.user, x.now);
    return c.body(null, 204);
  })
  .put('/:id/coding/:questionId/answers/:responseId', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const id = responseId(c.req.param('responseId'));
    const body = await parseJson(c, AnswerCodesSchema);
    return c.json(await coding.setAnswerCodes(x.db, x.survey, x.question, id, body.codes, x.user, x.now));
  })
  .post('/:id/coding/:questionId/bulk', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    const body = await parseJson(c, BulkAssignSchema);
    return c.json(await coding.bulkAssign(x.db, x.survey, x.question, body, x.user, x.now));
  })
  .post('/:id/coding/:questionId/undo', requireRole('researcher'), ready, async (c) => {
    const x = at(c);
    return c.json(await coding.undo(x.db, x.survey, x.question, x.user));
  });
