/**
 * Taking over the server's copy of the page (server/collect/first-page): what the respondent
 * answered on it before this script ran is read back from its controls, whose names say where
 * each answer goes (`q`, `q.item`, `q.item.e|p`, `q.field`). Ranking and the price ladder are
 * answered with buttons, which do nothing until the bundle has taken over.
 */
import type { Answers, AnswerValue } from '../../shared/survey/answers';
import type { Question } from '../../shared/survey/schema';
import { VW_PRICES } from '../../shared/survey/research-answers';
import { parseNumber } from './questions/parse-number';

const point = (s: string) => (s === 'na' ? 'na' : Number(s));

function read(q: Question, form: FormData, decimalMark: '.' | ','): AnswerValue | undefined {
  const one = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const rows = (ids: readonly string[], each: (id: string) => unknown) => {
    const out = Object.fromEntries(ids.map((id) => [id, each(id)]).filter(([, v]) => v !== undefined));
    return Object.keys(out).length ? (out as AnswerValue) : undefined;
  };
  const scalePoint = (name: string) => (one(name) === undefined ? undefined : point(one(name)!));
  const typed = (name: string) =>
    one(name) === undefined ? undefined : (parseNumber(one(name)!, decimalMark) ?? one(name));
  const v = one(q.id);
  switch (q.type) {
    case 'single':
      return v === '_other' ? { other: '' } : v;
    case 'multiple': {
      const chosen = new Set(form.getAll(q.id));
      const ids = q.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
      return ids.length ? ids : undefined;
    }
    case 'rating':
    case 'nps':
      return v === undefined ? undefined : point(v);
    case 'text':
      return v;
    case 'number':
      return typed(q.id);
    case 'matrix':
      return rows(
        q.items.map((i) => i.id),
        (id) => scalePoint(`${q.id}.${id}`),
      );
    case 'importance':
      // Points as Importance.tsx keeps them: whole numbers as numbers, anything else as typed.
      return rows(
        q.items.map((i) => i.id),
        (id) =>
          q.mode === 'sum'
            ? /^\d{1,6}$/.test(one(`${q.id}.${id}`)?.trim() ?? '')
              ? Number(one(`${q.id}.${id}`))
              : one(`${q.id}.${id}`)
            : scalePoint(`${q.id}.${id}`),
      );
    case 'vanWestendorp':
      return rows([...VW_PRICES, 'likelyCheap', 'likelyExpensive'], (k) =>
        k.startsWith('likely') ? scalePoint(`${q.id}.${k}`) : typed(`${q.id}.${k}`),
      );
    case 'competitor': {
      const ticked = new Set(form.getAll(`${q.id}.known`));
      const known = q.brands.filter((b) => ticked.has(b.id)).map((b) => b.id);
      const ratings = rows(known, (b) =>
        rows(
          q.attributes.map((a) => a.id),
          (a) => scalePoint(`${q.id}_${b}.${a}`),
        ),
      );
      return known.length ? { known, ratings: ratings ?? {} } : undefined;
    }
    case 'servqual':
      return rows(
        q.items.map((i) => i.id),
        (id) =>
          rows(['e', 'p'], (k) =>
            one(`${q.id}.${id}.${k}`) === undefined ? undefined : Number(one(`${q.id}.${id}.${k}`)),
          ),
      );
    case 'date':
    case 'yesno':
      return v;
    case 'fields':
      // As Fields.tsx keeps them: numbers that parse as numbers, anything else as typed.
      return rows(
        q.items.map((i) => i.id),
        (id) => (q.input === 'number' ? typed(`${q.id}.${id}`) : one(`${q.id}.${id}`)),
      );
    case 'matrixScales':
      return rows(
        q.items.map((i) => i.id),
        (id) =>
          rows(
            q.scales.map((s) => s.id),
            (s) => (one(`${q.id}.${id}.${s}`) === undefined ? undefined : Number(one(`${q.id}.${id}.${s}`))),
          ),
      );
    case 'contact':
      return rows(['name', 'email', 'phone', 'consent'], (f) =>
        f === 'consent' ? (one(`${q.id}.consent`) ? true : undefined) : one(`${q.id}.${f}`),
      );
    default:
      return undefined;
  }
}

/** The answers given on the server's copy of a page with these questions. */
export function answersFromForm(
  form: HTMLFormElement,
  questions: readonly Question[],
  decimalMark: '.' | ',',
): Answers {
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
  const target = from.id
    ? into.querySelector<HTMLElement>(`#${CSS.escape(from.id)}`)
    : input.name
      ? into.querySelector<HTMLElement>(`input[name="${CSS.escape(input.name)}"][value="${CSS.escape(input.value)}"]`)
      : null;
  target?.focus({ preventScroll: true });
}
