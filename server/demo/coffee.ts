/**
 * The second demo study: an office-coffee supplier's business customers, asked about service
 * quality (SERVQUAL), price (Van Westendorp and Gabor-Granger) and how the supplier compares
 * with two competitors, so the report's SERVQUAL, price and competition sections have data.
 * The questionnaire is put together from the templates; only the answers are made up here.
 */
import type { SurveyDefinitionInput } from '../../shared/survey/schema';
import { servqual } from '../../shared/survey/templates/servqual';
import { price } from '../../shared/survey/templates/price';
import { benchmark } from '../../shared/survey/templates/benchmark';
import { ALL_LANGUAGES, importance5, improve, overall, recommend, tx } from '../../shared/survey/templates/text';
import { ladderHighest, ladderNext, type LadderStep } from '../../shared/survey/ladder';
import { SERVQUAL_DIMENSIONS } from '../../shared/survey/research-types';

type Page = SurveyDefinitionInput['pages'][number];
const pagesOf = (def: SurveyDefinitionInput, ids: string[]): Page[] => def.pages.filter((p) => ids.includes(p.id));
const dimensionNames = servqual.definition.pages.slice(0, 5).map((p) => ({ id: p.id, label: p.questions[0].text }));

export const coffeeDefinition: SurveyDefinitionInput = {
  title: tx(
    'Your office coffee service',
    'Il servizio caffè in ufficio',
    '您的办公室咖啡服务',
    '您的辦公室咖啡服務',
    'Dịch vụ cà phê văn phòng của bạn',
  ),
  defaultLanguage: 'en',
  languages: [...ALL_LANGUAGES],
  hiddenFields: ['segment'],
  intro: servqual.definition.intro,
  pages: [
    ...pagesOf(servqual.definition, [...SERVQUAL_DIMENSIONS]),
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
          scale: importance5,
          text: tx(
            'Share 100 points among these five aspects by how much each matters to you',
            'Distribuisci 100 punti tra questi cinque aspetti in base a quanto conta ciascuno per te',
            '请按重要程度把 100 分分配给以下五个方面',
            '請依重要程度把 100 分分配給以下五個方面',
            'Hãy chia 100 điểm cho năm khía cạnh sau theo mức độ quan trọng với bạn',
          ),
          items: dimensionNames,
        },
      ],
    },
    ...pagesOf(price.definition, ['psm', 'ladder']),
    ...pagesOf(benchmark.definition, ['grid']),
    { id: 'end', questions: [overall(), recommend(), improve()] },
  ],
  thankYou: tx(
    'Thank you! Your answers help us serve you better.',
    'Grazie! Le tue risposte ci aiutano a servirti meglio.',
    '谢谢！您的回答将帮助我们更好地为您服务。',
    '謝謝！您的回答將幫助我們更好地為您服務。',
    'Cảm ơn bạn! Câu trả lời giúp chúng tôi phục vụ bạn tốt hơn.',
  ),
};

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));

/** Where the supplier falls short of expectations: reliability most, as in Parasuraman et al.'s data. */
const DIMENSION_BIAS: Record<string, number> = {
  tangibles: 0.06,
  reliability: -0.16,
  responsiveness: -0.08,
  assurance: 0.02,
  empathy: -0.04,
};
/** What customers say matters, out of 100 on average. */
const DIMENSION_WEIGHT: Record<string, number> = {
  tangibles: 11,
  reliability: 32,
  responsiveness: 23,
  assurance: 19,
  empathy: 15,
};
/** Each brand's standing per attribute, relative to the customer's general view. */
const BRAND_BIAS: Record<string, Record<string, number>> = {
  us: { quality: 0.12, price: -0.1, service: 0.1, innovation: 0 },
  c1: { quality: -0.05, price: 0.14, service: -0.1, innovation: -0.06 },
  c2: { quality: 0.02, price: 0.02, service: 0, innovation: 0.1 },
};

