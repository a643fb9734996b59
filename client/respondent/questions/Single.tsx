import { createSignal, For, Show } from 'solid-js';
import { optionOrder, searchKey, SEARCHABLE_FROM } from '../../../shared/survey/page-view';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

// Option ids start with a letter, so this value of the dropdown can never be a real option's.
const OTHER = '_other';

const otherOf = (value: unknown): string | undefined =>
  value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  typeof (value as { other?: unknown }).other === 'string'
    ? (value as { other: string }).other
    : undefined;

/**
 * One choice: a list of radios, or a <select> when the survey asks for a dropdown (long lists).
 * A long dropdown gets a search box above it that narrows the list, since a phone's picker of two
 * hundred countries can only be scrolled; the chosen option always stays in the list.
 * "Other" keeps its text while chosen; the answer is then `{ other: text }`.
 */
export function Single(props: RendererProps<'single'>) {
  const options = () => optionOrder(props.q.options, props.q.randomize, props.seed, props.q.id);
  const [search, setSearch] = createSignal('');
  const shown = () => {
    const key = searchKey(search().trim());
    return key === ''
      ? options()
      : options().filter((o) => o.id === props.value || searchKey(text(o.label)).includes(key));
  };
  const other = () => otherOf(props.value);
  const otherInput = () => (
    <Show when={other() !== undefined}>
      <input
        type="text"
        class="other-in"
        aria-label={t('question.otherInput')}
        maxLength={500}
        value={other()}
        aria-invalid={props.invalid}
        onInput={(e) => props.onChange({ other: e.currentTarget.value })}
      />
    </Show>
  );
  return (
    <Show
      when={props.q.display === 'dropdown'}
      fallback={
        <div class="opts">
          <For each={options()}>
            {(o) => (
              <label class="opt">
                <input
                  type="radio"
                  name={props.q.id}
                  value={o.id}
                  checked={props.value === o.id}
                  onChange={() => props.onChange(o.id)}
                />
                <span>{text(o.label)}</span>
              </label>
            )}
          </For>
          <Show when={props.q.other}>
            <label class="opt">
              <input
                type="radio"
                name={props.q.id}
                value={OTHER}
                checked={other() !== undefined}
                onChange={() => props.onChange({ other: '' })}
              />
              <span>{t('question.other')}</span>
            </label>
            {otherInput()}
          </Show>
        </div>
      }
    >
      <Show when={options().length >= SEARCHABLE_FROM}>
        <input
          type="search"
          class="find"
          aria-label={t('question.search')}
          placeholder={t('question.search')}
          aria-controls={props.inputId}
          autocomplete="off"
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </Show>
      <select
        id={props.inputId}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid}
        aria-required={props.q.required}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onChange(v === OTHER ? { other: '' } : v || undefined);
        }}
      >
        <option value="" selected={props.value === undefined}>
          {t('question.choose')}
        </option>
        <For each={shown()}>
          {(o) => (
            <option value={o.id} selected={props.value === o.id}>
              {text(o.label)}
            </option>
          )}
        </For>
        <Show when={props.q.other}>
          <option value={OTHER} selected={other() !== undefined}>
            {t('question.other')}
          </option>
        </Show>
      </select>
      {otherInput()}
    </Show>
  );
}
