/**
 * The codeframe, editable while coding: rename a code, give it words, put it in a net, merge it
 * into another, delete it, undo the latest of these; or use another open question's codeframe.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { CodeDto } from '../../../shared/api/coding';
import { api } from '../lib/api';
import type { FrameRef } from './frame';
import { ConfirmButton, ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { textIn } from './text';

export default function CodeframeEditor(props: {
  frame: FrameRef;
  version: number;
  onChanged: () => void;
  /** The survey's open questions, to share a codeframe with. */
  questions: { id: string; text: string }[];
}) {
  const { t, locale, num } = useI18n();
  const [frame] = createResource(
    () => [props.frame, props.version] as const,
    ([f]) => api.get('/api/surveys/:id/coding/:questionId', { params: f }),
  );
  const [failure, setFailure] = createSignal<unknown>(null);
  const [netName, setNetName] = createSignal('');
  const language = () => frame()?.languages[0] ?? 'en';
  const lang = () => (frame()?.languages.includes(locale()) ? locale() : language());
  const label = (c: CodeDto) => textIn(c.label, locale(), language());
  const nets = () => (frame()?.codes ?? []).filter((c) => c.isNet);
  const run = async (change: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await change();
      props.onChanged();
    } catch (err) {
      setFailure(err);
    }
  };
  const code = (c: CodeDto) => ({ ...props.frame, codeId: c.id });
  const others = () => props.questions.filter((q) => q.id !== props.frame.questionId);
  /** The question whose codes this one uses, '' for its own. */
  const sharing = () => {
    const by = frame()?.sharedBy ?? [];
    return by.length > 0 ? (others().find((q) => by.includes(q.id))?.id ?? '') : '';
  };
  const kindKey = {
    rename: 'coding.edit.rename',
    move: 'coding.edit.move',
    words: 'coding.edit.words',
    delete: 'coding.edit.delete',
    merge: 'coding.edit.merge',
    split: 'coding.edit.split',
  } as const;
  return (
    <section class="card coding-frame" aria-labelledby="coding-frame-title" data-testid="coding-frame">
      <div class="card-head">
        <h2 class="card-title" id="coding-frame-title">
          {t('coding.frame.title')}
        </h2>
      </div>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <div class="coding-undo-edit">
        <Show when={others().length > 0}>
          <label class="coding-share">
            {t('coding.share.label')}
            <select
              class="select"
              value={sharing()}
              onChange={(e) => {
                const select = e.currentTarget;
                // A refused change leaves the codeframe as it was: so does the select.
                void run(() =>
                  api.put('/api/surveys/:id/coding/:questionId/share', {
                    params: props.frame,
                    body: { from: select.value || null },
                  }),
                ).then(() => {
                  select.value = sharing();
                });
              }}
              data-testid="coding-share"
            >
              <option value="" selected={sharing() === ''}>
                {t('coding.share.own')}
              </option>
              <For each={others()}>
                {(q) => (
                  <option value={q.id} selected={q.id === sharing()}>
                    {t('coding.share.with', { question: q.text })}
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
        <Show when={frame()?.lastEdit}>
          {(e) => (
            <button
              type="button"
              class="btn btn-small btn-quiet"
              onClick={() =>
                void run(() => api.post('/api/surveys/:id/coding/:questionId/codes/undo', { params: props.frame }))
              }
              data-testid="coding-undo-edit"
            >
              {t(kindKey[e().kind], { code: textIn(e().label, locale(), language()) })}
            </button>
          )}
        </Show>
      </div>
      <div class="table-scroll">
        <table class="data-table coding-table">
          <thead>
            <tr>
              <th scope="col">{t('coding.dist.code')}</th>
              <th scope="col">{t('coding.frame.net')}</th>
              <th scope="col">{t('coding.words')}</th>
              <th scope="col" class="num">
                {t('coding.frame.answers')}
              </th>
              <th scope="col">{t('coding.frame.mergeInto')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('coding.frame.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={frame()?.codes ?? []}>
              {(c) => (
                <tr data-testid="coding-frame-code">
                  <th scope="row">
                    <input
                      class="input"
                      value={label(c)}
                      aria-label={t('coding.frame.rename')}
                      maxLength={200}
                      onChange={(e) => {
                        const text = e.currentTarget.value.trim();
                        if (text && text !== label(c))
                          void run(() =>
                            api.patch('/api/surveys/:id/coding/:questionId/codes/:codeId', {
                              params: code(c),
                              body: { label: { ...c.label, [lang()]: text } },
                            }),
                          );
                      }}
                    />
                    <Show when={c.isNet}>
                      <span class="chip">{t('coding.frame.isNet')}</span>
                    </Show>
                  </th>
                  <td>
                    <Show when={!c.isNet}>
                      <select
                        class="select"
                        value={c.netId ?? ''}
                        aria-label={t('coding.frame.net')}
                        onChange={(e) =>
                          void run(() =>
                            api.patch('/api/surveys/:id/coding/:questionId/codes/:codeId', {
                              params: code(c),
                              body: { netId: e.currentTarget.value || null },
                            }),
                          )
                        }
                        data-testid="coding-frame-net"
                      >
                        <option value="">{t('coding.frame.noNet')}</option>
                        <For each={nets()}>{(n) => <option value={n.id}>{label(n)}</option>}</For>
                      </select>
                    </Show>
                  </td>
                  <td>
                    <input
                      class="input coding-words"
                      value={c.words.join(', ')}
                      aria-label={t('coding.words')}
                      placeholder={t('coding.wordsHint')}
                      onChange={(e) => {
                        const words = e.currentTarget.value
                          .split(/[,，、]/)
                          .map((w) => w.trim())
                          .filter(Boolean);
                        if (words.join('\u0000') !== c.words.join('\u0000'))
                          void run(() =>
                            api.patch('/api/surveys/:id/coding/:questionId/codes/:codeId', {
                              params: code(c),
                              body: { words },
                            }),
                          );
                      }}
                      data-testid="coding-frame-words"
                    />
                  </td>
                  <td class="num">{num(c.all)}</td>
                  <td>
                    <select
                      class="select"
                      value=""
                      aria-label={t('coding.frame.mergeInto')}
                      onChange={(e) => {
                        const into = e.currentTarget.value;
                        if (into)
                          void run(() =>
                            api.post('/api/surveys/:id/coding/:questionId/codes/merge', {
                              params: props.frame,
                              body: { from: [c.id], into },
                            }),
                          );
                      }}
                    >
                      <option value="">—</option>
                      <For each={(frame()?.codes ?? []).filter((x) => x.id !== c.id && x.isNet === c.isNet)}>
                        {(x) => <option value={x.id}>{label(x)}</option>}
                      </For>
                    </select>
                  </td>
                  <td>
                    <ConfirmButton
                      label={t('coding.frame.delete')}
                      onConfirm={() =>
                        run(() => api.delete('/api/surveys/:id/coding/:questionId/codes/:codeId', { params: code(c) }))
                      }
                    />
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <form
        class="coding-new"
        onSubmit={(e) => {
          e.preventDefault();
          const text = netName().trim();
          if (!text) return;
          void run(async () => {
            await api.post('/api/surveys/:id/coding/:questionId/codes', {
              params: props.frame,
              body: { label: { [lang()]: text }, isNet: true },
            });
            setNetName('');
          });
        }}
      >
        <input
          class="input"
          value={netName()}
          onInput={(e) => setNetName(e.currentTarget.value)}
          placeholder={t('coding.frame.newNet')}
          aria-label={t('coding.frame.newNet')}
          maxLength={200}
          data-testid="coding-new-net"
        />
        <button type="submit" class="btn btn-small">
          {t('coding.add')}
        </button>
      </form>
      <p class="muted coding-method">{t('coding.frame.hint')}</p>
    </section>
  );
}
