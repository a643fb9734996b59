/**
 * Reading an uploaded contact list. A real CSV parser (papaparse) handles quoted fields with
 * commas, semicolons and line breaks, a byte-order mark, and comma or semicolon separators
 * (Excel in Italy and Vietnam saves with semicolons). Every faulty row is reported by its line in
 * the file, so the researcher can fix them all in one go.
 */
import Papa from 'papaparse';
import { chooseLanguage } from '../../shared/survey/language';
import type { ImportErrorCode, ImportRowError } from '../../shared/api/collect';

export interface Contact {
  line: number;
  name: string | null;
  email: string | null;
  lang: string | null;
  hidden: Record<string, string>;
}

const ALIASES: Record<string, 'email' | 'name' | 'lang'> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  'email address': 'email',
  'e-mail address': 'email',
  name: 'name',
  'full name': 'name',
  contact: 'name',
  language: 'lang',
  lang: 'lang',
  locale: 'lang',
};
const MAX_ROWS = 50_000;
const MAX_NAME = 200;
const MAX_EMAIL = 254;
const MAX_HIDDEN = 500;
// Deliberately loose: the mail server is the judge of deliverability; this catches typos like a missing @.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ParsedContacts =
  | { ok: true; contacts: Contact[]; hiddenFields: string[] }
  | { ok: false; errors: ImportRowError[] };

/**
 * The rows of a CSV (comma, semicolon or tab, guessed unless given; BOM and quotes handled), each
 * with the line it starts on.
 */
export function readCsvRows(text: string, delimiter?: string): { line: number; fields: string[] }[] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: { line: number; fields: string[] }[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(source, {
    delimitersToGuess: [',', ';', '\t'],
    delimiter,
    step: (result) => {
      rows.push({ line, fields: result.data });
      const end = result.meta.cursor;
      for (let i = consumed; i < end; i++) if (source.charCodeAt(i) === 10) line++;
      consumed = end;
      // The cursor stops before the row's line break; count it for the next row.
      if (source.charCodeAt(end) === 13 || source.charCodeAt(end) === 10) {
        line++;
        consumed = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
      }
    },
  });
  return rows;
}

export function parseContacts(
  text: string,
  declaredHidden: readonly string[],
  languages: readonly string[],
): ParsedContacts {
  const nonEmpty = readCsvRows(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return { ok: false, errors: [{ line: 1, code: 'no-header', message: 'the file has no header row' }] };

  const errors: ImportRowError[] = [];
  const columns = header.fields.map((raw) => raw.trim());
  const roles = columns.map((c) => ALIASES[c.toLowerCase()] ?? null);
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.toLowerCase();
    if (c === '') errors.push({ line: header.line, code: 'column-unnamed', message: 'a column has no name' });
    else if (seen.has(key))
      errors.push({ line: header.line, column: c, code: 'column-twice', message: `the column "${c}" appears twice` });
    seen.add(key);
  }
  if (!roles.includes('email') && !roles.includes('name')) {
    errors.push({
      line: header.line,
      code: 'no-email-or-name-column',
      message: 'the file needs an "email" or a "name" column',
    });
  }
  // Extra columns are hidden fields; matched to the survey's declared names ignoring case.
  const hiddenNames = columns.map((c, i) =>
    roles[i] ? null : (declaredHidden.find((d) => d.toLowerCase() === c.toLowerCase()) ?? null),
  );
  const undeclared = columns.filter((c, i) => c !== '' && !roles[i] && !hiddenNames[i]);
  if (undeclared.length) {
    errors.push({
      line: header.line,
      code: 'undeclared-columns',
      params: { columns: undeclared.join(', ') },
      message: `these columns are not hidden fields of the survey: ${undeclared.join(', ')} (declare them in the survey, or remove them)`,
    });
  }
  if (body.length > MAX_ROWS)
    errors.push({
      line: body[MAX_ROWS].line,
      code: 'too-many-rows',
      params: { max: MAX_ROWS },
      message: `at most ${MAX_ROWS} contacts per file`,
    });
  if (errors.length) return { ok: false, errors };

  const contacts: Contact[] = [];
  const emails = new Map<string, number>();
  for (const row of body) {
    const rowErrors: ImportRowError[] = [];
    const fail = (code: ImportErrorCode, message: string, params?: Record<string, string | number>, column?: string) =>
      rowErrors.push({ line: row.line, column, code, params, message });
    if (row.fields.length !== columns.length) {
      fail('field-count', `has ${row.fields.length} fields where the header has ${columns.length}`, {
        found: row.fields.length,
        expected: columns.length,
      });
      errors.push(...rowErrors);
      continue;
    }
    const contact: Contact = { line: row.line, name: null, email: null, lang: null, hidden: {} };
    row.fields.forEach((raw, i) => {
      const value = raw.trim();
      const column = columns[i];
      if (value === '') return;
      if (roles[i] === 'name') {
        if (value.length > MAX_NAME)
          fail('too-long', `is longer than ${MAX_NAME} characters`, { max: MAX_NAME }, column);
        contact.name = value;
      } else if (roles[i] === 'email') {
        if (value.length > MAX_EMAIL || !EMAIL.test(value))
          fail('bad-email', `"${value.slice(0, 80)}" is not an e-mail address`, { value: value.slice(0, 80) }, column);
        contact.email = value;
      } else if (roles[i] === 'lang') {
        // fr-CA reads a survey in fr, zh-TW one in zh-Hant, as a respondent's browser would.
        const lang = chooseLanguage([value], languages, '') || null;
        if (!lang)
          fail(
            'bad-language',
            `"${value.slice(0, 40)}" is not a language of this survey (${languages.join(', ')})`,
            { value: value.slice(0, 40), languages: languages.join(', ') },
            column,
          );
        contact.lang = lang;
      } else {
        if (value.length > MAX_HIDDEN)
          fail('too-long', `is longer than ${MAX_HIDDEN} characters`, { max: MAX_HIDDEN }, column);
        contact.hidden[hiddenNames[i]!] = value;
      }
    });
    if (!contact.name && !contact.email) fail('no-name-or-email', 'has neither a name nor an e-mail address');
    if (contact.email) {
      const key = contact.email.toLowerCase();
      const first = emails.get(key);
      if (first !== undefined)
        fail('duplicate-in-file', `repeats the e-mail address of line ${first}`, { line: first });
      else emails.set(key, row.line);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else contacts.push(contact);
  }
  if (errors.length) return { ok: false, errors };
  if (contacts.length === 0)
    return {
      ok: false,
      errors: [{ line: header.line + 1, code: 'no-contacts', message: 'the file has no contacts below its header' }],
    };
  return { ok: true, contacts, hiddenFields: declaredHidden.filter((d) => hiddenNames.includes(d)) };
}
