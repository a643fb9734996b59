/**
 * Quota design: crossing one or two variables into cells with population shares, allocating a
 * total over them (shared/stats `allocate`), and finding the cell a respondent falls in.
 */
import { allocate, StatsInputError } from '../stats';
import { cellKey, crossValues, type Category, type QuotaCell, type Quotas, type QuotaVariable } from './schema';

/** A quota problem that only shows when allocating (a minimum too large for the total…), with its path in the plan. */
export class QuotaDesignError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'QuotaDesignError';
  }
}

export interface CellShare {
  key: string;
  values: string[];
  /** Share of the population in the cell, from 0 to 1; the shares of all cells sum to 1. */
  share: number;
  /** The cell's population count when the design says it (cell counts or counts per category). */
  population?: number;
}

type Design = Pick<Quotas, 'variables'> & { cells?: readonly Pick<QuotaCell, 'key' | 'population'>[] };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function categoryShare(variable: QuotaVariable, category: Category): number {
  return category.population / sum(variable.categories.map((c) => c.population));
}

/**
 * Every cell of the design with its population share: the cell's own count over all cells'
 * counts when every cell has one, otherwise the product of the variables' marginal shares
 * (independence).
 *
 * @example
 * crossCells({ variables: [tier 60/40 %, region 50/50 %] }); // gold|north 0.3, gold|south 0.3, lead|north 0.2, lead|south 0.2
 */
export function crossCells(design: Design): CellShare[] {
  const given = new Map((design.cells ?? []).map((c) => [c.key, c.population]));
  const combinations = crossValues(design.variables);
  const counted = combinations.every((values) => given.get(cellKey(values)) !== undefined);
  const countTotal = counted ? sum(combinations.map((values) => given.get(cellKey(values))!)) : 0;
  const countVariable =
    design.variables.length === 1 && design.variables[0].unit === 'count' ? design.variables[0] : null;
  return combinations.map((values) => {
    const key = cellKey(values);
    const categories = values.map((value, i) => design.variables[i].categories.find((c) => c.value === value)!);
    if (counted) {
      const population = given.get(key)!;
      return { key, values, share: countTotal > 0 ? population / countTotal : 0, population };
    }
    const share = categories.reduce((p, c, i) => p * categoryShare(design.variables[i], c), 1);
    return countVariable ? { key, values, share, population: categories[0].population } : { key, values, share };
  });
}

/**
 * A stand-in for "no known population": large enough that allocate's cap (n_h ≤ N_h) never binds
 * and rounding share × N to whole people changes no share that matters, far below where doubles
 * stop holding whole numbers exactly.
 */
const UNBOUNDED = 1e9;

/** N for sizing cells from their shares: a variable's counts, else the plan's N (cells with counts of their own use those). */
function populationBase(design: Design, population: number | undefined): number {
  const counted = design.variables.find((x) => x.unit === 'count');
  if (counted) return sum(counted.categories.map((c) => c.population));
  return population ?? UNBOUNDED;
}

/** Standard deviation per cell for Neyman: from the first variable whose every category has one. */
function cellSds(design: Design, cells: readonly CellShare[]): number[] | undefined {
  const index = design.variables.findIndex((x) => x.categories.every((c) => c.sd !== undefined));
  if (index < 0) return undefined;
  return cells.map((cell) => design.variables[index].categories.find((c) => c.value === cell.values[index])!.sd!);
}

const STATS_ARGUMENT_PATH: Record<string, string> = { total: 'quotas.total', min: 'quotas.minPerCell' };

/**
 * Spreads `total` completes over the cells by the design's method: proportional to population,
 * Neyman (∝ N_h·S_h), or proportional with at least `minPerCell` in each cell. Largest-remainder
 * rounding makes the targets add up exactly to `total`. `population` (the plan's N) caps each cell
 * at its size when the design gives only percentages.
 *
 * @example
 * allocateCells({ variables: [tier: platinum 5 %, gold 15 %, iron 30 %, lead 50 %], method: 'minimum', minPerCell: 40 }, 400);
 * // platinum 40, gold 57, iron 114, lead 189
 */
export function allocateCells(
  quotas: Design & Pick<Quotas, 'method' | 'minPerCell'>,
  total: number,
  population?: number,
): QuotaCell[] {
  const cells = crossCells(quotas);
  const base = populationBase(quotas, population);
  const sizes = cells.map((c) => c.population ?? Math.round(c.share * base));
  let targets: number[];
  try {
    targets = allocate(total, sizes, {
      sd: quotas.method === 'neyman' ? cellSds(quotas, cells) : undefined,
      min: quotas.method === 'minimum' ? quotas.minPerCell : undefined,
    });
  } catch (e) {
    if (!(e instanceof StatsInputError)) throw e;
    const path = STATS_ARGUMENT_PATH[e.argument] ?? 'quotas.variables';
    const problem = e.message.slice(e.argument.length + 2);
    throw new QuotaDesignError(
      path,
      e.argument === 'min' ? `a minimum of ${quotas.minPerCell} per cell ${problem}` : problem,
    );
  }
  // Counts typed per cell are part of the design and stay with it; derived ones are not stored.
  const keepCounts =
    quotas.cells !== undefined && quotas.cells.length > 0 && quotas.cells.every((c) => c.population !== undefined);
  return cells.map((c, i) => ({
    key: c.key,
    values: c.values,
    target: targets[i],
    ...(keepCounts ? { population: c.population } : {}),
  }));
}

function matchCategory(variable: QuotaVariable, raw: string): Category | undefined {
  // Hidden fields come from contact lists and URLs, where "Gold" and "gold " mean the same tier.
  return (
    variable.categories.find((c) => c.value === raw) ??
    variable.categories.find((c) => c.value.toLowerCase() === raw.trim().toLowerCase())
  );
}

/**
 * The key of the cell a respondent falls in, from hidden fields and answers; null while a quota
 * variable isn't known yet, or when its value is none of the categories (then no quota applies).
 *
 * @example
 * cellOf(quotas, { region: 'north' }, { tier: 'gold' }); // "gold|north"
 * cellOf(quotas, {}, { tier: 'gold' });                   // null: region not answered yet
 */
export function cellOf(
  quotas: Pick<Quotas, 'variables'>,
  answers: Readonly<Record<string, unknown>>,
  hidden: Readonly<Record<string, string>>,
): string | null {
  const values: string[] = [];
  for (const variable of quotas.variables) {
    const raw = Object.hasOwn(hidden, variable.source)
      ? hidden[variable.source]
      : Object.hasOwn(answers, variable.source)
        ? answers[variable.source]
        : undefined;
    if (typeof raw !== 'string' && typeof raw !== 'number') return null;
    const category = matchCategory(variable, String(raw));
    if (!category) return null;
    values.push(category.value);
  }
  return cellKey(values);
}

/** Display labels of a cell's values ("Gold × North"), falling back to the values themselves. */
export function cellLabels(quotas: Pick<Quotas, 'variables'>, values: readonly string[]): string[] {
  return values.map(
    (value, i) => quotas.variables[i]?.categories.find((c) => c.value === value)?.label?.trim() || value,
  );
}
