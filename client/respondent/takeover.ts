/**
 * Taking over the server's copy of the page (server/collect/first-page): what the respondent
 * answered on it before this script ran is read back from its controls, whose names say where
 * each answer goes (`q`, `q.item`, `q.item.e|p`, `q.field`).
 */
import type { Answers, AnswerValue } from '../../shared/survey/answers';
import type { Question } from '../../shared/survey/schema';
import { parseNumber } from './questions/parse-number';

const point = (s: string) => (s === 'na' ? 'na' : Number(s));

function read(q: Question, form: FormData, decimalMark: '.' | ','): AnswerValue | undefined {
  const one = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const rows = (ids: readonly string[], each: (id: string) => unknown) => {
    const out = Object.fromEntries(ids.map((id) => [id, each(id)]).filter(([, v]) => v !== undefined));
    return Object.keys(out).length ? out as AnswerValue : undefined;
  };
  const v = one(q.id);
  switch (q.type) {
    case 'single': return v === '_other' ? { other: '' } : v;
    case 'multiple': {
      const chosen = new Set(form.getAll(q.id));
      const ids = q.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
      return ids.length ? ids : undefined;
    }
    case 'rating': case 'nps': return v === undefined ? undefined : point(v);
    case 'text': return v;
    case 'number': return v === undefined ? undefined : parseNumber(v, decimalMark) ?? v;
    case 'matrix': case 'importance':
      return rows(q.items.map((i) => i.id), (id) => (one(`${q.id}.${id}`) === undefined ? undefined : point(one(`${q.id}.${id}`)!)));
    case 'servqual':
      return rows(q.items.map((i) => i.id), (id) => rows(['e', 'p'], (k) => (one(`${q.id}.${id}.${k}`) === undefined ? undefined : Number(one(`${q.id}.${id}.${k}`)))));
    case 'contact':
      return rows(['name', 'email', 'phone', 'consent'], (f) => (f === 'consent' ? (one(`${q.id}.consent`) ? true : undefined) : one(`${q.id}.${f}`)));
    default: return undefined;
  }
}

/** The answers given on the server's copy of a page with these questions. */
export function answersFromForm(form: HTMLFormElement, questions: readonly Question[], decimalMark: '.' | ','): Answers {
  const data = new FormData(form);
  const out: Answers = {};
  for (const q of questions) {
    const value = read(q, data, decimalMark);
    if (value !== undefined) out[q.id] = value;
  }
  return out;
}

/** Puts the focus back where it was on the server's copy: the control with the same id, or radio/checkbox. */
export function carryFocus(from: Element | null, into: HTMLElement) {
  if (!(from instanceof HTMLElement)) return;
  const input = from as HTMLInputElement;
  const target = from.id ? into.querySelector<HTMLElement>(`#${CSS.escape(from.id)}`)
    : input.name ? into.querySelector<HTMLElement>(`input[name="${CSS.escape(input.name)}"][value="${CSS.escape(input.value)}"]`) : null;
  target?.focus({ preventScroll: true });
}
