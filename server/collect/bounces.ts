/**
 * Bounces that arrive after the mail server accepted a message (a mailbox that no longer exists,
 * a full one), recorded from the mail provider's bounce list: a CSV of addresses with an optional
 * reason, or the delivery status notifications themselves (RFC 3464). Each address must be one
 * this survey invited; one bad row refuses the whole list, so nothing is half recorded.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { invitations } from '../db/tables';
import { q, type Sql, type Work } from '../db/store';
import { AppError } from '../http/errors';
import { surveyRow } from '../survey/service';
import { EMAIL, readCsvRows } from './contacts';
import { BOUNCE_PREFIX, type BounceResult, type ImportRowError } from '../../shared/api/collect';

interface Bounce {
  line: number;
  email: string;
  reason: string;
}

const ADDRESS_COLUMNS = new Set(['email', 'e-mail', 'mail', 'address', 'email address', 'e-mail address', 'recipient']);
const REASON_COLUMNS = new Set([
  'reason',
  'error',
  'status',
  'diagnostic',
  'diagnostic-code',
  'bounce reason',
  'description',
]);
const MAX_REASON = 300;
const DEFAULT_REASON = 'bounced';

/** Delivery status notifications: each `Final-Recipient` whose `Action` is `failed`, with its diagnostic. */
function fromDsn(text: string): Bounce[] {
  const lines = text.split(/\r?\n/);
  const out: Bounce[] = [];
  let current: (Bounce & { failed: boolean }) | null = null;
  const close = () => {
    if (current?.failed) out.push({ line: current.line, email: current.email, reason: current.reason });
  };
  lines.forEach((raw, i) => {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(raw.trim());
    if (!m) return;
    const [, field, value] = m;
    switch (field.toLowerCase()) {
      case 'final-recipient':
        close();
        current = {
          line: i + 1,
          email: value
            .replace(/^rfc822;\s*/i, '')
            .replace(/^<|>$/g, '')
            .trim(),
          reason: '',
          failed: false,
        };
        break;
      case 'action':
        if (current) current.failed = value.trim().toLowerCase() === 'failed';
        break;
      case 'status':
        if (current && !current.reason) current.reason = value.trim();
        break;
      case 'diagnostic-code':
        if (current) current.reason = value.replace(/^smtp;\s*/i, '').trim();
        break;
    }
  });
  close();
  return out;
}

/** A CSV of addresses: with a header naming the address (and reason) column, or address then reason. */
function fromCsv(text: string): Bounce[] {
  // Guessed from the first line: a guess over the whole file is fooled by one-column lists,
  // whose reasons ("550 5.1.1 user unknown, see …") hold the other marks.
  const first = text.split(/\r?\n/, 1)[0];
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: first.split(d).length })).sort((a, b) => b.n - a.n)[0].d;
  const rows = readCsvRows(text, delimiter).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) return [];
  const head = rows[0].fields.map((f) => f.trim().toLowerCase());
  const hasHeader = head.some((f) => ADDRESS_COLUMNS.has(f));
  const at = hasHeader ? head.findIndex((f) => ADDRESS_COLUMNS.has(f)) : 0;
  const why = hasHeader ? head.findIndex((f) => REASON_COLUMNS.has(f)) : 1;
  return (hasHeader ? rows.slice(1) : rows).map((r) => ({
    line: r.line,
    email: (r.fields[at] ?? '').trim(),
    reason: (why >= 0 ? (r.fields[why] ?? '') : '').trim(),
  }));
}

/** Marks the invitations of the listed addresses as bounced, with the reason; reminders then skip them. */
export function* recordBounces(tx: Sql, surveyId: string, text: string, now: number): Work<BounceResult> {
  yield* surveyRow(tx, surveyId);
  const isDsn = /^final-recipient:/im.test(text);
  const bounces = isDsn ? fromDsn(text) : fromCsv(text);
  const rows = yield* q(
    tx
      .select({ id: invitations.id, email: sql<string>`lower(${invitations.email})` })
      .from(invitations)
      .where(and(eq(invitations.surveyId, surveyId), isNotNull(invitations.email))),
  );
  const invited = new Map(rows.map((r) => [r.email, r.id]));
  const errors: ImportRowError[] = [];
  for (const b of bounces) {
    if (!EMAIL.test(b.email)) {
      errors.push({
        line: b.line,
        column: 'email',
        code: 'bad-email',
        params: { value: b.email },
        message: `"${b.email}" is not an e-mail address`,
      });
    } else if (!invited.has(b.email.toLowerCase())) {
      errors.push({
        line: b.line,
        column: 'email',
        code: 'not-invited',
        params: { value: b.email },
        message: `${b.email} was not invited to this survey`,
      });
    }
  }
  if (bounces.length === 0) {
    errors.push({
      line: 1,
      code: 'no-bounces',
      message: isDsn ? 'no failed recipient in the notifications' : 'the list has no addresses',
    });
  }
  if (errors.length)
    throw new AppError(400, 'invalid-bounces', `line ${errors[0].line}: ${errors[0].message}`, 'text', errors, {
      line: errors[0].line,
    });

  for (const b of bounces) {
    yield* q(
      tx
        .update(invitations)
        .set({
          lastError: BOUNCE_PREFIX + (b.reason || DEFAULT_REASON).slice(0, MAX_REASON),
          jobId: null,
          updatedAt: now,
        })
        .where(eq(invitations.id, invited.get(b.email.toLowerCase())!)),
    );
  }
  return { bounced: new Set(bounces.map((b) => b.email.toLowerCase())).size };
}
