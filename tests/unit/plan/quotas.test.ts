import { describe, expect, it } from 'vitest';
import {
  allocateCells,
  cellKey,
  cellLabels,
  cellOf,
  crossCells,
  QuotaDesignError,
  type QuotaVariable,
} from '../../../shared/plan';

const tier: QuotaVariable = {
  source: 'tier',
  label: 'Customer tier',
  unit: 'percent',
  categories: [
    { value: 'platinum', label: 'Platinum', population: 5 },
    { value: 'gold', label: 'Gold', population: 15 },
    { value: 'iron', label: 'Iron', population: 30 },
    { value: 'lead', label: 'Lead', population: 50 },
  ],
};
const region: QuotaVariable = {
  source: 'region',
  unit: 'percent',
  categories: [
    { value: 'north', population: 40 },
    { value: 'south', population: 60 },
  ],
};
const sum = (xs: { target: number }[]) => xs.reduce((a, c) => a + c.target, 0);

describe('crossing variables into cells', () => {
  it('makes every combination, keyed "gold|north", with the product of the marginal shares', () => {
    const cells = crossCells({ variables: [tier, region] });
    expect(cells.map((c) => c.key)).toEqual([
      'platinum|north',
      'platinum|south',
      'gold|north',
      'gold|south',
      'iron|north',
      'iron|south',
      'lead|north',
      'lead|south',
    ]);
    // 0.15 × 0.40 = 0.06
    expect(cells.find((c) => c.key === 'gold|north')!.share).toBeCloseTo(0.06, 12);
    expect(cells.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 12);
  });

  it('uses counts per cell instead when every cell has one (a known joint distribution)', () => {
    const counted = {
      variables: [
        region,
        {
          ...region,
          source: 'age',
          categories: [
            { value: 'young', population: 50 },
            { value: 'old', population: 50 },
          ],
        },
      ],
      cells: [
        { key: 'north|young', population: 100 },
        { key: 'north|old', population: 300 },
        { key: 'south|young', population: 500 },
        { key: 'south|old', population: 100 },
      ],
    };
    expect(crossCells(counted).map((c) => c.share)).toEqual([0.1, 0.3, 0.5, 0.1]);
  });

  it('cellKey joins the values in variable order', () => {
    expect(cellKey(['gold', 'north'])).toBe('gold|north');
    expect(cellLabels({ variables: [tier, region] }, ['gold', 'north'])).toEqual(['Gold', 'north']);
  });
});

describe('allocating the total', () => {
  it('proportional, largest remainder: 373 over 5/15/30/50 % → 18.65, 55.95, 111.9, 186.5 → 19, 56, 112, 186 (hand computation)', () => {
    // Floors 18 + 55 + 111 + 186 = 370; the 3 left go to the largest remainders .95, .9, .65.
    const cells = allocateCells({ variables: [tier], method: 'proportional' }, 373);
    expect(cells.map((c) => c.target)).toEqual([19, 56, 112, 186]);
    expect(sum(cells)).toBe(373);
  });

  it('minimum per cell: 373 with at least 40 → platinum 40 and the other 333 spread by share → 40, 53, 105, 175 (hand computation)', () => {
    // 333 · 55.95/354.35 = 52.58, 333 · 111.9/354.35 = 105.16, 333 · 186.5/354.35 = 175.26; one unit left → gold (.58).
    const cells = allocateCells({ variables: [tier], method: 'minimum', minPerCell: 40 }, 373);
    expect(cells.map((c) => c.target)).toEqual([40, 53, 105, 175]);
  });

  it('Neyman: n_h ∝ N_h·S_h: 100 over two equal strata with sd 1 and 3 → 25, 75 (Neyman 1934; hand computation)', () => {
    const v: QuotaVariable = {
      source: 'x',
      unit: 'count',
      categories: [
        { value: 'a', population: 500, sd: 1 },
        { value: 'b', population: 500, sd: 3 },
      ],
    };
    expect(allocateCells({ variables: [v], method: 'neyman' }, 100).map((c) => c.target)).toEqual([25, 75]);
  });

  it('crossed cells always sum exactly to the total', () => {
    for (const total of [1, 7, 99, 373, 400, 1001]) {
      expect(sum(allocateCells({ variables: [tier, region], method: 'proportional' }, total))).toBe(total);
      expect(
        sum(allocateCells({ variables: [tier, region], method: 'minimum', minPerCell: Math.floor(total / 16) }, total)),
      ).toBe(total);
    }
  });

  it('caps a cell at its population count: 60 over counts 10 and 990 with a minimum of 20 → 10, 50', () => {
    const v: QuotaVariable = {
      source: 'x',
      unit: 'count',
      categories: [
        { value: 'vip', population: 10 },
        { value: 'rest', population: 990 },
      ],
    };
    expect(allocateCells({ variables: [v], method: 'minimum', minPerCell: 20 }, 60).map((c) => c.target)).toEqual([
      10, 50,
    ]);
  });

  it('names the field when the minimum can not fit in the total', () => {
    const run = () => allocateCells({ variables: [tier, region], method: 'minimum', minPerCell: 40 }, 300);
    expect(run).toThrow(QuotaDesignError);
    expect(run).toThrow(/minimum of 40 per cell needs 320 completes/);
    try {
      run();
    } catch (e) {
      expect((e as QuotaDesignError).path).toBe('quotas.minPerCell');
    }
  });
});

describe('the cell a respondent falls in', () => {
  const quotas = { variables: [tier, region] };
  it('reads hidden fields and answers', () => {
    expect(cellOf(quotas, { region: 'north' }, { tier: 'gold' })).toBe('gold|north');
    expect(cellOf({ variables: [tier] }, {}, { tier: 'lead' })).toBe('lead');
  });

  it('is null while a variable is not known yet, or is none of the categories', () => {
    expect(cellOf(quotas, {}, { tier: 'gold' })).toBeNull();
    expect(cellOf(quotas, { region: 'east' }, { tier: 'gold' })).toBeNull();
    expect(cellOf(quotas, { region: ['north'] }, { tier: 'gold' })).toBeNull();
    expect(cellOf({ variables: [tier] }, {}, { constructor: 'x' })).toBeNull();
  });

  it('matches hidden values from contact lists regardless of case and stray spaces', () => {
    expect(cellOf(quotas, { region: 'north' }, { tier: 'Gold ' })).toBe('gold|north');
  });

  it('reads numeric answers (a rating as a quota variable)', () => {
    const score: QuotaVariable = {
      source: 'stars',
      unit: 'percent',
      categories: [
        { value: '4', population: 50 },
        { value: '5', population: 50 },
      ],
    };
    expect(cellOf({ variables: [score] }, { stars: 5 }, {})).toBe('5');
  });
});
