/**
 * The report's sections: small typed results the server computes from the columns and the
 * questions' roles. Each section is null when the survey has no questions for it. Plain-language
 * readings are built in the client from these fields (translated), never sent as sentences.
 */
import type { Count, Interval, MeanSummary } from './report';
import type { CompetitionSection, PriceSection, ServqualSection } from './report-research';
import type { IntervalWithheld } from './report-readings';
import type { ComplaintType } from './complaints';

/** Under this many answers a figure carries a small-base warning. */
export const SMALL_BASE = 30;

export interface FieldworkSection {
  n: number;
  partials: number;
  /**
   * The report's query leaves responses out (filters, exclusions). `partials`, `completionRate`
   * and `quotas` always count every counted response, and say so when this is true.
   */
  filtered: boolean;
  completionRate: number | null;
  marginOfError: number | null;
  firstAt: number | null;
  lastAt: number | null;
  /** Completes per quota cell against the plan's target (all waves, whatever the filters), when the plan has quotas. */
  quotas: { key: string; labels: string[]; target: number; completes: number }[] | null;
  weighting: { method: 'cells' | 'raking'; designEffect: number; effectiveN: number; unmatched: number } | null;
  excluded: { straightliners: number; speeders: number } | null;
}

/** One rated thing: the overall satisfaction question or one attribute. */
export interface ScaleItem {
  /** Question id, or `question.item` for a matrix item. */
  key: string;
  questionId: string;
  itemId: string | null;
  min: number;
  max: number;
  n: number;
  counts: Count[];
  mean: MeanSummary | null;
  /** Only the top point ("very satisfied"). */
  topBox: Interval | null;
  /** The second point alone ("satisfied"), so the two shares read side by side. */
  secondBox: number | null;
  topTwoBox: Interval | null;
  /** The mean on 0–100. */
  index100: number | null;
  /** n under SMALL_BASE: every figure of the item carries the small-base mark. */
  smallBase: boolean;
  /** Why the mean's interval is not shown (shares keep their Wilson intervals, honest at any n). */
  meanIntervalWithheld: IntervalWithheld;
}

export interface SatisfactionSection {
  overall: ScaleItem | null;
  attributes: ScaleItem[];
  /** Importance-weighted index 0–100 over the attributes. */
  index: { value: number; weights: 'stated' | 'derived' | 'equal'; weightByKey: Record<string, number> } | null;
}

export interface PriorityItem {
  key: string;
  performance: number;
  importance: number;
  quadrant: 'concentrate' | 'keep-up' | 'low-priority' | 'overkill';
  /** Pearson r with overall satisfaction. */
  correlation: number | null;
  /** Share of explained variance, 0–100 (relative weights). */
  relativeImportance: number | null;
  /** Respondents who rated the attribute. */
  n: number;
  /** 95% t interval of the mean rating; null under 2 answers. */
  performanceInterval: { lower: number; upper: number } | null;
  /**
   * 95% interval of the importance: the stated importance's t interval, or the correlation's
   * Fisher z interval (at the pairs it was computed on); null where there is none (under 4 pairs).
   */
  importanceInterval: { lower: number; upper: number } | null;
  /** Both intervals lie wholly on one side of their crosshair: the quadrant is more than chance. */
  settled: boolean;
}

export interface PrioritiesSection {
  importance: 'stated' | 'derived';
  items: PriorityItem[];
  rSquared: number | null;
  n: number;
  /** Where the quadrants meet: the mean importance and the mean performance of the items. */
  crosshairs: { importance: number; performance: number };
  /** The axes' full ranges: the rating scale for performance (and stated importance), 0–1 or −1–1 for a correlation. */
  ranges: { performance: [number, number]; importance: [number, number] };
  /**
   * False when every pair of importance intervals overlaps: at this sample size the attributes
   * cannot be told apart on importance, and no ranking of them should be read.
   */
  importanceDistinct: boolean;
  /** The fewest respondents behind any item's figures; under SMALL_BASE the section carries the warning. */
  base: number;
  smallBase: boolean;
}

export interface LoyaltySection {
  nps: {
    n: number;
    nps: number;
    promoters: number;
    passives: number;
    detractors: number;
    marginOfError: number;
    /** Why the margin is not shown: too few answers, or all in one group (a zero margin). */
    marginWithheld: IntervalWithheld;
  } | null;
  /** Share giving the loyalty question's top answer (first option, or top-two box of a scale). */
  loyal: (Interval & { n: number; questionId: string }) | null;
  /**
   * Loyalty (or promoter) rate at each point of the overall satisfaction scale, with the (weighted)
   * share of the curve's respondents at that point, so the client can ask "what if a level rose".
   */
  curve: { level: number; n: number; share: number; rate: number | null }[] | null;
  curveMeasure: 'loyal' | 'promoter' | null;
}

export interface Verbatim {
  questionId: string;
  text: string;
  at: number;
  segment: Record<string, string>;
}

export interface VerbatimsSection {
  questions: { id: string; n: number }[];
  total: number;
  /** Answers skipped before `items` (newest first): the next page starts at offset + items.length. */
  offset: number;
  items: Verbatim[];
}

