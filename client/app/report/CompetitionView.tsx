/**
 * The competitive standing section: own brand against each competitor per attribute (grouped
 * bars with values, a table of differences marked when the paired t test says so), strengths and weaknesses.
 */
import { For, Show } from 'solid-js';
import type { ReportDto } from '../../../shared/api/report';
import type { CompetitionQuestion, CompetitionSection } from '../../../shared/api/report-research';
import { allQuestions, type Question, type Text } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';
import { joinSentences } from './sentences';
import { GroupedBarChart } from './charts';
import { SERIES_COLORS } from './LineChart';
import { Section, SmallBase } from './section-parts';

type TextOf = (x: Text | undefined) => string;

type Competitor = Extract<Question, { type: 'competitor' }>;

function CompetitionView(props: { q: CompetitionQuestion; question: Competitor; text: TextOf }) {
  const i18n = useI18n();
  const { t } = i18n;
  const brand = (id: string) => props.text(props.question.brands.find((b) => b.id === id)?.label) || id;
  const attribute = (id: string) => props.text(props.question.attributes.find((a) => a.id === id)?.label) || id;
  const list = (ids: string[]) =>
    new Intl.ListFormat(i18n.locale(), { type: 'conjunction' }).format(ids.map(attribute));
  const strengths = () => props.q.attributes.filter((a) => a.strength);
  const weaknesses = () => props.q.attributes.filter((a) => a.weakness);
  const competitorsOf = () => props.q.brands.filter((b) => b !== props.q.ownBrand);
  /**
   * One sentence per competitor: an attribute where we lead one and trail another is read as
   * both, not folded into "trails".
   */
  const reading = () => {
    const own = brand(props.q.ownBrand);
    const sentences = competitorsOf().flatMap((b) => {
      const versus = (sign: 1 | -1) =>
        props.q.attributes
          .filter((a) =>
            a.competitors.some((c) => c.brand === b && c.significant && Math.sign(c.pairedDifference!) === sign),
          )
          .map((a) => a.attribute);
      const leads = list(versus(1));
      const trails = list(versus(-1));
      const params = { brand: own, competitor: brand(b), leads, trails };
      if (leads && trails) return [t('report.reading.competitionVs', params)];
      if (leads) return [t('report.reading.competitionVsLeads', params)];
      if (trails) return [t('report.reading.competitionVsTrails', params)];
      return [];
    });
    return sentences.length
      ? joinSentences(i18n.locale(), sentences)
      : t('report.reading.competitionNone', { brand: own });
  };
  const mark = (c: { significant: boolean; smallBase: boolean }) => (c.significant ? ' *' : c.smallBase ? ' †' : '');
  const detail = (a: CompetitionQuestion['attributes'][number], sign: 1 | -1) =>
    a.competitors
      .filter((c) => c.significant && Math.sign(c.pairedDifference!) === sign)
      .map((c) => t('report.competition.diffVs', { diff: i18n.points(c.pairedDifference!, 2), brand: brand(c.brand) }))
      .join(', ');
  const brands = () => [props.q.ownBrand, ...props.q.brands.filter((b) => b !== props.q.ownBrand)];
  const scoreOf = (a: CompetitionQuestion['attributes'][number], b: string) =>
    b === props.q.ownBrand ? a.own : a.competitors.find((c) => c.brand === b)!;
  return (
    <div data-testid="competition">
      <p class="reading" data-testid="reading">
        {reading()}
      </p>
      <GroupedBarChart
        rows={props.q.attributes.map((a) => attribute(a.attribute))}
        series={brands().map((b, k) => ({
          label: brand(b),
          color: SERIES_COLORS[k % SERIES_COLORS.length],
          values: props.q.attributes.map((a) => scoreOf(a, b).mean),
          text: props.q.attributes.map((a) => {
            const s = scoreOf(a, b);
            const versus = a.competitors.find((c) => c.brand === b);
            return s.mean === null ? '—' : `${i18n.num(s.mean, 2)}${versus ? mark(versus) : ''}`;
          }),
        }))}
        min={props.q.scale.min}
        max={props.q.scale.max}
        label={t('report.section.competition')}
      />
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('report.competition.attribute')}</th>
              <th scope="col" class="num">
                {brand(props.q.ownBrand)}
              </th>
              <For each={props.q.brands.filter((b) => b !== props.q.ownBrand)}>
                {(b) => (
                  <th scope="col" class="num">
                    {brand(b)}
                    <small class="ci">{t('report.competition.difference')}</small>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.q.attributes}>
              {(a) => (
                <tr>
                  <th scope="row">{attribute(a.attribute)}</th>
                  <td class="num">
                    {a.own.mean === null ? '—' : i18n.num(a.own.mean, 2)}
                    <small class="ci">
                      n {i18n.num(a.own.n)}
                      {a.own.n < 30 ? ' †' : ''}
                    </small>
                  </td>
                  <For each={a.competitors}>
                    {(c) => (
                      <td class="num">
                        {c.mean === null ? '—' : i18n.num(c.mean, 2)}
                        <small class="ci">
                          <span
                            data-testid="paired-difference"
                            classList={{
                              ahead: c.significant && c.pairedDifference! > 0,
                              behind: c.significant && c.pairedDifference! < 0,
                            }}
                          >
                            {c.pairedDifference === null ? '' : `${i18n.points(c.pairedDifference, 2)}${mark(c)}`}
                          </span>{' '}
                          · n {i18n.num(c.pairs)}
                          {c.pairs < 30 ? ' †' : ''}
                        </small>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
            <tr>
              <th scope="row">{t('report.competition.awareness')}</th>
              <For each={brands()}>
                {(b) => <td class="num">{i18n.pct(props.q.awareness[props.q.brands.indexOf(b)])}</td>}
              </For>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="note">{t('report.competition.legendPaired')}</p>
      <div class="sw-lists">
        <div>
          <h3>{t('report.competition.strengths')}</h3>
          <Show when={strengths().length > 0} fallback={<p class="muted">{t('report.competition.none')}</p>}>
            <ul data-testid="strengths">
              <For each={strengths()}>
                {(a) => (
                  <li>
                    <strong>{attribute(a.attribute)}</strong> · {detail(a, 1)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
        <div>
          <h3>{t('report.competition.weaknesses')}</h3>
          <Show when={weaknesses().length > 0} fallback={<p class="muted">{t('report.competition.none')}</p>}>
            <ul data-testid="weaknesses">
              <For each={weaknesses()}>
                {(a) => (
                  <li>
                    <strong>{attribute(a.attribute)}</strong> · {detail(a, -1)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </div>
    </div>
  );
}

export function CompetitionSectionView(props: { section: CompetitionSection; report: ReportDto; text: TextOf }) {
  const { t } = useI18n();
  const question = (id: string) =>
    allQuestions(props.report.definition).find((q): q is Competitor => q.id === id && q.type === 'competitor');
  return (
    <Section id="competition" title={t('report.section.competition')}>
      <For each={props.section.questions}>
        {(q) => (
          <Show when={question(q.questionId)}>
            {(def) => (
              <>
                <Show when={props.section.questions.length > 1}>
                  <h3>{props.text(def().text)}</h3>
                </Show>
                <SmallBase n={q.n} />
                <CompetitionView q={q} question={def()} text={props.text} />
              </>
            )}
          </Show>
        )}
      </For>
    </Section>
  );
}
