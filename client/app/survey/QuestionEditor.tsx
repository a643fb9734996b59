import { createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import { ROLES, type Option, type Question, type Role, type Scale } from '../../../shared/survey/schema';
import type { AppKey } from '../../../shared/i18n';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import ChoiceList from './ChoiceList';
import LogicEditor, { type LogicSource } from './LogicEditor';
import {
  choicesOf,
  KIND_KEY,
  kindOf,
  QUESTION_KINDS,
  SCALE_SIZES,
  textIn,
  withOptionalText,
  withText,
  type QuestionKind,
} from './definition';
import {
  CompetitorBrands,
  ContactSettings,
  DimensionSelect,
  GaborGrangerSettings,
  ImportanceSettings,
  VanWestendorpSettings,
} from './ResearchEditors';
import { DateSettings, FieldsSettings, ScalesEditor, YesNoSettings } from './MoreTypeEditors';

const ROLE_KEY: Record<Role, AppKey> = {
  'overall-satisfaction': 'editor.role.overall-satisfaction',
  loyalty: 'editor.role.loyalty',
  recommend: 'editor.role.recommend',
  attribute: 'editor.role.attribute',
  importance: 'editor.role.importance',
  dimension: 'editor.role.dimension',
  price: 'editor.role.price',
  competitor: 'editor.role.competitor',
  segment: 'editor.role.segment',
  'open-feedback': 'editor.role.open-feedback',
  contact: 'editor.role.contact',
};

/** One question's card in the builder. Edits go through `edit`, which mutates the draft store. */
export default function QuestionEditor(props: {
  question: Question;
  number: number;
  lang: SurveyLanguage;
  readOnly: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** A translated problem to show beside the question, from the last save attempt. */
  problem: string | null;
  /** The problem is the question's own text, so it goes under the text rather than the card. */
  problemOnText: boolean;
  edit: (fn: (q: Question) => void) => void;
  onKind: (kind: QuestionKind) => void;
  onMove: (dir: -1 | 1) => void;
  onDelete: () => void;
  onDuplicate: () => void;
  /** Earlier questions and hidden fields its display logic may read. */
  logicSources: LogicSource[];
  onAddChoice: () => void;
  onRemoveChoice: (index: number) => void;
  /** Drag and drop: the card is being dragged, or a drop would land before it. */
  drag?: {
    dragging: boolean;
    target: boolean;
    start: (e: DragEvent) => void;
    end: () => void;
    over: (e: DragEvent) => void;
    drop: (e: DragEvent) => void;
  };
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const q = () => props.question;

  const setChoiceLabel = (index: number, value: string) =>
    props.edit((x) => {
      const list: Option[] | undefined = choicesOf(x);
      if (list) list[index].label = withText(list[index].label, props.lang, value);
    });

  // Alt+↑/↓ anywhere in the card moves it, except in a list box, where Alt+↓ opens the list.
  const onKeyDown = (e: KeyboardEvent) => {
    if (
      !e.altKey ||
      props.readOnly ||
      (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') ||
      e.target instanceof HTMLSelectElement
    )
      return;
    const dir = e.key === 'ArrowUp' ? -1 : 1;
    if (dir < 0 ? !props.canMoveUp : !props.canMoveDown) return;
    e.preventDefault();
    const focused = document.activeElement;
    props.onMove(dir);
    // Moving a card's DOM node drops its focus, and moving to another page re-creates the card:
    // either way, keep the keyboard user where they were.
    queueMicrotask(() => {
      if (!(focused instanceof HTMLElement) || document.activeElement === focused) return;
      if (focused.isConnected) focused.focus();
      else
        document
          .querySelector<HTMLElement>(`[data-question-id="${q().id}"] [data-testid="move-${dir < 0 ? 'up' : 'down'}"]`)
          ?.focus();
    });
  };

  return (
    <article
      class="qcard"
      classList={{
        'has-problem': !!props.problem,
        'is-dragging': props.drag?.dragging,
        'drop-before': props.drag?.target,
      }}
      aria-labelledby={`${id}-title`}
      data-testid="question"
      data-question-id={q().id}
      onKeyDown={onKeyDown}
      onDragOver={(e) => props.drag?.over(e)}
      onDrop={(e) => props.drag?.drop(e)}
    >
      <header class="qcard-head">
        <Show when={!props.readOnly && props.drag}>
          <span
            class="drag-handle"
            draggable="true"
            aria-hidden="true"
            title={t('editor.dragQuestion')}
            onDragStart={(e) => props.drag?.start(e)}
            onDragEnd={() => props.drag?.end()}
            data-testid="question-drag"
          >
            ⋮⋮
          </span>
        </Show>
        <span class="qnum" id={`${id}-title`}>
          {t('editor.questionNumber', { n: props.number })}
        </span>
        <span class="qid" title={t('editor.idHint')}>
          {q().id}
        </span>
        <label class="visually-hidden" for={`${id}-kind`}>
          {t('editor.questionType')}
        </label>
        <select
          id={`${id}-kind`}
          class="select select-small"
          value={kindOf(q())}
          onChange={(e) => props.onKind(e.currentTarget.value as QuestionKind)}
          data-testid="question-kind"
        >
          <For each={QUESTION_KINDS}>{(kind) => <option value={kind}>{t(KIND_KEY[kind])}</option>}</For>
        </select>
        <Show when={q().type !== 'info'}>
          <label class="check">
            <input
              type="checkbox"
              checked={q().required}
              onChange={(e) =>
                props.edit((x) => {
                  x.required = e.currentTarget.checked;
                })
              }
              data-testid="question-required"
            />
            <span>{t('editor.required')}</span>
          </label>
        </Show>
        <Show when={!props.readOnly}>
          <div class="qcard-tools">
            <button
              type="button"
              class="icon-btn"
              disabled={!props.canMoveUp}
              onClick={() => props.onMove(-1)}
              aria-label={t('editor.moveUp')}
              title={`${t('editor.moveUp')} (Alt+↑)`}
              data-testid="move-up"
            >
              <Icon name="up" />
            </button>
            <button
              type="button"
              class="icon-btn"
              disabled={!props.canMoveDown}
              onClick={() => props.onMove(1)}
              aria-label={t('editor.moveDown')}
              title={`${t('editor.moveDown')} (Alt+↓)`}
              data-testid="move-down"
            >
              <Icon name="down" />
            </button>
            <button
              type="button"
              class="icon-btn"
              onClick={() => props.onDuplicate()}
              aria-label={t('editor.duplicateQuestion')}
              title={t('editor.duplicateQuestion')}
              data-testid="duplicate-question"
            >
              <Icon name="copy" />
            </button>
            <button
              type="button"
              class="icon-btn icon-btn-danger"
              onClick={() => props.onDelete()}
              aria-label={t('editor.deleteQuestion')}
              title={t('editor.deleteQuestion')}
              data-testid="delete-question"
            >
              <Icon name="trash" />
            </button>
          </div>
        </Show>
      </header>

      <label class="visually-hidden" for={`${id}-text`}>
        {t('editor.questionText')}
      </label>
      <textarea
        id={`${id}-text`}
        class="input qtext"
        rows="1"
        value={textIn(q().text, props.lang)}
        placeholder={t('editor.questionTextPlaceholder')}
        onInput={(e) =>
          props.edit((x) => {
            x.text = withText(x.text, props.lang, e.currentTarget.value);
          })
        }
        aria-invalid={props.problem && props.problemOnText ? 'true' : undefined}
        aria-describedby={props.problem && props.problemOnText ? `${id}-problem` : undefined}
        data-testid="question-text"
      />
      <Show when={props.problem && props.problemOnText}>
        <p class="field-error" id={`${id}-problem`} role="alert" data-testid="question-problem">
          {props.problem}
        </p>
      </Show>

      <div class="field-row">
        <div class="field">
          <label class="field-label" for={`${id}-help`}>
            {t('editor.help')}
          </label>
          <input
            id={`${id}-help`}
            class="input"
            value={textIn(q().help, props.lang)}
            placeholder={t('editor.helpPlaceholder')}
            onInput={(e) =>
              props.edit((x) => {
                x.help = withOptionalText(x.help, props.lang, e.currentTarget.value);
              })
            }
            data-testid="question-help"
          />
        </div>
        <div class="field">
          <label class="field-label" for={`${id}-role`}>
            {t('editor.role')}
          </label>
          <select
            id={`${id}-role`}
            class="select select-small"
            value={q().role ?? ''}
            onChange={(e) =>
              props.edit((x) => {
                x.role = (e.currentTarget.value || undefined) as Role | undefined;
              })
            }
            data-testid="question-role"
          >
            <option value="">{t('editor.role.none')}</option>
            <For each={ROLES}>{(r) => <option value={r}>{t(ROLE_KEY[r])}</option>}</For>
          </select>
        </div>
      </div>

      <Switch>
        <Match
          when={
            q().type === 'single' || q().type === 'multiple' || q().type === 'ranking'
              ? (q() as Extract<Question, { type: 'single' | 'multiple' | 'ranking' }>)
              : undefined
          }
        >
          {(choice) => (
            <>
              <ChoiceList
                items={choice().options}
                lang={props.lang}
                min={2}
                marker={choice().type === 'single' ? 'radio' : choice().type === 'multiple' ? 'check' : 'item'}
                legend={t('editor.options')}
                addLabel={t('editor.addOption')}
                placeholder={(n) => t('editor.optionN', { n })}
                removeLabel={(n) => t('editor.removeOption', { n })}
                onLabel={setChoiceLabel}
                onAdd={() => props.onAddChoice()}
                onRemove={(i) => props.onRemoveChoice(i)}
              />
              <Show when={choice().type === 'single'}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={(choice() as Extract<Question, { type: 'single' }>).other}
                    onChange={(e) =>
                      props.edit((x) => {
                        if (x.type === 'single') x.other = e.currentTarget.checked;
                      })
                    }
                    data-testid="question-other"
                  />
                  <span>{t('editor.otherOption')}</span>
                </label>
              </Show>
              <label class="check">
                <input
                  type="checkbox"
                  checked={choice().randomize}
                  onChange={(e) =>
                    props.edit((x) => {
                      if (x.type === 'single' || x.type === 'multiple' || x.type === 'ranking')
                        x.randomize = e.currentTarget.checked;
                    })
                  }
                />
                <span>{t('editor.randomize')}</span>
              </label>
            </>
          )}
        </Match>
        <Match
          when={
            ['matrix', 'servqual', 'importance', 'competitor'].includes(q().type)
              ? (q() as Extract<Question, { type: 'matrix' | 'servqual' | 'importance' | 'competitor' }>)
              : undefined
          }
        >
          {(battery) => (
            <>
              <Show
                when={
                  battery().type === 'competitor' ? (battery() as Extract<Question, { type: 'competitor' }>) : undefined
                }
              >
                {(grid) => <CompetitorBrands q={grid()} lang={props.lang} edit={props.edit} />}
              </Show>
              <ChoiceList
                items={choicesOf(battery())!}
                lang={props.lang}
                min={1}
                marker="item"
                legend={battery().type === 'competitor' ? t('editor.attributes') : t('editor.items')}
                addLabel={t('editor.addItem')}
                placeholder={(n) => t('editor.itemN', { n })}
                removeLabel={(n) => t('editor.removeItem', { n })}
                onLabel={setChoiceLabel}
                onAdd={() => props.onAddChoice()}
                onRemove={(i) => props.onRemoveChoice(i)}
                extra={
                  battery().type === 'servqual'
                    ? (i) => (
                        <DimensionSelect
                          q={battery() as Extract<Question, { type: 'servqual' }>}
                          index={i}
                          edit={props.edit}
                        />
                      )
                    : undefined
                }
              />
              <Show
                when={
                  battery().type === 'importance' ? (battery() as Extract<Question, { type: 'importance' }>) : undefined
                }
              >
                {(imp) => <ImportanceSettings q={imp()} edit={props.edit} />}
              </Show>
              <Show
                when={
                  battery().type !== 'importance' ||
                  (battery() as Extract<Question, { type: 'importance' }>).mode === 'rating'
                }
              >
                <ScaleEditor
                  scale={battery().scale}
                  notApplicable={
                    battery().type === 'matrix'
                      ? (battery() as Extract<Question, { type: 'matrix' }>).notApplicable
                      : undefined
                  }
                  lang={props.lang}
                  edit={props.edit}
                />
              </Show>
            </>
          )}
        </Match>
        <Match when={q().type === 'vanWestendorp' ? (q() as Extract<Question, { type: 'vanWestendorp' }>) : undefined}>
          {(vw) => <VanWestendorpSettings q={vw()} edit={props.edit} />}
        </Match>
        <Match when={q().type === 'gaborGranger' ? (q() as Extract<Question, { type: 'gaborGranger' }>) : undefined}>
          {(gg) => <GaborGrangerSettings q={gg()} edit={props.edit} />}
        </Match>
        <Match when={q().type === 'contact' ? (q() as Extract<Question, { type: 'contact' }>) : undefined}>
          {(c) => <ContactSettings q={c()} lang={props.lang} edit={props.edit} />}
        </Match>
        <Match when={q().type === 'rating' ? (q() as Extract<Question, { type: 'rating' }>) : undefined}>
          {(rating) => (
            <ScaleEditor
              scale={rating().scale}
              notApplicable={rating().notApplicable}
              lang={props.lang}
              edit={props.edit}
            />
          )}
        </Match>
        <Match when={q().type === 'nps'}>
          <div class="scale-preview" aria-hidden="true">
            <For each={Array.from({ length: 11 }, (_, i) => i)}>{(n) => <span class="scale-point">{n}</span>}</For>
          </div>
          <p class="field-hint">{t('editor.npsHint')}</p>
        </Match>
        <Match when={q().type === 'number' ? (q() as Extract<Question, { type: 'number' }>) : undefined}>
          {(num) => <NumberEditor min={num().min} max={num().max} integer={num().integer} edit={props.edit} />}
        </Match>
        <Match
          when={
            q().type === 'fields' || q().type === 'matrixScales'
              ? (q() as Extract<Question, { type: 'fields' | 'matrixScales' }>)
              : undefined
          }
        >
          {(multi) => (
            <>
              <ChoiceList
                items={multi().items}
                lang={props.lang}
                min={1}
                marker="item"
                legend={multi().type === 'fields' ? t('editor.fields') : t('editor.items')}
                addLabel={multi().type === 'fields' ? t('editor.addField') : t('editor.addItem')}
                placeholder={(n) => (multi().type === 'fields' ? t('editor.fieldN', { n }) : t('editor.itemN', { n }))}
                removeLabel={(n) =>
                  multi().type === 'fields' ? t('editor.removeField', { n }) : t('editor.removeItem', { n })
                }
                onLabel={setChoiceLabel}
                onAdd={() => props.onAddChoice()}
                onRemove={(i) => props.onRemoveChoice(i)}
              />
              <Show when={multi().type === 'fields' ? (multi() as Extract<Question, { type: 'fields' }>) : undefined}>
                {(f) => <FieldsSettings q={f()} edit={props.edit} />}
              </Show>
              <Show
                when={
                  multi().type === 'matrixScales' ? (multi() as Extract<Question, { type: 'matrixScales' }>) : undefined
                }
              >
                {(m) => <ScalesEditor q={m()} lang={props.lang} edit={props.edit} />}
              </Show>
            </>
          )}
        </Match>
        <Match when={q().type === 'date' ? (q() as Extract<Question, { type: 'date' }>) : undefined}>
          {(d) => <DateSettings q={d()} edit={props.edit} />}
        </Match>
        <Match when={q().type === 'yesno' ? (q() as Extract<Question, { type: 'yesno' }>) : undefined}>
          {(yn) => <YesNoSettings q={yn()} lang={props.lang} edit={props.edit} />}
        </Match>
        <Match when={q().type === 'info'}>
          <p class="field-hint">{t('editor.infoHint')}</p>
        </Match>
        <Match when={q().type === 'text'}>
          <div class={`answer-preview${kindOf(q()) === 'longtext' ? ' answer-preview-long' : ''}`} aria-hidden="true">
            {t('editor.answerPreview')}
          </div>
        </Match>
      </Switch>
      <LogicEditor
        logic={q().visibleIf}
        sources={props.logicSources}
        lang={props.lang}
        onChange={(logic) =>
          props.edit((x) => {
            x.visibleIf = logic;
          })
        }
      />
      <Show when={props.problem && !props.problemOnText}>
        <p class="field-error" role="alert" data-testid="question-problem">
          {props.problem}
        </p>
      </Show>
    </article>
  );
}

/** `notApplicable` undefined: the type has no "not applicable" choice. */
function ScaleEditor(props: {
  scale: Scale;
  notApplicable?: boolean;
  lang: SurveyLanguage;
  edit: (fn: (q: Question) => void) => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const size = () => props.scale.max - props.scale.min + 1;
  // A survey made elsewhere (an import, the demo) may use another size; keep it selectable.
  const sizes = () =>
    SCALE_SIZES.includes(size() as never) ? [...SCALE_SIZES] : [...SCALE_SIZES, size()].sort((a, b) => a - b);
  const points = () => Array.from({ length: size() }, (_, i) => props.scale.min + i);
  const editScale = (fn: (s: Scale) => void) =>
    props.edit((x) => {
      if ('scale' in x && x.scale) fn(x.scale);
    });

  return (
    <div class="scale-editor">
      <div class="field field-inline">
        <label class="field-label" for={`${id}-size`}>
          {t('editor.scaleSize')}
        </label>
        <select
          id={`${id}-size`}
          class="select select-small"
          value={size()}
          onChange={(e) =>
            editScale((s) => {
              s.min = 1;
              s.max = Number(e.currentTarget.value);
            })
          }
          data-testid="scale-size"
        >
          <For each={sizes()}>{(n) => <option value={n}>{t('editor.scalePoints', { count: n })}</option>}</For>
        </select>
      </div>
      <div class="scale-preview" aria-hidden="true">
        <For each={points()}>{(n) => <span class="scale-point">{n}</span>}</For>
      </div>
      <div class="scale-labels">
        <div class="field">
          <label class="field-label" for={`${id}-low`}>
            {t('editor.lowLabel', { n: props.scale.min })}
          </label>
          <input
            id={`${id}-low`}
            class="input"
            value={textIn(props.scale.minLabel, props.lang)}
            placeholder={t('editor.lowLabelPlaceholder')}
            onInput={(e) =>
              editScale((s) => {
                s.minLabel = withOptionalText(s.minLabel, props.lang, e.currentTarget.value);
              })
            }
          />
        </div>
        <div class="field">
          <label class="field-label" for={`${id}-high`}>
            {t('editor.highLabel', { n: props.scale.max })}
          </label>
          <input
            id={`${id}-high`}
            class="input"
            value={textIn(props.scale.maxLabel, props.lang)}
            placeholder={t('editor.highLabelPlaceholder')}
            onInput={(e) =>
              editScale((s) => {
                s.maxLabel = withOptionalText(s.maxLabel, props.lang, e.currentTarget.value);
              })
            }
          />
        </div>
      </div>
      <Show when={props.notApplicable !== undefined}>
        <label class="check">
          <input
            type="checkbox"
            checked={props.notApplicable}
            onChange={(e) =>
              props.edit((x) => {
                if (x.type === 'rating' || x.type === 'matrix') x.notApplicable = e.currentTarget.checked;
              })
            }
          />
          <span>{t('editor.notApplicable')}</span>
        </label>
      </Show>
    </div>
  );
}

function NumberEditor(props: {
  min?: number;
  max?: number;
  integer: boolean;
  edit: (fn: (q: Question) => void) => void;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const parse = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));
  const editNumber = (fn: (q: Extract<Question, { type: 'number' }>) => void) =>
    props.edit((x) => {
      if (x.type === 'number') fn(x);
    });
  return (
    <div class="number-editor">
      <div class="field">
        <label class="field-label" for={`${id}-min`}>
          {t('editor.minimum')}
        </label>
        <input
          id={`${id}-min`}
          class="input"
          type="number"
          value={props.min ?? ''}
          onInput={(e) =>
            editNumber((x) => {
              x.min = parse(e.currentTarget.value);
            })
          }
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${id}-max`}>
          {t('editor.maximum')}
        </label>
        <input
          id={`${id}-max`}
          class="input"
          type="number"
          value={props.max ?? ''}
          onInput={(e) =>
            editNumber((x) => {
              x.max = parse(e.currentTarget.value);
            })
          }
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={props.integer}
          onChange={(e) =>
            editNumber((x) => {
              x.integer = e.currentTarget.checked;
            })
          }
        />
        <span>{t('editor.wholeNumbers')}</span>
      </label>
    </div>
  );
}