export interface QualitySection {
  /** Matrix questions with 5+ items, where identical answers across all items flag a straight-liner. */
  batteries: string[];
  straightliners: number;
  speeders: number;
  /** Median completion time in seconds; speeders took under a third of it. */
  medianSeconds: number | null;
  excluded: ('straightliners' | 'speeders')[];
}

/** A measure's change from the wave before: this wave minus that one, with its test's two-sided p. */
export interface WaveChange {
  difference: number;
  p: number;
  significant: boolean;
}

export interface TrendSection {
  waves: {
    wave: number;
    n: number;
    satisfaction: MeanSummary | null;
    topTwoBox: Interval | null;
    nps: number | null;
    npsMargin: number | null;
    /** Against the wave before (null for the first): `smallBase` when either has under SMALL_BASE responses, and then nothing is marked. */
    change: {
      smallBase: boolean;
      satisfaction: WaveChange | null;
      topTwoBox: WaveChange | null;
      nps: WaveChange | null;
    } | null;
  }[];
  /** Each coded open question's code shares per wave (server/report/sections/coded-trend.ts). */
  coded: CodedTrend[];
}

/**
 * A coded open question across waves, read as a multiple-response variable: per wave, the share
 * of those who answered the question whose answer has the code (a net: any of its codes), by the
 * reference coding (the coder who coded most answers), with its 95% Wilson interval. Each wave
 * is tested against the one before by the two-proportion z test; the p-values of one question's
 * tests (every code and wave pair where both waves have SMALL_BASE answers) are adjusted together
 * by Benjamini–Hochberg, and a change is marked when the adjusted p is under SIGNIFICANCE_LEVEL.
 */
export interface CodedTrend {
  questionId: string;
  /** Per wave: answers to the question (the base; effective size when weighted) and how many the reference coder coded. */
  waves: { wave: number; answered: number; base: number; coded: number; smallBase: boolean }[];
  codes: {
    id: string;
    label: Record<string, string>;
    isNet: boolean;
    netId: string | null;
    /** In the order of `waves`; `share` null where the wave has no answer. */
    shares: {
      share: Interval | null;
      /** Against the wave before: `adjustedP` null when either wave's base is small (never marked then). */
      change: (WaveChange & { adjustedP: number | null }) | null;
    }[];
  }[];
}

/** Closing the loop: follow-up cases of the selected responses (server/alerts/report-section.ts). */
export interface CasesSection {
  opened: number;
  resolved: number;
  active: number;
  shareResolved: number | null;
  medianHoursToResolution: number | null;
  byRule: { rule: string; opened: number; resolved: number }[];
  /** Overall satisfaction in the linked follow-up survey, among respondents whose case was resolved. */
  followUp: {
    surveyId: string;
    title: string;
    questionId: string;
    min: number;
    max: number;
    n: number;
    mean: MeanSummary | null;
    topTwoBox: number | null;
  } | null;
  /** The cases by complaint type and by customer tier (server/report/sections/complaints.ts). */
  complaints: ComplaintsFigures;
}

/**
 * Shares carry a 95 % Wilson score interval; the mean satisfaction after resolution a 95 % Student
 * t interval, withheld with the reason as everywhere in the report (`intervalWithheld`: under
 * SMALL_BASE answers, or all alike). A row under SMALL_BASE cases is marked `smallBase`.
 */
export interface ComplaintTypeRow {
  /** Null: cases nobody has classified yet. */
  type: ComplaintType | null;
  count: number;
  smallBase: boolean;
  /** Cases whose severity is set: the base of `serious`. */
  rated: number;
  /** Share serious among `rated`; null when none is rated. */
  serious: Interval | null;
  resolved: Interval | null;
  medianHoursToResolution: number | null;
  /** The follow-up survey's satisfaction among this type's resolved cases; null without a follow-up survey. */
  satisfaction: { n: number; mean: MeanSummary | null; withheld: IntervalWithheld } | null;
}
export interface ComplaintTierRow {
  /** The pyramid's tier index (0 the top), null for cases whose respondent is not in the register. */
  tier: number | null;
  tierName: string | null;
  count: number;
  smallBase: boolean;
  /** Cases of each complaint type; `none` counts those not classified yet. */
  byType: Record<ComplaintType | 'none', number>;
  serious: Interval | null;
}
export interface ComplaintsFigures {
  byType: ComplaintTypeRow[];
  /** By the customer's tier when each case opened. */
  byTier: ComplaintTierRow[];
  /** Cases opened before tiers were kept on cases, counted by the customer's tier now. */
  tierNow: number;
}

export interface ReportSections {
  fieldwork: FieldworkSection;
  satisfaction: SatisfactionSection | null;
  priorities: PrioritiesSection | null;
  loyalty: LoyaltySection | null;
  verbatims: VerbatimsSection | null;
  quality: QualitySection | null;
  trend: TrendSection | null;
  servqual: ServqualSection | null;
  price: PriceSection | null;
  competition: CompetitionSection | null;
  cases: CasesSection | null;
}
