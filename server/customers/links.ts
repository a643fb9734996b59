/**
 * Linking invitations and responses to the register: the customer a CRM id names, and the customer
 * fields (tier, segment) an invitation carries from the register into its response.
 */
import type { Db } from '../db/client';
import type { CustomerField } from '../../shared/customers/fields';
import { valueSettings } from './settings';
import type { Work } from '../db/store';
import { runNow, sqlOf } from '../db/sqlite-store';
import type { SubmitStatements } from '../collect/statements';
import { DEFAULT_VALUE_SETTINGS, ValueSettingsSchema } from '../../shared/customers/schema';
import * as v from 'valibot';

export interface CustomerLink {
  customerId: string;
  fields: Partial<Record<CustomerField, string>>;
}

interface LinkRow {
  id: string;
  externalId: string;
  tier: number | null;
  segment: string | null;
}

function fieldsOf(r: LinkRow, tierNames: readonly string[]): CustomerLink['fields'] {
  const fields: CustomerLink['fields'] = {};
  const tier = r.tier === null ? undefined : tierNames[r.tier];
  if (tier) fields.customer_tier = tier;
  if (r.segment) fields.customer_segment = r.segment;
  return fields;
}

const SELECT = 'select id, external_id as externalId, tier, segment from customers';

/**
 * The customer the CRM id names, with their fields as the register holds them now; null when
 * unknown. Part of the submission's unit of work.
 */
export function* customerLink(ops: SubmitStatements, externalId: string): Work<CustomerLink | null> {
  const r = yield* ops.customer(externalId);
  if (!r) return null;
  const stored = yield* ops.valueSettings();
  const parsed = stored ? v.safeParse(ValueSettingsSchema, stored) : null;
  return {
    customerId: r.id,
    fields: fieldsOf(r, (parsed?.success ? parsed.output : DEFAULT_VALUE_SETTINGS).tierNames),
  };
}

const CHUNK = 500;

/** The customers of many CRM ids at once (an invitation list), by id; unknown ids are left out. */
export async function linksByExternalIds(db: Db, externalIds: readonly string[]): Promise<Map<string, CustomerLink>> {
  const out = new Map<string, CustomerLink>();
  const unique = [...new Set(externalIds)];
  if (!unique.length) return out;
  const names = runNow(valueSettings(sqlOf(db))).tierNames;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const rows = db.$client
      .prepare(`${SELECT} where external_id in (${part.map(() => '?').join(', ')})`)
      .all(...part) as LinkRow[];
    for (const r of rows) out.set(r.externalId, { customerId: r.id, fields: fieldsOf(r, names) });
  }
  return out;
}
