import { For, Show, type JSX } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Option } from '../../../shared/survey/schema';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import { textIn } from './definition';

/** The options, items, brands or attributes of a question: labels to edit, add and remove. */
export default function ChoiceList(props: {
  items: Option[];
  lang: SurveyLanguage;
  /** Fewer than this and the schema refuses the question, so removing stops there. */
  min: number;
  marker: 'radio' | 'check' | 'item';
  legend: string;
  addLabel: string;
  placeholder: (n: number) => string;
  removeLabel: (n: number) => string;
  onLabel: (index: number, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** More to edit per row (a SERVQUAL item's dimension), after its label. */
  extra?: (index: number) => JSX.Element;
}) {
  const { t } = useI18n();
  let list!: HTMLOListElement;

  const addAndFocus = () => {
    props.onAdd();
    queueMicrotask(() => list.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset class="choices">
      <legend class="field-label">{props.legend}</legend>
      <ol class="choice-list" ref={list}>
        <For each={props.items}>
          {(item, i) => (
            <li class="choice">
              <span class={`choice-marker choice-${props.marker}`} aria-hidden="true" />
              <input
                class="input input-quiet"
                value={textIn(item.label, props.lang)}
                onInput={(e) => props.onLabel(i(), e.currentTarget.value)}
                // Enter adds the next option, the way people type a list.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addAndFocus();
                  }
                }}
                aria-label={props.placeholder(i() + 1)}
                placeholder={props.placeholder(i() + 1)}
                data-testid="option-label"
              />
              {props.extra?.(i())}
              <span class="choice-id" title={t('editor.idHint')}>
                {item.id}
              </span>
              <Show when={props.items.length > props.min}>
                <button
                  type="button"
                  class="icon-btn"
                  onClick={() => props.onRemove(i())}
                  aria-label={props.removeLabel(i() + 1)}
                  title={props.removeLabel(i() + 1)}
                >
                  <Icon name="close" size={16} />
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="btn btn-small btn-quiet" onClick={addAndFocus} data-testid="add-option">
        <Icon name="plus" size={16} />
        {props.addLabel}
      </button>
    </fieldset>
  );
}
