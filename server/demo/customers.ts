/**
 * The demo register: 3,000 synthetic customers of the demo hotel with two years of stays (about
 * 12,000 transactions in EUR), ranked into the hotel plan's tiers (platinum 5 %, gold 15 %, iron
 * 30 %, lead 50 %), and linked to the demo study's responses: each response of a tier goes to a
 * customer of that tier, so the customer pages, the report's customer value and the at-risk list
 * have data. Values are computed here with the register's own rules (shared/customers/value.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import { q, type Sql, type Work } from '../db/store';
import {
  cases,
  customerImports,
  customerSettings,
  customers,
  customerTransactions,
  customerValueHistory,
  responses,
} from '../db/tables';
import { demoValueHistory } from './customer-history';
import { tierAtOpening } from '../customers/case-tier';
import { pyramidTiers, rfmScores, segmentOf, type ValueFigures } from '../../shared/customers/value';
import { searchKey } from '../../shared/customers/search-key';
import { seeded } from './hotel';

const CUSTOMERS = 3_000;
const DAY = 86_400_000;
const TIERS = ['platinum', 'gold', 'iron', 'lead'];
const CUTS = [5, 15, 30, 50];
const FIRST = ['Minh', 'Lan', 'Wei', 'Mei', 'Giulia', 'Marco', 'Anna', 'James', 'Hùng', 'Xiu'];
const LAST = ['Nguyễn', 'Trần', '王', '陳', 'Rossi', 'Bianchi', 'Smith', 'Brown', 'Lê', '林'];
const LANGUAGES = ['vi', 'zh-Hans', 'zh-Hant', 'it', 'en'];
const REGIONS = ['north', 'south'];
/** Rows written by one statement, well within both databases' limits on bound parameters. */
const BATCH = 500;

type Customer = typeof customers.$inferInsert;
type Transaction = typeof customerTransactions.$inferInsert;

function* insertAll<T>(rows: readonly T[], insert: (batch: T[]) => PromiseLike<unknown>): Work<void> {
  for (let i = 0; i < rows.length; i += BATCH) yield* q(insert(rows.slice(i, i + BATCH)));
}

/** Loads the register inside the demo's transaction and links the hotel study's responses to it. */
export function* demoRegister(tx: Sql, hotelSurveyId: string, now: number, userId: string | null): Work<void> {
  const rand = seeded(20261205);
  const [{ importId }] = yield* q(
    tx
      .insert(customerImports)
      .values({ status: 'done', rows: 0, createdBy: userId, createdAt: now, finishedAt: now })
      .returning({ importId: customerImports.id }),
  );
  const register: Customer[] = [];
  const stays: Transaction[] = [];
  const figures: ValueFigures[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = randomUUID();
    const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    const region = REGIONS[Math.floor(rand() * REGIONS.length)];
    // Few guests stay often and spend much: stays and rates are skewed (squares of uniforms).
    const count = Math.floor(rand() ** 2 * 12);
    const rate = 8_000 + Math.floor(rand() ** 3 * 60_000);
    let lastAt: number | null = null;
    let monetary = 0;
    for (let k = 0; k < count; k++) {
      const at = now - Math.floor(rand() * 730) * DAY;
      const amount = rate + Math.floor(rand() * 10_000);
      stays.push({ importId, customerId: id, at, amount, currency: 'EUR' });
      lastAt = lastAt === null ? at : Math.max(lastAt, at);
      monetary += amount;
    }
    figures.push({ lastAt, frequency: count, monetary });
    register.push({
      id,
      externalId: `G${String(i + 1).padStart(5, '0')}`,
      name,
      nameKey: searchKey(name),
      email: `guest${i + 1}@example.com`,
      language: LANGUAGES[i % LANGUAGES.length],
      attributes: { region },
      lastPurchaseAt: lastAt,
      frequency: count,
      monetary,
      createdAt: now,
      updatedAt: now,
    });
  }

  // The scores and tiers are known before any row is written: each customer is written once, whole.
  const scores = rfmScores(figures);
  const tiers = pyramidTiers(
    figures.map((f) => f.monetary),
    CUTS,
  );
  const byTier = new Map<string, { c: Customer; segment: string }[]>(TIERS.map((t) => [t, []]));
  register.forEach((c, i) => {
    c.rScore = scores[i].r;
    c.fScore = scores[i].f;
    c.mScore = scores[i].m;
    c.segment = segmentOf(scores[i]);
    c.tier = tiers[i];
    byTier.get(TIERS[tiers[i]])!.push({ c, segment: c.segment });
  });
  yield* insertAll(register, (batch) => tx.insert(customers).values(batch));
  yield* insertAll(stays, (batch) => tx.insert(customerTransactions).values(batch));
  // How each guest's value moved: as a year ago, half a year ago, and now.
  const history = demoValueHistory(
    register.map((c) => c.id),
    stays,
    [now - 365 * DAY, now - 182 * DAY, now],
    CUTS,
  );
  yield* insertAll(history, (batch) => tx.insert(customerValueHistory).values(batch));
  yield* q(tx.update(customerImports).set({ rows: stays.length }).where(eq(customerImports.id, importId)));
  const settings = { data: { cuts: CUTS, tierNames: TIERS }, currency: 'EUR', stale: false };
  yield* q(
    tx
      .insert(customerSettings)
      .values({ id: 1, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: customerSettings.id, set: settings }),
  );

  // Each response of the hotel study goes to a customer of its tier not yet taken (in random order).
  const rows = yield* q(
    tx
      .select({ id: responses.id, hidden: responses.hidden })
      .from(responses)
      .where(and(eq(responses.surveyId, hotelSurveyId), ne(responses.status, 'partial')))
      .orderBy(asc(responses.id)),
  );
  for (const r of rows) {
    const hidden = JSON.parse(r.hidden ?? '{}') as Record<string, string>;
    const pool = byTier.get(hidden.tier);
    if (!pool?.length) continue;
    const { c, segment } = pool.splice(Math.floor(rand() * pool.length), 1)[0];
    const linked = { ...hidden, customer_id: c.externalId, customer_tier: hidden.tier, customer_segment: segment };
    yield* q(
      tx
        .update(responses)
        .set({ customerId: c.id, hidden: JSON.stringify(linked) })
        .where(eq(responses.id, r.id)),
    );
  }
  // The demo's cases opened before their responses were linked: they take the tier they open with.
  yield* q(
    tx
      .update(cases)
      .set({ customerTier: tierAtOpening(cases.responseId) })
      .where(eq(cases.surveyId, hotelSurveyId)),
  );
}
