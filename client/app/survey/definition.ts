import type { Option, Question, SurveyDefinition, SurveyDefinitionInput, Text } from '../../../shared/survey/schema';
import { definitionIssues } from '../../../shared/survey/draft';
import { problemsOf } from '../../../shared/survey/issues';
import type { FieldRule } from '../../../shared/api/errors';
import type { AppKey } from '../../../shared/i18n';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';

/** What the "add question" menu offers: the schema's types, with text split into short and long. */
export const QUESTION_KINDS = [
  'single',
  'multiple',
  'rating',
  'nps',
  'matrix',
  'text',
  'longtext',
  'number',
  'servqual',
  'importance',
  'vanWestendorp',
  'gaborGranger',
  'competitor',
  'ranking',
  'contact',
  'dropdown',
  'yesno',
  'date',
  'fields',
  'matrixScales',
  'info',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const KIND_KEY: Readonly<Record<QuestionKind, AppKey>> = {
  single: 'editor.type.single',
  multiple: 'editor.type.multiple',
  rating: 'editor.type.rating',
  nps: 'editor.type.nps',
  matrix: 'editor.type.matrix',
  text: 'editor.type.shortText',
  longtext: 'editor.type.longText',
  number: 'editor.type.number',
  servqual: 'editor.type.servqual',
  importance: 'editor.type.importance',
  vanWestendorp: 'editor.type.vanWestendorp',
  gaborGranger: 'editor.type.gaborGranger',
  competitor: 'editor.type.competitor',
  ranking: 'editor.type.ranking',
  contact: 'editor.type.contact',
  dropdown: 'editor.type.dropdown',
  yesno: 'editor.type.yesno',
  date: 'editor.type.date',
  fields: 'editor.type.fields',
  matrixScales: 'editor.type.matrixScales',
  info: 'editor.type.info',
};

/** The items or options a question lists, whatever its type calls them (brands are edited apart). */
export function choicesOf(q: Question): Option[] | undefined {
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return q.options;
    case 'matrix':
    case 'importance':
    case 'servqual':
    case 'fields':
    case 'matrixScales':
      return q.items;
    case 'competitor':
      return q.attributes;
    default:
      return undefined;
  }
}

export const SCALE_SIZES = [5, 7, 10] as const;

export function kindOf(q: Question): QuestionKind {
  if (q.type === 'single' && q.display === 'dropdown') return 'dropdown';
  return q.type === 'text' && q.multiline ? 'longtext' : q.type;
}

/**
 * The next id like `q7`: one above the highest ever used, counting `retired` ids (deleted in this
 * session), so a deleted question's id is not handed to a new one whose answers mean something else.
 */
export function nextId(prefix: string, used: Iterable<string>): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of used) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

export const questionIds = (def: SurveyDefinition) => def.pages.flatMap((p) => p.questions.map((q) => q.id));

/** A text with one language changed; optional texts emptied in every language become undefined. */
export function withText(text: Text | undefined, lang: SurveyLanguage, value: string): Text {
  return { ...(text ?? {}), [lang]: value };
}
export function withOptionalText(text: Text | undefined, lang: SurveyLanguage, value: string): Text | undefined {
  const next = withText(text, lang, value);
  return Object.values(next).some((s) => s.trim() !== '') ? next : undefined;
}

export function textIn(text: Text | undefined, lang: SurveyLanguage): string {
  return (text as Record<string, string | undefined> | undefined)?.[lang] ?? '';
}

// Labels start empty (the inputs show a placeholder): a default like "Option 1" left in by
// mistake would reach respondents, while an empty one is caught before saving.
function blankChoices(prefix: string, count: number, lang: SurveyLanguage): Option[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, label: withText(undefined, lang, '') }));
}

/**
 * A question of `kind` that carries over what still makes sense from `from` (text, required,
 * options or items, scale), so changing a question's type keeps the work already done.
 */