function splitHundred(rand: () => number): Record<string, number> {
  const raw = SERVQUAL_DIMENSIONS.map((d) => Math.max(1, DIMENSION_WEIGHT[d] * (0.6 + 0.8 * rand())));
  const sum = raw.reduce((s, x) => s + x, 0);
  const points = raw.map((x) => Math.floor((100 * x) / sum));
  points[1] += 100 - points.reduce((s, x) => s + x, 0);
  return Object.fromEntries(SERVQUAL_DIMENSIONS.map((d, i) => [d, points[i]]));
}

/** One synthetic customer's answers, hidden fields and language. */
export function coffeeRespondent(rand: () => number) {
  const segment = rand() < 0.3 ? 'large' : 'small';
  const quality = 0.3 + 0.55 * rand();
  const noise = () => (rand() - 0.5) * 0.3;
  const sq: Record<string, Record<string, { e: number; p: number }>> = {};
  for (const page of pagesOf(servqual.definition, [...SERVQUAL_DIMENSIONS])) {
    const q = page.questions[0] as { id: string; items: { id: string; dimension: string }[] };
    sq[q.id] = Object.fromEntries(
      q.items.map((it) => [
        it.id,
        {
          e: clamp(5.3 + rand() * 1.6, 1, 7),
          p: clamp(1 + 6 * (quality + 0.2 + DIMENSION_BIAS[it.dimension] / 2 + noise()), 1, 7),
        },
      ]),
    );
  }
  // Willingness to pay per month, about 30 EUR, higher for large offices and satisfied ones.
  const value =
    30 * Math.exp(0.28 * (rand() + rand() + rand() - 1.5)) * (segment === 'large' ? 1.15 : 1) * (0.85 + 0.3 * quality);
  const prices = [0.45, 0.7, 1.2, 1.65].map((f) => Math.round(value * f * (0.92 + 0.16 * rand())));
  for (let i = 1; i < 4; i++) if (prices[i] <= prices[i - 1]) prices[i] = prices[i - 1] + 1;
  const [tooCheap, cheap, expensive, tooExpensive] = prices;
  const gg = price.definition.pages[1].questions[0] as { prices: number[]; start?: number };
  const path: LadderStep[] = [];
  for (let k = ladderNext(gg.prices, gg.start, path); k !== null; k = ladderNext(gg.prices, gg.start, path)) {
    path.push({ price: gg.prices[k], buy: gg.prices[k] <= value * (1.05 + 0.2 * rand()) });
  }
  const known = ['us', ...['c1', 'c2'].filter(() => rand() < 0.65)];
  const ratings = Object.fromEntries(
    known.map((b) => [
      b,
      Object.fromEntries(
        Object.entries(BRAND_BIAS[b]).map(([attr, bias]) => [
          attr,
          clamp(1 + 4 * (0.55 + (b === 'us' ? quality - 0.55 : 0) * 0.6 + bias + noise()), 1, 5),
        ]),
      ),
    ]),
  );
  const osat = clamp(1 + 4 * (quality + 0.15 + noise() * 0.6), 1, 5);
  const answers: Record<string, unknown> = {
    ...sq,
    dimweights: splitHundred(rand),
    vw: {
      tooCheap,
      cheap,
      expensive,
      tooExpensive,
      likelyCheap: clamp(3.5 + rand() * 1.6, 1, 5),
      likelyExpensive: clamp(1 + rand() * 2.6, 1, 5),
    },
    gg: { path, highest: ladderHighest(path) },
    brands: { known, ratings },
    overall: osat,
    nps: clamp(quality * 11 + 1.2 + (rand() - 0.5) * 3, 0, 10),
  };
  if (rand() < 0.3) answers.improve = COMMENTS[Math.floor(rand() * COMMENTS.length)];
  const lang = ['en', 'en', 'it', 'it', 'zh-Hans', 'zh-Hant', 'vi'][Math.floor(rand() * 7)];
  return { answers, hidden: { segment }, lang };
}

const COMMENTS = [
  'The machine broke twice and the engineer came three days later.',
  'Deliveries are late more often than not.',
  'Friendly driver, always on time.',
  'Invoices are hard to read.',
  'Good beans, but the price went up again.',
  'Il tecnico è arrivato dopo una settimana.',
  'Consegne puntuali, ottimo caffè.',
  '送货经常延迟。',
  '咖啡品質很好。',
  'Giao hàng thường bị trễ.',
];
