/**
 * Piping: `{{questionId}}` in a question's text or help is replaced, on the respondent page, by
 * what the respondent answered earlier — the option's label in their language, the number, the
 * text. An unanswered (or unknown) question pipes as nothing, so a text must read well without it.
 */
import type { Question } from './schema';
import { pickText } from './text';
import { ID_PATTERN, own } from './ids';

const TOKEN = new RegExp(`\\{\\{\\s*(${ID_PATTERN})\\s*\\}\\}`, 'g');

/** The question ids a text pipes from. */
export function pipedIds(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]);
}

/** An answer as the respondent would read it. */
export function answerLabel(q: Question, value: unknown, lang: string, fallback: string): string {
  const label = (id: unknown) => {
    const options = 'options' in q ? q.options : [];
    const o = options.find((x) => x.id === id);
    return o ? pickText(o.label, lang, fallback) : '';
  };
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  if (q.type === 'single')
    return typeof value === 'string' ? label(value) : String((value as { other?: unknown }).other ?? '');
  // The survey's own wording of yes and no where it has one; the page's Yes/No are not known here.
  if (q.type === 'yesno')
    return (
      (value === 'yes'
        ? pickText(q.yesLabel, lang, fallback)
        : value === 'no'
          ? pickText(q.noLabel, lang, fallback)
          : '') || String(value)
    );
  if (q.type === 'multiple' || q.type === 'ranking')
    return Array.isArray(value) ? value.map(label).filter(Boolean).join(', ') : '';
  return typeof value === 'string' && value !== 'na' ? value : '';
}

export function pipe(
  text: string,
  questions: ReadonlyMap<string, Question>,
  answers: Readonly<Record<string, unknown>>,
  lang: string,
  fallback: string,
): string {
  if (!text.includes('{{')) return text;
  return text.replace(TOKEN, (_, id: string) => {
    const q = questions.get(id);
    return q ? answerLabel(q, own(answers, id), lang, fallback) : '';
  });
}
