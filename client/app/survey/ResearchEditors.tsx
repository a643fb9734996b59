/** The builder's settings for the research question types (SERVQUAL, prices, competitors, contact). */
import { createUniqueId, For, Show } from 'solid-js';
import type { SurveyLanguage } from '../../../shared/survey/survey-language';
import { SERVQUAL_DIMENSIONS } from '../../../shared/survey/research-types';
import type { Question } from '../../../shared/survey/schema';
import type { AppKey } from '../../../shared/i18n';
import { useI18n } from '../lib/i18n';
import ChoiceList from './ChoiceList';
import { nextId, textIn, withText } from './definition';

type Edit = (fn: (q: Question) => void) => void;
type Of<T extends Question['type']> = Extract<Question, { type: T }>;

const DIMENSION_KEY: Record<(typeof SERVQUAL_DIMENSIONS)[number], AppKey> = {
  tangibles: 'editor.dimension.tangibles',
  reliability: 'editor.dimension.reliability',
  responsiveness: 'editor.dimension.responsiveness',
  assurance: 'editor.dimension.assurance',
  empathy: 'editor.dimension.empathy',
};

/** A SERVQUAL item's dimension, chosen beside its label. */
export function DimensionSelect(props: { q: Of<'servqual'>; index: number; edit: Edit }) {
  const { t } = useI18n();
  return (
    <select
      class="select select-small"
      aria-label={t('editor.dimension', { n: props.index + 1 })}
      value={props.q.items[props.index]?.dimension}
      onChange={(e) =>
        props.edit((x) => {
          if (x.type === 'servqual') x.items[props.index].dimension = e.currentTarget.value as never;
        })
      }
    >
      <For each={SERVQUAL_DIMENSIONS}>{(d) => <option value={d}>{t(DIMENSION_KEY[d])}</option>}</For>
    </select>
  );
}

