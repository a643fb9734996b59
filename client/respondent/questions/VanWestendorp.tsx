import { For, Show } from 'solid-js';
import { VW_PRICES } from '../../../shared/survey/research-answers';
import { locale, t } from '../i18n';
import { DecimalField } from './DecimalField';
import { money } from './money';
import { Scale } from './Scale';
import type { RendererProps } from './types';

type Answer = Record<string, unknown>;

const QUESTION = {
  tooCheap: 'vw.tooCheap',
  cheap: 'vw.cheap',
  expensive: 'vw.expensive',
  tooExpensive: 'vw.tooExpensive',
} as const;

/**
 * The Van Westendorp price sensitivity meter: four prices in the standard wording, typed as text
 * with a decimal keypad (see NumberInput for why not type="number"), then, when the survey asks,
 * the purchase likelihood at the respondent's own cheap and expensive prices.
 */
export function VanWestendorp(props: RendererProps<'vanWestendorp'>) {
  const answer = (): Answer =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? (props.value as Answer) : {};
  const set = (key: string, value: unknown) => {
    const next = { ...answer() };
    if (value === undefined) delete next[key];
    else next[key] = value;
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  const priceOf = (key: string) =>
    typeof answer()[key] === 'number' ? money(answer()[key] as number, props.q.currency) : '…';
  const symbol = () =>
    new Intl.NumberFormat(locale(), { style: 'currency', currency: props.q.currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value ?? props.q.currency;
  return (
    <div class="vw">
      <For each={VW_PRICES}>
        {(key) => (
          <div class="price">
            <label for={`${props.inputId}-${key}`}>{t(QUESTION[key])}</label>
            <span class="money">
              <span aria-hidden="true">{symbol()}</span>
              <DecimalField
                id={`${props.inputId}-${key}`}
                inputmode="decimal"
                value={answer()[key]}
                invalid={props.invalid}
                describedBy={props.describedBy}
                onChange={(value) => set(key, value)}
              />
            </span>
          </div>
        )}
      </For>
      <Show when={props.q.likelihood}>
        <For
          each={
            [
              ['likelyCheap', 'cheap'],
              ['likelyExpensive', 'expensive'],
            ] as const
          }
        >
          {([key, at]) => (
            <fieldset class="sub">
              <legend>{t('vw.likely', { price: priceOf(at) })}</legend>
              <Scale
                name={`${props.q.id}.${key}`}
                min={1}
                max={5}
                minLabel={t('nps.low')}
                maxLabel={t('nps.high')}
                value={typeof answer()[key] === 'number' ? (answer()[key] as number) : undefined}
                onChange={(p) => set(key, p)}
              />
            </fieldset>
          )}
        </For>
      </Show>
    </div>
  );
}
