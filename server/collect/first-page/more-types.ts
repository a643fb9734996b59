/**
 * The types of shared/survey/more-types.ts on the server's copy of the page, as
 * client/respondent/questions renders them (DateInput, YesNo, Fields, MatrixScales). Controls are
 * named `q`, `q.field` and `q.item.scale`, which the bundle reads back when it takes over.
 */
import type { Question } from '../../../shared/survey/schema';
import { fieldsSum } from '../../../shared/survey/more-answers';
import { el, esc, leaf } from './html';
import type { RenderContext } from './questions';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;
const record = (x: unknown): Record<string, unknown> =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

const radio = (name: string, value: string | number, checked: boolean, label: string) =>
  el('label', { class: 'opt' }, leaf('input', { type: 'radio', name, value, checked }) + el('span', {}, esc(label)));

export function dateInput(q: Of<'date'>, inputId: string, describedBy: string | undefined, ctx: RenderContext): string {
  const value = ctx.answers[q.id];
  return leaf('input', {
    type: 'date',
    id: inputId,
    name: q.id,
    class: 'date',
    min: q.min,
    max: q.max,
    value: typeof value === 'string' ? value : undefined,
    'aria-describedby': describedBy,
    'aria-invalid': 'false',
    'aria-required': String(q.required),
  });
}

export function yesNo(q: Of<'yesno'>, ctx: RenderContext): string {
  const value = ctx.answers[q.id];
  return el(
    'div',
    { class: 'opts yn2' },
    radio(q.id, 'yes', value === 'yes', ctx.text(q.yesLabel) || ctx.t('question.yes')) +
      radio(q.id, 'no', value === 'no', ctx.text(q.noLabel) || ctx.t('question.no')),
  );
}

export function fields(q: Of<'fields'>, inputId: string, describedBy: string | undefined, ctx: RenderContext): string {
  const row = record(ctx.answers[q.id]);
  const inputs = q.items
    .map((item) => {
      const id = `${inputId}-${item.id}`;
      const x = row[item.id];
      const input =
        q.input === 'number'
          ? leaf('input', {
              type: 'text',
              id,
              name: `${q.id}.${item.id}`,
              class: 'num',
              inputmode: q.integer && (q.min ?? 0) >= 0 ? 'numeric' : 'decimal',
              autocomplete: 'off',
              value: typeof x === 'number' || typeof x === 'string' ? String(x) : undefined,
              'aria-describedby': describedBy,
              'aria-invalid': 'false',
            })
          : leaf('input', {
              type: 'text',
              id,
              name: `${q.id}.${item.id}`,
              maxlength: q.maxLength,
              value: typeof x === 'string' ? x : undefined,
              'aria-describedby': describedBy,
              'aria-invalid': 'false',
            });
      return el('div', { class: 'price' }, el('label', { for: id }, esc(ctx.text(item.label))) + input);
    })
    .join('');
  const sum = fieldsSum(row);
  const total =
    q.total !== undefined
      ? el(
          'p',
          { class: sum !== q.total ? 'total off' : 'total', 'aria-live': 'polite' },
          esc(ctx.t('importance.total', { sum, total: q.total })),
        )
      : '';
  return el('div', { class: 'fields' }, inputs + total);
}

export function matrixScales(
  q: Of<'matrixScales'>,
  ctx: RenderContext,
  scale: (name: string, s: Of<'matrixScales'>['scales'][number], value: unknown) => string,
): string {
  const rows = record(ctx.answers[q.id]);
  return el(
    'div',
    { class: 'cards' },
    q.items
      .map((item) =>
        el(
          'fieldset',
          { class: 'card' },
          el('legend', {}, esc(ctx.text(item.label))) +
            q.scales
              .map((s) => {
                const name = `${q.id}.${item.id}.${s.id}`;
                const value = record(rows[item.id])[s.id];
                const body = s.pointLabels
                  ? el(
                      'div',
                      { class: 'opts' },
                      s.pointLabels
                        .map((label, k) => radio(name, s.scale.min + k, value === s.scale.min + k, ctx.text(label)))
                        .join(''),
                    )
                  : scale(name, s, value);
                return el('fieldset', { class: 'sub' }, el('legend', {}, esc(ctx.text(s.label))) + body);
              })
              .join(''),
        ),
      )
      .join(''),
  );
}
