import type { SurveyDefinition } from '../survey/schema';
import type { RESEARCH_TYPES } from '../survey/research-types';
import type { ReportSections } from './report-sections';
import type { LoyaltyValueInputs } from './report-settings';

export interface Interval {
  p: number;
  lower: number;
  upper: number;
}
export interface MeanSummary {
  n: number;
  mean: number;
  sd: number;
  lower: number;
  upper: number;
}
export interface Count {
  value: string | number;
  count: number;
  share: number;
}

export type QuestionReport =
  | { id: string; type: 'single' | 'multiple' | 'yesno'; n: number; counts: Count[] }
  | {
      id: string;
      type: 'rating';
      n: number;
      notApplicable: number;
      counts: Count[];
      mean: MeanSummary | null;
      topBox: Interval | null;
      topTwoBox: Interval | null;
    }
  | {
      id: string;
      type: 'nps';
      n: number;
      counts: Count[];
      nps: { nps: number; promoters: number; passives: number; detractors: number; marginOfError: number } | null;
    }
  | {
      id: string;
      type: 'matrix';
      n: number;
      items: { id: string; n: number; counts: Count[]; mean: MeanSummary | null; topTwoBox: Interval | null }[];
    }
  | { id: string; type: 'number'; n: number; mean: MeanSummary | null; min: number | null; max: number | null }
  | { id: string; type: 'text'; n: number; latest: { text: string; at: number }[] }
  /** Dates: the range and median, and answers counted by month (`value` YYYY-MM). */
  | {
      id: string;
      type: 'date';
      n: number;
      earliest: string | null;
      median: string | null;
      latest: string | null;
      counts: Count[];
    }
  /** Several fields: per field how many answered and, for numbers, the mean; for texts the newest few. */
  | {
      id: string;
      type: 'fields';
      n: number;
      items: { id: string; n: number; mean: MeanSummary | null; latest?: string[] }[];
    }
  /** Per item and scale, as a matrix item. */
  | {
      id: string;
      type: 'matrixScales';
      n: number;
      items: {
        id: string;
        scales: { id: string; n: number; counts: Count[]; mean: MeanSummary | null; topTwoBox: Interval | null }[];
      }[];
    }
  /** The research types: how many answered; their figures are in the report's sections. */
  | { id: string; type: (typeof RESEARCH_TYPES)[number]; n: number; counts?: Count[] }
  /** An instructions block: never answered, so the report leaves it out. */
  | { id: string; type: 'info'; n: 0 };

export interface ReportDto {
  surveyId: string;
  /** The newest published version's definition: labels and order come from it. */
  definition: SurveyDefinition;
  completes: number;
  partials: number;
  /** completes ÷ (completes + partials), null before anyone started. */
  completionRate: number | null;
  /** ±, 95% confidence, for a proportion of 0.5 at this n (no finite-population correction). */
  marginOfError: number | null;
  questions: QuestionReport[];
  /** The manager's report, section by section (see report-sections.ts). */
  sections: ReportSections;
  /**
   * What the filters can offer beyond the definition: per hidden field its label and the values
   * seen (labelled and ordered by the plan's quota variable on it, if any), waves with completes.
   */
  filterOptions: {
    hidden: Record<string, { label: string; values: { value: string; label: string }[] }>;
    waves: number[];
    weighting: boolean;
    /**
     * Values the new types filter by, over every counted response: each date question's months
     * (`2026-03`), and each number field's bins (`share.online` → `0..19`, …), as filters write them.
     */
    values: Record<string, string[]>;
    /**
     * The coded open questions' codes, in each frame's order: a filter
     * `question:code` keeps the answers with the code (a net: any of its codes), `question:!code`
     * those without it.
     */
    coded: {
      questionId: string;
      codes: { id: string; label: Record<string, string>; isNet: boolean; netId: string | null }[];
    }[];
  };
  /** The research team's saved figures for the loyalty-value estimate, null when none are saved. */
  loyaltyValue: LoyaltyValueInputs | null;
  /** The study's currency (its price questions', else its plan budget's), whatever the reader's language; null when it names none. */
  currency: string | null;
}
