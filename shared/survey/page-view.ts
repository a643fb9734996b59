/**
 * What the respondent page shows on one page, and the markup rules its two renderers share: the
 * respondent bundle (client/respondent) and the server's first render of the page
 * (server/collect/first-page), which must agree to the pixel so the takeover moves nothing.
 */
import type { Walk } from './answers';
import type { Question, SurveyDefinition } from './schema';
import { seededShuffle } from './shuffle';

export interface PageView {
  /** The questions the display logic shows on this page. */
  questions: Question[];
  /** Position among the pages shown (1-based); a page the path skips counts where it would be. */
  position: number;
  total: number;
  next: number | undefined;
  previous: number | undefined;
}

export function pageView(def: SurveyDefinition, path: Walk, index: number): PageView {
  const position = path.pages.filter((i) => i < index).length + 1;
  return {
    questions: def.pages[index].questions.filter((q) => path.questions.has(q.id)),
    position,
    total: Math.max(path.pages.length, position),
    next: path.pages.find((i) => i > index),
    previous: path.pages.filter((i) => i < index).pop(),
  };
}

export const questionDomId = (id: string) => `q-${id}`;

/** Questions answered with one control get a <label>; groups of radios or checkboxes a fieldset. */
export const isSingleControl = (q: Question) =>
  q.type === 'text' || q.type === 'number' || q.type === 'date' || (q.type === 'single' && q.display === 'dropdown');

/** From this many options a dropdown gets a search box that narrows its list (long lists on phones). */
export const SEARCHABLE_FROM = 12;

/** Folds case and accents, so "sao" finds "São Paulo" and "citta" "Città". */
export const searchKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The points of a scale, min to max. */
export const scalePoints = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

// Beyond eight answer columns, a 640 px table can no longer give each radio a 44 px target.
const MAX_TABLE_COLUMNS = 8;

/** Whether a matrix may be a table on a wide screen (narrow ones always get one card per item). */
export const matrixFitsTable = (points: number, notApplicable: boolean) =>
  points + (notApplicable ? 1 : 0) <= MAX_TABLE_COLUMNS;

/** The breakpoint from which a matrix that fits becomes a table; respondent.css uses the same. */
export const WIDE_QUERY = '(min-width: 600px)';

/** Options in the order this respondent sees them: shuffled per respondent when the survey asks. */
export function optionOrder<T>(
  options: readonly T[],
  randomize: boolean,
  seed: string,
  questionId: string,
): readonly T[] {
  return randomize ? seededShuffle(options, seed + questionId) : options;
}

/**
 * Where the respondent's progress is kept on their device (the server's copy of the page checks it
 * too). An invitation's progress is kept apart from the open link's: two people can share a browser.
 */
export const progressKey = (slug: string, versionId: number, invitation?: string) =>
  `yardstick:${slug}:${versionId}${invitation ? `:${invitation}` : ''}`;
