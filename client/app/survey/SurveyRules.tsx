import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Logic } from '../../../shared/survey/logic';
import type { ScreenOut, SurveyDefinition } from '../../../shared/survey/schema';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import LogicEditor, { type LogicSource } from './LogicEditor';
import { nextId, questionIds, textIn, withOptionalText } from './definition';
import { isId } from '../../../shared/survey/ids';

/**
 * Hidden fields: values that come with the link (tier, region, customer id) rather than from an
 * answer. Their names are what links, contact-list columns and logic use.
 */
export function HiddenFields(props: { definition: SurveyDefinition; onChange: (fields: string[]) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const n = name().trim();
    if (!isId(n)) return setError(t('editor.hidden.invalid'));
    if (props.definition.hiddenFields.includes(n) || questionIds(props.definition).includes(n))
      return setError(t('editor.hidden.taken', { name: n }));
    setError(null);
    setName('');
    props.onChange([...props.definition.hiddenFields, n]);
  };
  return (
    <section class="card rules" aria-labelledby={`${id}-title`} data-testid="hidden-fields">
      <h2 id={`${id}-title`} class="translations-title">
        {t('editor.hidden.title')}
      </h2>
      <p class="field-hint">{t('editor.hidden.hint')}</p>
      <Show when={props.definition.hiddenFields.length > 0}>
        <ul class="chip-list">
          <For each={props.definition.hiddenFields}>
            {(f) => (
              <li class="chip" data-testid="hidden-field">
                {f}
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={t('editor.hidden.remove', { name: f })}
                  onClick={() => props.onChange(props.definition.hiddenFields.filter((x) => x !== f))}
                >
                  <Icon name="close" size={14} />
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form" onSubmit={add}>
        <label class="visually-hidden" for={`${id}-name`}>
          {t('editor.hidden.name')}
        </label>
        <input
          id={`${id}-name`}
          class="input input-narrow"
          style={{ width: '14em' }}
          value={name()}
          placeholder={t('editor.hidden.placeholder')}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          data-testid="hidden-name"
        />
        <button type="submit" class="btn btn-small" data-testid="hidden-add">
          <Icon name="plus" />
          {t('editor.hidden.add')}
        </button>
      </form>
      <Show when={error()}>
        <p class="field-error" id={`${id}-error`} role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}

/**
 * Screen-outs: after a page, respondents for whom the condition holds are thanked and let go with
 * their own message, instead of answering questions meant for someone else.
 */
export function ScreenOuts(props: {
  definition: SurveyDefinition;
  lang: SurveyLanguage;
  /** Questions up to and including `page`, and hidden fields: what a screen-out after it may read. */
  sources: (page: number) => LogicSource[];
  onChange: (fn: (list: ScreenOut[]) => ScreenOut[]) => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const pageLabel = (i: number) => {
    const title = textIn(props.definition.pages[i].title, props.lang);
    return `${t('editor.pageNumber', { n: i + 1 })}${title ? ` — ${title}` : ''}`;
  };
  const update = (i: number, fn: (s: ScreenOut) => ScreenOut) =>
    props.onChange((list) => list.map((s, j) => (j === i ? fn(s) : s)));
  const pageOf = (s: ScreenOut) =>
    Math.max(
      0,
      props.definition.pages.findIndex((p) => p.id === s.afterPage),
    );
  const add = () => {
    const first = props.definition.pages.findIndex((_, i) => props.sources(i).length > 0);
    if (first < 0) return;
    const source = props.sources(first)[0];
    const when: Logic = {
      match: 'all',
      conditions: [
        source.options
          ? { source: source.id, op: 'equals', value: source.options[0].id }
          : { source: source.id, op: 'answered' },
      ],
    };
    props.onChange((list) => [
      ...list,
      {
        id: nextId(
          'so',
          list.map((s) => s.id),
        ),
        afterPage: props.definition.pages[first].id,
        when,
      },
    ]);
  };
  return (
    <section class="card rules" aria-labelledby={`${id}-title`} data-testid="screen-outs">
      <h2 id={`${id}-title`} class="translations-title">
        {t('editor.screenOut.title')}
      </h2>
      <p class="field-hint">{t('editor.screenOut.hint')}</p>
      <For each={props.definition.screenOuts}>
        {(s, i) => (
          <div class="screen-out" data-testid="screen-out">
            <div class="screen-out-head">
              <label class="field-label" for={`${id}-${i()}-after`}>
                {t('editor.screenOut.after')}
              </label>
              <select
                id={`${id}-${i()}-after`}
                class="select select-small"
                value={s.afterPage}
                onChange={(e) => update(i(), (x) => ({ ...x, afterPage: e.currentTarget.value }))}
                data-testid="screen-out-after"
              >
                <For each={props.definition.pages}>{(p, pi) => <option value={p.id}>{pageLabel(pi())}</option>}</For>
              </select>
              <button
                type="button"
                class="btn btn-small btn-quiet"
                style={{ 'margin-left': 'auto' }}
                onClick={() => props.onChange((list) => list.filter((_, j) => j !== i()))}
                data-testid="screen-out-remove"
              >
                {t('editor.screenOut.remove')}
              </button>
            </div>
            <LogicEditor
              logic={s.when}
              sources={props.sources(pageOf(s))}
              lang={props.lang}
              legend={t('editor.screenOut.when')}
              // A screen-out without a condition would end everyone's survey: keep the last one.
              onChange={(logic) => logic && update(i(), (x) => ({ ...x, when: logic }))}
              testid="screen-out-logic"
            />
            <div class="field">
              <label class="field-label" for={`${id}-${i()}-message`}>
                {t('editor.screenOut.message')}
              </label>
              <textarea
                id={`${id}-${i()}-message`}
                class="input"
                rows="2"
                value={textIn(s.message, props.lang)}
                placeholder={t('editor.screenOut.messagePlaceholder')}
                onInput={(e) =>
                  update(i(), (x) => ({
                    ...x,
                    message: withOptionalText(x.message, props.lang, e.currentTarget.value),
                  }))
                }
                data-testid="screen-out-message"
              />
            </div>
          </div>
        )}
      </For>
      <div>
        <button
          type="button"
          class="btn btn-small"
          onClick={add}
          disabled={!props.definition.pages.some((_, i) => props.sources(i).length > 0)}
          data-testid="screen-out-add"
        >
          <Icon name="plus" />
          {t('editor.screenOut.add')}
        </button>
      </div>
    </section>
  );
}
