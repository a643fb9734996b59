/**
 * The trend's coded open questions: per code (nets first, each with its codes), its share per wave
 * with the Wilson interval and the change from the wave before, marked only when significant after
 * the Benjamini–Hochberg correction and never on a small base.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { CodedTrend } from '../../../shared/api/report-sections';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { groupedCodes } from './coded-codes';
import { joinSentences } from './sentences';

export function CodedTrendTables(props: {
  trend: CodedTrend[];
  report: ReportDto;
  text: (x: Text | undefined) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const questionText = (id: string) => props.text(allQuestions(props.report.definition).find((q) => q.id === id)?.text);
  const codeText = (label: Record<string, string>) => props.text(label) || Object.values(label)[0] || '';
  /** The changes the corrected tests find, else that none is beyond chance; nothing when every base is small. */
  const reading = (q: CodedTrend) => {
    const found = q.codes.flatMap((c) =>
      c.shares.flatMap((s, w) =>
        s.change?.significant && s.share && c.shares[w - 1].share
          ? [
              t('report.trend.codedChange', {
                code: codeText(c.label),
                from: i18n.pct(c.shares[w - 1].share!.p),
                to: i18n.pct(s.share.p),
                previous: q.waves[w - 1].wave,
                wave: q.waves[w].wave,
              }),
            ]
          : [],
      ),
    );
    if (found.length > 0) return joinSentences(i18n.locale(), found);
    const tested = q.codes.some((c) => c.shares.some((s) => (s.change?.adjustedP ?? null) !== null));
    return tested ? t('report.trend.codedNoChange') : '';
  };
  return (
    <Show when={props.trend.length > 0}>
      <For each={props.trend}>
        {(q) => (
          <div class="coded-trend" data-testid={`coded-trend-${q.questionId}`}>
            <h3>{t('report.trend.codedTitle', { question: questionText(q.questionId) })}</h3>
            <Show when={reading(q)}>
              {(r) => (
                <p class="reading" data-testid="coded-reading">
                  {r()}
                </p>
              )}
            </Show>
            <div class="table-wrap">
              <table class="data-table coded-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.trend.code')}</th>
                    <For each={q.waves}>
                      {(w) => (
                        <th scope="col" class="num">
                          {t('report.wave', { n: w.wave })}
                        </th>
                      )}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row" class="coded-base">
                      {t('report.trend.answered')}
                    </th>
                    <For each={q.waves}>
                      {(w) => (
                        <td class="num" data-small-base={w.smallBase ? '' : undefined}>
                          {i18n.num(w.answered)}
                          {w.smallBase ? ' †' : ''}
                          <span class="change">{t('report.trend.codedOf', { coded: i18n.num(w.coded) })}</span>
                        </td>
                      )}
                    </For>
                  </tr>
                  <For each={groupedCodes(q.codes)}>
                    {({ code, net }) => (
                      <tr>
                        <th scope="row" classList={{ 'coded-net': code.isNet, 'coded-member': net !== null }}>
                          {codeText(code.label)}
                        </th>
                        <For each={code.shares}>
                          {(s) => (
                            <td class="num">
                              <Show when={s.share} fallback="—">
                                {(x) => (
                                  <>
                                    {i18n.pct(x().p)}
                                    <span class="change interval">
                                      {i18n.pct(x().lower)}–{i18n.pct(x().upper)}
                                    </span>
                                  </>
                                )}
                              </Show>
                              <Show when={s.change}>
                                {(c) => (
                                  <span
                                    class="change"
                                    classList={{ significant: c().significant }}
                                    data-testid="coded-change"
                                  >
                                    {c().difference > 0 ? '▲' : c().difference < 0 ? '▼' : '='}{' '}
                                    {i18n.points(100 * c().difference, 1)}
                                    {c().significant ? '*' : ''}
                                  </span>
                                )}
                              </Show>
                            </td>
                          )}
                        </For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </div>
        )}
      </For>
      <p class="note">{t('report.trend.codedLegend')}</p>
      <p class="note">{t('report.coded.reference')}</p>
    </Show>
  );
}
