/** The register's one settings row: the pyramid's tiers, the register's currency, whether scores need recomputing. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { customerSettings } from '../db/schema';
import {
  DEFAULT_VALUE_SETTINGS,
  ValueSettingsSchema,
  type ContactRules,
  type ValueSettings,
} from '../../shared/customers/schema';
import * as v from 'valibot';

const ID = 1;

function row(db: Db) {
  return db.select().from(customerSettings).where(eq(customerSettings.id, ID)).get();
}

function ensure(db: Db, now: number) {
  db.insert(customerSettings).values({ id: ID, updatedAt: now }).onConflictDoNothing().run();
}

export function valueSettings(db: Db): ValueSettings {
  const data = row(db)?.data;
  const parsed = data ? v.safeParse(ValueSettingsSchema, data) : null;
  return parsed?.success ? parsed.output : DEFAULT_VALUE_SETTINGS;
}

export function saveValueSettings(db: Db, settings: ValueSettings, userId: string, now: number) {
  ensure(db, now);
  db.update(customerSettings)
    .set({ data: settings, stale: true, updatedBy: userId, updatedAt: now })
    .where(eq(customerSettings.id, ID))
    .run();
}

export function registerCurrency(db: Db): string | null {
  return row(db)?.currency ?? null;
}

export function setRegisterCurrency(db: Db, currency: string, now: number) {
  ensure(db, now);
  db.update(customerSettings).set({ currency, updatedAt: now }).where(eq(customerSettings.id, ID)).run();
}

/** Customers changed: the next read recomputes every score (they are ranks, so one customer moves the others). */
export function markStale(db: Db, now: number) {
  ensure(db, now);
  db.update(customerSettings).set({ stale: true }).where(eq(customerSettings.id, ID)).run();
}

export function isStale(db: Db): boolean {
  return row(db)?.stale ?? false;
}

export function clearStale(db: Db) {
  db.update(customerSettings).set({ stale: false }).where(eq(customerSettings.id, ID)).run();
}

export function contactRules(db: Db): ContactRules {
  return { intervalDays: row(db)?.contactIntervalDays ?? 90 };
}

export function saveContactRules(db: Db, rules: ContactRules, userId: string, now: number) {
  ensure(db, now);
  db.update(customerSettings)
    .set({ contactIntervalDays: rules.intervalDays, updatedBy: userId, updatedAt: now })
    .where(eq(customerSettings.id, ID))
    .run();
}
