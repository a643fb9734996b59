/**
 * The demo register: 3,000 synthetic customers of the demo hotel with two years of stays (about
 * 12,000 transactions in EUR), ranked into the hotel plan's tiers (platinum 5 %, gold 15 %, iron
 * 30 %, lead 50 %), and linked to the demo study's responses: each response of a tier goes to a
 * customer of that tier, so the customer pages, the report's customer value and the at-risk list
 * have data. Values are computed here with the register's own rules (shared/customers/value.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { pyramidTiers, rfmScores, segmentOf } from '../../shared/customers/value';
import { seeded } from './hotel';

const CUSTOMERS = 3_000;
const DAY = 86_400_000;
const TIERS = ['platinum', 'gold', 'iron', 'lead'];
const CUTS = [5, 15, 30, 50];
const FIRST = ['Minh', 'Lan', 'Wei', 'Mei', 'Giulia', 'Marco', 'Anna', 'James', 'Hùng', 'Xiu'];
const LAST = ['Nguyễn', 'Trần', '王', '陳', 'Rossi', 'Bianchi', 'Smith', 'Brown', 'Lê', '林'];
const LANGUAGES = ['vi', 'zh-Hans', 'zh-Hant', 'it', 'en'];
const REGIONS = ['north', 'south'];

interface DemoCustomer {
  id: string;
  externalId: string;
  lastAt: number | null;
  frequency: number;
  monetary: number;
}

/** Loads the register inside the demo's transaction and links the hotel study's responses to it. */
export function loadDemoRegister(db: Db, hotelSurveyId: string, now: number, userId: string | null) {
  const sqlite = db.$client;
  const rand = seeded(20261205);
  const importId = Number(
    sqlite
      .prepare(
        `insert into customer_imports (status, rows, created_by, created_at, finished_at) values ('done', 0, ?, ?, ?)`,
      )
      .run(userId, now, now).lastInsertRowid,
  );
  const insertCustomer = sqlite.prepare(`insert into customers
    (id, external_id, name, email, language, attributes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTransaction = sqlite.prepare(
    `insert into customer_transactions (import_id, customer_id, at, amount, currency) values (?, ?, ?, ?, 'EUR')`,
  );
  const customers: DemoCustomer[] = [];
  let transactions = 0;
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = randomUUID();
    const externalId = `G${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
    insertCustomer.run(
      id,
      externalId,
      name,
      `guest${i + 1}@example.com`,
      LANGUAGES[i % LANGUAGES.length],
      JSON.stringify({ region: REGIONS[Math.floor(rand() * REGIONS.length)] }),
      now,
      now,
    );
    // Few guests stay often and spend much: stays and rates are skewed (squares of uniforms).
    const stays = Math.floor(rand() ** 2 * 12);
    const rate = 8_000 + Math.floor(rand() ** 3 * 60_000);
    let lastAt: number | null = null;
    let monetary = 0;
    for (let k = 0; k < stays; k++) {
      const at = now - Math.floor(rand() * 730) * DAY;
      const amount = rate + Math.floor(rand() * 10_000);
      insertTransaction.run(importId, id, at, amount);
      lastAt = lastAt === null ? at : Math.max(lastAt, at);
      monetary += amount;
      transactions++;
    }
    customers.push({ id, externalId, lastAt, frequency: stays, monetary });
  }
  sqlite.prepare('update customer_imports set rows = ? where id = ?').run(transactions, importId);
  sqlite
    .prepare(`insert into customer_settings (id, data, currency, stale, updated_by, updated_at) values (1, ?, 'EUR', 0, ?, ?)
      on conflict (id) do update set data = excluded.data, currency = 'EUR', stale = 0`)
    .run(JSON.stringify({ cuts: CUTS, tierNames: TIERS }), userId, now);

  const scores = rfmScores(customers);
  const tiers = pyramidTiers(
    customers.map((c) => c.monetary),
    CUTS,
  );
  const update = sqlite.prepare(`update customers set last_purchase_at = ?, frequency = ?, monetary = ?,
    r_score = ?, f_score = ?, m_score = ?, segment = ?, tier = ? where id = ?`);
  const byTier = new Map<string, { c: DemoCustomer; segment: string }[]>(TIERS.map((t) => [t, []]));
  customers.forEach((c, i) => {
    const segment = segmentOf(scores[i]);
    update.run(c.lastAt, c.frequency, c.monetary, scores[i].r, scores[i].f, scores[i].m, segment, tiers[i], c.id);
    byTier.get(TIERS[tiers[i]])!.push({ c, segment });
  });

  // Each response of the hotel study goes to a customer of its tier not yet taken (in random order).
  const link = sqlite.prepare('update responses set customer_id = ?, hidden = ? where id = ?');
  const rows = sqlite
    .prepare(`select id, hidden from responses where survey_id = ? and status <> 'partial' order by id`)
    .all(hotelSurveyId) as { id: number; hidden: string }[];
  for (const r of rows) {
    const hidden = JSON.parse(r.hidden) as Record<string, string>;
    const pool = byTier.get(hidden.tier);
    if (!pool?.length) continue;
    const { c, segment } = pool.splice(Math.floor(rand() * pool.length), 1)[0];
    link.run(
      c.id,
      JSON.stringify({ ...hidden, customer_id: c.externalId, customer_tier: hidden.tier, customer_segment: segment }),
      r.id,
    );
  }
}
