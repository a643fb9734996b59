/**
 * The hotel demo's follow-up cases: two alert rules, the cases they open as the synthetic guests
 * complete (through the same hook collection calls), most cases classified by complaint type and
 * severity, and most older cases resolved with a note, so the inbox, the report's "closing the
 * loop" and complaint figures and the customer page have something real to show.
 */
import { and, eq, lt } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { caseEvents, cases } from '../db/tables';
import { createRule } from '../alerts/rules';
import type { AlertRuleSpec } from '../../shared/api/alerts';
import type { ComplaintType } from '../../shared/api/complaints';

const HOUR = 3_600_000;

export function* hotelAlertRules(tx: Sql, surveyId: string, userId: string | null, now: number): Work<void> {
  const owner: AlertRuleSpec['owner'] = userId ? { kind: 'user', userId } : { kind: 'none' };
  const rules: AlertRuleSpec[] = [
    {
      name: 'Unhappy guest (overall 1–2)',
      enabled: true,
      when: { match: 'all', conditions: [{ source: 'osat', op: 'between', min: 1, max: 2 }] },
      segment: [],
      owner,
      priority: 'high',
      dueHours: null,
      complaintType: null,
      severity: null,
    },
    {
      name: 'Platinum guest who would not return',
      enabled: true,
      when: { match: 'all', conditions: [{ source: 'return', op: 'in', values: ['unsure', 'no'] }] },
      segment: [{ source: 'tier', op: 'equals', value: 'platinum' }],
      owner,
      priority: 'urgent',
      dueHours: null,
      // A top-tier guest lost is serious whatever the complaint turns out to be.
      complaintType: null,
      severity: 'serious',
    },
  ];
  for (const spec of rules) yield* createRule(tx, surveyId, spec, userId, now);
}

/** A hotel's complaints: mostly about service, then the room (product quality), price, and a few about honesty (the bill). */
const TYPE_WEIGHTS: [ComplaintType, number][] = [
  ['service', 0.45],
  ['product-quality', 0.3],
  ['price', 0.15],
  ['honesty', 0.1],
];

function pickType(x: number): ComplaintType {
  let acc = 0;
  for (const [type, w] of TYPE_WEIGHTS) {
    acc += w;
    if (x < acc) return type;
  }
  return 'service';
}

/** Resolves about two in three cases older than three days, each after a day or two, with a note. */
export function* resolveOlderCases(
  tx: Sql,
  surveyId: string,
  userId: string | null,
  now: number,
  rand: () => number,
): Work<void> {
  const events: (typeof caseEvents.$inferInsert)[] = [];
  yield* classifyCases(tx, surveyId, userId, now, rand, events);
  const older = yield* q(
    tx
      .select({ id: cases.id, openedAt: cases.openedAt })
      .from(cases)
      .where(and(eq(cases.surveyId, surveyId), lt(cases.openedAt, now - 72 * HOUR))),
  );
  for (const c of older) {
    if (rand() > 0.68) continue;
    const at = c.openedAt + Math.round((4 + rand() * 44) * HOUR);
    yield* q(
      tx.update(cases).set({ status: 'resolved', resolvedAt: at, updatedAt: at, readAt: at }).where(eq(cases.id, c.id)),
    );
    events.push(
      {
        caseId: c.id,
        userId,
        kind: 'note',
        data: { text: 'Called the guest, apologised and offered a complimentary night.' },
        at: at - HOUR,
      },
      { caseId: c.id, userId, kind: 'status', data: { from: 'open', to: 'resolved' }, at },
    );
  }
  for (let i = 0; i < events.length; i += 1000) yield* q(tx.insert(caseEvents).values(events.slice(i, i + 1000)));
}

/**
 * Every case older than a day gets a type an hour after it opened (the newest wait for their
 * owner), and about one in four is serious; a rule's own classification is kept.
 */
function* classifyCases(
  tx: Sql,
  surveyId: string,
  userId: string | null,
  now: number,
  rand: () => number,
  events: (typeof caseEvents.$inferInsert)[],
): Work<void> {
  const older = yield* q(
    tx
      .select({ id: cases.id, openedAt: cases.openedAt, severity: cases.severity })
      .from(cases)
      .where(and(eq(cases.surveyId, surveyId), lt(cases.openedAt, now - 24 * HOUR))),
  );
  for (const c of older) {
    const complaintType = pickType(rand());
    const severity = c.severity ?? (rand() < 0.25 ? 'serious' : 'general');
    const at = c.openedAt + HOUR;
    yield* q(tx.update(cases).set({ complaintType, severity }).where(eq(cases.id, c.id)));
    events.push({ caseId: c.id, userId, kind: 'complaint-type', data: { from: null, to: complaintType }, at });
    if (c.severity === null)
      events.push({ caseId: c.id, userId, kind: 'severity', data: { from: null, to: severity }, at });
  }
}
