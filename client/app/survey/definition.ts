/**
 * Pure edits of a survey definition for the builder. Ids are generated here and never change
 * afterwards: reports line versions up by question and option id, so an id is a promise.
 */
import * as v from 'valibot';
import {
  issuePath, SurveyDefinitionSchema, type Option, type Question, type SurveyDefinition, type SurveyDefinitionInput, type Text,
} from '../../../shared/survey/schema';
import type { AppKey, Locale } from '../../../shared/i18n';

/** What the "add question" menu offers: the schema's types, with text split into short and long. */
export const QUESTION_KINDS = [
  'single', 'multiple', 'rating', 'nps', 'matrix', 'text', 'longtext', 'number',
  'servqual', 'importance', 'vanWestendorp', 'gaborGranger', 'competitor', 'ranking', 'contact',
  'dropdown', 'yesno', 'date', 'fields', 'matrixScales', 'info',
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
    case 'single': case 'multiple': case 'ranking': return q.options;
    case 'matrix': case 'importance': case 'servqual': case 'fields': case 'matrixScales': return q.items;
    case 'competitor': return q.attributes;
    default: return undefined;
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
export function withText(text: Text | undefined, lang: Locale, value: string): Text {
  return { ...(text ?? {}), [lang]: value };
}
export function withOptionalText(text: Text | undefined, lang: Locale, value: string): Text | undefined {
  const next = withText(text, lang, value);
  return Object.values(next).some((s) => s.trim() !== '') ? next : undefined;
}

export function textIn(text: Text | undefined, lang: Locale): string {
  return (text as Record<string, string | undefined> | undefined)?.[lang] ?? '';
}

// Labels start empty (the inputs show a placeholder): a default like "Option 1" left in by
// mistake would reach respondents, while an empty one is caught before saving.
function blankChoices(prefix: string, count: number, lang: Locale): Option[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, label: withText(undefined, lang, '') }));
}

/**
 * A question of `kind` that carries over what still makes sense from `from` (text, required,
 * options or items, scale), so changing a question's type keeps the work already done.
 */
export function makeQuestion(kind: QuestionKind, id: string, lang: Locale, from?: Question): Question {
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
  const list = (prefix: string, min: number) => (choices && choices.length >= min ? choices.map((c) => ({ id: c.id, label: c.label })) : blankChoices(prefix, Math.max(min, 2), lang));
  switch (kind) {
    case 'single':
    case 'dropdown':
      return { ...base, type: 'single', options: list('o', 2), display: kind === 'dropdown' ? 'dropdown' : 'list', randomize: false, other: false };
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
      return { ...base, type: 'servqual', items: list('i', 1).map((c) => ({ ...c, dimension: 'reliability' as const })), scale: { min: 1, max: 7 } };
    case 'importance':
      return { ...base, type: 'importance', items: list('i', 1), mode: 'rating', scale, total: 100 };
    case 'vanWestendorp':
      return { ...base, type: 'vanWestendorp', currency: 'EUR', likelihood: false, role: 'price' };
    case 'gaborGranger':
      return { ...base, type: 'gaborGranger', currency: 'EUR', prices: [10, 12, 15, 18, 20], role: 'price' };
    case 'competitor':
      return { ...base, type: 'competitor', brands: blankChoices('b', 3, lang), ownBrand: 'b1', attributes: list('a', 1), scale, role: 'competitor' };
    case 'ranking':
      return { ...base, type: 'ranking', options: list('o', 2), randomize: false };
    case 'contact':
      return { ...base, type: 'contact', name: true, email: true, phone: false, consent: withText(undefined, lang, ''), role: 'contact' };
    case 'yesno':
      return { ...base, type: 'yesno' };
    case 'date':
      return { ...base, type: 'date' };
    case 'fields':
      return { ...base, type: 'fields', items: list('i', 1), input: 'number', integer: false, maxLength: 200 };
    case 'matrixScales':
      return {
        ...base, type: 'matrixScales', items: list('i', 1),
        scales: [{ id: 's1', label: withText(undefined, lang, ''), scale }, { id: 's2', label: withText(undefined, lang, ''), scale }],
      };
    case 'info':
      return { ...base, type: 'info', required: false };
  }
}

/** The smallest valid definition: a title and one empty page. */
export function blankDefinition(lang: Locale, title: string): SurveyDefinitionInput {
  return { title: withText(undefined, lang, title), defaultLanguage: lang, languages: [lang], pages: [{ id: 'p1', questions: [] }] };
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
  page?: number;
  question?: number;
  key: AppKey;
  /** The validator's own words, shown only when there is no translated message for it. */
  detail: string;
}

const PROBLEM_KEYS: [RegExp, AppKey][] = [
  [/^title$/, 'editor.problem.title'],
  [/\.questions\[\d+\]\.text$/, 'editor.problem.questionText'],
  [/\.options\[\d+\]\.label$/, 'editor.problem.optionLabel'],
  [/\.items\[\d+\]\.label$/, 'editor.problem.itemLabel'],
  [/\.scales\[\d+\]\.label$/, 'editor.problem.scaleLabel'],
  [/\.options$/, 'editor.problem.options'],
  [/\.items$/, 'editor.problem.items'],
  // The only whole-question check the builder can break is a number question's min above its max.
  [/\.questions\[\d+\]$/, 'editor.problem.minMax'],
];

/** Reads a path like `pages[0].questions[2].options` (from the schema or the server's error). */
export function problemAt(path: string, detail: string): DefinitionProblem {
  const clean = path.replace(/^definition\.?/, '');
  const page = /^pages\[(\d+)\]/.exec(clean);
  const question = /^pages\[\d+\]\.questions\[(\d+)\]/.exec(clean);
  const key = PROBLEM_KEYS.find(([re]) => re.test(clean))?.[1] ?? 'errors.invalid';
  return { page: page ? Number(page[1]) : undefined, question: question ? Number(question[1]) : undefined, key, detail };
}

/** The first thing the server would refuse, checked with its own schema before sending. */
export function findProblem(def: SurveyDefinition): DefinitionProblem | null {
  const result = v.safeParse(SurveyDefinitionSchema, def);
  if (result.success) return null;
  const issue = result.issues[0];
  return problemAt(issuePath(issue), issue.message);
}

/** Moves a question to another place, possibly on another page (drag and drop). `to.index` counts before the removal. */
export function moveQuestionTo(def: SurveyDefinition, from: { page: number; index: number }, to: { page: number; index: number }) {
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
export function setTextAt(def: SurveyDefinition, path: string, lang: Locale, value: string) {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let node: unknown = def;
  for (const k of keys) node = (node as Record<string | number, unknown> | undefined)?.[k];
  if (!node || typeof node !== 'object') return;
  const text = node as Record<string, string>;
  if (value.trim() === '') delete text[lang];
  else text[lang] = value;
}
