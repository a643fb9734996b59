/**
 * The questions of the server's copy of the respondent page, as HTML strings with the same
 * elements and classes the respondent bundle renders (client/respondent/questions), so the bundle
 * replaces it without moving anything. Controls carry `name`s from which the bundle reads what the
 * respondent answered before it took over (client/respondent/takeover.ts): `q`, `q.item`,
 * `q.item.e|p`, `q.field`. The research types are in ./research.ts.
 */
import type { Answers } from '../../../shared/survey/answers';
import type { RespondentKey, Translate } from '../../../shared/i18n';
import {
  isSingleControl,
  matrixFitsTable,
  optionOrder,
  questionDomId,
  scalePoints,
  SEARCHABLE_FROM,
} from '../../../shared/survey/page-view';
import type { Option, Question, Text } from '../../../shared/survey/schema';
import { el, esc, leaf } from './html';
import { competitor, constantSum, gaborGranger, ranking, vanWestendorp } from './research';
import { dateInput, fields, matrixScales, yesNo } from './more-types';

export interface RenderContext {
  lang: string;
  t: Translate<RespondentKey>;
  /** A survey text in the page's language (shared/survey/text.ts). */
  text: (value: Text | undefined) => string;
  /** Earlier answers piped into a text (shared/survey/piping.ts). */
  piped: (s: string) => string;
  /** The respondent's id, which seeds the order of randomised options. */
  seed: string;
  answers: Answers;
}

const record = (x: unknown): Record<string, unknown> =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

interface ScaleArgs {
  name: string;
  min: number;
  max: number;
  minLabel?: string;
  maxLabel?: string;
  notApplicable?: boolean;
  value: unknown;
}

/** client/respondent/questions/Scale.tsx */
function scale(a: ScaleArgs, ctx: RenderContext): string {
  const n = a.max - a.min + 1;
  const label = (p: number) => (p === a.min ? a.minLabel : p === a.max ? a.maxLabel : undefined);
  const radio = (value: number | 'na') =>
    leaf('input', { type: 'radio', name: a.name, value, checked: a.value === value });
  const pts = scalePoints(a.min, a.max)
    .map((p) => {
      const l = label(p);
      return el(
        'label',
        { class: 'pt' },
        radio(p) + el('span', {}, esc(p) + (l ? el('span', { class: 'sr' }, esc(` ${l}`)) : '')),
      );
    })
    .join('');
  const ends =
    a.minLabel || a.maxLabel
      ? el(
          'div',
          { class: 'ends', 'aria-hidden': 'true' },
          el('span', {}, a.minLabel ? `<b>${a.min}</b> ${esc(a.minLabel)}` : '') +
            el('span', {}, a.maxLabel ? `${esc(a.maxLabel)} <b>${a.max}</b>` : ''),
        )
      : '';
  const na = a.notApplicable
    ? el('label', { class: 'pt na' }, radio('na') + el('span', {}, esc(ctx.t('question.notApplicable'))))
    : '';
  return el(
    'div',
    { class: n > 5 ? 'scale long' : 'scale', 'data-n': n, style: `--n: ${n}; --h: ${Math.ceil(n / 2)};` },
    el('div', { class: 'pts' }, pts) + ends + na,
  );
}

const choice = (type: 'radio' | 'checkbox', name: string, value: string, checked: boolean, label: string) =>
  el('label', { class: 'opt' }, leaf('input', { type, name, value, checked }) + el('span', {}, esc(label)));

interface MatrixArgs {
  id: string;
  items: readonly Option[];
  min: number;
  max: number;
  minLabel?: Text;
  maxLabel?: Text;
  notApplicable: boolean;
  value: unknown;
}

/**
 * client/respondent/questions/Matrix.tsx. The bundle picks cards or a table by the screen's width,
 * which the server does not know: it sends both when a table may be used, and respondent.css
 * shows the one the bundle will pick. Their radios share names, so each row stays one group.
 */
