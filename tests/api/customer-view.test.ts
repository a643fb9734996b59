/**
 * The single customer view: the value history records a change only when a recomputation changes
 * a customer's tier, segment, RFM scores or revenue, and each response carries the key scores of
 * its survey's headline questions (found as the report finds them), across surveys, on either
 * database. Scores follow shared/customers/value.ts: a customer scores 1 + ⌊5·b/n⌋, b the number of
 * customers with a strictly smaller figure, n = 2 here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, makeTestApp, signedInAgents, smallSurvey } from '../support/api';
import { recomputeValues } from '../../server/customers/value';

let t: ReturnType<typeof makeTestApp>;
let agents: Awaited<ReturnType<typeof signedInAgents>>;
let ids: Record<string, string>;
const DAY = 86_400_000;

beforeEach(async () => {
  t = makeTestApp();
  agents = await signedInAgents(t.app);
  const r = agents.researcher;
  expect((await r.post('/api/customers/import', { csv: 'id,name\nC1,Anh\nC2,Bình\n' })).status).toBe(201);
  expect(
    (
      await r.post('/api/customers/transactions/import', {
        csv: 'customer,date,amount,currency\nC1,2026-11-01,500,EUR\nC2,2026-09-01,100,EUR\n',
      })
    ).status,
  ).toBe(201);
  ids = Object.fromEntries(
    (await r.get('/api/customers')).body.customers.map((c: { id: string; externalId: string }) => [c.externalId, c.id]),
  );
});
afterEach(() => t.cleanup());

const scoresOf = (h: { monetary: number; r: number; f: number; m: number; segment: string }) => ({
  monetary: h.monetary,
  r: h.r,
  f: h.f,
  m: h.m,
  segment: h.segment,
});

describe('value history', () => {
  it('adds a line only when a recomputation changes the value, rank shifts included', async () => {
    const r = agents.researcher;
    const start = t.clock.now();
    // Imported without figures, both tie at 1 everywhere: R1, FM 1 is "lost". Then C1 (€500, 1 Nov)
    // has one customer below it on recency and revenue, b = 1: 1 + ⌊5/2⌋ = 3; frequencies tie (1).
    // FM = ⌊(1 + 3) / 2⌋ = 2 with R 3: "needs attention".
    const first = (await r.get(`/api/customers/${ids.C1}`)).body;
    expect(first.valueHistory.map(scoresOf)).toEqual([
      { monetary: 0, r: 1, f: 1, m: 1, segment: 'lost' },
      { monetary: 50_000, r: 3, f: 1, m: 3, segment: 'needs-attention' },
    ]);
    expect(first.valueHistory.map((h: { at: number }) => h.at)).toEqual([start, start]);
    const last = first.valueHistory.at(-1);
    expect({ tier: last.tier, tierName: last.tierName }).toEqual({
      tier: first.value.tier,
      tierName: first.value.tierName,
    });
    // C2 kept its scores (1, 1, 1) and segment; its revenue moved from 0 to €100.
    expect((await r.get(`/api/customers/${ids.C2}`)).body.valueHistory.map(scoresOf)).toEqual([
      { monetary: 0, r: 1, f: 1, m: 1, segment: 'lost' },
      { monetary: 10_000, r: 1, f: 1, m: 1, segment: 'lost' },
    ]);

    // Saving the same settings recomputes every score, and nothing changes: no line.
    t.clock.advance(DAY);
    const settings = (await r.get('/api/customers/settings')).body;
    expect((await r.put('/api/customers/settings', settings)).status).toBe(200);
    expect((await r.get(`/api/customers/${ids.C1}`)).body.valueHistory).toHaveLength(2);
    expect(Number(await t.value('select count(*) from customer_value_history'))).toBe(4);

    // C2 buys again (€1,000 on 15 Nov): now C2 leads on every figure and C1, whose own figures did
    // not move, drops to 1, 1, 1 and "lost" by rank alone.
    t.clock.advance(DAY);
    await r.post('/api/customers/transactions/import', {
      csv: 'customer,date,amount,currency\nC2,2026-11-15,1000,EUR\n',
    });
    const c1 = (await r.get(`/api/customers/${ids.C1}`)).body.valueHistory;
    expect(c1).toHaveLength(3);
    expect({ at: c1[2].at, ...scoresOf(c1[2]) }).toEqual({
      at: start + 2 * DAY,
      monetary: 50_000,
      r: 1,
      f: 1,
      m: 1,
      segment: 'lost',
    });
    expect(scoresOf((await r.get(`/api/customers/${ids.C2}`)).body.valueHistory.at(-1))).toEqual({
      monetary: 110_000,
      r: 3,
      f: 3,
      m: 3,
      segment: 'loyal',
    });
  });

  it('gets one line per change when two nodes recompute the same change at once', async () => {
    const before = Number(await t.value('select count(*) from customer_value_history'));
    // C2 buys again: both customers' values change (C1 drops by rank).
    await agents.researcher.post('/api/customers/transactions/import', {
      csv: 'customer,date,amount,currency\nC2,2026-11-15,1000,EUR\n',
    });
    expect(Number(await t.value('select count(*) from customer_value_history'))).toBe(before + 2);
    // The same change recomputed again on two nodes at once, from values a node read before the
    // other wrote: C2's scores are put back to none first (its figures stay, and a recomputation
    // ranks the stored figures), so both see them changed.
    await t.rows(
      "update customers set r_score = null, f_score = null, m_score = null, segment = null, tier = null where external_id = 'C2' returning id",
    );
    const other = t.anotherNodeDeps().store;
    await Promise.all([recomputeValues(t.store, t.clock.now()), recomputeValues(other, t.clock.now())]);
    expect(Number(await t.value('select count(*) from customer_value_history'))).toBe(before + 3);
  });

  it('is erased with the customer', async () => {
    expect((await agents.researcher.delete(`/api/customers/${ids.C1}`)).status).toBe(200);
    expect(Number(await t.value('select count(*) from customer_value_history where customer_id = ?', ids.C1))).toBe(0);
  });
});

describe('key scores of every response', () => {
  it("reads each survey's satisfaction, recommendation and loyalty questions as the report does", async () => {
    const r = agents.researcher;
    // Survey A: the small survey, its first option "To buy" the most loyal answer.
    const a = smallSurvey();
    (a.pages[1].questions[0] as { role?: string }).role = 'loyalty';
    // Survey B: satisfaction on 0–10, an NPS question without a role before the one marked
    // "recommend" (the report takes the marked one), loyalty as a 1–5 rating (top two points loyal).
    const b = {
      title: { en: 'Account review' },
      pages: [
        {
          id: 'p1',
          questions: [
            {
              id: 'overall',
              type: 'rating',
              role: 'overall-satisfaction',
              text: { en: 'Overall?' },
              scale: { min: 0, max: 10 },
            },
            { id: 'colleague', type: 'nps', text: { en: 'Recommend to a colleague?' } },
            { id: 'rec', type: 'nps', role: 'recommend', text: { en: 'Recommend us?' } },
            { id: 'stay', type: 'rating', role: 'loyalty', text: { en: 'Will you stay?' }, scale: { min: 1, max: 5 } },
          ],
        },
      ],
    };
    const publish = async (definition: object) => {
      const s = (await r.post('/api/surveys', { definition: { ...definition, hiddenFields: ['customer_id'] } })).body;
      const p = (await r.post(`/api/surveys/${s.id}/publish`)).body;
      return { slug: s.slug as string, versionId: p.versions[0].id as number };
    };
    const sa = await publish(a);
    const sb = await publish(b);
    const answer = async (s: { slug: string; versionId: number }, clientId: string, answers: object) => {
      t.clock.advance(DAY);
      const res = await new Agent(t.app).post(`/api/public/s/${s.slug}/responses`, {
        clientId,
        versionId: s.versionId,
        complete: true,
        page: 1,
        answers,
        hidden: { customer_id: 'C1' },
      });
      expect(res.body).toEqual({ status: 'complete' });
    };
    await answer(sa, 'client-c1-a', { sat: 2, nps: 6, visit: 'look' });
    await answer(sb, 'client-c1-b', { overall: 9, colleague: 3, rec: 10, stay: 4 });
    await answer(sa, 'client-c1-a2', { sat: 5, nps: 9, visit: 'buy' });

    const detail = (await r.get(`/api/customers/${ids.C1}`)).body;
    expect(detail.responses.map((x: { surveyTitle: string; scores: object }) => [x.surveyTitle, x.scores])).toEqual([
      ['Store visit', { satisfaction: { value: 2, min: 1, max: 5 }, nps: 6, loyal: false }],
      ['Account review', { satisfaction: { value: 9, min: 0, max: 10 }, nps: 10, loyal: true }],
      ['Store visit', { satisfaction: { value: 5, min: 1, max: 5 }, nps: 9, loyal: true }],
    ]);
    // C2 answered nothing.
    expect((await r.get(`/api/customers/${ids.C2}`)).body.responses).toEqual([]);
  });
});
