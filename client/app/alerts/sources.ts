/** What an alert condition can read in a survey, and which operators fit each kind of source. */
import { hiddenFieldsOf } from '../../../shared/customers/fields';
import type { Question, SurveyDefinition } from '../../../shared/survey/schema';
import { allQuestions } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import type { AlertCondition } from '../../../shared/api/alerts';

export type Op = AlertCondition['op'];
export interface Source {
  id: string;
  label: string;
  kind: 'scale' | 'choice' | 'text' | 'hidden';
  options: { id: string; label: string }[];
}

function kindOf(q: Question): Source['kind'] | null {
  switch (q.type) {
    case 'rating':
    case 'nps':
    case 'number':
      return 'scale';
    case 'single':
    case 'multiple':
      return 'choice';
    case 'text':
      return 'text';
    default:
      return null;
  }
}

export function sourcesOf(def: SurveyDefinition, lang: string): Source[] {
  const fb = def.defaultLanguage;
  const questions = allQuestions(def).flatMap((q): Source[] => {
    const kind = kindOf(q);
    if (!kind) return [];
    const options =
      q.type === 'single' || q.type === 'multiple'
        ? q.options.map((o) => ({ id: o.id, label: pickText(o.label, lang, fb) }))
        : [];
    return [{ id: q.id, label: `${q.id} — ${pickText(q.text, lang, fb)}`, kind, options }];
  });
  return [...questions, ...hiddenFieldsOf(def).map((h) => ({ id: h, label: h, kind: 'hidden' as const, options: [] }))];
}

export const OPS: Record<Source['kind'], Op[]> = {
  scale: ['between', 'equals', 'in', 'answered', 'notAnswered'],
  choice: ['equals', 'notEquals', 'in', 'notIn', 'answered', 'notAnswered'],
  text: ['contains', 'matchesCode', 'answered', 'notAnswered'],
  hidden: ['equals', 'notEquals', 'in', 'notIn', 'between', 'answered', 'notAnswered'],
};

/** A fresh condition of `op` on `source`, keeping what still fits of the old one. */
export function withOp(c: AlertCondition, op: Op): AlertCondition {
  switch (op) {
    case 'contains':
      return { source: c.source, op, words: 'words' in c ? c.words : [] };
    case 'matchesCode':
      return { source: c.source, op, code: 'code' in c ? c.code : '' };
    case 'between':
      return { source: c.source, op, min: 'min' in c ? c.min : undefined, max: 'max' in c ? c.max : undefined };
    case 'equals':
    case 'notEquals':
      return { source: c.source, op, value: 'value' in c && c.value !== undefined ? c.value : '' };
    case 'in':
    case 'notIn':
      return { source: c.source, op, values: 'values' in c && c.values ? c.values : [] };
    default:
      return { source: c.source, op };
  }
}

/** Text typed into a value box: a number when it reads as one, for numeric answers. */
export const scalar = (s: string): string | number =>
  s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s.trim();
export const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
