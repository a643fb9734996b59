/**
 * What distinguishes the unhappy: each code's (or theme's) share among detractors, passives and
 * promoters (or low and high satisfaction), the adjusted p, the mean score of those who mention it,
 * and a reading in plain words.
 */
import { createResource, createSignal, For, Index, Show } from 'solid-js';
import type { DistinguishDto } from '../../../shared/api/coding';
import type { FrameRef } from './frame';
import type { CodeDistinction } from '../../../shared/coding/distinguish';
import type { AppKey } from '../../../shared/i18n';
import { api } from '../lib/api';
import { ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { textIn } from './text';

const GROUP: Record<string, AppKey> = {
  detractor: 'coding.group.detractor',
  passive: 'coding.group.passive',
  promoter: 'coding.group.promoter',
  low: 'coding.group.low',
  high: 'coding.group.high',
};

export default function Distinguish(props: { frame: FrameRef; version: number }) {
  const { t, locale, num, pct } = useI18n();
  const [of, setOf] = createSignal<'codes' | 'themes'>('codes');
  // Whose codes are compared: blank is the server's choice (the reader's own, else the busiest coder's).
  const [coder, setCoder] = createSignal('');
  const [frame] = createResource(
    () => [props.frame, props.version] as const,
    ([f]) => api.get('/api/surveys/:id/coding/:questionId', { params: f }),
  );
  const [table, { refetch }] = createResource(
    () => [props.frame, of(), coder(), props.version] as const,
    ([f, which, who]) =>
      api.get('/api/surveys/:id/coding/:questionId/distinguish', {
        params: f,
        query: which === 'codes' && who ? { of: which, coder: who } : { of: which },
      }),
  );
  const label = (d: DistinguishDto, id: string) =>
    textIn(d.labels[id] ?? {}, locale(), Object.keys(d.labels[id] ?? {})[0] ?? 'en');
  const group = (name: string) => t(GROUP[name]);
  const mean = (m: { mean: number; lower: number; upper: number } | null) =>
    m ? `${num(m.mean, 1)} (${num(m.lower, 1)}–${num(m.upper, 1)})` : '—';

  const reading = (d: DistinguishDto, c: CodeDistinction) => {
    const highest = c.byGroup.find((g) => g.group === c.highestIn)!;
    const lowest = c.byGroup.reduce((a, b) => (b.n > 0 && b.share < a.share ? b : a));
    return t('coding.reading.more', {
      code: label(d, c.id),
      group: group(highest.group),
      share: pct(highest.share),
      lowGroup: group(lowest.group),
      lowShare: pct(lowest.share),
      mean: c.mean ? num(c.mean.mean, 1) : '—',
      overall: d.mean ? num(d.mean.mean, 1) : '—',
    });
  };

  return (
    <section class="card coding-distinguish" aria-labelledby="coding-dist-title" data-testid="coding-distinguish">
      <div class="card-head">
        <h2 class="card-title" id="coding-dist-title">
          {t('coding.dist.title')}
        </h2>
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('coding.dist.title')}</legend>
          <button type="button" class="segment" aria-pressed={of() === 'codes'} onClick={() => setOf('codes')}>
            {t('coding.dist.ofCodes')}
          </button>
          <button
            type="button"
            class="segment"
            aria-pressed={of() === 'themes'}
            onClick={() => setOf('themes')}
            data-testid="coding-dist-themes"
          >
            {t('coding.dist.ofThemes')}
          </button>
        </fieldset>
        <Show when={of() === 'codes' && (frame()?.coders.length ?? 0) > 1}>
          <select
            class="select"
            value={coder()}
            onChange={(e) => setCoder(e.currentTarget.value)}
            aria-label={t('coding.dist.coder')}
            data-testid="coding-dist-coder"
          >
            <option value="">{t('coding.dist.coderDefault')}</option>
            {/* By index and marked: the list is drawn again when the codeframe changes, which would drop the choice. */}
            <Index each={frame()?.coders ?? []}>
              {(c) => (
                <option value={c().id} selected={c().id === coder()}>
                  {t('coding.dist.coderOption', { name: c().name, coded: num(c().coded) })}
                </option>
              )}
            </Index>
          </select>
        </Show>
      </div>
      <Show when={table.error}>
        <ErrorBox error={table.error} onRetry={refetch} />
      </Show>
      <Show when={table()} fallback={<Loading />}>
        {(d) => (
          <Show when={d().scoreQuestion} fallback={<p class="muted">{t('coding.dist.noScore')}</p>}>
            <div class="coding-reading" data-testid="coding-reading">
              <Show
                when={d().codes.some((c) => c.significant)}
                fallback={<p>{t(d().codes.length > 0 ? 'coding.reading.none' : 'coding.reading.empty')}</p>}
              >
                <ul>
                  <For each={d().codes.filter((c) => c.significant)}>{(c) => <li>{reading(d(), c)}</li>}</For>
                </ul>
              </Show>
              <Show when={d().codes.some((c) => c.smallBase && c.mentions > 0)}>
                <p class="muted">
                  {t('coding.reading.small', {
                    codes: d()
                      .codes.filter((c) => c.smallBase && c.mentions > 0)
                      .map((c) => label(d(), c.id))
                      .join(', '),
                  })}
                </p>
              </Show>
            </div>
            <div class="table-scroll">
              <table class="data-table coding-table" data-testid="coding-dist-table">
                <thead>
                  <tr>
                    <th scope="col">{t(of() === 'codes' ? 'coding.dist.code' : 'coding.themes.theme')}</th>
                    <th scope="col" class="num">
                      {t('coding.dist.mentions')}
                    </th>
                    <For each={d().groups}>
                      {(g) => (
                        <th scope="col" class="num">
                          {group(g.group)} <span class="muted">(n = {num(g.n)})</span>
                        </th>
                      )}
                    </For>
                    <th scope="col" class="num">
                      {t('coding.dist.p')}
                    </th>
                    <th scope="col" class="num">
                      {t('coding.dist.mean')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().codes}>
                    {(c) => (
                      <tr classList={{ 'is-significant': c.significant }}>
                        <th scope="row">
                          {label(d(), c.id)}
                          <Show when={c.smallBase}>
                            <span class="chip chip-warn">{t('coding.dist.smallBase')}</span>
                          </Show>
                        </th>
                        <td class="num">{num(c.mentions)}</td>
                        <For each={c.byGroup}>
                          {(g) => (
                            <td class="num" title={`${pct(g.lower, 1)}–${pct(g.upper, 1)}`}>
                              {pct(g.share)}
                            </td>
                          )}
                        </For>
                        <td class="num">{c.test ? num(c.test.pAdjusted, 3) : '—'}</td>
                        <td class="num">{mean(c.mean)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <p class="muted coding-method">{t('coding.dist.method')}</p>
          </Show>
        )}
      </Show>
    </section>
  );
}
