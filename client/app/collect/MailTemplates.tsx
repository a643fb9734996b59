import { createEffect, createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { CollectionSettings } from '../../../shared/api/collect';
import { loadAppMessages, type AppKey } from '../../../shared/i18n';
import { interfaceLocale, languageName } from '../../../shared/survey/survey-language';
import { api } from '../lib/api';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';

type Kind = 'invitationMail' | 'reminderMail';
const DEFAULT_KEYS: Record<Kind, { subject: AppKey; body: AppKey }> = {
  invitationMail: { subject: 'mail.invitation.subject', body: 'mail.invitation.body' },
  reminderMail: { subject: 'mail.reminder.subject', body: 'mail.reminder.body' },
};

/** The invitation and reminder e-mails per language; a language left as it is gets the app's wording. */
export default function MailTemplates(props: {
  surveyId: string;
  languages: readonly string[];
  initial: CollectionSettings;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const [saved, setSaved] = createSignal({
    invitationMail: props.initial.invitationMail,
    reminderMail: props.initial.reminderMail,
  });
  const [kind, setKind] = createSignal<Kind>('invitationMail');
  const [lang, setLang] = createSignal<string>(props.languages[0]);
  const [subject, setSubject] = createSignal('');
  const [body, setBody] = createSignal('');
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = createSignal<unknown>(null);

  // The wording shown is the survey's own, else the default of that language (not the app's language).
  const [loaded] = createResource(
    () => [kind(), lang(), saved()] as const,
    async ([k, l, s]) => {
      const own = s[k][l];
      if (own) return own;
      const messages = await loadAppMessages(interfaceLocale(l));
      return { subject: messages[DEFAULT_KEYS[k].subject] as string, body: messages[DEFAULT_KEYS[k].body] as string };
    },
  );
  createEffect(() => {
    const l = loaded();
    if (l) {
      setSubject(l.subject);
      setBody(l.body);
    }
  });

  const write = async (value: { subject: string; body: string } | null) => {
    setState('saving');
    setFailure(null);
    const next = { ...saved()[kind()] };
    if (value) next[lang()] = value;
    else delete next[lang()];
    try {
      const settings = await api.patch('/api/surveys/:id/settings', {
        params: { id: props.surveyId },
        body: {
          [kind()]: next,
        },
      });
      setSaved({ invitationMail: settings.invitationMail, reminderMail: settings.reminderMail });
      setState('saved');
    } catch (err) {
      setFailure(err);
      setState('idle');
    }
  };

  return (
    <section class="card" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('distribute.templates')}
      </h2>
      <p class="field-hint">{t('distribute.templateHint')}</p>
      <form
        class="template-form"
        onSubmit={(e) => {
          e.preventDefault();
          void write({ subject: subject(), body: body() });
        }}
        novalidate
      >
        <fieldset disabled={props.readOnly}>
          <div class="rules-grid">
            <label class="field">
              <span class="field-label">{t('distribute.templateKind')}</span>
              <select
                class="input"
                value={kind()}
                onChange={(e) => {
                  setKind(e.currentTarget.value as Kind);
                  setState('idle');
                }}
                data-testid="template-kind"
              >
                <option value="invitationMail">{t('distribute.sendInvitations')}</option>
                <option value="reminderMail">{t('distribute.sendReminders')}</option>
              </select>
            </label>
            <label class="field">
              <span class="field-label">{t('distribute.col.language')}</span>
              <select
                class="input"
                value={lang()}
                onChange={(e) => {
                  setLang(e.currentTarget.value);
                  setState('idle');
                }}
                data-testid="template-lang"
              >
                <For each={props.languages}>{(l) => <option value={l}>{languageName(l)}</option>}</For>
              </select>
            </label>
          </div>
          <Show when={loaded()}>
            <label class="field">
              <span class="field-label">{t('distribute.subject')}</span>
              <input
                class="input"
                value={subject()}
                maxLength={200}
                onInput={(e) => {
                  setSubject(e.currentTarget.value);
                  setState('idle');
                }}
                data-testid="template-subject"
              />
            </label>
            <label class="field template-body">
              <span class="field-label">{t('distribute.body')}</span>
              <textarea
                class="input"
                rows="9"
                value={body()}
                onInput={(e) => {
                  setBody(e.currentTarget.value);
                  setState('idle');
                }}
                data-testid="template-body"
              />
            </label>
          </Show>
          <Show when={failure()}>
            <p class="field-error" role="alert">
              {errorText(t, failure())}
            </p>
          </Show>
          <Show when={!props.readOnly}>
            <div class="form-actions">
              <span class="muted" role="status">
                {state() === 'saved' ? t('distribute.saved') : ''}
              </span>
              <Show when={saved()[kind()][lang()]}>
                <button type="button" class="btn" onClick={() => void write(null)}>
                  {t('distribute.resetTemplate')}
                </button>
              </Show>
              <button
                type="submit"
                class="btn btn-primary"
                disabled={state() === 'saving' || !body().includes('{link}')}
                data-testid="template-save"
              >
                {t('distribute.saveTemplate')}
              </button>
            </div>
          </Show>
        </fieldset>
      </form>
    </section>
  );
}
