import { createSignal, createUniqueId, Show } from 'solid-js';
import * as v from 'valibot';
import { SlugSchema, type SurveyDetail } from '../../../shared/api/surveys';
import { api } from '../lib/api';
import { CopyButton } from '../lib/components';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { openLink } from './status';
import { createSubmission } from '../lib/submission';

/** The survey's open link, with copy, and a way to give it a readable address. */
export default function OpenLink(props: {
  survey: SurveyDetail;
  readOnly: boolean;
  onSaved: (detail: SurveyDetail) => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const [slug, setSlug] = createSignal('');
  const send = createSubmission();
  const invalid = () => !v.is(SlugSchema, slug());

  const start = () => {
    setSlug(props.survey.slug);
    send.clear();
    setEditing(true);
  };

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (invalid()) return;
    await send.run(async () => {
      props.onSaved(await api.patch('/api/surveys/:id', { params: { id: props.survey.id }, body: { slug: slug() } }));
      setEditing(false);
    });
  };

  return (
    <Show
      when={editing()}
      fallback={
        <div class="link-row">
          <span class="field-label">{t('editor.openLink')}</span>
          <a
            class="open-link"
            href={openLink(props.survey.slug)}
            target="_blank"
            rel="noopener"
            data-testid="open-link"
          >
            {openLink(props.survey.slug)}
          </a>
          <CopyButton
            text={openLink(props.survey.slug)}
            label={t('editor.copyLink')}
            copiedLabel={t('editor.linkCopied')}
            testid="copy-link"
          />
          <Show when={!props.readOnly}>
            <button type="button" class="btn btn-small btn-quiet" onClick={start} data-testid="change-link">
              {t('editor.changeLink')}
            </button>
          </Show>
        </div>
      }
    >
      <form class="slug-form" onSubmit={save} novalidate>
        <label class="field-label" for={id}>
          {t('editor.openLink')}
        </label>
        <div class="slug-input">
          <span class="slug-prefix">{openLink('')}</span>
          <input
            id={id}
            class="input input-mono"
            value={slug()}
            onInput={(e) => setSlug(e.currentTarget.value.toLowerCase())}
            aria-invalid={invalid() ? 'true' : undefined}
            autofocus
            data-testid="slug-input"
          />
        </div>
        <p class={invalid() ? 'field-error' : 'field-hint'}>{t('editor.slugRule')}</p>
        <Show when={props.survey.version !== null}>
          <p class="field-hint">{t('editor.slugWarning')}</p>
        </Show>
        <Show when={send.failure()}>
          <p class="field-error" role="alert">
            {errorText(t, send.failure())}
          </p>
        </Show>
        <div class="form-actions">
          <button type="button" class="btn btn-small btn-quiet" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class="btn btn-small btn-primary"
            disabled={send.busy() || invalid()}
            data-testid="slug-save"
          >
            {t('editor.save')}
          </button>
        </div>
      </form>
    </Show>
  );
}
