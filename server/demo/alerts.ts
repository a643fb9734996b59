/**
 * The hotel demo's follow-up cases: two alert rules, the cases they open as the synthetic guests
 * complete (through the same hook collection calls), and most older cases resolved with a note,
 * so the inbox and the report's "closing the loop" figures have something real to show.
 */
import { and, eq, lt } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import { caseEvents, cases } from '../db/tables';
import { createRule } from '../alerts/rules';
import type { AlertRuleSpec } from '../../shared/api/alerts';

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
    },
    {
      name: 'Platinum guest who would not return',
      enabled: true,
      when: { match: 'all', conditions: [{ source: 'return', op: 'in', values: ['unsure', 'no'] }] },
      segment: [{ source: 'tier', op: 'equals', value: 'platinum' }],
      owner,
      priority: 'urgent',
      dueHours: null,
    },
  ];
  for (const spec of rules) yield* createRule(tx, surveyId, spec, userId, now);
}

/** Resolves about two in three cases older than three days, each after a day or two, with a note. */
export function* resolveOlderCases(
  tx: Sql,
  surveyId: string,
  userId: string | null,
  now: number,
  rand: () => number,
): Work<void> {
  const older = yield* q(
    tx
      .select({ id: cases.id, openedAt: cases.openedAt })
      .from(cases)
      .where(and(eq(cases.surveyId, surveyId), lt(cases.openedAt, now - 72 * HOUR))),
  );
  const events: (typeof caseEvents.$inferInsert)[] = [];
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
