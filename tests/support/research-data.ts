/**
 * The research sections' data set: 40 respondents of a survey with two SERVQUAL questions, a
 * constant-sum importance question over the dimensions, a Van Westendorp block with purchase
 * likelihood (answered by the first 4 only), a Gabor-Granger ladder and a competitor grid. Every
 * answer comes from the small arrays and formulas below, which the tests read to compute the
 * expected values on their own.
 */
import { expect } from 'vitest';
import { ladderNext, type LadderStep } from '../../shared/survey/ladder';
import { Agent, makeTestApp, signedInAgents } from './api';

const label = (en: string) => ({ en });
const scale7 = { min: 1, max: 7 };
const scale5 = { min: 1, max: 5 };

export const N = 40;
/** SERVQUAL items in questionnaire order: question, item, dimension. */
export const SQ_ITEMS = [
  ['sq1', 'rel1', 'reliability'],
  ['sq1', 'rel2', 'reliability'],
  ['sq1', 'emp1', 'empathy'],
  ['sq2', 'tan1', 'tangibles'],
] as const;
/** Expectation and perception of item k by respondent i. */
export const expectation = (i: number, k: number) => 7 - ((i + k) % 2);
export const perception = (i: number, k: number) => [3 + (i % 3), 4 + (i % 2), 5 + (i % 3), 6][k];
/** Importance points by respondent: even ones 50/30/20, odd ones 40/40/20. */
export const importance = (i: number) =>
  i % 2 === 0 ? { reliability: 50, empathy: 30, tangibles: 20 } : { reliability: 40, empathy: 40, tangibles: 20 };

/** Van Westendorp answers of the first four respondents. */
export const VW = [
  { tooCheap: 5, cheap: 10, expensive: 20, tooExpensive: 30, likelyCheap: 5, likelyExpensive: 3 },
  { tooCheap: 10, cheap: 15, expensive: 25, tooExpensive: 40, likelyCheap: 4, likelyExpensive: 2 },
  { tooCheap: 5, cheap: 15, expensive: 20, tooExpensive: 25, likelyCheap: 5, likelyExpensive: 1 },
  { tooCheap: 10, cheap: 20, expensive: 30, tooExpensive: 40, likelyCheap: 3, likelyExpensive: 3 },
];

export const GG_PRICES = [10, 20, 30];
/** Highest price accepted on the ladder, by respondent. */
export const ggHighest = (i: number) => [null, 10, 20, 30][i % 4];

/** Competitor ratings of brand b on attribute a by respondent i; c2 is known by the first 10 only. */
export const rating = (i: number, brand: string, attr: string): number => {
  const alt = i % 2;
  const table: Record<string, Record<string, number>> = {
    us: { quality: 5 - alt, price: 3 + alt, service: 2 + alt },
    c1: { quality: 3 - alt, price: 4 - alt, service: 4 + alt },
    c2: { quality: 2, price: 3 + alt, service: 3 },
  };
  return table[brand][attr];
};
export const knows = (i: number) => (i < 10 ? ['us', 'c1', 'c2'] : ['us', 'c1']);
export const ATTRIBUTES = ['quality', 'price', 'service'];

/** Hidden tier: every fourth respondent is gold. */
export const tier = (i: number) => (i % 4 === 0 ? 'gold' : 'silver');

export const researchDefinition = {
  title: label('Research sections'),
  hiddenFields: ['tier'],
  pages: [
    {
      id: 'p1',
      questions: [
        {
          id: 'sq1',
          type: 'servqual',
          role: 'dimension',
          scale: scale7,
          text: label('Service'),
          items: SQ_ITEMS.filter((x) => x[0] === 'sq1').map(([, id, dimension]) => ({
            id,
            dimension,
            label: label(id),
          })),
        },
        {
          id: 'sq2',
          type: 'servqual',
          role: 'dimension',
          scale: scale7,
          text: label('Facilities'),
          items: SQ_ITEMS.filter((x) => x[0] === 'sq2').map(([, id, dimension]) => ({
            id,
            dimension,
            label: label(id),
          })),
        },
        {
          id: 'dimimp',
          type: 'importance',
          role: 'importance',
          mode: 'sum',
          total: 100,
          text: label('Share 100 points'),
          items: ['reliability', 'empathy', 'tangibles'].map((id) => ({ id, label: label(id) })),
        },
      ],
    },
    {
      id: 'p2',
      questions: [
        { id: 'vw', type: 'vanWestendorp', role: 'price', currency: 'EUR', likelihood: true, text: label('Price') },
        {
          id: 'gg',
          type: 'gaborGranger',
          role: 'price',
          currency: 'EUR',
          prices: GG_PRICES,
          text: label('Would you buy?'),
        },
        {
          id: 'grid',
          type: 'competitor',
          role: 'competitor',
          ownBrand: 'us',
          scale: scale5,
          text: label('Providers'),
          brands: ['us', 'c1', 'c2'].map((id) => ({ id, label: label(id) })),
          attributes: ATTRIBUTES.map((id) => ({ id, label: label(id) })),
        },
      ],
    },
  ],
};

function ladderPath(highest: number | null): { path: LadderStep[]; highest: number | null } {
  const path: LadderStep[] = [];
  for (let k = ladderNext(GG_PRICES, undefined, path); k !== null; k = ladderNext(GG_PRICES, undefined, path)) {
    path.push({ price: GG_PRICES[k], buy: highest !== null && GG_PRICES[k] <= highest });
  }
  return { path, highest };
}

export function researchAnswers(i: number): Record<string, unknown> {
  const servqual = (q: string) =>
    Object.fromEntries(
      SQ_ITEMS.flatMap(([qid, id], k) => (qid === q ? [[id, { e: expectation(i, k), p: perception(i, k) }]] : [])),
    );
  const answers: Record<string, unknown> = {
    sq1: servqual('sq1'),
    sq2: servqual('sq2'),
    dimimp: importance(i),
    gg: ladderPath(ggHighest(i)),
    grid: {
      known: knows(i),
      ratings: Object.fromEntries(
        knows(i).map((b) => [b, Object.fromEntries(ATTRIBUTES.map((a) => [a, rating(i, b, a)]))]),
      ),
    },
  };
  if (i < VW.length) answers.vw = VW[i];
  return answers;
}

/** A fresh app with the research survey published and the 40 responses in. */
export async function seedResearchData() {
  const t = makeTestApp();
  const agents = await signedInAgents(t.app);
  const created = await agents.researcher.post('/api/surveys', { definition: researchDefinition });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const versionId = (await agents.researcher.post(`/api/surveys/${created.body.id}/publish`)).body.versions[0].id;
  const a = new Agent(t.app);
  for (let i = 0; i < N; i++) {
    const res = await a.post(`/api/public/s/${created.body.slug}/responses`, {
      clientId: `research-${i}`,
      versionId,
      complete: true,
      answers: researchAnswers(i),
      hidden: { tier: tier(i) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    t.clock.advance(60_000);
  }
  return { t, agents, surveyId: created.body.id as string };
}
