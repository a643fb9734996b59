import type { Scale, Text } from '../../../shared/survey/schema';

/** A scale point's label: its number, with the scale's end label at either end ("5 · Very satisfied"). */
export function pointLabels(scale: Scale, text: (x: Text | undefined) => string) {
  return (value: number) => {
    const end = value === scale.min ? text(scale.minLabel) : value === scale.max ? text(scale.maxLabel) : '';
    return end ? `${value} · ${end}` : String(value);
  };
}
