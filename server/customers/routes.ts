/** The customer register's API: researchers manage it, viewers read it without contact details. */
import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { parseJson, parseValue } from '../http/validate';
import { requireRole } from '../auth/middleware';
import {
  ContactRulesSchema,
  ErasureQuerySchema,
  RetentionSchema,
  CsvImportSchema,
  CustomerListQuerySchema,
  CustomerUpsertSchema,
  ExternalIdSchema,
  LiftSuppressionSchema,
  ValueSettingsSchema,
} from '../../shared/customers/schema';
import { invalidate } from '../report/dataset';
import { getCustomer, listCustomers, upsertCustomer, valueOverview } from './service';
import { importCustomers } from './import-customers';
import { importTransactions } from './import-transactions';
import { contactRules, saveContactRules, saveValueSettings, valueSettings } from './settings';
import { ensureValues, recomputeValues } from './value';
import { liftSuppression } from './suppression';
import { applyRetention, eraseCustomer, exportCustomer, retention, saveRetention } from './privacy';

export const customerRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), async (c) => {
    const { store, clock } = c.var.deps;
    const query = parseValue(CustomerListQuerySchema, c.req.query());
    await applyRetention(store, clock.now());
    await ensureValues(store, clock.now());
    return c.json(await store.run((db) => listCustomers(db, query, c.var.user!)));
  })
  .get('/value', requireRole('viewer'), async (c) => {
    await ensureValues(c.var.deps.store, c.var.deps.clock.now());
    return c.json(await c.var.deps.store.run(valueOverview));
  })
  .get('/settings', requireRole('viewer'), async (c) => c.json(await c.var.deps.store.run(valueSettings)))
  .put('/settings', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const settings = await parseJson(c, ValueSettingsSchema);
    await store.transaction((tx) => saveValueSettings(tx, settings, c.var.user!.id, clock.now()));
    await recomputeValues(store, clock.now());
    return c.json(await store.run(valueSettings));
  })
  .get('/contact-rules', requireRole('viewer'), async (c) => c.json(await c.var.deps.store.run(contactRules)))
  .put('/contact-rules', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const rules = await parseJson(c, ContactRulesSchema);
    await store.transaction((tx) => saveContactRules(tx, rules, c.var.user!.id, clock.now()));
    return c.json(await store.run(contactRules));
  })
  .get('/retention', requireRole('viewer'), async (c) => c.json(await c.var.deps.store.run(retention)))
  .put('/retention', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const input = await parseJson(c, RetentionSchema);
    await store.transaction((tx) => saveRetention(tx, input, c.var.user!.id, clock.now()));
    await applyRetention(store, clock.now());
    return c.json(await store.run(retention));
  })
  .post('/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CsvImportSchema);
    return c.json(await importCustomers(c.var.deps.store, input.csv, c.var.deps.clock.now()), 201);
  })
  .post('/transactions/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CsvImportSchema);
    return c.json(await importTransactions(c.var.deps.store, input.csv, c.var.user!.id, c.var.deps.clock.now()), 201);
  })
  .post('/suppressions/lift', requireRole('admin'), async (c) => {
    const input = await parseJson(c, LiftSuppressionSchema);
    return c.json(await c.var.deps.store.transaction((tx) => liftSuppression(tx, input)));
  })
  .put('/by-external-id/:externalId', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const externalId = parseValue(ExternalIdSchema, c.req.param('externalId'), 'externalId');
    const input = await parseJson(c, CustomerUpsertSchema);
    const { created, id } = await store.transaction((tx) => upsertCustomer(tx, externalId, input, clock.now()));
    await ensureValues(store, clock.now());
    return c.json(await store.run((db) => getCustomer(db, id, c.var.user!)), created ? 201 : 200);
  })
  .get('/:id', requireRole('viewer'), async (c) => {
    const { store, clock } = c.var.deps;
    await applyRetention(store, clock.now());
    await ensureValues(store, clock.now());
    return c.json(await store.run((db) => getCustomer(db, c.req.param('id'), c.var.user!)));
  })
  .get('/:id/export/all.json', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const data = await store.run((db) => exportCustomer(db, c.req.param('id'), clock.now()));
    const file = String(data.customer.externalId).replace(/[^A-Za-z0-9_.-]/g, '_');
    c.header('Content-Disposition', `attachment; filename="customer-${file}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .delete('/:id', requireRole('researcher'), async (c) => {
    const { store, clock } = c.var.deps;
    const query = parseValue(ErasureQuerySchema, c.req.query());
    const { surveys, ...erased } = await store.transaction((tx) =>
      eraseCustomer(tx, c.req.param('id'), query.responses, clock.now()),
    );
    // The report's cached columns hold the old hidden fields and answers: rebuilt from the rows.
    // On PostgreSQL every node learns of the change from the database (report_changes) instead.
    if (store.dialect === 'sqlite') for (const s of surveys) invalidate(store.db, s);
    return c.json(erased);
  });
