import { createEffect, createSignal, For, Show, untrack } from 'solid-js';
import { VW_PRICES } from '../../../shared/survey/research-answers';
import { locale, t } from '../i18n';
import { money } from './money';
import { decimalMarkOf, formatForInput, parseNumber } from './parse-number';
import { Scale } from './Scale';
import type { RendererProps } from './types';

type Answer = Record<string, unknown>;

const QUESTION = { tooCheap: 'vw.tooCheap', cheap: 'vw.cheap', expensive: 'vw.expensive', tooExpensive: 'vw.tooExpensive' } as const;

/**
 * The Van Westendorp price sensitivity meter: four prices in the standard wording, typed as text
 * with a decimal keypad (see NumberInput for why not type="number"), then, when the survey asks,
 * the purchase likelihood at the respondent's own cheap and expensive prices.
 */
export function VanWestendorp(props: RendererProps<'vanWestendorp'>) {
  const answer = (): Answer => (props.value && typeof props.value === 'object' && !Array.isArray(props.value) ? props.value as Answer : {});
  const set = (key: string, value: unknown) => {
    const next = { ...answer() };
    if (value === undefined) delete next[key];
    else next[key] = value;
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  const priceOf = (key: string) => (typeof answer()[key] === 'number' ? money(answer()[key] as number, props.q.currency) : '…');
  const symbol = () => new Intl.NumberFormat(locale(), { style: 'currency', currency: props.q.currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? props.q.currency;
  return (
    <div class="vw">
      <For each={VW_PRICES}>
        {(key) => (
          <div class="price">
            <label for={`${props.inputId}-${key}`}>{t(QUESTION[key])}</label>
            <span class="money">
              <span aria-hidden="true">{symbol()}</span>
              <PriceInput
                id={`${props.inputId}-${key}`}
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
        <For each={[['likelyCheap', 'cheap'], ['likelyExpensive', 'expensive']] as const}>
          {([key, at]) => (
            <fieldset class="sub">
              <legend>{t('vw.likely', { price: priceOf(at) })}</legend>
              <Scale
                name={`${props.q.id}.${key}`}
                min={1}
                max={5}
                minLabel={t('nps.low')}
                maxLabel={t('nps.high')}
                value={typeof answer()[key] === 'number' ? answer()[key] as number : undefined}
                onChange={(p) => set(key, p)}
              />
            </fieldset>
          )}
        </For>
      </Show>
    </div>
  );
}

/**
 * A price typed as text: the answer follows every keystroke (a change only on blur would move the
 * page under a pointer already pressing Next), while the field keeps the respondent's own spelling.
 */
function PriceInput(props: { id: string; value: unknown; invalid: boolean; describedBy: string | undefined; onChange: (value: unknown) => void }) {
  const mark = () => decimalMarkOf(locale());
  const toText = (v: unknown) => (typeof v === 'number' ? formatForInput(v, mark()) : typeof v === 'string' ? v : '');
  const read = (s: string) => (s.trim() === '' ? undefined : parseNumber(s, mark()) ?? s);
  const [draft, setDraft] = createSignal(toText(props.value));
  createEffect(() => {
    const value = props.value;
    if (untrack(() => read(draft())) !== value) setDraft(toText(value));
  });
  return (
    <input
      type="text"
      id={props.id}
      class="num"
      inputmode="decimal"
      autocomplete="off"
      value={draft()}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onInput={(e) => {
        setDraft(e.currentTarget.value);
        props.onChange(read(e.currentTarget.value));
      }}
    />
  );
}
