/** One answer on the coding screen: where it is in the list, the respondent's score and language, the text, its codes. */
import { For, Show } from 'solid-js';
import type { CodingAnswer, FrameDto } from '../../../shared/api/coding';
import { useI18n } from '../lib/i18n';
import { languageName } from './text';

export default function AnswerView(props: {
  answer: CodingAnswer;
  /** 0-based position among the answers shown. */
  at: number;
  total: number;
  scoreQuestion: FrameDto['scoreQuestion'] | undefined;
  marked: boolean;
  codeLabel: (codeId: string) => string;
}) {
  const { t, locale, num } = useI18n();
  return (
    <>
      <div class="coding-answer-meta">
        <span data-testid="coding-position">
          {t('coding.answerOf', { n: num(props.at + 1), total: num(props.total) })}
        </span>
        <span class="chip" data-testid="coding-score">
          {props.answer.score === null
            ? t('coding.noScore')
            : props.scoreQuestion?.type === 'nps'
              ? t('coding.scoreNps', { score: num(props.answer.score) })
              : t('coding.scoreSatisfaction', {
                  score: num(props.answer.score),
                  max: num(props.scoreQuestion?.max ?? 0),
                })}
        </span>
        <span class="chip">{languageName(props.answer.lang, locale())}</span>
        <Show when={props.marked}>
          <span class="chip chip-warn" data-testid="coding-marked">
            {t('coding.split.marked')}
          </span>
        </Show>
      </div>
      <blockquote class="coding-text" lang={props.answer.lang} data-testid="coding-text">
        {props.answer.text}
      </blockquote>
      <div class="coding-given">
        <For each={props.answer.codes}>{(id) => <span class="chip chip-code">{props.codeLabel(id)}</span>}</For>
      </div>
    </>
  );
}
