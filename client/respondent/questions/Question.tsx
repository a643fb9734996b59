import { Show, type JSX } from 'solid-js';
import type { AnswerValue } from '../../../shared/survey/answers';
import { isSingleControl, questionDomId } from '../../../shared/survey/page-view';
import type { Question as Q } from '../../../shared/survey/schema';
import { t, text } from '../i18n';
import { Competitor } from './Competitor';
import { Contact } from './Contact';
import { DateInput } from './DateInput';
import { Fields } from './Fields';
import { GaborGranger } from './GaborGranger';
import { Importance } from './Importance';
import { Matrix } from './Matrix';
import { MatrixScales } from './MatrixScales';
import { Multiple } from './Multiple';
import { Nps } from './Nps';
import { NumberInput } from './NumberInput';
import { Ranking } from './Ranking';
import { Rating } from './Rating';
import { Servqual } from './Servqual';
import { Single } from './Single';
import { TextInput } from './TextInput';
import type { RendererProps } from './types';
import { VanWestendorp } from './VanWestendorp';
import { YesNo } from './YesNo';

type AnyRenderer = (props: RendererProps<Q['type']>) => JSX.Element;
// Keyed by question type, so each renderer only ever gets its own kind of question; the cast only
// forgets that pairing, which TypeScript cannot express for a lookup table.
const RENDERERS = {
  single: Single,
  multiple: Multiple,
  rating: Rating,
  nps: Nps,
  matrix: Matrix,
  text: TextInput,
  number: NumberInput,
  servqual: Servqual,
  importance: Importance,
  vanWestendorp: VanWestendorp,
  gaborGranger: GaborGranger,
  competitor: Competitor,
  ranking: Ranking,
  contact: Contact,
  date: DateInput,
  yesno: YesNo,
  fields: Fields,
  matrixScales: MatrixScales,
} as Record<Exclude<Q['type'], 'info'>, AnyRenderer>;

export { questionDomId };

export interface QuestionProps {
  q: Q;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error: string | undefined;
  seed: string;
  /** Replaces `{{questionId}}` with earlier answers (shared/survey/piping.ts). */
  piped: (text: string) => string;
}

/** A question's frame: its text, required marker, help and error message around its renderer. */
export function Question(props: QuestionProps) {
  // A question keeps its type for its whole life (the page's list is keyed by question), so the
  // renderer is chosen once; a <Dynamic> would cost the bundle Solid's generic prop spreading.
  const Renderer = props.q.type === 'info' ? null : RENDERERS[props.q.type];
  const id = () => questionDomId(props.q.id);
  // An instructions block is text to read: no fieldset, nothing to answer.
  if (!Renderer) {
    return (
      <div class="q info" id={id()}>
        <p class="qtext">{props.piped(text(props.q.text))}</p>
        <Show when={props.q.help}>
          <p class="help">{props.piped(text(props.q.help))}</p>
        </Show>
      </div>
    );
  }
  const helpId = () => (props.q.help ? `${id()}-help` : '');
  const errorId = () => (props.error ? `${id()}-err` : '');
  const describedBy = () => [helpId(), errorId()].filter(Boolean).join(' ') || undefined;
  const heading = () => (
    <>
      <span class="qtext">{props.piped(text(props.q.text))}</span>
      <Show when={props.q.required}>
        <span class="req">{t('question.required')}</span>
      </Show>
    </>
  );
  const body = () => (
    <>
      <Show when={props.q.help}>
        <p class="help" id={helpId()}>
          {props.piped(text(props.q.help))}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="err" id={errorId()}>
          {props.error}
        </p>
      </Show>
      <Renderer
        q={props.q}
        value={props.value}
        onChange={props.onChange}
        inputId={`${id()}-in`}
        describedBy={describedBy()}
        invalid={!!props.error}
        seed={props.seed}
      />
    </>
  );
  return (
    <Show
      when={isSingleControl(props.q)}
      fallback={
        <fieldset class="q" id={id()} classList={{ invalid: !!props.error }} aria-describedby={describedBy()}>
          <legend>{heading()}</legend>
          {body()}
        </fieldset>
      }
    >
      <div class="q" id={id()} classList={{ invalid: !!props.error }}>
        <label class="legend" for={`${id()}-in`}>
          {heading()}
        </label>
        {body()}
      </div>
    </Show>
  );
}
