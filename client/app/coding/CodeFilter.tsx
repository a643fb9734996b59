/** The coding screen's "show answers coded X", and with a code shown, splitting its marked answers off into a new code. */
import { createSignal, For, Show } from 'solid-js';
import type { CodeDto } from '../../../shared/api/coding';
import { useI18n } from '../lib/i18n';

export default function CodeFilter(props: {
  codes: CodeDto[];
  label: (c: CodeDto) => string;
  /** The code shown, '' for every answer. */
  shown: string;
  onShow: (codeId: string) => void;
  marked: number;
  /** Splits the marked answers off into a new code of this name; resolves true when done. */
  onSplit: (label: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [name, setName] = createSignal('');
  const shownCode = () => props.codes.find((c) => c.id === props.shown);
  return (
    <div class="coding-filter">
      <label>
        {t('coding.show')}
        <select
          class="select"
          value={props.shown}
          onChange={(e) => props.onShow(e.currentTarget.value)}
          data-testid="coding-filter"
        >
          <option value="" selected={props.shown === ''}>
            {t('coding.showAll')}
          </option>
          {/* Codes read again after a change redraw the options: each says itself whether it is shown. */}
          <For each={props.codes}>
            {(c) => (
              <option value={c.id} selected={c.id === props.shown}>
                {t('coding.showCode', { code: props.label(c) })}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={shownCode() && !shownCode()!.isNet}>
        <form
          class="coding-split"
          onSubmit={async (e) => {
            e.preventDefault();
            if (name().trim() && props.marked > 0 && (await props.onSplit(name().trim()))) setName('');
          }}
          data-testid="coding-split"
        >
          <span class="muted">{t('coding.split.hint', { code: props.label(shownCode()!) })}</span>
          <input
            class="input"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            placeholder={t('coding.split.newCode')}
            aria-label={t('coding.split.newCode')}
            maxLength={200}
            data-testid="coding-split-label"
          />
          <button type="submit" class="btn btn-small" disabled={props.marked === 0 || !name().trim()}>
            {t('coding.split.apply', { count: props.marked })}
          </button>
        </form>
      </Show>
    </div>
  );
}
