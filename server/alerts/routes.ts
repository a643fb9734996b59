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
import { outboxOf } from './outbox';

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
    const { store, config } = c.var.deps;
    const id = c.req.param('id');
    // Receiver addresses are integration details: only those who may change them see them.
    const seesHooks = hasRole(c.var.user!.role, 'researcher');
    const stored = await store.run(function* (db) {
      return {
        rules: yield* listRules(db, id),
        settings: yield* getAlertSettings(db, id),
        webhooks: seesHooks ? yield* listWebhooks(db, id) : [],
      };
    });
    const state: AlertsState = { ...stored, users: await userDirectory(store), smtp: Boolean(config.SMTP_URL) };
    return c.json(state);
  })
  .put('/:id/alerts/settings', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertSettingsSchema);
    const saved = await c.var.deps.store.transaction((tx) => saveAlertSettings(tx, c.req.param('id'), input, now(c)));
    return c.json(saved);
  })
  .post('/:id/alerts/rules', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertRuleSchema);
    const rule = await c.var.deps.store.transaction((tx) =>
      createRule(tx, c.req.param('id'), input, c.var.user!.id, now(c)),
    );
    return c.json(rule, 201);
  })
  .put('/:id/alerts/rules/:ruleId', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, AlertRuleSchema);
    const rule = await c.var.deps.store.transaction((tx) =>
      updateRule(tx, c.req.param('id'), c.req.param('ruleId'), input, now(c)),
    );
    return c.json(rule);
  })
  .delete('/:id/alerts/rules/:ruleId', requireRole('researcher'), async (c) => {
    await c.var.deps.store.transaction((tx) => deleteRule(tx, c.req.param('id'), c.req.param('ruleId')));
    null;
    return c.body(null, 204);
  })
  .post('/:id/webhooks', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, NewWebhookSchema);
    refuseInternal(c.var.deps.config, input.url);
    const created = await c.var.deps.store.transaction((tx) =>
      createWebhook(tx, c.req.param('id'), input, c.var.user!.id, now(c)),
    );
    return c.json(created, 201);
  })
  .patch('/:id/webhooks/:webhookId', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, UpdateWebhookSchema);
    if (input.url !== undefined) refuseInternal(c.var.deps.config, input.url);
    const updated = await c.var.deps.store.transaction((tx) =>
      updateWebhook(tx, c.req.param('id'), c.req.param('webhookId'), input, now(c)),
    );
    return c.json(updated);
  })
  .post('/:id/webhooks/:webhookId/rotate', requireRole('researcher'), async (c) =>
    c.json(
      await c.var.deps.store.transaction((tx) => rotateSecret(tx, c.req.param('id'), c.req.param('webhookId'), now(c))),
    ),
  )
  .delete('/:id/webhooks/:webhookId', requireRole('researcher'), async (c) => {
    await c.var.deps.store.transaction((tx) => deleteWebhook(tx, c.req.param('id'), c.req.param('webhookId')));
    null;
    return c.body(null, 204);
  })
  .get('/:id/webhooks/:webhookId/deliveries', requireRole('researcher'), async (c) =>
    c.json(await c.var.deps.store.run((db) => deliveries(db, c.req.param('id'), c.req.param('webhookId')))),
  )
  .post('/:id/webhooks/:webhookId/ping', requireRole('researcher'), async (c) =>
    c.json(
      await c.var.deps.store.transaction((tx) => pingWebhook(tx, c.req.param('id'), c.req.param('webhookId'), now(c))),
      202,
    ),
  )
  .post('/:id/webhooks/:webhookId/deliveries/:deliveryId/redeliver', requireRole('researcher'), async (c) => {
    const { store } = c.var.deps;
    const delivery = await store.transaction((tx) =>
      redeliver(tx, c.req.param('id'), c.req.param('webhookId'), c.req.param('deliveryId'), now(c)),
    );
    outboxOf(store)?.kick();
    return c.json(delivery, 202);
  });

/** Mounted at /api/cases. */
export const caseRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), async (c) => {
    const query = parseValue(CaseQuerySchema, c.req.query());
    return c.json(await c.var.deps.store.run((db) => listCases(db, c.var.user!, query, now(c))));
  })
  .get('/unread', requireRole('viewer'), async (c) =>
    c.json({ unread: await c.var.deps.store.run((db) => unreadCount(db, c.var.user!)) }),
  )
  .get('/:caseId', requireRole('viewer'), async (c) =>
    c.json(
      await c.var.deps.store.transaction((tx) =>
        getCase(tx, c.var.user!, c.req.param('caseId'), now(c), requestBase(c)),
      ),
    ),
  )
  .patch('/:caseId', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, UpdateCaseSchema);
    return c.json(
      await c.var.deps.store.transaction((tx) =>
        updateCase(tx, c.var.user!, c.req.param('caseId'), input, now(c), requestBase(c)),
      ),
    );
  })
  .post('/:caseId/notes', requireRole('viewer'), async (c) => {
    const input = await parseJson(c, NoteSchema);
    return c.json(
      await c.var.deps.store.transaction((tx) =>
        addNote(tx, c.var.user!, c.req.param('caseId'), input.text, now(c), requestBase(c)),
      ),
      201,
    );
  });
