import { describe, expect, it } from 'vitest';
import * as stats from '../../../shared/stats';
import { prng } from './fixtures/prng';

/** True if a NaN hides anywhere in a result. */
function hasNaN(x: unknown): boolean {
  if (typeof x === 'number') return Number.isNaN(x);
  if (Array.isArray(x)) return x.some(hasNaN);
  if (x !== null && typeof x === 'object') return Object.values(x).some(hasNaN);
  return false;
}

const hostile: unknown[] = [NaN, Infinity, -Infinity, undefined, null, '3', {}, [], -1, 0, 1e308, 0.5, 2, 7];

/** Every public function with a generator of (mostly bad) arguments built from hostile values. */
const calls: [string, (pick: () => unknown) => unknown][] = [
  ['normalQuantile', (p) => stats.normalQuantile(p() as number)],
  ['normalCdf', (p) => stats.normalCdf(p() as number)],
  ['tQuantile', (p) => stats.tQuantile(p() as number, p() as number)],
  ['tCdf', (p) => stats.tCdf(p() as number, p() as number)],
  ['sampleSize', (p) => stats.sampleSize({ confidence: p(), margin: p(), proportion: p(), population: p() } as never)],
  ['marginOfError', (p) => stats.marginOfError({ n: p(), confidence: p(), sd: p(), designEffect: p() } as never)],
  ['allocate', (p) => stats.allocate(p() as number, [p(), p()] as number[], { min: p() } as never)],
  ['meanCI', (p) => stats.meanCI([p(), p(), p()] as number[], p() as number)],
  ['wilson', (p) => stats.wilson(p() as number, p() as number, p() as number)],
  ['nps', (p) => stats.nps([p(), p()] as number[], p() as number)],
  ['boxShares', (p) => stats.boxShares([p(), p()] as number[], { min: p(), max: p() } as never)],
  ['index100', (p) => stats.index100(p() as number, p() as number, p() as number)],
  ['weightedIndex', (p) => stats.weightedIndex([p(), p()] as number[], [p(), p()] as number[])],
  ['ipa', (p) => stats.ipa([{ importance: p(), performance: p() }] as never)],
  ['pearson', (p) => stats.pearson([p(), p(), p()] as number[], [p(), p(), p()] as number[])],
  ['relativeWeights', (p) => stats.relativeWeights([[p()], [p()], [p()]] as number[][], [p(), p(), p()] as number[])],
  ['shapley', (p) => stats.shapley([[p()], [p()], [p()]] as number[][], [p(), p(), p()] as number[])],
  [
    'vanWestendorp',
    (p) => stats.vanWestendorp([{ tooCheap: p(), cheap: p(), expensive: p(), tooExpensive: p() }] as never),
  ],
  ['gaborGranger', (p) => stats.gaborGranger([p(), p()] as number[], [p(), p()] as number[])],
  ['postStratify', (p) => stats.postStratify([p(), p()] as string[], { a: p(), b: p() } as never)],
  [
    'rake',
    (p) => stats.rake([{ g: 'a' }, { g: 'b' }], { g: { a: p(), b: p() } } as never, { maxIterations: p() } as never),
  ],
  [
    'lifetimeValue',
    (p) => stats.lifetimeValue({ margin: p(), retention: p(), discountRate: p(), periods: p() } as never),
  ],
  [
    'retentionUplift',
    (p) =>
      stats.retentionUplift({ customers: p(), margin: p(), retention: p(), uplift: p(), discountRate: p() } as never),
  ],
  [
    'loyaltyIfLevelRises',
    (p) => stats.loyaltyIfLevelRises([p(), p()] as number[], [p(), p()] as number[], p() as number),
  ],
  ['chiSquareCdf', (p) => stats.chiSquareCdf(p() as number, p() as number)],
  ['chiSquareQuantile', (p) => stats.chiSquareQuantile(p() as number, p() as number)],
  [
    'chiSquareTest',
    (p) =>
      stats.chiSquareTest([
        [p(), p()],
        [p(), p()],
      ] as number[][]),
  ],
  [
    'pairwiseProportions',
    (p) => stats.pairwiseProportions([{ x: p(), n: p() }, { x: p(), n: p() }, p()] as never, p() as number),
  ],
  [
    'pairwiseMeans',
    (p) =>
      stats.pairwiseMeans(
        [
          { mean: p(), sd: p(), n: p() },
          { mean: p(), sd: p(), n: p() },
        ] as never,
        p() as number,
      ),
  ],
  ['kishDeff', (p) => stats.kishDeff([p(), p()] as number[])],
  [
    'servqual',
    (p) =>
      stats.servqual([{ id: 'a', dimension: 'd' }], [
        { expectations: [p()], perceptions: [p()], importance: { d: p() } },
      ] as never),
  ],
];

describe('hostile input: a StatsInputError or a result without NaN, never anything else', () => {
  it.each(calls)('%s', (_name, call) => {
    const r = prng(31337);
    const pick = () => hostile[r.int(0, hostile.length - 1)];
    for (let k = 0; k < 400; k++) {
      let result: unknown;
      try {
        result = call(pick);
      } catch (e) {
        expect(e).toBeInstanceOf(stats.StatsInputError);
        expect((e as stats.StatsInputError).message).toMatch(/^\S+: /);
        continue;
      }
      expect(hasNaN(result)).toBe(false);
    }
  });
});