export function makeQuestion(kind: QuestionKind, id: string, lang: SurveyLanguage, from?: Question): Question {
  const base = {
    id,
    text: from?.text ?? withText(undefined, lang, ''),
    required: from?.required ?? false,
    ...(from?.help ? { help: from.help } : {}),
    ...(from?.role ? { role: from.role } : {}),
    ...(from?.visibleIf ? { visibleIf: from.visibleIf } : {}),
  };
  const choices = from ? choicesOf(from) : undefined;
  const scale = from && 'scale' in from && from.scale ? from.scale : { min: 1, max: 5 };
  const list = (prefix: string, min: number) =>
    choices && choices.length >= min
      ? choices.map((c) => ({ id: c.id, label: c.label }))
      : blankChoices(prefix, Math.max(min, 2), lang);
  switch (kind) {
    case 'single':
    case 'dropdown':
      return {
        ...base,
        type: 'single',
        options: list('o', 2),
        display: kind === 'dropdown' ? 'dropdown' : 'list',
        randomize: false,
        other: false,
      };
    case 'multiple':
      return { ...base, type: 'multiple', options: list('o', 2), randomize: false };
    case 'rating':
      return { ...base, type: 'rating', scale, notApplicable: false };
    case 'nps':
      return { ...base, type: 'nps' };
    case 'matrix':
      return { ...base, type: 'matrix', items: list('i', 1), scale, notApplicable: false };
    case 'text':
    case 'longtext':
      return { ...base, type: 'text', multiline: kind === 'longtext', maxLength: 2000 };
    case 'number':
      return { ...base, type: 'number', integer: false };
    case 'servqual':
      return {
        ...base,
        type: 'servqual',
        items: list('i', 1).map((c) => ({ ...c, dimension: 'reliability' as const })),
        scale: { min: 1, max: 7 },
      };
    case 'importance':
      return { ...base, type: 'importance', items: list('i', 1), mode: 'rating', scale, total: 100 };
    case 'vanWestendorp':
      return { ...base, type: 'vanWestendorp', currency: 'EUR', likelihood: false, role: 'price' };
    case 'gaborGranger':
      return { ...base, type: 'gaborGranger', currency: 'EUR', prices: [10, 12, 15, 18, 20], role: 'price' };
    case 'competitor':
      return {
        ...base,
        type: 'competitor',
        brands: blankChoices('b', 3, lang),
        ownBrand: 'b1',
        attributes: list('a', 1),
        scale,
        role: 'competitor',
      };
    case 'ranking':
      return { ...base, type: 'ranking', options: list('o', 2), randomize: false };
    case 'contact':
      return {
        ...base,
        type: 'contact',
        name: true,
        email: true,
        phone: false,
        consent: withText(undefined, lang, ''),
        role: 'contact',
      };
    case 'yesno':
      return { ...base, type: 'yesno' };
    case 'date':
      return { ...base, type: 'date' };
    case 'fields':
      return { ...base, type: 'fields', items: list('i', 1), input: 'number', integer: false, maxLength: 200 };
    case 'matrixScales':
      return {
        ...base,
        type: 'matrixScales',
        items: list('i', 1),
        scales: [
          { id: 's1', label: withText(undefined, lang, ''), scale },
          { id: 's2', label: withText(undefined, lang, ''), scale },
        ],
      };
    case 'info':
      return { ...base, type: 'info', required: false };
  }
}

/** The smallest valid definition: a title and one empty page. */
export function blankDefinition(lang: SurveyLanguage, title: string): SurveyDefinitionInput {
  return {
    title: withText(undefined, lang, title),
    defaultLanguage: lang,
    languages: [lang],
    pages: [{ id: 'p1', questions: [] }],
  };
}

/**
 * Moves a question one step; past the top or bottom of its page it goes to the neighbouring
 * page, which is how people move a question between pages without drag and drop.
 */
export function moveQuestion(def: SurveyDefinition, page: number, index: number, dir: -1 | 1) {
  const questions = def.pages[page].questions;
  const target = index + dir;
  if (target >= 0 && target < questions.length) {
    [questions[index], questions[target]] = [questions[target], questions[index]];
    return;
  }
  const neighbour = def.pages[page + dir];
  if (!neighbour) return;
  const [q] = questions.splice(index, 1);
  if (dir < 0) neighbour.questions.push(q);
  else neighbour.questions.unshift(q);
}

/** Where a validation problem is, for showing it beside the question it concerns. */
export interface DefinitionProblem {
  /** Where, as the schema names it: `pages[0].questions[2].options`. */
  path: string;
  page?: number;
  question?: number;
  key: AppKey;
  /** What the rule broke, for the messages worded by rule (`editor.problem.other`). */
  rule: FieldRule;
  limit?: number;
  /** The validator's own words (English), kept for API users and logs, never shown. */
  detail: string;
}

