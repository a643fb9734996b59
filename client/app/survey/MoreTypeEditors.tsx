/** The builder's settings for dates, yes/no, several fields and the matrix with several scales. */
import { createUniqueId, For, Show } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import type { Question } from '../../../shared/survey/schema';
import type { SCALE_ROLES } from '../../../shared/survey/more-types';

type ScaleRole = (typeof SCALE_ROLES)[number];
import { useI18n } from '../lib/i18n';
import { nextId, SCALE_SIZES, textIn, withOptionalText, withText } from './definition';

type Edit = (fn: (q: Question) => void) => void;
type Of<T extends Question['type']> = Extract<Question, { type: T }>;

const parseNumber = (s: string) => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

export function DateSettings(props: { q: Of<'date'>; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const set = (key: 'min' | 'max', value: string) =>
    props.edit((x) => {
      if (x.type === 'date') x[key] = value || undefined;
    });
  return (
    <div class="field-row">
      <div class="field">
        <label class="field-label" for={`${id}-min`}>
          {t('editor.earliestDate')}
        </label>
        <input
          id={`${id}-min`}
          class="input"
          type="date"
          value={props.q.min ?? ''}
          onInput={(e) => set('min', e.currentTarget.value)}
          data-testid="date-min"
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${id}-max`}>
          {t('editor.latestDate')}
        </label>
        <input
          id={`${id}-max`}
          class="input"
          type="date"
          value={props.q.max ?? ''}
          onInput={(e) => set('max', e.currentTarget.value)}
          data-testid="date-max"
        />
      </div>
    </div>
  );
}

export function YesNoSettings(props: { q: Of<'yesno'>; lang: SurveyLanguage; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const set = (key: 'yesLabel' | 'noLabel', value: string) =>
    props.edit((x) => {
      if (x.type === 'yesno') x[key] = withOptionalText(x[key], props.lang, value);
    });
  return (
    <div class="field-row">
      <div class="field">
        <label class="field-label" for={`${id}-yes`}>
          {t('editor.yesLabel')}
        </label>
        <input
          id={`${id}-yes`}
          class="input"
          value={textIn(props.q.yesLabel, props.lang)}
          placeholder={t('editor.yesNoPlaceholder')}
          onInput={(e) => set('yesLabel', e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label class="field-label" for={`${id}-no`}>
          {t('editor.noLabel')}
        </label>
        <input
          id={`${id}-no`}
          class="input"
          value={textIn(props.q.noLabel, props.lang)}
          placeholder={t('editor.yesNoPlaceholder')}
          onInput={(e) => set('noLabel', e.currentTarget.value)}
        />
      </div>
    </div>
  );
}

export function FieldsSettings(props: { q: Of<'fields'>; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const editFields = (fn: (q: Of<'fields'>) => void) =>
    props.edit((x) => {
      if (x.type === 'fields') fn(x);
    });
  return (
    <div class="number-editor">
      <div class="field">
        <label class="field-label" for={`${id}-input`}>
          {t('editor.fieldsInput')}
        </label>
        <select
          id={`${id}-input`}
          class="select select-small"
          value={props.q.input}
          onChange={(e) =>
            editFields((x) => {
              x.input = e.currentTarget.value as 'number' | 'text';
              if (x.input === 'text') x.total = undefined;
            })
          }
          data-testid="fields-input"
        >
          <option value="number">{t('editor.fieldsNumbers')}</option>
          <option value="text">{t('editor.fieldsTexts')}</option>
        </select>
      </div>
      <Show when={props.q.input === 'number'}>
        <div class="field">
          <label class="field-label" for={`${id}-min`}>
            {t('editor.minimum')}
          </label>
          <input
            id={`${id}-min`}
            class="input"
            type="number"
            value={props.q.min ?? ''}
            onInput={(e) =>
              editFields((x) => {
                x.min = parseNumber(e.currentTarget.value);
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
            value={props.q.max ?? ''}
            onInput={(e) =>
              editFields((x) => {
                x.max = parseNumber(e.currentTarget.value);
              })
            }
          />
        </div>
        <div class="field">
          <label class="field-label" for={`${id}-total`}>
            {t('editor.fieldsTotal')}
          </label>
          <input
            id={`${id}-total`}
            class="input"
            type="number"
            min="0"
            value={props.q.total ?? ''}
            onInput={(e) =>
              editFields((x) => {
                x.total = parseNumber(e.currentTarget.value);
              })
            }
            data-testid="fields-total"
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={props.q.integer}
            onChange={(e) =>
              editFields((x) => {
                x.integer = e.currentTarget.checked;
              })
            }
          />
          <span>{t('editor.wholeNumbers')}</span>
        </label>
      </Show>
    </div>
  );
}

/** The scales of a matrix with several scales: a heading, a size and end labels each. */
export function ScalesEditor(props: { q: Of<'matrixScales'>; lang: SurveyLanguage; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const editScales = (fn: (q: Of<'matrixScales'>) => void) =>
    props.edit((x) => {
      if (x.type === 'matrixScales') fn(x);
    });
  return (
    <fieldset class="research-settings" data-testid="scales">
      <legend class="field-label">{t('editor.scales')}</legend>
      <For each={props.q.scales}>
        {(s, k) => (
          <div class="scale-editor">
            <div class="field-row">
              <div class="field">
                <label class="field-label" for={`${id}-${k()}-label`}>
                  {t('editor.scaleN', { n: k() + 1 })}
                </label>
                <input
                  id={`${id}-${k()}-label`}
                  class="input"
                  value={textIn(s.label, props.lang)}
                  placeholder={t('editor.scaleLabelPlaceholder')}
                  onInput={(e) =>
                    editScales((x) => {
                      x.scales[k()].label = withText(x.scales[k()].label, props.lang, e.currentTarget.value);
                    })
                  }
                  data-testid="scale-label"
                />
              </div>
              <div class="field field-inline">
                <label class="field-label" for={`${id}-${k()}-size`}>
                  {t('editor.scaleSize')}
                </label>
                <select
                  id={`${id}-${k()}-size`}
                  class="select select-small"
                  value={s.scale.max - s.scale.min + 1}
                  onChange={(e) =>
                    editScales((x) => {
                      x.scales[k()].scale = { ...x.scales[k()].scale, min: 1, max: Number(e.currentTarget.value) };
                      x.scales[k()].pointLabels = undefined;
                    })
                  }
                >
                  <For
                    each={
                      SCALE_SIZES.includes((s.scale.max - s.scale.min + 1) as never)
                        ? [...SCALE_SIZES]
                        : [...SCALE_SIZES, s.scale.max - s.scale.min + 1]
                    }
                  >
                    {(n) => <option value={n}>{t('editor.scalePoints', { count: n })}</option>}
                  </For>
                </select>
              </div>
              <div class="field field-inline">
                <label class="field-label" for={`${id}-${k()}-role`}>
                  {t('editor.scaleRole')}
                </label>
                <select
                  id={`${id}-${k()}-role`}
                  class="select select-small"
                  value={s.role ?? ''}
                  onChange={(e) =>
                    editScales((x) => {
                      const role = e.currentTarget.value as ScaleRole | '';
                      if (role) x.scales[k()].role = role;
                      else delete x.scales[k()].role;
                    })
                  }
                  data-testid="scale-role"
                >
                  <option value="">{t('editor.scaleRole.none')}</option>
                  <option value="importance">{t('editor.scaleRole.importance')}</option>
                  <option value="attribute">{t('editor.scaleRole.attribute')}</option>
                </select>
              </div>
            </div>
            <Show
              when={s.pointLabels}
              fallback={
                <div class="scale-labels">
                  <div class="field">
                    <label class="field-label" for={`${id}-${k()}-low`}>
                      {t('editor.lowLabel', { n: s.scale.min })}
                    </label>
                    <input
                      id={`${id}-${k()}-low`}
                      class="input"
                      value={textIn(s.scale.minLabel, props.lang)}
                      placeholder={t('editor.lowLabelPlaceholder')}
                      onInput={(e) =>
                        editScales((x) => {
                          x.scales[k()].scale.minLabel = withOptionalText(
                            x.scales[k()].scale.minLabel,
                            props.lang,
                            e.currentTarget.value,
                          );
                        })
                      }
                    />
                  </div>
                  <div class="field">
                    <label class="field-label" for={`${id}-${k()}-high`}>
                      {t('editor.highLabel', { n: s.scale.max })}
                    </label>
                    <input
                      id={`${id}-${k()}-high`}
                      class="input"
                      value={textIn(s.scale.maxLabel, props.lang)}
                      placeholder={t('editor.highLabelPlaceholder')}
                      onInput={(e) =>
                        editScales((x) => {
                          x.scales[k()].scale.maxLabel = withOptionalText(
                            x.scales[k()].scale.maxLabel,
                            props.lang,
                            e.currentTarget.value,
                          );
                        })
                      }
                    />
                  </div>
                </div>
              }
            >
              {(labels) => (
                <div class="scale-labels">
                  <For each={labels()}>
                    {(label, p) => (
                      <div class="field">
                        <label class="field-label" for={`${id}-${k()}-p${p()}`}>
                          {t('editor.pointLabel', { n: s.scale.min + p() })}
                        </label>
                        <input
                          id={`${id}-${k()}-p${p()}`}
                          class="input"
                          value={textIn(label, props.lang)}
                          onInput={(e) =>
                            editScales((x) => {
                              x.scales[k()].pointLabels![p()] = withText(
                                x.scales[k()].pointLabels![p()],
                                props.lang,
                                e.currentTarget.value,
                              );
                            })
                          }
                        />
                      </div>
                    )}
                  </For>
                </div>
              )}
            </Show>
            <Show when={props.q.scales.length > 1}>
              <button
                type="button"
                class="btn btn-small"
                onClick={() =>
                  editScales((x) => {
                    x.scales.splice(k(), 1);
                  })
                }
              >
                {t('editor.removeScale', { n: k() + 1 })}
              </button>
            </Show>
          </div>
        )}
      </For>
      <Show when={props.q.scales.length < 4}>
        <button
          type="button"
          class="btn btn-small"
          onClick={() =>
            editScales((x) => {
              x.scales.push({
                id: nextId(
                  's',
                  x.scales.map((s) => s.id),
                ),
                label: withText(undefined, props.lang, ''),
                scale: { min: 1, max: 5 },
              });
            })
          }
          data-testid="add-scale"
        >
          {t('editor.addScale')}
        </button>
      </Show>
    </fieldset>
  );
}
