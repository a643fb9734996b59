/** The report's "closing the loop" section: cases opened, resolved and how fast, satisfaction after resolution, complaints by type and tier. */
import { For, Show } from 'solid-js';
import type { CasesSection } from '../../../shared/api/report-sections';
import { useI18n } from '../lib/i18n';
import { Section } from './section-parts';
import { casesReading, resolutionTime } from './cases-reading';
import { ComplaintsTables } from './ComplaintsSection';

export function CasesView(props: { section: CasesSection }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = () => props.section;
  const hours = (h: number) => resolutionTime(h, i18n);
  const reading = () => casesReading(s(), i18n);
  return (
    <Section id="cases" title={t('report.section.cases')} reading={reading()}>
      <div class="stats">
        <div class="stat">
          <span class="stat-label">{t('report.cases.opened')}</span>
          <span class="stat-value">{i18n.num(s().opened)}</span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.cases.resolvedShare')}</span>
          <span class="stat-value">{s().shareResolved === null ? '—' : i18n.pct(s().shareResolved!)}</span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.cases.median')}</span>
          <span class="stat-value">
            {s().medianHoursToResolution === null ? '—' : hours(s().medianHoursToResolution!)}
          </span>
        </div>
        <div class="stat">
          <span class="stat-label">{t('report.cases.active')}</span>
          <span class="stat-value">{i18n.num(s().active)}</span>
        </div>
      </div>
      <Show when={s().followUp}>
        {(f) => (
          <p data-testid="cases-follow-up">
            {f().mean
              ? t('report.cases.followUp', {
                  mean: i18n.num(f().mean!.mean, 2),
                  max: f().max,
                  n: f().n,
                  survey: f().title,
                })
              : t('report.cases.followUpFew', { n: f().n, survey: f().title })}
          </p>
        )}
      </Show>
      <Show when={s().byRule.length > 0}>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('report.cases.rule')}</th>
                <th scope="col" class="num">
                  {t('report.cases.opened')}
                </th>
                <th scope="col" class="num">
                  {t('report.cases.resolved')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={s().byRule}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.rule}</th>
                    <td class="num">{i18n.num(r.opened)}</td>
                    <td class="num">{i18n.num(r.resolved)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <ComplaintsTables complaints={s().complaints} hours={hours} />
    </Section>
  );
}
