import { DIALECT } from '../../server/db/dialect';
import { hotelDemo } from '../../server/demo/service';
import type { makeTestApp } from './api';

/**
 * The hotel demo study (its plan, alert rules and `count` guests) written through the test app's
 * store in one unit of work, as `npm run demo` writes it, on either database.
 */
export function loadHotelDemo(t: ReturnType<typeof makeTestApp>, now: number, count = 400) {
  return t.store.transaction((tx) => hotelDemo(tx, t.db, now, null, count));
}

/** A field of a stored JSON text column, in the database's own SQL. */
export const jsonField = (column: string, key: string) =>
  DIALECT === 'pg' ? `((${column})::json ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
