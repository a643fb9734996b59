/** Suggested themes of an open question, per answer language; a researcher accepts one as a code. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ThemeDto } from '../../../shared/api/coding';
import type { FrameRef } from './frame';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { languageName } from './text';

export default function Themes(props: { frame: FrameRef; canAccept: boolean; onAccepted?: () => void }) {
  const { t, num, pct, locale } = useI18n();
  const [themes, { refetch }] = createResource(
    () => props.frame,
    (f) => api.get('/api/surveys/:id/coding/:questionId/themes', { params: f }),
  );
  const [accepted, setAccepted] = createSignal<Record<string, number>>({});
  const [failure, setFailure] = createSignal<unknown>(null);

  const accept = async (theme: ThemeDto) => {
    setFailure(null);
    try {
      const frame = await api.get('/api/surveys/:id/coding/:questionId', { params: props.frame });
      // The label in the theme's language when the survey has it, else in the survey's default.
      const lang = frame.languages.includes(theme.language) ? theme.language : frame.languages[0];
      const code = await api.post('/api/surveys/:id/coding/:questionId/codes', {
        params: props.frame,
        // The theme's words stay with the code: an alert rule on it matches new answers by them.
        body: { label: { [lang]: theme.label }, words: theme.terms.map((x) => x.term).slice(0, 50) },
      });
      const done = await api.post('/api/surveys/:id/coding/:questionId/bulk', {
        params: props.frame,
        body: { codeId: code.id, themeId: theme.id },
      });
      setAccepted((a) => ({ ...a, [theme.id]: done.added }));
      props.onAccepted?.();
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section class="card coding-themes" aria-labelledby="coding-themes-title" data-testid="coding-themes">
      <div class="card-head">
        <h2 class="card-title" id="coding-themes-title">
          {t('coding.themes.title')}
        </h2>
      </div>
      <p class="muted">{t('coding.themes.intro')}</p>
      <Show when={failure() ?? themes.error}>
        <ErrorBox error={failure() ?? themes.error} onRetry={refetch} />
      </Show>
      <Show when={themes()}>
        {(d) => (
          <Show
            when={d().languages.some((l) => l.themes.length > 0)}
            fallback={<p class="muted">{t('coding.themes.none')}</p>}
          >
            <For each={d().languages.filter((l) => l.themes.length > 0)}>
              {(l) => (
                <div class="coding-theme-language">
                  <h3>
                    {t('coding.themes.language', { language: languageName(l.language, locale()), count: l.answers })}
                  </h3>
                  <div class="table-scroll">
                    <table class="data-table coding-table" lang={l.language}>
                      <thead>
                        <tr>
                          <th scope="col">{t('coding.themes.theme')}</th>
                          <th scope="col">{t('coding.themes.words')}</th>
                          <th scope="col" class="num">
                            {t('coding.themes.answers')}
                          </th>
                          <Show when={props.canAccept}>
                            <th scope="col">
                              <span class="visually-hidden">{t('coding.themes.accept')}</span>
                            </th>
                          </Show>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={l.themes}>
                          {(theme) => (
                            <tr data-testid="coding-theme">
                              <th scope="row" title={theme.examples.join('\n')}>
                                {theme.label}
                              </th>
                              <td>{theme.terms.map((x) => x.term).join(' · ')}</td>
                              <td class="num">
                                {num(theme.answers)} <span class="muted">({pct(theme.answers / l.answers)})</span>
                              </td>
                              <Show when={props.canAccept}>
                                <td>
                                  <Show
                                    when={accepted()[theme.id] === undefined}
                                    fallback={
                                      <span class="muted">
                                        {t('coding.themes.accepted', { count: accepted()[theme.id] })}
                                      </span>
                                    }
                                  >
                                    <button type="button" class="btn btn-small" onClick={() => void accept(theme)}>
                                      {t('coding.themes.accept')}
                                    </button>
                                  </Show>
                                </td>
                              </Show>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </div>
              )}
            </For>
          </Show>
        )}
      </Show>
    </section>
  );
}
