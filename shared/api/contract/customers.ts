/** The customer register: customers, their purchases and their value. */
import {
  CsvImportSchema,
  CustomerListQuerySchema,
  CustomerUpsertSchema,
  ValueSettingsSchema,
  type CustomerDetail,
  type CustomerImportResult,
  type CustomerList,
  type TransactionImportResult,
  type ValueOverview,
  type ValueSettings,
} from '../../customers/schema';
import { json, routes } from './define';

export const customerRoutes = routes({
  'GET /api/customers': {
    summary: 'Customers, searched and filtered, a page at a time (contact details for researchers only)',
    notes: [
      'Takes: `q` (name, e-mail or id, any part, any case), `tier=<0…>`, `segment=<name>`, `page`, `pageSize` (≤ 200, default 50)',
      'Answers: `{ total, page, pageSize, currency, customers }`, by revenue then id',
    ],
    tag: 'Customers',
    access: 'viewer',
    query: CustomerListQuerySchema,
    answer: json<CustomerList>('CustomerList'),
  },
  'GET /api/customers/value': {
    summary: 'The customer pyramid and the frequency × spend matrix',
    notes: [
      'Answers: customers and revenue by tier and by segment, the frequency × average-spend matrix, the settings',
    ],
    tag: 'Customers',
    access: 'viewer',
    answer: json<ValueOverview>('ValueOverview'),
  },
  'GET /api/customers/settings': {
    summary: 'How tiers and segments are worked out',
    notes: ['Answers: `{ cuts, tierNames }`'],
    tag: 'Customers',
    access: 'viewer',
    answer: json<ValueSettings>('ValueSettings'),
  },
  'PUT /api/customers/settings': {
    summary: 'Change how tiers and segments are worked out; values are computed again',
    notes: [
      'Takes: `{ cuts: [1, 4, 15, 80], tierNames: ["vip", "major", "ordinary", "small"] }` (2–8 tiers, shares adding up to 100)',
      'Answers: the settings; every tier is recomputed',
    ],
    tag: 'Customers',
    access: 'researcher',
    body: ValueSettingsSchema,
    answer: json<ValueSettings>('ValueSettings'),
  },
  'POST /api/customers/import': {
    summary: 'Import or update customers from a CRM file (CSV); every row or none',
    notes: [
      'Takes: `{ csv }`: an `id` (or `customer_id`) column, optional `name`, `email`, `phone`, `language`; any other column is an attribute',
      'Answers: 201 `{ created, updated }`',
    ],
    tag: 'Customers',
    access: 'researcher',
    body: CsvImportSchema,
    answer: json<CustomerImportResult>('CustomerImportResult', 201),
    errors: ['invalid-import'],
  },
  'POST /api/customers/transactions/import': {
    summary: 'Import purchases (CSV); every row or none',
    notes: [
      'Takes: `{ csv }`: `customer, date, amount, currency`, or ready-made `customer, recency, frequency, monetary, currency`',
      'Answers: 201 `{ imported, customers, mode }`',
    ],
    tag: 'Customers',
    access: 'researcher',
    body: CsvImportSchema,
    answer: json<TransactionImportResult>('TransactionImportResult', 201),
    errors: ['invalid-import', 'mixed-currency'],
  },
  'PUT /api/customers/by-external-id/:externalId': {
    summary: 'Create or update one customer by its CRM id (201 when created)',
    notes: [
      'Takes: `{ name?, email?, phone?, language?, attributes? }`; fields left out keep their value, an empty attribute is removed',
      'Answers: 201 created / 200 updated: the customer',
    ],
    tag: 'Customers',
    access: 'researcher',
    body: CustomerUpsertSchema,
    answer: json<CustomerDetail>('CustomerDetail'),
  },
  'GET /api/customers/:id': {
    summary: 'One customer: value, purchases, answers across surveys, cases',
    notes: [
      "Answers: the customer: attributes, value (last purchase, frequency, revenue, R/F/M scores, segment, tier), transactions (count, first, last, total, the latest 20), and the invitations and responses whose hidden field `customer_id` (or `customerId`) is the customer's id",
    ],
    tag: 'Customers',
    access: 'viewer',
    answer: json<CustomerDetail>('CustomerDetail'),
  },
});
