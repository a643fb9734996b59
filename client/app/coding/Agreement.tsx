/** The agreement of two coders who coded the same answers blind: kappa per code, alpha overall. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { api } from '../lib/api';
import type { FrameRef } from './frame';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { textIn } from './text';

export default function Agreement(props: { frame: FrameRef; version: number }) {
  const { t, locale, num } = useI18n();
  const [frame] = createResource(
    () => props.frame,
    (f) => api.get('/api/surveys/:id/coding/:questionId', { params: f }),
  );
  const [pair, setPair] = createSignal<[string, string] | null>(null);
  const chosen = () => {
    const coders = frame()?.coders ?? [];
    return pair() ?? (coders.length >= 2 ? ([coders[0].id, coders[1].id] as [string, string]) : null);
  };
  const [result] = createResource(
    () => {
      const c = chosen();
      return c ? ([...c, props.version] as const) : null;
    },
    ([a, b]) => api.get('/api/surveys/:id/coding/:questionId/agreement', { params: props.frame, query: { a, b } }),
  );
  const label = (id: string) => {
    const c = frame()?.codes.find((x) => x.id === id);
    return c ? textIn(c.label, locale(), frame()!.languages[0]) : id;
  };
  const value = (x: number | null) => (x === null ? '—' : num(x, 2));
  const pick = (k: 0 | 1, id: string) => {
    const [a, b] = chosen() ?? ['', ''];
    setPair(k === 0 ? [id, b] : [a, id]);
  };
  return (
    <Show when={(frame()?.coders.length ?? 0) >= 2}>
      <section class="card coding-agreement" aria-labelledby="coding-agreement-title" data-testid="coding-agreement">
        <div class="card-head">
          <h2 class="card-title" id="coding-agreement-title">
            {t('coding.agreement.title')}
          </h2>
        </div>
        <div class="coding-new">
          <For each={[0, 1] as const}>
            {(k) => (
              <select
                class="select"
                value={chosen()?.[k] ?? ''}
                onChange={(e) => pick(k, e.currentTarget.value)}
                aria-label={t('coding.agreement.coder')}
              >
                <For each={frame()?.coders ?? []}>
                  {(c) => <option value={c.id}>{`${c.name} (${num(c.coded)})`}</option>}
                </For>
              </select>
            )}
          </For>
        </div>
        <Show when={result.error}>
          <ErrorBox error={result.error} />
        </Show>
        <Show when={result()}>
          {(r) => (
            <>
              <p data-testid="coding-alpha">
                {t('coding.agreement.alpha', { alpha: value(r().alpha), count: r().answers })}
              </p>
              <div class="table-scroll">
                <table class="data-table coding-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('coding.dist.code')}</th>
                      <th scope="col" class="num">
                        {t('coding.agreement.both')}
                      </th>
                      <th scope="col" class="num">
                        {t('coding.agreement.onlyOne')}
                      </th>
                      <th scope="col" class="num">
                        {t('coding.agreement.kappa')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().codes}>
                      {(c) => (
                        <tr>
                          <th scope="row">{label(c.code)}</th>
                          <td class="num">{num(c.both)}</td>
                          <td class="num">{num(c.onlyOne)}</td>
                          <td class="num">{value(c.kappa)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <p class="muted coding-method">{t('coding.agreement.method')}</p>
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}
