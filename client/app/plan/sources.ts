/** What a quota can read in a survey: its hidden fields and its closed questions with their options. */
import { hiddenFieldsOf } from '../../../shared/customers/fields';
import type { Locale } from '../../../shared/i18n';
import { allQuestions, type SurveyDefinition } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';
import type { QuotaSource } from './VariableEditor';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function quotaSources(def: SurveyDefinition, locale: Locale): QuotaSource[] {
  const text = (x: Parameters<typeof pickText>[0]) => pickText(x, locale, def.defaultLanguage);
  const hidden: QuotaSource[] = hiddenFieldsOf(def).map((id) => ({ id, label: id, kind: 'hidden' }));
  const questions = allQuestions(def).flatMap((q): QuotaSource[] => {
    const label = `${q.id} · ${short(text(q.text))}`;
    if (q.type === 'single')
      return [
        { id: q.id, label, kind: 'question', options: q.options.map((o) => ({ value: o.id, label: text(o.label) })) },
      ];
    if (q.type === 'rating')
      return [
        {
          id: q.id,
          label,
          kind: 'question',
          options: range(q.scale.min, q.scale.max).map((v) => ({ value: v, label: v })),
        },
      ];
    if (q.type === 'nps')
      return [{ id: q.id, label, kind: 'question', options: range(0, 10).map((v) => ({ value: v, label: v })) }];
    return [];
  });
  return [...hidden, ...questions];
}
