import { AppError } from '../http/errors';
import type { CustomerImportError } from '../../shared/customers/schema';

/** At most this many faulty rows are listed (a wrong file can have a million); the message says how many there were. */
export const MAX_LISTED = 1_000;

/** Collects the faulty rows of an import; `refuse` throws the 400 that lists them, with nothing written. */
export class ImportErrors {
  readonly listed: CustomerImportError[] = [];
  count = 0;
  add(e: CustomerImportError) {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push(e);
  }
  refuse(): never {
    const first = this.listed[0];
    const more = this.count > 1 ? ` (and ${this.count - 1} more faulty ${this.count === 2 ? 'row' : 'rows'})` : '';
    const message = `line ${first.line}: ${first.message}${more}`;
    throw new AppError(400, 'invalid-import', message, 'csv', this.listed, { detail: message, rows: this.count });
  }
}
