/**
 * The demo register's value history: each customer's value as the stays before a few past moments
 * made it, then as it is now, a line wherever it changed, as the register's recomputations would
 * have written them had they run at those moments (server/customers/value.ts).
 */
import type { customerValueHistory } from '../db/tables';
import { pyramidTiers, rfmScores, segmentOf } from '../../shared/customers/value';

type HistoryRow = typeof customerValueHistory.$inferInsert;

export function demoValueHistory(
  customerIds: readonly string[],
  stays: readonly { customerId: string; at: number; amount: number }[],
  moments: readonly number[],
  cuts: readonly number[],
): HistoryRow[] {
  const index = new Map(customerIds.map((id, i) => [id, i]));
  const last = new Map<string, string>();
  const rows: HistoryRow[] = [];
  for (const moment of [...moments].sort((a, b) => a - b)) {
    const figures = customerIds.map(() => ({ lastAt: null as number | null, frequency: 0, monetary: 0 }));
    for (const s of stays) {
      if (s.at > moment) continue;
      const f = figures[index.get(s.customerId)!];
      f.lastAt = f.lastAt === null ? s.at : Math.max(f.lastAt, s.at);
      f.frequency++;
      f.monetary += s.amount;
    }
    const scores = rfmScores(figures);
    const tiers = pyramidTiers(
      figures.map((f) => f.monetary),
      cuts,
    );
    customerIds.forEach((customerId, i) => {
      const row = {
        customerId,
        at: moment,
        monetary: figures[i].monetary,
        rScore: scores[i].r,
        fScore: scores[i].f,
        mScore: scores[i].m,
        segment: segmentOf(scores[i]),
        tier: tiers[i],
      };
      const key = [row.monetary, row.rScore, row.fScore, row.mScore, row.segment, row.tier].join('|');
      if (last.get(customerId) === key) return;
      last.set(customerId, key);
      rows.push(row);
    });
  }
  return rows;
}