// Most specific first: a path names what the researcher has to finish.
const PROBLEM_KEYS: [RegExp, AppKey][] = [
  [/^title(\.|$)/, 'editor.problem.title'],
  [/\.visibleIf\./, 'editor.problem.logic'],
  [/^screenOuts/, 'editor.problem.screenOut'],
  [/\.questions\[\d+\]\.(text|help)\.[A-Za-z-]+$/, 'editor.problem.piping'],
  [/\.questions\[\d+\]\.text$/, 'editor.problem.questionText'],
  [/\.(options|brands|attributes)\[\d+\]\.label$/, 'editor.problem.optionLabel'],
  [/\.items\[\d+\]\.label$/, 'editor.problem.itemLabel'],
  [/\.scales\[\d+\]\.label$/, 'editor.problem.scaleLabel'],
  [/\.(options|brands)$/, 'editor.problem.options'],
  [/\.(items|attributes)$/, 'editor.problem.items'],
  [/\.currency$/, 'editor.problem.currency'],
  [/\.(prices|start)$/, 'editor.problem.prices'],
  [/\.ownBrand$/, 'editor.problem.brand'],
  [/^pages$/, 'editor.problem.duplicateIds'],
  [/^languages/, 'editor.problem.languages'],
  // The whole-question checks the builder can break: a minimum above a maximum (the two others
  // are told apart by the schema's message, below).
  [/\.questions\[\d+\]$/, 'editor.problem.minMax'],
];
const WHOLE_QUESTION_KEYS: [RegExp, AppKey][] = [
  [/at least one of name, email, phone/, 'editor.problem.contactFields'],
  [/max exceeds the number of options/, 'editor.problem.maxOptions'],
];

/** Reads a path like `pages[0].questions[2].options` (from the schema or the server's error). */
export function problemAt(path: string, detail: string, rule: FieldRule = 'rule', limit?: number): DefinitionProblem {
  const clean = path.replace(/^definition\.?/, '');
  const page = /^pages\[(\d+)\]/.exec(clean);
  const question = /^pages\[\d+\]\.questions\[(\d+)\]/.exec(clean);
  const whole = /\.questions\[\d+\]$/.test(clean)
    ? WHOLE_QUESTION_KEYS.find(([re]) => re.test(detail))?.[1]
    : undefined;
  const key = whole ?? PROBLEM_KEYS.find(([re]) => re.test(clean))?.[1] ?? 'editor.problem.other';
  return {
    path: clean,
    page: page ? Number(page[1]) : undefined,
    question: question ? Number(question[1]) : undefined,
    key,
    rule,
    limit,
    detail,
  };
}

/** Everything that keeps the draft from being published, checked with the server's own schema. */
export function findProblems(def: SurveyDefinition): DefinitionProblem[] {
  return problemsOf(definitionIssues(def)).map((p) => problemAt(p.path, p.message, p.rule, p.limit));
}

/** The first of them, or null. */
export function findProblem(def: SurveyDefinition): DefinitionProblem | null {
  return findProblems(def)[0] ?? null;
}

/** Moves a question to another place, possibly on another page (drag and drop). `to.index` counts before the removal. */
export function moveQuestionTo(
  def: SurveyDefinition,
  from: { page: number; index: number },
  to: { page: number; index: number },
) {
  const source = def.pages[from.page]?.questions;
  const target = def.pages[to.page]?.questions;
  if (!source || !target || !source[from.index]) return;
  const [q] = source.splice(from.index, 1);
  const index = from.page === to.page && to.index > from.index ? to.index - 1 : to.index;
  target.splice(Math.min(Math.max(index, 0), target.length), 0, q);
}

/** Moves a whole page one step, or to a given place (drag and drop). */
export function movePage(def: SurveyDefinition, from: number, to: number) {
  if (to < 0 || to >= def.pages.length || from === to) return;
  const [p] = def.pages.splice(from, 1);
  def.pages.splice(to, 0, p);
}

/** Sets one language of the text at a path like `pages[0].questions[2].options[1].label`; an empty value removes it. */
export function setTextAt(def: SurveyDefinition, path: string, lang: SurveyLanguage, value: string) {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let node: unknown = def;
  for (const k of keys) node = (node as Record<string | number, unknown> | undefined)?.[k];
  if (!node || typeof node !== 'object') return;
  const text = node as Record<string, string>;
  if (value.trim() === '') delete text[lang];
  else text[lang] = value;
}
