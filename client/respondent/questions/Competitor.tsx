import { For } from 'solid-js';
import { t, text } from '../i18n';
import { Matrix } from './Matrix';
import type { RendererProps } from './types';

type Grid = { known: string[]; ratings: Record<string, Record<string, number | 'na'>> };

/**
 * Competitor grid: first which brands the respondent knows, then one matrix of the attributes
 * per brand known (own brand first), so nobody rates a brand they have never heard of.
 */
export function Competitor(props: RendererProps<'competitor'>) {
  const grid = (): Grid => {
    const v = props.value as Partial<Grid> | undefined;
    return {
      known: Array.isArray(v?.known) ? v.known : [],
      ratings: v?.ratings && typeof v.ratings === 'object' ? v.ratings : {},
    };
  };
  const brands = () =>
    [...props.q.brands].sort((a, b) => Number(b.id === props.q.ownBrand) - Number(a.id === props.q.ownBrand));
  const toggle = (brandId: string, on: boolean) => {
    const { known, ratings } = grid();
    const next = props.q.brands.map((b) => b.id).filter((id) => (id === brandId ? on : known.includes(id)));
    // Ratings of a brand unticked go with it: they would be ratings of a brand not known.
    const kept = Object.fromEntries(Object.entries(ratings).filter(([id]) => next.includes(id)));
    props.onChange(next.length ? { known: next, ratings: kept } : undefined);
  };
  const rate = (brandId: string, row: Record<string, number | 'na'>) =>
    props.onChange({ ...grid(), ratings: { ...grid().ratings, [brandId]: row } });
  return (
    <>
      <fieldset class="sub">
        <legend>{t('competitor.known')}</legend>
        <div class="opts">
          <For each={brands()}>
            {(b) => (
              <label class="opt">
                <input
                  type="checkbox"
                  checked={grid().known.includes(b.id)}
                  onChange={(e) => toggle(b.id, e.currentTarget.checked)}
                />
                <span>{text(b.label)}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <For each={brands().filter((b) => grid().known.includes(b.id))}>
        {(b) => (
          <fieldset class="sub brand">
            <legend>{text(b.label)}</legend>
            <Matrix
              inputId={props.inputId}
              describedBy={props.describedBy}
              invalid={props.invalid}
              seed={props.seed}
              q={{
                id: `${props.q.id}_${b.id}`,
                text: b.label,
                required: props.q.required,
                type: 'matrix',
                items: props.q.attributes,
                scale: props.q.scale,
                notApplicable: false,
              }}
              value={grid().ratings[b.id]}
              onChange={(row) => rate(b.id, (row ?? {}) as Record<string, number | 'na'>)}
            />
          </fieldset>
        )}
      </For>
    </>
  );
}
