/** One variable of the response exports, and the label helpers the variable builders share. */
import type { AppKey, Translate } from '../../../shared/i18n';
import type { SurveyDefinition, Text } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';

/** SPSS's measurement levels: what an analysis may do with the numbers. */
export type Level = 'nominal' | 'ordinal' | 'scale';

export interface Variable {
  name: string;
  label: string;
  /** A `datetime` value is epoch ms: ISO 8601 text in CSV, a date in XLSX, DATETIME in SPSS. */
  type: 'numeric' | 'string' | 'datetime';
  level: Level;
  /** Value → label: codes of coded answers (single choice, scale ends, yes/no), or a hidden field's values. */
  valueLabels: [number | string, string][];
  /** Code or value of response `slot`; null when missing. Strings for `string` variables. */
  value: (slot: number) => number | string | null;
  /** The label of a value, for exports "with labels". */
  labelOf?: (value: number | string) => string;
}

/** What the variables of one export are built with: the labels' language and its words. */
export interface LabelContext {
  text: (x: Text | undefined) => string;
  t: Translate<AppKey>;
  /** "Question: item", with the punctuation of the labels' language. */
  item: (whole: string, part: string) => string;
  /** "Label (note)", likewise. */
  note: (label: string, note: string) => string;
}

export function labelContext(def: SurveyDefinition, lang: string, t: Translate<AppKey>): LabelContext {
  const chinese = lang.startsWith('zh');
  return {
    text: (x) => pickText(x, lang, def.defaultLanguage),
    t,
    item: (whole, part) => (chinese ? `${whole}：${part}` : `${whole}: ${part}`),
    note: (label, note) => (chinese ? `${label}（${note}）` : `${label} (${note})`),
  };
}

/** Labels looked up in a list of value labels; a value without one reads as itself. */
export const labelsOf = (labels: readonly [number | string, string][]) => {
  const byValue = new Map(labels);
  return (value: number | string) => byValue.get(value) ?? String(value);
};

/** Scale ends that have a label, as value labels. */
export function scaleEnds(
  scale: { min: number; max: number; minLabel?: Text; maxLabel?: Text },
  ctx: LabelContext,
): [number, string][] {
  return (
    [
      [scale.min, ctx.text(scale.minLabel)],
      [scale.max, ctx.text(scale.maxLabel)],
    ] as [number, string][]
  ).filter((e) => e[1] !== '');
}

/** Yes (1) / No (0) flags, labelled in the export's language. */
export function yesNo(ctx: LabelContext): Pick<Variable, 'valueLabels' | 'labelOf' | 'level'> {
  const valueLabels: [number, string][] = [
    [0, ctx.t('export.no')],
    [1, ctx.t('export.yes')],
  ];
  return { valueLabels, labelOf: labelsOf(valueLabels), level: 'nominal' };
}
