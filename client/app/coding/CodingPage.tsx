/** /surveys/:id/coding: pick an open question, code its answers, see its themes and what distinguishes. */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { EmptyState, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import { textIn } from './text';
import CodingScreen from './CodingScreen';
import Agreement from './Agreement';
import CodeframeEditor from './CodeframeEditor';
import Distinguish from './Distinguish';
import Themes from './Themes';
import './coding.css';

export default function CodingPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const { t, locale } = useI18n();
  const session = useSession();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [survey, coding] = await Promise.all([
        api.get('/api/surveys/:id', { params: { id } }),
        api.get('/api/surveys/:id/coding', { params: { id } }),
      ]);
      return { survey, questions: coding.questions };
    },
  );
  const chosen = () => {
    const questions = data()?.questions ?? [];
    const q = typeof search.q === 'string' ? search.q : undefined;
    return questions.find((x) => x.id === q) ?? questions[0];
  };
  // One object per question chosen, so the screens below fetch again only when it changes.
  const frame = createMemo(() => ({ id: params.id ?? '', questionId: chosen()?.id ?? '' }));
  // Bumped when the codeframe changes elsewhere on the page, so the coding screen reads it again.
  const [version, setVersion] = createSignal(0);
  const changed = () => setVersion((x) => x + 1);
  return (
    <Switch fallback={<Loading />}>
      <Match when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Match>
      <Match when={data()}>
        {(d) => (
          <div class="page coding-page">
            <header class="page-header">
              <div>
                <A href={`/surveys/${params.id}/report`} class="back-link">
                  <Icon name="back" />
                  {t('coding.backToReport')}
                </A>
                <h1>{t('coding.title')}</h1>
                <p class="muted">{t('coding.intro')}</p>
              </div>
            </header>
            <Show when={chosen()} fallback={<EmptyState title={t('coding.noQuestions')} />}>
              {(q) => (
                <>
                  <Show when={d().questions.length > 1}>
                    <label class="coding-question-pick">
                      {t('coding.question')}
                      <select
                        class="select"
                        value={q().id}
                        onChange={(e) => setSearch({ q: e.currentTarget.value })}
                        data-testid="coding-question"
                      >
                        <For each={d().questions}>
                          {(x) => (
                            <option value={x.id}>{textIn(x.text, locale(), d().survey.draft.defaultLanguage)}</option>
                          )}
                        </For>
                      </select>
                    </label>
                  </Show>
                  <h2 class="coding-question-text">{textIn(q().text, locale(), d().survey.draft.defaultLanguage)}</h2>
                  <Show when={q().answers > 0} fallback={<EmptyState title={t('coding.noAnswers')} />}>
                    <Show when={session.can('researcher')}>
                      <CodingScreen frame={frame()} version={version()} onChanged={changed} />
                      <CodeframeEditor
                        frame={frame()}
                        version={version()}
                        onChanged={changed}
                        questions={d().questions.map((x) => ({
                          id: x.id,
                          text: textIn(x.text, locale(), d().survey.draft.defaultLanguage),
                        }))}
                      />
                    </Show>
                    <Themes frame={frame()} canAccept={session.can('researcher')} onAccepted={changed} />
                    <Distinguish frame={frame()} version={version()} />
                    <Show when={session.can('researcher')}>
                      <Agreement frame={frame()} version={version()} />
                    </Show>
                  </Show>
                </>
              )}
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  );
}
