/**
 * A research study built from the SERVQUAL, price and benchmark templates, with a constant-sum
 * importance question over the five dimensions, and realistic synthetic answers from a seeded
 * generator: what the browser test and screenshots show the research sections with.
 */
import { benchmark } from '../../shared/survey/templates/benchmark';
import { price } from '../../shared/survey/templates/price';
import { servqual } from '../../shared/survey/templates/servqual';
import { ALL_LANGUAGES, tx } from '../../shared/survey/templates/text';
import { ladderNext, type LadderStep } from '../../shared/survey/ladder';
import { SERVQUAL_DIMENSIONS } from '../../shared/survey/research-types';
import { prng } from '../unit/stats/fixtures/prng';

const GG_PRICES = [19, 24, 29, 34, 39, 49];

export const researchStudy = {
  title: tx(
    'Service, price and competitors',
    'Servizio, prezzo e concorrenti',
    '服务、价格与竞争对手',
    '服務、價格與競爭對手',
    'Dịch vụ, giá và đối thủ',
  ),
  defaultLanguage: 'en',
  languages: [...ALL_LANGUAGES],
  pages: [
    ...servqual.definition.pages,
    {
      id: 'weights',
      questions: [
        {
          id: 'dimweights',
          type: 'importance',
          mode: 'sum',
          total: 100,
          required: true,
          role: 'importance',
          text: tx('Share 100 points among these aspects by how much each matters to you'),
          items: SERVQUAL_DIMENSIONS.map((d) => ({ id: d, label: tx(d[0].toUpperCase() + d.slice(1)) })),
        },
      ],
    },
    ...price.definition.pages,
    ...benchmark.definition.pages,
  ],
};

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
/** Shortfall of perception below expectation per dimension, the pattern the report should find. */
const SHORTFALL: Record<string, number> = {
  tangibles: -0.1,
  reliability: 1.1,
  responsiveness: 0.7,
  assurance: 0.3,
  empathy: 0.5,
};
const BRAND_MEANS: Record<string, Record<string, number>> = {
  us: { quality: 4.2, price: 3.0, service: 4.1, innovation: 3.5 },
  c1: { quality: 3.6, price: 3.6, service: 3.4, innovation: 3.5 },
  c2: { quality: 4.0, price: 2.8, service: 3.2, innovation: 4.2 },
};

export function researchStudyAnswers(i: number): Record<string, unknown> {
  const r = prng(1000 + i);
  const noise = (sd: number) => (r.next() + r.next() + r.next() - 1.5) * sd * 2;
  const answers: Record<string, unknown> = {};
  for (const page of servqual.definition.pages) {
    for (const q of page.questions) {
      if (q.type !== 'servqual') continue;
      answers[q.id] = Object.fromEntries(
        q.items.map((item) => {
          const e = clamp(6.2 + noise(0.6), 1, 7);
          return [item.id, { e, p: clamp(e - SHORTFALL[item.dimension] + noise(0.9), 1, 7) }];
        }),
      );
    }
  }
  answers.overall = clamp(3.8 + noise(0.9), 1, 5);
  const raw = [12, 32, 22, 18, 16].map((x) => Math.max(1, x + noise(5)));
  const total = raw.reduce((a, b) => a + b, 0);
  const points = raw.map((x) => Math.floor((100 * x) / total));
  points[1] += 100 - points.reduce((a, b) => a + b, 0);
  answers.dimweights = Object.fromEntries(SERVQUAL_DIMENSIONS.map((d, k) => [d, points[k]]));
  const cheap = clamp(21 + noise(3), 12, 30);
  const expensive = cheap + clamp(12 + noise(3), 4, 25);
  answers.vw = {
    tooCheap: cheap - clamp(8 + noise(2), 3, 11),
    cheap,
    expensive,
    tooExpensive: expensive + clamp(11 + noise(3), 3, 25),
    likelyCheap: clamp(4.2 + noise(0.7), 1, 5),
    likelyExpensive: clamp(2.3 + noise(0.8), 1, 5),
  };
  const willing = 33 + noise(9);
  const path: LadderStep[] = [];
  for (let k = ladderNext(GG_PRICES, undefined, path); k !== null; k = ladderNext(GG_PRICES, undefined, path))
    path.push({ price: GG_PRICES[k], buy: GG_PRICES[k] <= willing });
  const yes = path.filter((s) => s.buy).map((s) => s.price);
  answers.gg = { path, highest: yes.length ? Math.max(...yes) : null };
  const known = ['us', 'c1', ...(r.next() < 0.6 ? ['c2'] : [])];
  answers.brands = {
    known,
    ratings: Object.fromEntries(
      known.map((b) => [
        b,
        Object.fromEntries(Object.entries(BRAND_MEANS[b]).map(([a, m]) => [a, clamp(m + noise(0.8), 1, 5)])),
      ]),
    ),
  };
  answers.preferred = ['us', 'c1', 'c2'][r.int(0, 2)];
  answers.criteria = ['quality', 'price', 'service', 'innovation'].sort(() => r.next() - 0.5);
  return answers;
}
