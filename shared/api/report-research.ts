/**
 * The report's sections for the research question types: SERVQUAL gaps, price tolerance and
 * competitive standing. Like the other sections (report-sections.ts), each is null when the survey
 * has no question for it, and readings are built in the client from these numbers.
 */

/** Differences are marked significant below this two-sided p, and only when both bases are ≥ SMALL_BASE. */
export const SIGNIFICANCE_LEVEL = 0.05;

export interface ServqualGap {
  expectation: number;
  perception: number;
  gap: number;
}

export interface ServqualSection {
  /** Respondents who rated every item twice (complete cases, as the original analysis). */
  n: number;
  /** `key` is `question.item`, for the item's label. */
  items: (ServqualGap & { key: string; dimension: string })[];
  /** Importance is the mean share of 100 points, null when no importance question matches the dimensions. */
  dimensions: (ServqualGap & { dimension: string; importance: number | null })[];
  /** Mean of the dimension gaps. */
  unweighted: number;
  /** Dimension gaps weighted by each respondent's importance points; null without importance. */
  weighted: number | null;
  /** The importance question the weights come from. */
  importanceQuestion: string | null;
}

/** The four curves whose crossings are the price points: PMC too cheap × not cheap, OPP too cheap × too
 * expensive, IPP not cheap × not expensive, PME not expensive × too expensive. */
export interface PriceCurvePoint {
  price: number;
  tooCheap: number;
  notCheap: number;
  notExpensive: number;
  tooExpensive: number;
}

export interface VanWestendorpReport {
  questionId: string;
  currency: string;
  /** Respondents who answered; `valid` of them gave too cheap < cheap < expensive < too expensive. */
  n: number;
  valid: number;
  pmc: number;
  opp: number;
  ipp: number;
  pme: number;
  /** The four cumulative curves (shares 0–1) at each price given, thinned to at most 120 prices. */
  curves: PriceCurvePoint[];
  /** Newton–Miller–Smith trial (reach, 0–1) and revenue per respondent, when purchase likelihood was asked. */
  nms: {
    reachOptimal: number;
    revenueOptimal: number;
    curve: { price: number; reach: number; revenue: number }[];
  } | null;
}

export interface GaborGrangerReport {
  questionId: string;
  currency: string;
  n: number;
  points: { price: number; demand: number; revenue: number }[];
  /** The lowest price of highest revenue; null when nobody buys at any price. */
  optimalPrice: number | null;
}

/**
 * The one price the section leads with (server/report/sections/price-recommendation.ts): `basis`
 * says which method gave it — Gabor-Granger's revenue peak (`gabor-granger`), the ladder's best
 * price inside the acceptable range when its peak lies outside (`gabor-granger-in-range`), NMS
 * revenue from expected trial (`nms`), or Van Westendorp's optimal price point (`opp`).
 */
export interface PriceRecommendation {
  price: number;
  currency: string;
  basis: 'gabor-granger' | 'gabor-granger-in-range' | 'nms' | 'opp';
  questionId: string;
  /** Van Westendorp's acceptable range (PMC–PME) that bounds the choice, when asked. */
  range: { low: number; high: number } | null;
}

export interface PriceSection {
  vanWestendorp: VanWestendorpReport[];
  gaborGranger: GaborGrangerReport[];
  recommendation: PriceRecommendation | null;
}

export interface BrandScore {
  brand: string;
  n: number;
  mean: number | null;
  sd: number | null;
}

export interface CompetitorComparison {
  brand: string;
  /** Own mean − the competitor's mean, each over everyone who rated that brand. */
  difference: number | null;
  /**
   * The mean of (own rating − the competitor's) over the respondents who rated both: the
   * difference the paired t test tests, and the one the report shows and reads.
   */
  pairedDifference: number | null;
  /** Respondents who rated both brands on the attribute: the paired test's base. */
  pairs: number;
  /** The paired t test over those respondents, two-sided; null under 2 of them. */
  p: number | null;
  /** p < SIGNIFICANCE_LEVEL and both bases and the pairs at least SMALL_BASE; its direction is pairedDifference's. */
  significant: boolean;
  smallBase: boolean;
}

export interface CompetitionAttribute {
  attribute: string;
  own: BrandScore;
  competitors: (BrandScore & CompetitorComparison)[];
  /** Significantly ahead of at least one competitor and behind none (read each competitor's own result too). */
  strength: boolean;
  /** Significantly behind at least one competitor. */
  weakness: boolean;
}

export interface CompetitionQuestion {
  questionId: string;
  ownBrand: string;
  brands: string[];
  n: number;
  scale: { min: number; max: number };
  /** Share of respondents who know each brand, in `brands` order. */
  awareness: number[];
  attributes: CompetitionAttribute[];
}

export interface CompetitionSection {
  questions: CompetitionQuestion[];
}
