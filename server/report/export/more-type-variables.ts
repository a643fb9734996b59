/**
 * Export variables of the types in shared/survey/more-types.ts, read from the answers the report
 * keeps as given: yes/no coded 1 = yes, 0 = no (as SPSS dichotomies are); a date as its
 * YYYY-MM-DD text; one variable per field; one per item and scale (`q_item_scale`). Names are
 * made SPSS-valid and unique by the caller (names.ts).
 */
import type { Question } from '../../../shared/survey/schema';
import type { Columns } from '../columns';
import { labelsOf, type LabelContext, type Variable } from './variable';

type More = Extract<Question, { type: 'date' | 'yesno' | 'fields' | 'matrixScales' }>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function moreTypeVariables(q: More, cols: Columns, ctx: LabelContext): Variable[] {
  const { text, t } = ctx;
  const r = cols.raw.get(q.id);
  const bySlot = new Map<number, unknown>(r ? r.rows.map((slot, j) => [slot, r.values[j]]) : []);
  const label = text(q.text);
  switch (q.type) {
    case 'yesno': {
      const labels: [number, string][] = [
        [1, text(q.yesLabel) || t('export.yes')],
        [0, text(q.noLabel) || t('export.no')],
      ];
      return [
        {
          name: q.id,
          label,
          type: 'numeric',
          level: 'nominal',
          valueLabels: labels,
          value: (i) => (bySlot.get(i) === 'yes' ? 1 : bySlot.get(i) === 'no' ? 0 : null),
          labelOf: labelsOf(labels),
        },
      ];
    }
    case 'date':
      return [
        {
          name: q.id,
          label,
          type: 'string',
          level: 'nominal',
          valueLabels: [],
          value: (i) => (typeof bySlot.get(i) === 'string' ? (bySlot.get(i) as string) : null),
        },
      ];
    case 'fields':
      return q.items.map((item): Variable => {
        const at = (i: number) => {
          const a = bySlot.get(i);
          return isRecord(a) ? a[item.id] : undefined;
        };
        const name = `${q.id}_${item.id}`,
          itemLabel = ctx.item(label, text(item.label));
        return q.input === 'number'
          ? {
              name,
              label: itemLabel,
              type: 'numeric',
              level: 'scale',
              valueLabels: [],
              value: (i) => (typeof at(i) === 'number' ? (at(i) as number) : null),
            }
          : {
              name,
              label: itemLabel,
              type: 'string',
              level: 'nominal',
              valueLabels: [],
              value: (i) => (typeof at(i) === 'string' ? (at(i) as string) : null),
            };
      });
    case 'matrixScales':
      return q.items.flatMap((item) =>
        q.scales.map((s): Variable => {
          const labels: [number, string][] = s.pointLabels
            ? s.pointLabels.map((l, k) => [s.scale.min + k, text(l)])
            : (
                [
                  [s.scale.min, text(s.scale.minLabel)],
                  [s.scale.max, text(s.scale.maxLabel)],
                ] as [number, string][]
              ).filter((e) => e[1] !== '');
          return {
            name: `${q.id}_${item.id}_${s.id}`,
            label: ctx.item(ctx.item(label, text(item.label)), text(s.label)),
            type: 'numeric',
            level: 'ordinal',
            valueLabels: labels,
            value: (i) => {
              const a = bySlot.get(i);
              const x = isRecord(a) && isRecord(a[item.id]) ? (a[item.id] as Record<string, unknown>)[s.id] : undefined;
              return typeof x === 'number' ? x : null;
            },
            labelOf: labelsOf(labels),
          };
        }),
      );
  }
}