function matrix(a: MatrixArgs, ctx: RenderContext): string {
  const row = record(a.value);
  const minLabel = ctx.text(a.minLabel);
  const maxLabel = ctx.text(a.maxLabel);
  const name = (itemId: string) => `${a.id}.${itemId}`;
  const cards = el(
    'div',
    { class: 'cards' },
    a.items
      .map((item) =>
        el(
          'fieldset',
          { class: 'card' },
          el('legend', {}, esc(ctx.text(item.label))) +
            scale(
              {
                name: name(item.id),
                min: a.min,
                max: a.max,
                minLabel,
                maxLabel,
                notApplicable: a.notApplicable,
                value: row[item.id],
              },
              ctx,
            ),
        ),
      )
      .join(''),
  );
  const points = scalePoints(a.min, a.max);
  if (!matrixFitsTable(points.length, a.notApplicable)) return cards;

  const colId = (p: number | 'na') => `${a.id}-c-${p}`;
  const rowId = (itemId: string) => `${a.id}-r-${itemId}`;
  const endsRow =
    minLabel || maxLabel
      ? el(
          'tr',
          { class: 'ends-row', 'aria-hidden': 'true' },
          '<td></td>' +
            el('td', { colspan: Math.ceil(points.length / 2) }, esc(minLabel)) +
            el('td', { colspan: Math.floor(points.length / 2) }, esc(maxLabel)) +
            (a.notApplicable ? '<td></td>' : ''),
        )
      : '';
  const head = el(
    'tr',
    {},
    '<td></td>' +
      points
        .map((p) => {
          const l = p === a.min ? minLabel : p === a.max ? maxLabel : '';
          return el(
            'th',
            { scope: 'col', id: colId(p) },
            esc(p) + (l ? el('span', { class: 'sr' }, esc(` ${l}`)) : ''),
          );
        })
        .join('') +
      (a.notApplicable
        ? el('th', { scope: 'col', id: colId('na') }, el('small', {}, esc(ctx.t('question.notApplicable'))))
        : ''),
  );
  const body = a.items
    .map((item) => {
      const cell = (p: number | 'na') =>
        el(
          'td',
          {},
          el(
            'label',
            { class: 'cell' },
            leaf('input', {
              type: 'radio',
              name: name(item.id),
              value: p,
              'aria-labelledby': `${rowId(item.id)} ${colId(p)}`,
              checked: row[item.id] === p,
            }) + '<span></span>',
          ),
        );
      return el(
        'tr',
        {},
        el('th', { scope: 'row', id: rowId(item.id) }, esc(ctx.text(item.label))) +
          points.map(cell).join('') +
          (a.notApplicable ? cell('na') : ''),
      );
    })
    .join('');
  const cols =
    '<col class="items">' + el('col', { span: points.length }) + (a.notApplicable ? '<col class="na-col">' : '');
  const table = el(
    'table',
    { class: 'mx' },
    `<colgroup>${cols}</colgroup>` + el('thead', {}, endsRow + head) + el('tbody', {}, body),
  );
  return el('div', { class: 'ssr-narrow' }, cards) + el('div', { class: 'ssr-wide' }, table);
}

