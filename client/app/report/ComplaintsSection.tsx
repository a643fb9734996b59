/** Inside the report's cases section: complaints by type (count, serious, resolution, satisfaction after) and by customer tier. */
import { For, Show } from 'solid-js';
import { COMPLAINT_TYPES } from '../../../shared/api/complaints';
import type { Interval } from '../../../shared/api/report';
import type { ComplaintsFigures } from '../../../shared/api/report-sections';
import { COMPLAINT_TYPE_KEY } from '../alerts/keys';
import { tierLabel } from '../customers/keys';
import { useI18n } from '../lib/i18n';
import { BaseCell, MeanWithInterval } from './section-parts';

export function ComplaintsTables(props: { complaints: ComplaintsFigures; hours: (h: number) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const share = (x: Interval | null) =>
    x === null ? '—' : `${i18n.pct(x.p)} (${i18n.pct(x.lower)}–${i18n.pct(x.upper)})`;
  const c = () => props.complaints;
  return (
    <Show when={c().byType.length > 0}>
      <h3>{t('report.complaints.title')}</h3>
      <div class="table-wrap">
        <table class="data-table" data-testid="complaints-by-type">
          <thead>
            <tr>
              <th scope="col">{t('report.complaints.type')}</th>
              <th scope="col" class="num">
                {t('report.complaints.count')}
              </th>
              <th scope="col" class="num">
                {t('report.complaints.serious')}
              </th>
              <th scope="col" class="num">
                {t('report.complaints.resolved')}
              </th>
              <th scope="col" class="num">
                {t('report.complaints.median')}
              </th>
              <Show when={c().byType.some((r) => r.satisfaction !== null)}>
                <th scope="col" class="num">
                  {t('report.complaints.satisfaction')}
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={c().byType}>
              {(r) => (
                <tr data-testid={`complaints-type-${r.type ?? 'none'}`}>
                  <th scope="row">{t(COMPLAINT_TYPE_KEY[r.type ?? 'none'])}</th>
                  <BaseCell n={r.count} />
                  <td class="num">{share(r.serious)}</td>
                  <td class="num">{share(r.resolved)}</td>
                  <td class="num">
                    {r.medianHoursToResolution === null ? '—' : props.hours(r.medianHoursToResolution)}
                  </td>
                  <Show when={c().byType.some((x) => x.satisfaction !== null)}>
                    <td class="num">
                      <MeanWithInterval
                        mean={r.satisfaction?.mean ?? null}
                        withheld={r.satisfaction?.withheld ?? null}
                      />
                      <Show when={r.satisfaction && r.satisfaction.n > 0}>
                        <small class="muted"> n = {i18n.num(r.satisfaction!.n)}</small>
                      </Show>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>{t('report.complaints.byTier')}</h3>
      <div class="table-wrap">
        <table class="data-table" data-testid="complaints-by-tier">
          <thead>
            <tr>
              <th scope="col">{t('report.complaints.tier')}</th>
              <th scope="col" class="num">
                {t('report.complaints.count')}
              </th>
              <For each={COMPLAINT_TYPES}>
                {(x) => (
                  <th scope="col" class="num">
                    {t(COMPLAINT_TYPE_KEY[x])}
                  </th>
                )}
              </For>
              <th scope="col" class="num">
                {t(COMPLAINT_TYPE_KEY.none)}
              </th>
              <th scope="col" class="num">
                {t('report.complaints.serious')}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={c().byTier}>
              {(r) => (
                <tr>
                  <th scope="row">{r.tier === null ? t('report.complaints.noTier') : tierLabel(t, r.tierName)}</th>
                  <BaseCell n={r.count} />
                  <For each={COMPLAINT_TYPES}>{(x) => <td class="num">{i18n.num(r.byType[x])}</td>}</For>
                  <td class="num">{i18n.num(r.byType.none)}</td>
                  <td class="num">{share(r.serious)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p class="note" data-testid="complaints-tier-rule">
        {t('report.complaints.tierRule')}
        <Show when={c().tierNow > 0}> {t('report.complaints.tierNow', { count: c().tierNow })}</Show>
      </p>
      <p class="note">{t('report.complaints.note')}</p>
    </Show>
  );
}
