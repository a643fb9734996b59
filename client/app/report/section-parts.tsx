/** The pieces every report section is built from: its frame, small-base marks, a mean with its interval. */
import { Show, type JSX } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import { SMALL_BASE } from '../../../shared/api/report-sections';
import type { IntervalWithheld } from '../../../shared/api/report-readings';
import { allQuestions, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';

type TextOf = (x: Text | undefined) => string;

/** The label of a question (`q`) or matrix item (`q.item`) key, in the reader's language. */
export function keyLabel(report: ReportDto, text: TextOf) {
  const questions = new Map(allQuestions(report.definition).map((q) => [q.id, q]));
  return (key: string) => {
    const [qid, item] = key.split('.');
    const q = questions.get(qid);
    if (!q) return key;
    if (item && 'items' in q) {
      const found = (q.items as { id: string; label: Text }[]).find((i) => i.id === item);
      return found ? text(found.label) : key;
    }
    return text(q.text);
  };
}

export function Section(props: { id: string; title: string; reading?: string; children: JSX.Element }) {
  return (
    <section class="card report-section" data-testid={`section-${props.id}`} id={`section-${props.id}`}>
      <h2>{props.title}</h2>
      <Show when={props.reading}>
        <p class="reading" data-testid="reading">
          {props.reading}
        </p>
      </Show>
      {props.children}
    </section>
  );
}

export function SmallBase(props: { n: number }) {
  const { t } = useI18n();
  return (
    <Show when={props.n > 0 && props.n < SMALL_BASE}>
      <p class="warning" role="note">
        {t('report.smallBase', { n: props.n })}
      </p>
    </Show>
  );
}

/** A base under SMALL_BASE wherever it is printed: the count with a dagger the section's note explains. */
export function BaseCell(props: { n: number }) {
  const i18n = useI18n();
  return (
    <td
      class="num"
      data-small-base={props.n < SMALL_BASE ? '' : undefined}
      title={props.n < SMALL_BASE ? i18n.t('report.smallBaseMark') : undefined}
    >
      {i18n.num(props.n)}
      {props.n < SMALL_BASE ? ' †' : ''}
    </td>
  );
}

/**
 * A mean with its 95% interval, or with the reason there is none: a small base or answers all
 * alike would give "5 ± 0", a certainty the sample cannot give.
 */
export function MeanWithInterval(props: {
  mean: { mean: number; lower: number; upper: number } | null;
  withheld: IntervalWithheld;
  digits?: number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Show when={props.mean} fallback="—">
      {(m) => (
        <Show
          when={props.withheld}
          fallback={`${i18n.num(m().mean, props.digits ?? 2)} ± ${i18n.num((m().upper - m().lower) / 2, props.digits ?? 2)}`}
        >
          {(why) => (
            <>
              {i18n.num(m().mean, props.digits ?? 2)}
              <small class="ci" data-testid="no-interval">
                {t(why() === 'small-base' ? 'report.noInterval.smallBase' : 'report.noInterval.noSpread')}
              </small>
            </>
          )}
        </Show>
      )}
    </Show>
  );
}
