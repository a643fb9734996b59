/** Routes of closing the loop: a survey's alert rules, settings and webhooks; the case inbox. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson, parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import { hasRole } from '../../shared/api/auth';
import { userDirectory } from '../users/service';
import {
  AlertRuleSchema,
  AlertSettingsSchema,
  CaseQuerySchema,
  NewWebhookSchema,
  NoteSchema,
  UpdateCaseSchema,
  UpdateWebhookSchema,
  type AlertsState,
} from '../../shared/api/alerts';
import { createRule, deleteRule, getAlertSettings, listRules, saveAlertSettings, updateRule } from './rules';
import { refusedWebhookUrl } from './webhook-address';
import { AppError } from '../http/errors';
import type { Config } from '../config';
import {
  createWebhook,
  deleteWebhook,
  deliveries,
  listWebhooks,
  pingWebhook,
  redeliver,
  rotateSecret,
  updateWebhook,
} from './webhooks';
import { addNote, getCase, listCases, unreadCount, updateCase } from './cases';
import { requestBase } from '../http/links';

const now = (c: Context<AppEnv>) => c.var.deps.clock.now();

/** Mounted at /api/surveys. */
/** A 400 for a webhook URL into the server's own network, unless the install allows those. */
function refuseInternal(config: Config, url: string) {
  const why = config.WEBHOOK_ALLOW_PRIVATE === '1' ? null : refusedWebhookUrl(url);
  if (!why) return;
  // The app tells the researcher in their words; the administrator's setting stays in the English message.
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  throw new AppError(400, 'webhook-address', `url: ${why}`, 'url', undefined, {
    reason: host ? 'internal' : 'not-a-url',
    host,
  });
}

export const alertRoutes = new Hono<AppEnv>()
  .get('/:id/alerts', requireRole('viewer'), async (c) => {
    const { db, store, config } = c.var.deps;
    const id = c.req.param('id');
    const state: AlertsState = {
      rules: listRules(db, id),
      settings: getAlertSettings(db, id),
      // Receiver addresses are integration details: only those who may change them see them.
      webhooks: hasRole(c.var.user!.role, 'researcher') ? listWebhooks(db, id) : [],
      users: await userDirectory(store),
      smtp: Boolean(config.SMTP_URL),
    };
    return c.json(state);
  })
  .put('/:id/alerts/settings', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertSettingsSchema);
    return c.json(saveAlertSettings(c.var.deps.db, c.req.param('id'), input, now(c)));
  })
  .post('/:id/alerts/rules', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertRuleSchema);
    return c.json(createRule(c.var.deps.db, c.req.param('id'), input, c.var.user!.id, now(c)), 201);
  })
  .put('/:id/alerts/rules/:ruleId', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertRuleSchema);
    return c.json(updateRule(c.var.deps.db, c.req.param('id'), c.req.param('ruleId'), input, now(c)));
  })
  .delete('/:id/alerts/rules/:ruleId', requireRole('researcher'), (c) => {
    deleteRule(c.var.deps.db, c.req.param('id'), c.req.param('ruleId'));
    return c.body(null, 204);
  })
  .post('/:id/webhooks', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, NewWebhookSchema);
    refuseInternal(c.var.deps.config, input.url);
    return c.json(createWebhook(c.var.deps.db, c.req.param('id'), input, c.var.user!.id, now(c)), 201);
  })
  .patch('/:id/webhooks/:webhookId', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateWebhookSchema);
    if (input.url !== undefined) refuseInternal(c.var.deps.config, input.url);
    return c.json(updateWebhook(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'), input, now(c)));
  })
  .post('/:id/webhooks/:webhookId/rotate', requireRole('researcher'), (c) =>
    c.json(rotateSecret(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'), now(c))),
  )
  .delete('/:id/webhooks/:webhookId', requireRole('researcher'), (c) => {
    deleteWebhook(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'));
    return c.body(null, 204);
  })
  .get('/:id/webhooks/:webhookId/deliveries', requireRole('researcher'), (c) =>
    c.json(deliveries(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'))),
  )
  .post('/:id/webhooks/:webhookId/ping', requireRole('researcher'), (c) =>
    c.json(pingWebhook(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'), now(c)), 202),
  )
  .post('/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver', requireRole('researcher'), (c) =>
    c.json(
      redeliver(c.var.deps.db, c.req.param('id'), c.req.param('webhookId'), c.req.param('deliveryId'), now(c)),
      202,
    ),
  );

/** Mounted at /api/cases. */
export const caseRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), (c) => {
    const q = parseValue(CaseQuerySchema, c.req.query());
    return c.json(listCases(c.var.deps.db, c.var.user!, q, now(c)));
  })
  .get('/unread', requireRole('viewer'), (c) => c.json({ unread: unreadCount(c.var.deps.db, c.var.user!) }))
  .get('/:caseId', requireRole('viewer'), (c) =>
    c.json(getCase(c.var.deps.db, c.var.user!, c.req.param('caseId'), now(c), requestBase(c))),
  )
  .patch('/:caseId', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, UpdateCaseSchema);
    return c.json(updateCase(c.var.deps.db, c.var.user!, c.req.param('caseId'), input, now(c), requestBase(c)));
  })
  .post('/:caseId/notes', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, NoteSchema);
    return c.json(addNote(c.var.deps.db, c.var.user!, c.req.param('caseId'), input.text, now(c), requestBase(c)), 201);
  });