function renderer(q: Question, inputId: string, describedBy: string | undefined, ctx: RenderContext): string {
  const value = ctx.answers[q.id];
  switch (q.type) {
    case 'single': {
      const options = optionOrder(q.options, q.randomize, ctx.seed, q.id);
      const other = typeof value === 'object' && value !== null && 'other' in value;
      if (q.display === 'dropdown') {
        const option = (v: string, label: string, selected: boolean) =>
          el('option', { value: v, selected }, esc(label));
        const search =
          options.length >= SEARCHABLE_FROM
            ? leaf('input', {
                type: 'search',
                class: 'find',
                'aria-label': ctx.t('question.search'),
                placeholder: ctx.t('question.search'),
                'aria-controls': inputId,
                autocomplete: 'off',
              })
            : '';
        return (
          search +
          el(
            'select',
            {
              id: inputId,
              name: q.id,
              'aria-describedby': describedBy,
              'aria-invalid': 'false',
              'aria-required': String(q.required),
            },
            option('', ctx.t('question.choose'), value === undefined) +
              options.map((o) => option(o.id, ctx.text(o.label), value === o.id)).join('') +
              (q.other ? option('_other', ctx.t('question.other'), other) : ''),
          )
        );
      }
      return el(
        'div',
        { class: 'opts' },
        options.map((o) => choice('radio', q.id, o.id, value === o.id, ctx.text(o.label))).join('') +
          (q.other ? choice('radio', q.id, '_other', other, ctx.t('question.other')) : ''),
      );
    }
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [];
      const hint = [
        q.min ? ctx.t('validation.minChoices', { count: q.min }) : '',
        q.max ? ctx.t('validation.maxChoices', { count: q.max }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      return (
        (hint ? el('p', { class: 'hint' }, esc(hint)) : '') +
        el(
          'div',
          { class: 'opts' },
          optionOrder(q.options, q.randomize, ctx.seed, q.id)
            .map((o) => choice('checkbox', q.id, o.id, chosen.includes(o.id), ctx.text(o.label)))
            .join(''),
        )
      );
    }
    case 'rating':
      return scale(
        {
          name: q.id,
          min: q.scale.min,
          max: q.scale.max,
          minLabel: ctx.text(q.scale.minLabel),
          maxLabel: ctx.text(q.scale.maxLabel),
          notApplicable: q.notApplicable,
          value,
        },
        ctx,
      );
    case 'nps':
      return scale(
        { name: q.id, min: 0, max: 10, minLabel: ctx.t('nps.low'), maxLabel: ctx.t('nps.high'), value },
        ctx,
      );
    case 'matrix':
      return matrix(
        {
          id: q.id,
          items: q.items,
          min: q.scale.min,
          max: q.scale.max,
          minLabel: q.scale.minLabel,
          maxLabel: q.scale.maxLabel,
          notApplicable: q.notApplicable,
          value,
        },
        ctx,
      );
    case 'importance':
      return q.mode === 'sum'
        ? constantSum(q, ctx)
        : matrix(
            {
              id: q.id,
              items: q.items,
              min: q.scale.min,
              max: q.scale.max,
              minLabel: q.scale.minLabel,
              maxLabel: q.scale.maxLabel,
              notApplicable: false,
              value,
            },
            ctx,
          );
    case 'ranking':
      return ranking(q, ctx);
    case 'gaborGranger':
      return gaborGranger(q, inputId, ctx);
    case 'vanWestendorp':
      return vanWestendorp(q, inputId, describedBy, ctx, (name, v) =>
        scale({ name, min: 1, max: 5, minLabel: ctx.t('nps.low'), maxLabel: ctx.t('nps.high'), value: v }, ctx),
      );
    case 'competitor':
      return competitor(q, ctx, (id, v) =>
        matrix(
          {
            id,
            items: q.attributes,
            min: q.scale.min,
            max: q.scale.max,
            minLabel: q.scale.minLabel,
            maxLabel: q.scale.maxLabel,
            notApplicable: false,
            value: v,
          },
          ctx,
        ),
      );
    case 'text': {
      const common = {
        id: inputId,
        name: q.id,
        maxlength: q.maxLength,
        'aria-describedby': describedBy,
        'aria-invalid': 'false',
        'aria-required': String(q.required),
      };
      const typed = typeof value === 'string' ? value : '';
      return q.multiline
        ? el('textarea', { ...common, rows: 5 }, esc(typed))
        : leaf('input', { type: 'text', ...common, value: typed || undefined });
    }
    case 'number':
      return leaf('input', {
        type: 'text',
        id: inputId,
        name: q.id,
        class: 'num',
        inputmode: q.integer && (q.min ?? 0) >= 0 ? 'numeric' : 'decimal',
        autocomplete: 'off',
        value: typeof value === 'number' || typeof value === 'string' ? String(value) : undefined,
        'aria-describedby': describedBy,
        'aria-invalid': 'false',
        'aria-required': String(q.required),
      });
    case 'servqual': {
      const pairs = record(value);
      const sub = (itemId: string, k: 'e' | 'p', legend: string) =>
        el(
          'fieldset',
          { class: 'sub' },
          el('legend', {}, esc(legend)) +
            scale(
              {
                name: `${q.id}.${itemId}.${k}`,
                min: q.scale.min,
                max: q.scale.max,
                minLabel: ctx.text(q.scale.minLabel),
                maxLabel: ctx.text(q.scale.maxLabel),
                value: record(pairs[itemId])[k],
              },
              ctx,
            ),
        );
      return el(
        'div',
        { class: 'cards' },
        q.items
          .map((item) =>
            el(
              'fieldset',
              { class: 'card' },
              el('legend', {}, esc(ctx.text(item.label))) +
                sub(item.id, 'e', ctx.text(q.expectationLabel) || ctx.t('servqual.expectation')) +
                sub(item.id, 'p', ctx.text(q.perceptionLabel) || ctx.t('servqual.perception')),
            ),
          )
          .join(''),
      );
    }
    case 'contact': {
      const answer = record(value);
      const INPUT = {
        name: ['text', 'name', 'text'],
        email: ['email', 'email', 'email'],
        phone: ['tel', 'tel', 'tel'],
      } as const;
      const LABEL = { name: 'contact.name', email: 'contact.email', phone: 'contact.phone' } as const;
      const fields = (['name', 'email', 'phone'] as const)
        .filter((f) => q[f])
        .map((f) =>
          el(
            'div',
            { class: 'price' },
            el('label', { for: `${inputId}-${f}` }, esc(ctx.t(LABEL[f]))) +
              leaf('input', {
                id: `${inputId}-${f}`,
                name: `${q.id}.${f}`,
                type: INPUT[f][0],
                inputmode: INPUT[f][2],
                autocomplete: INPUT[f][1],
                maxlength: 200,
                value: typeof answer[f] === 'string' ? (answer[f] as string) : undefined,
                'aria-describedby': describedBy,
              }),
          ),
        )
        .join('');
      return el(
        'div',
        { class: 'contact' },
        fields + choice('checkbox', `${q.id}.consent`, 'true', answer.consent === true, ctx.text(q.consent)),
      );
    }
    case 'date':
      return dateInput(q, inputId, describedBy, ctx);
    case 'yesno':
      return yesNo(q, ctx);
    case 'fields':
      return fields(q, inputId, describedBy, ctx);
    case 'matrixScales':
      return matrixScales(q, ctx, (name, s, v) =>
        scale(
          {
            name,
            min: s.scale.min,
            max: s.scale.max,
            minLabel: ctx.text(s.scale.minLabel),
            maxLabel: ctx.text(s.scale.maxLabel),
            value: v,
          },
          ctx,
        ),
      );
    case 'info':
      return '';
  }
}

/** client/respondent/questions/Question.tsx: the question's text, required marker and help around its controls. */
export function renderQuestion(q: Question, ctx: RenderContext): string {
  const id = questionDomId(q.id);
  if (q.type === 'info') {
    return el(
      'div',
      { class: 'q info', id },
      el('p', { class: 'qtext' }, esc(ctx.piped(ctx.text(q.text)))) +
        (q.help ? el('p', { class: 'help' }, esc(ctx.piped(ctx.text(q.help)))) : ''),
    );
  }
  const helpId = q.help ? `${id}-help` : undefined;
  const heading =
    el('span', { class: 'qtext' }, esc(ctx.piped(ctx.text(q.text)))) +
    (q.required ? el('span', { class: 'req' }, esc(ctx.t('question.required'))) : '');
  const body =
    (q.help ? el('p', { class: 'help', id: helpId }, esc(ctx.piped(ctx.text(q.help)))) : '') +
    renderer(q, `${id}-in`, helpId, ctx);
  return isSingleControl(q)
    ? el('div', { class: 'q', id }, el('label', { class: 'legend', for: `${id}-in` }, heading) + body)
    : el('fieldset', { class: 'q', id, 'aria-describedby': helpId }, el('legend', {}, heading) + body);
}
