/** Recognising the columns of an uploaded customer or transaction file by their (case-free) names. */
import type { CustomerImportError } from '../../shared/customers/schema';

export function aliasMap<R extends string>(roles: Record<R, readonly string[]>): Map<string, R> {
  const m = new Map<string, R>();
  for (const [role, names] of Object.entries(roles) as [R, readonly string[]][]) for (const n of names) m.set(n, role);
  return m;
}

/** The header's columns and the role each plays (null: an attribute); problems of the header itself. */
export function readHeader<R extends string>(line: number, fields: string[], aliases: Map<string, R>) {
  const columns = fields.map((f) => f.trim());
  const roles = columns.map((c) => aliases.get(c.toLowerCase().replace(/[\s_-]+/g, ' ')) ?? null);
  const errors: CustomerImportError[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const key = roles[i] ?? c.toLowerCase();
    if (c === '') errors.push({ line, code: 'column-unnamed', message: 'a column has no name' });
    else if (seen.has(key))
      errors.push({ line, column: c, code: 'column-twice', message: `the column "${c}" appears twice` });
    seen.add(key);
  }
  return { columns, roles, errors };
}

/** A row of empty cells (a blank line, or only separators): skipped, as a spreadsheet's trailing rows are. */
export function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}
