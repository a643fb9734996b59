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
  ValueSettingsSchema,
} from '../../shared/customers/schema';
import { getCustomer, listCustomers, upsertCustomer, valueOverview } from './service';
import { importCustomers } from './import-customers';
import { importTransactions } from './import-transactions';
import { contactRules, saveContactRules, saveValueSettings, valueSettings } from './settings';
import { recomputeValues } from './value';
import { applyRetention, eraseCustomer, exportCustomer, retention, saveRetention } from './privacy';

export const customerRoutes = new Hono<AppEnv>()
  .get('/', requireRole('viewer'), async (c) => {
    const query = parseValue(CustomerListQuerySchema, c.req.query());
    await applyRetention(c.var.deps.db, c.var.deps.clock.now());
    return c.json(await listCustomers(c.var.deps.db, query, c.var.user!));
  })
  .get('/value', requireRole('viewer'), async (c) => c.json(await valueOverview(c.var.deps.db)))
  .get('/settings', requireRole('viewer'), (c) => c.json(valueSettings(c.var.deps.db)))
  .put('/settings', requireRole('researcher'), async (c) => {
    const settings = await parseJson(c, ValueSettingsSchema);
    saveValueSettings(c.var.deps.db, settings, c.var.user!.id, c.var.deps.clock.now());
    await recomputeValues(c.var.deps.db);
    return c.json(valueSettings(c.var.deps.db));
  })
  .get('/contact-rules', requireRole('viewer'), (c) => c.json(contactRules(c.var.deps.db)))
  .put('/contact-rules', requireRole('researcher'), async (c) => {
    const rules = await parseJson(c, ContactRulesSchema);
    saveContactRules(c.var.deps.db, rules, c.var.user!.id, c.var.deps.clock.now());
    return c.json(contactRules(c.var.deps.db));
  })
  .get('/retention', requireRole('viewer'), (c) => c.json(retention(c.var.deps.db)))
  .put('/retention', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, RetentionSchema);
    await saveRetention(c.var.deps.db, input, c.var.user!.id, c.var.deps.clock.now());
    return c.json(retention(c.var.deps.db));
  })
  .post('/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CsvImportSchema);
    return c.json(await importCustomers(c.var.deps.db, input.csv, c.var.deps.clock.now()), 201);
  })
  .post('/transactions/import', requireRole('researcher'), async (c) => {
    const input = await parseJson(c, CsvImportSchema);
    return c.json(await importTransactions(c.var.deps.db, input.csv, c.var.user!.id, c.var.deps.clock.now()), 201);
  })
  .put('/by-external-id/:externalId', requireRole('researcher'), async (c) => {
    const externalId = parseValue(ExternalIdSchema, c.req.param('externalId'), 'externalId');
    const input = await parseJson(c, CustomerUpsertSchema);
    const { created, customer } = await upsertCustomer(
      c.var.deps.db,
      externalId,
      input,
      c.var.user!,
      c.var.deps.clock.now(),
    );
    return c.json(customer, created ? 201 : 200);
  })
  .get('/:id', requireRole('viewer'), async (c) => {
    await applyRetention(c.var.deps.db, c.var.deps.clock.now());
    return c.json(await getCustomer(c.var.deps.db, c.req.param('id'), c.var.user!));
  })
  .get('/:id/export/all.json', requireRole('researcher'), async (c) => {
    const data = await exportCustomer(c.var.deps.db, c.req.param('id'), c.var.deps.clock.now());
    const file = String(data.customer.externalId).replace(/[^A-Za-z0-9_.-]/g, '_');
    c.header('Content-Disposition', `attachment; filename="customer-${file}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  })
  .delete('/:id', requireRole('researcher'), async (c) => {
    const query = parseValue(ErasureQuerySchema, c.req.query());
    return c.json(await eraseCustomer(c.var.deps.db, c.req.param('id'), query.responses, c.var.deps.clock.now()));
  });
