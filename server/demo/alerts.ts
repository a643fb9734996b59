/**
 * The hotel demo's follow-up cases: two alert rules, the cases they open as the synthetic guests
 * complete (through the same hook collection calls), and most older cases resolved with a note,
 * so the inbox and the report's "closing the loop" figures have something real to show.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseEvents, cases } from '../db/schema';
import { createRule } from '../alerts/rules';
import { invalidateAlerts } from '../alerts/hook';
import { runNow, sqlOf } from '../db/sqlite-store';
import type { AlertRuleSpec } from '../../shared/api/alerts';

const HOUR = 3_600_000;

export function hotelAlertRules(db: Db, surveyId: string, userId: string | null, now: number) {
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
  for (const spec of rules) runNow(createRule(sqlOf(db), surveyId, spec, userId, now));
  invalidateAlerts(db, surveyId);
}

/** Resolves about two in three cases older than three days, each after a day or two, with a note. */
export function resolveOlderCases(db: Db, surveyId: string, userId: string | null, now: number, rand: () => number) {
  const older = db
    .select({ id: cases.id, openedAt: cases.openedAt })
    .from(cases)
    .where(and(eq(cases.surveyId, surveyId), lt(cases.openedAt, now - 72 * HOUR)))
    .all();
  for (const c of older) {
    if (rand() > 0.68) continue;
    const at = c.openedAt + Math.round((4 + rand() * 44) * HOUR);
    db.update(cases)
      .set({ status: 'resolved', resolvedAt: at, updatedAt: at, readAt: at })
      .where(eq(cases.id, c.id))
      .run();
    db.insert(caseEvents)
      .values([
        {
          caseId: c.id,
          userId,
          kind: 'note',
          data: { text: 'Called the guest, apologised and offered a complimentary night.' },
          at: at - HOUR,
        },
        { caseId: c.id, userId, kind: 'status', data: { from: 'open', to: 'resolved' }, at },
      ])
      .run();
  }
}
