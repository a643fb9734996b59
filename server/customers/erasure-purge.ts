/**
 * What an erasure removes beyond the register: webhook deliveries whose stored body carries the
 * customer (pending ones are never sent; delivered and given-up ones go too, since a redelivery
 * sends the stored body again and a backup would keep it), and case notes that name them.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { caseEvents, outbox } from '../db/tables';

/** A name shorter than this would match unrelated text ("Al" in "Also"), so only longer names are looked for. */
const MIN_NAME = 3;
const MIN_PHONE = 6;

/** The value as it appears inside a JSON string, as a LIKE pattern (`%` and `_` literal). */
const inJson = (value: string) =>
  `%${JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export interface Person {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Their responses: a webhook body about one of them carries their answers and hidden fields. */
  responseIds: number[];
}

/**
 * Conditions on a JSON text column that find the person's e-mail, name or phone in it, in any
 * case (SQLite's LIKE folds ASCII letters whatever is asked; lower() on both sides makes
 * PostgreSQL's do the same).
 */
function naming(column: SQL, p: Person): SQL[] {
  const values = [
    p.email?.trim(),
    p.name && p.name.trim().length >= MIN_NAME ? p.name.trim() : null,
    p.phone && p.phone.trim().length >= MIN_PHONE ? p.phone.trim() : null,
  ].filter((x): x is string => !!x);
  return values.map((x) => sql`lower(${column}) like lower(${inJson(x)}) escape '\\'`);
}

/** Deletes the deliveries whose body names the person or is about one of their responses; returns how many. */
export function* purgeDeliveries(tx: Sql, p: Person): Work<number> {
  const body = sql`${outbox.body}`;
  // Bodies are built by server/alerts/payload.ts, the response object opening with its id.
  const about = p.responseIds.map((id) => sql`${body} like ${`%"response":{"id":${id},%`}`);
  const conditions = [...naming(body, p), ...about];
  if (!conditions.length) return 0;
  const gone = yield* q(
    tx
      .delete(outbox)
      .where(and(eq(outbox.kind, 'webhook'), or(...conditions)))
      .returning({ id: outbox.id }),
  );
  return gone.length;
}

/** Deletes the case notes that name the person; returns how many. */
export function* purgeNotes(tx: Sql, p: Person): Work<number> {
  const conditions = naming(sql`cast(${caseEvents.data} as text)`, p);
  if (!conditions.length) return 0;
  const found = yield* q(
    tx
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .where(and(eq(caseEvents.kind, 'note'), or(...conditions))),
  );
  if (found.length)
    yield* q(
      tx.delete(caseEvents).where(
        inArray(
          caseEvents.id,
          found.map((n) => n.id),
        ),
      ),
    );
  return found.length;
}
