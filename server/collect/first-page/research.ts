/**
 * The research question types of the server's copy of the page, as client/respondent/questions
 * renders them (Ranking, GaborGranger, VanWestendorp, Importance in "sum" mode, Competitor). Their
 * buttons do nothing until the bundle takes over; what is typed or ticked is read back by name.
 */
import { ladderNext, type LadderStep } from '../../../shared/survey/ladder';
import { optionOrder } from '../../../shared/survey/page-view';
import { VW_PRICES } from '../../../shared/survey/research-answers';
import type { Question } from '../../../shared/survey/schema';
import { el, esc, leaf } from './html';
import type { RenderContext } from './questions';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;
const record = (x: unknown): Record<string, unknown> =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

/** client/respondent/questions/money.ts */
const money = (ctx: RenderContext, amount: number, currency: string) =>
  new Intl.NumberFormat(ctx.lang, {
    style: 'currency',
    currency,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);

export function ranking(q: Of<'ranking'>, ctx: RenderContext): string {
  const value = ctx.answers[q.id];
  const ids = Array.isArray(value) ? value : [];
  const byId = (id: unknown) => q.options.find((o) => o.id === id);
  const order =
    ids.length === q.options.length && ids.every(byId)
      ? ids.map((id) => byId(id)!)
      : optionOrder(q.options, q.randomize, ctx.seed, q.id);
  const move = (id: string, dir: 'up' | 'down', label: string, disabled: boolean, arrow: string) =>
    el(
      'button',
      {
        type: 'button',
        class: 'mv',
        id: `${q.id}-${id}-${dir}`,
        disabled,
        'aria-label': `${ctx.t(dir === 'up' ? 'ranking.moveUp' : 'ranking.moveDown')}: ${label}`,
      },
      arrow,
    );
  const items = order
    .map((o, i) => {
      const label = ctx.text(o.label);
      return el(
        'li',
        { class: 'opt' },
        el('b', { 'aria-hidden': 'true' }, String(i + 1)) +
          el('span', {}, esc(label)) +
          move(o.id, 'up', label, i === 0, '↑') +
          move(o.id, 'down', label, i === order.length - 1, '↓'),
      );
    })
    .join('');
  return (
    el('p', { class: 'hint' }, esc(ctx.t('ranking.instructions'))) +
    el('ol', { class: 'rank' }, items) +
    (Array.isArray(value) ? '' : el('button', { type: 'button', class: 'link' }, esc(ctx.t('ranking.keep'))))
  );
}

export function gaborGranger(q: Of<'gaborGranger'>, inputId: string, ctx: RenderContext): string {
  const p = record(ctx.answers[q.id]).path;
  const path = Array.isArray(p) ? (p as LadderStep[]) : [];
  const price = (n: number) => money(ctx, n, q.currency);
  const steps = path
    .map((s) =>
      el(
        'li',
        {},
        `${esc(ctx.t('gg.question', { price: price(s.price) }))} ${el('b', {}, esc(ctx.t(s.buy ? 'gg.yes' : 'gg.no')))}`,
      ),
    )
    .join('');
  const at = ladderNext(q.prices, q.start, path);
  const ask =
    at !== null
      ? el(
          'div',
          { class: 'ask', role: 'group', 'aria-labelledby': `${inputId}-ask` },
          el(
            'p',
            { id: `${inputId}-ask`, 'aria-live': 'polite' },
            esc(ctx.t('gg.question', { price: price(q.prices[at]) })),
          ) +
            el(
              'div',
              { class: 'yn' },
              el('button', { type: 'button', class: 'btn secondary', id: `${inputId}-yes` }, esc(ctx.t('gg.yes'))) +
                el('button', { type: 'button', class: 'btn secondary' }, esc(ctx.t('gg.no'))),
            ),
        )
      : el('button', { type: 'button', class: 'link' }, esc(ctx.t('gg.again')));
  return el('div', { class: 'gg' }, el('ul', { class: 'steps' }, steps) + ask);
}

export function vanWestendorp(
  q: Of<'vanWestendorp'>,
  inputId: string,
  describedBy: string | undefined,
  ctx: RenderContext,
  scale: (name: string, value: unknown) => string,
): string {
  const answer = record(ctx.answers[q.id]);
  const symbol =
    new Intl.NumberFormat(ctx.lang, { style: 'currency', currency: q.currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value ?? q.currency;
  const QUESTION = {
    tooCheap: 'vw.tooCheap',
    cheap: 'vw.cheap',
    expensive: 'vw.expensive',
    tooExpensive: 'vw.tooExpensive',
  } as const;
  const prices = VW_PRICES.map((key) =>
    el(
      'div',
      { class: 'price' },
      el('label', { for: `${inputId}-${key}` }, esc(ctx.t(QUESTION[key]))) +
        el(
          'span',
          { class: 'money' },
          el('span', { 'aria-hidden': 'true' }, esc(symbol)) +
            leaf('input', {
              type: 'text',
              id: `${inputId}-${key}`,
              name: `${q.id}.${key}`,
              class: 'num',
              inputmode: 'decimal',
              autocomplete: 'off',
              value:
                typeof answer[key] === 'number' || typeof answer[key] === 'string' ? String(answer[key]) : undefined,
              'aria-invalid': 'false',
              'aria-describedby': describedBy,
            }),
        ),
    ),
  ).join('');
  const priceOf = (key: string) =>
    typeof answer[key] === 'number' ? money(ctx, answer[key] as number, q.currency) : '…';
  const likely = q.likelihood
    ? (
        [
          ['likelyCheap', 'cheap'],
          ['likelyExpensive', 'expensive'],
        ] as const
      )
        .map(([key, at]) =>
          el(
            'fieldset',
            { class: 'sub' },
            el('legend', {}, esc(ctx.t('vw.likely', { price: priceOf(at) }))) + scale(`${q.id}.${key}`, answer[key]),
          ),
        )
        .join('')
    : '';
  return el('div', { class: 'vw' }, prices + likely);
}

export function constantSum(q: Of<'importance'>, ctx: RenderContext): string {
  const points = record(ctx.answers[q.id]);
  const sum = Object.values(points).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
  const items = q.items
    .map((item) =>
      el(
        'label',
        { class: 'opt' },
        el('span', {}, esc(ctx.text(item.label))) +
          leaf('input', {
            type: 'text',
            name: `${q.id}.${item.id}`,
            inputmode: 'numeric',
            class: 'pts-in',
            autocomplete: 'off',
            value: points[item.id] === undefined ? undefined : String(points[item.id]),
            'aria-invalid': 'false',
          }),
      ),
    )
    .join('');
  return el(
    'div',
    { class: 'sum' },
    items +
      el(
        'p',
        { class: sum !== q.total ? 'total off' : 'total', 'aria-live': 'polite' },
        esc(ctx.t('importance.total', { sum, total: q.total })),
      ),
  );
}

export function competitor(
  q: Of<'competitor'>,
  ctx: RenderContext,
  matrix: (id: string, value: unknown) => string,
): string {
  const v = record(ctx.answers[q.id]);
  const known = Array.isArray(v.known) ? (v.known as string[]) : [];
  const ratings = record(v.ratings);
  const brands = [...q.brands].sort((a, b) => Number(b.id === q.ownBrand) - Number(a.id === q.ownBrand));
  const boxes = brands
    .map((b) =>
      el(
        'label',
        { class: 'opt' },
        leaf('input', { type: 'checkbox', name: `${q.id}.known`, value: b.id, checked: known.includes(b.id) }) +
          el('span', {}, esc(ctx.text(b.label))),
      ),
    )
    .join('');
  const grids = brands
    .filter((b) => known.includes(b.id))
    .map((b) =>
      el(
        'fieldset',
        { class: 'sub brand' },
        el('legend', {}, esc(ctx.text(b.label))) + matrix(`${q.id}_${b.id}`, ratings[b.id]),
      ),
    )
    .join('');
  return (
    el(
      'fieldset',
      { class: 'sub' },
      el('legend', {}, esc(ctx.t('competitor.known'))) + el('div', { class: 'opts' }, boxes),
    ) + grids
  );
}
