/** The register's one settings row: the pyramid's tiers, the register's currency, whether scores need recomputing. */
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { forUpdate, q, type Sql, type Work } from '../db/store';
import { AppError } from '../http/errors';
import { customerSettings } from '../db/tables';
import {
  DEFAULT_VALUE_SETTINGS,
  ValueSettingsSchema,
  type ContactRules,
  type ValueSettings,
} from '../../shared/customers/schema';

const ID = 1;

function* row(db: Sql) {
  const [r] = yield* q(db.select().from(customerSettings).where(eq(customerSettings.id, ID)));
  return r;
}

function* ensure(db: Sql, now: number) {
  yield* q(db.insert(customerSettings).values({ id: ID, updatedAt: now }).onConflictDoNothing());
}

function* set(db: Sql, fields: Partial<typeof customerSettings.$inferInsert>, now: number) {
  yield* ensure(db, now);
  yield* q(db.update(customerSettings).set(fields).where(eq(customerSettings.id, ID)));
}

export function* valueSettings(db: Sql): Work<ValueSettings> {
  const data = (yield* row(db))?.data;
  const parsed = data ? v.safeParse(ValueSettingsSchema, data) : null;
  return parsed?.success ? parsed.output : DEFAULT_VALUE_SETTINGS;
}

export function* saveValueSettings(db: Sql, settings: ValueSettings, userId: string, now: number): Work<void> {
  yield* set(db, { data: settings, stale: true, updatedBy: userId, updatedAt: now }, now);
}

export function* registerCurrency(db: Sql): Work<string | null> {
  return (yield* row(db))?.currency ?? null;
}

/**
 * Makes `currency` the register's, unless it already holds another (409): the settings row is
 * locked first, so of two imports in different currencies on two nodes the second sees the first's.
 */
export function* claimRegisterCurrency(db: Sql, currency: string, now: number): Work<void> {
  yield* ensure(db, now);
  const [held] = yield* q(
    forUpdate(
      db.select({ currency: customerSettings.currency }).from(customerSettings).where(eq(customerSettings.id, ID)),
    ),
  );
  if (held.currency !== null && held.currency !== currency)
    throw new AppError(
      409,
      'mixed-currency',
      `the register is now in ${held.currency}, this file in ${currency}: one register holds one currency`,
    );
  yield* q(db.update(customerSettings).set({ currency, updatedAt: now }).where(eq(customerSettings.id, ID)));
}

/** Customers changed: the next read recomputes every score (they are ranks, so one customer moves the others). */
export function* markStale(db: Sql, now: number): Work<void> {
  yield* set(db, { stale: true }, now);
}

export function* isStale(db: Sql): Work<boolean> {
  return (yield* row(db))?.stale ?? false;
}

export function* clearStale(db: Sql): Work<void> {
  yield* q(db.update(customerSettings).set({ stale: false }).where(eq(customerSettings.id, ID)));
}

/**
 * Transactions were imported: the next recomputation aggregates every customer's figures from the
 * transactions again, where otherwise it ranks the figures stored at the last aggregation.
 */
export function* markFiguresStale(db: Sql, now: number): Work<void> {
  yield* set(db, { stale: true, figuresStale: true }, now);
}

/**
 * Whether the figures need aggregating from the transactions, clearing the mark in the same
 * statement: an import marking it meanwhile is never lost between a read and a write.
 */
export function* takeFiguresStale(db: Sql): Work<boolean> {
  const taken = yield* q(
    db
      .update(customerSettings)
      .set({ figuresStale: false })
      .where(and(eq(customerSettings.id, ID), eq(customerSettings.figuresStale, true)))
      .returning({ id: customerSettings.id }),
  );
  return taken.length > 0;
}

export function* contactRules(db: Sql): Work<ContactRules> {
  return { intervalDays: (yield* row(db))?.contactIntervalDays ?? 90 };
}

export function* saveContactRules(db: Sql, rules: ContactRules, userId: string, now: number): Work<void> {
  yield* set(db, { contactIntervalDays: rules.intervalDays, updatedBy: userId, updatedAt: now }, now);
}