export function ImportanceSettings(props: { q: Of<'importance'>; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  return (
    <div class="field-row">
      <div class="field field-inline">
        <label class="field-label" for={`${id}-mode`}>
          {t('editor.importanceMode')}
        </label>
        <select
          id={`${id}-mode`}
          class="select select-small"
          value={props.q.mode}
          onChange={(e) =>
            props.edit((x) => {
              if (x.type === 'importance') x.mode = e.currentTarget.value as 'rating' | 'sum';
            })
          }
        >
          <option value="rating">{t('editor.importanceMode.rating')}</option>
          <option value="sum">{t('editor.importanceMode.sum')}</option>
        </select>
      </div>
      <Show when={props.q.mode === 'sum'}>
        <div class="field field-inline">
          <label class="field-label" for={`${id}-total`}>
            {t('editor.total')}
          </label>
          <input
            id={`${id}-total`}
            class="input input-narrow"
            type="number"
            min="10"
            max="1000"
            value={props.q.total}
            onInput={(e) =>
              props.edit((x) => {
                if (x.type === 'importance' && Number.isInteger(Number(e.currentTarget.value)))
                  x.total = Number(e.currentTarget.value);
              })
            }
          />
        </div>
      </Show>
    </div>
  );
}

function CurrencyField(props: { value: string; edit: (currency: string) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  return (
    <div class="field field-inline">
      <label class="field-label" for={id}>
        {t('editor.currency')}
      </label>
      <input
        id={id}
        class="input input-narrow"
        maxLength={3}
        value={props.value}
        onInput={(e) => props.edit(e.currentTarget.value.toUpperCase())}
      />
    </div>
  );
}

export function VanWestendorpSettings(props: { q: Of<'vanWestendorp'>; edit: Edit }) {
  const { t } = useI18n();
  return (
    <div class="research-settings">
      <p class="field-hint">{t('editor.vwHint')}</p>
      <CurrencyField
        value={props.q.currency}
        edit={(c) =>
          props.edit((x) => {
            if (x.type === 'vanWestendorp') x.currency = c;
          })
        }
      />
      <label class="check">
        <input
          type="checkbox"
          checked={props.q.likelihood}
          onChange={(e) =>
            props.edit((x) => {
              if (x.type === 'vanWestendorp') x.likelihood = e.currentTarget.checked;
            })
          }
        />
        <span>{t('editor.likelihood')}</span>
      </label>
    </div>
  );
}

export function GaborGrangerSettings(props: { q: Of<'gaborGranger'>; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  // Typed as one line; what does not parse is dropped, and the schema names a ladder out of order.
  const parse = (s: string) =>
    s
      .split(/[\s;]+/)
      .map((p) => Number(p.replace(',', '.')))
      .filter((n) => s.trim() !== '' && Number.isFinite(n) && n >= 0);
  return (
    <div class="research-settings">
      <p class="field-hint">{t('editor.ggHint')}</p>
      <CurrencyField
        value={props.q.currency}
        edit={(c) =>
          props.edit((q) => {
            if (q.type === 'gaborGranger') q.currency = c;
          })
        }
      />
      <div class="field">
        <label class="field-label" for={id}>
          {t('editor.prices')}
        </label>
        <input
          id={id}
          class="input"
          value={props.q.prices.join(' ')}
          onChange={(e) =>
            props.edit((q) => {
              if (q.type === 'gaborGranger') q.prices = parse(e.currentTarget.value);
            })
          }
          data-testid="gg-prices"
        />
      </div>
    </div>
  );
}

export function CompetitorBrands(props: { q: Of<'competitor'>; lang: SurveyLanguage; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const editBrands = (fn: (q: Of<'competitor'>) => void) =>
    props.edit((x) => {
      if (x.type === 'competitor') fn(x);
    });
  return (
    <>
      <ChoiceList
        items={props.q.brands}
        lang={props.lang}
        min={2}
        marker="check"
        legend={t('editor.brands')}
        addLabel={t('editor.addBrand')}
        placeholder={(n) => t('editor.brandN', { n })}
        removeLabel={(n) => t('editor.removeBrand', { n })}
        onLabel={(i, value) =>
          editBrands((x) => {
            x.brands[i].label = withText(x.brands[i].label, props.lang, value);
          })
        }
        onAdd={() =>
          editBrands((x) => {
            x.brands.push({
              id: nextId(
                'b',
                x.brands.map((b) => b.id),
              ),
              label: withText(undefined, props.lang, ''),
            });
          })
        }
        onRemove={(i) =>
          editBrands((x) => {
            const [gone] = x.brands.splice(i, 1);
            if (x.ownBrand === gone.id) x.ownBrand = x.brands[0].id;
          })
        }
      />
      <div class="field field-inline">
        <label class="field-label" for={id}>
          {t('editor.ownBrand')}
        </label>
        <select
          id={id}
          class="select select-small"
          value={props.q.ownBrand}
          onChange={(e) =>
            editBrands((x) => {
              x.ownBrand = e.currentTarget.value;
            })
          }
        >
          <For each={props.q.brands}>
            {(b, i) => (
              <option value={b.id}>{textIn(b.label, props.lang) || t('editor.brandN', { n: i() + 1 })}</option>
            )}
          </For>
        </select>
      </div>
    </>
  );
}

export function ContactSettings(props: { q: Of<'contact'>; lang: SurveyLanguage; edit: Edit }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const FIELDS = [
    ['name', 'editor.askName'],
    ['email', 'editor.askEmail'],
    ['phone', 'editor.askPhone'],
  ] as const;
  return (
    <div class="research-settings">
      <For each={FIELDS}>
        {([field, key]) => (
          <label class="check">
            <input
              type="checkbox"
              checked={props.q[field]}
              onChange={(e) =>
                props.edit((x) => {
                  if (x.type === 'contact') x[field] = e.currentTarget.checked;
                })
              }
            />
            <span>{t(key)}</span>
          </label>
        )}
      </For>
      <div class="field">
        <label class="field-label" for={id}>
          {t('editor.consentText')}
        </label>
        <input
          id={id}
          class="input"
          value={textIn(props.q.consent, props.lang)}
          placeholder={t('editor.consentPlaceholder')}
          onInput={(e) =>
            props.edit((x) => {
              if (x.type === 'contact') x.consent = withText(x.consent, props.lang, e.currentTarget.value);
            })
          }
        />
      </div>
    </div>
  );
}
