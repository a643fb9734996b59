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
    tag: 'Customers',
    access: 'viewer',
    query: CustomerListQuerySchema,
    answer: json<CustomerList>('CustomerList'),
  },
  'GET /api/customers/value': {
    summary: 'The customer pyramid and the frequency × spend matrix',
    tag: 'Customers',
    access: 'viewer',
    answer: json<ValueOverview>('ValueOverview'),
  },
  'GET /api/customers/settings': {
    summary: 'How tiers and segments are worked out',
    tag: 'Customers',
    access: 'viewer',
    answer: json<ValueSettings>('ValueSettings'),
  },
  'PUT /api/customers/settings': {
    summary: 'Change how tiers and segments are worked out; values are computed again',
    tag: 'Customers',
    access: 'researcher',
    body: ValueSettingsSchema,
    answer: json<ValueSettings>('ValueSettings'),
  },
  'POST /api/customers/import': {
    summary: 'Import or update customers from a CRM file (CSV); every row or none',
    tag: 'Customers',
    access: 'researcher',
    body: CsvImportSchema,
    answer: json<CustomerImportResult>('CustomerImportResult', 201),
    errors: ['invalid-import'],
  },
  'POST /api/customers/transactions/import': {
    summary: 'Import purchases (CSV); every row or none',
    tag: 'Customers',
    access: 'researcher',
    body: CsvImportSchema,
    answer: json<TransactionImportResult>('TransactionImportResult', 201),
    errors: ['invalid-import', 'mixed-currency'],
  },
  'PUT /api/customers/by-external-id/:externalId': {
    summary: 'Create or update one customer by its CRM id (201 when created)',
    tag: 'Customers',
    access: 'researcher',
    body: CustomerUpsertSchema,
    answer: json<CustomerDetail>('CustomerDetail'),
  },
  'GET /api/customers/:id': {
    summary: 'One customer: value, purchases, answers across surveys, cases',
    tag: 'Customers',
    access: 'viewer',
    answer: json<CustomerDetail>('CustomerDetail'),
  },
});
