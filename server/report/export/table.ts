/**
 * Responses as one flat table of variables, the shape CSV, XLSX and SPSS exports share: one row
 * per response, one variable per answer part (per item of a matrix, per option of a multiple
 * choice, per expectation and perception of a SERVQUAL item, per price of a Van Westendorp
 * block…; research types in research-variables.ts), named by names.ts.
 * Read from the report's columns, so exports respect its filters and never see contact details.
 */
import type { Quotas } from '../../../shared/plan';
import { allQuestions, type SurveyDefinition } from '../../../shared/survey/schema';
import { itemKey, NOT_APPLICABLE, type Columns } from '../columns';
import { hiddenField } from '../hidden-field';
import { isCustomerField } from '../../../shared/customers/fields';
import type { Selection } from '../selection';
import { nameGiver } from './names';
import { researchVariables } from './research-variables';
import { labelsOf, scaleEnds, yesNo, type LabelContext, type Variable } from './variable';
import { moreTypeVariables } from './more-type-variables';

export type { Variable } from './variable';

/** `extra` variables (a coded open question's codes) go last, named with the rest. */
export function variables(
  def: SurveyDefinition,
  cols: Columns,
  ctx: LabelContext,
  quotas: Quotas | null,
  extra: readonly Variable[] = [],
): Variable[] {
  const { text, t } = ctx;
  const scale = (column: Int16Array) => (slot: number) => (column[slot] >= 0 ? column[slot] : null);
  // "Not applicable" is left out of the rating (so its mean stays right) and flagged beside it.
  const notApplicable = (name: string, label: string, column: Int16Array): Variable => ({
    name: `${name}_na`,
    label: ctx.note(label, t('report.notApplicable')),
    type: 'numeric',
    ...yesNo(ctx),
    value: (i) => (column[i] === NOT_APPLICABLE ? 1 : column[i] >= 0 ? 0 : null),
  });
  const out: Variable[] = [
    {
      name: 'response_id',
      label: t('export.response'),
      type: 'numeric',
      level: 'nominal',
      valueLabels: [],
      value: (i) => cols.id[i],
    },
    {
      name: 'completed',
      label: t('export.completed'),
      type: 'datetime',
      level: 'scale',
      valueLabels: [],
      value: (i) => cols.completedAt[i],
    },
    {
      name: 'wave',
      label: t('report.waveCol'),
      type: 'numeric',
      level: 'ordinal',
      valueLabels: [],
      value: (i) => cols.wave[i],
    },
  ];
  for (const [name, h] of cols.hidden) {
    // The register's fields of a survey nobody was invited to from the register: no column of blanks.
    if (isCustomerField(name) && h.dict.length === 0) continue;
    // The plan's quota variable on the field names it and its categories ("Loyalty tier", Platinum…).
    const reads = hiddenField(quotas, name);
    const planned = quotas?.variables.find((x) => x.source === name)?.categories ?? [];
    out.push({
      name,
      label: reads.label,
      type: 'string',
      level: 'nominal',
      valueLabels: planned
        .map((c): [string, string] => [c.value, reads.valueLabel(c.value)])
        .filter(([value, label]) => label !== value),
      value: (i) => (h.codes[i] >= 0 ? h.dict[h.codes[i]] : null),
      labelOf: (value) => reads.valueLabel(String(value)),
    });
  }
  for (const q of allQuestions(def)) {
    const label = text(q.text);
    switch (q.type) {
      case 'single': {
        const col = cols.ints.get(q.id)!;
        // An "other" answer is coded one past the options (column-writers.ts): its code follows theirs.
        const labels = q.options.map((o, k): [number, string] => [k + 1, text(o.label)]);
        if (q.other) labels.push([q.options.length + 1, t('export.other')]);
        out.push({
          name: q.id,
          label,
          type: 'numeric',
          level: 'nominal',
          valueLabels: labels,
          value: (i) => (col[i] >= 0 && col[i] < labels.length ? col[i] + 1 : null),
          labelOf: labelsOf(labels),
        });
        break;
      }
      case 'multiple': {
        const m = cols.multi.get(q.id)!;
        q.options.forEach((o, k) => {
          out.push({
            name: `${q.id}_${o.id}`,
            label: ctx.item(label, text(o.label)),
            type: 'numeric',
            ...yesNo(ctx),
            value: (i) => (m.answered[i] ? m.chosen[k][i] : null),
          });
        });
        break;
      }
      case 'rating':
      case 'nps': {
        const col = cols.ints.get(q.id)!;
        const ends = q.type === 'rating' ? scaleEnds(q.scale, ctx) : [];
        out.push({ name: q.id, label, type: 'numeric', level: 'ordinal', valueLabels: ends, value: scale(col) });
        if (q.type === 'rating' && q.notApplicable) out.push(notApplicable(q.id, label, col));
        break;
      }
      case 'matrix':
        for (const item of q.items) {
          const col = cols.ints.get(itemKey(q.id, item.id))!;
          const itemLabel = ctx.item(label, text(item.label));
          out.push({
            name: `${q.id}_${item.id}`,
            label: itemLabel,
            type: 'numeric',
            level: 'ordinal',
            valueLabels: scaleEnds(q.scale, ctx),
            value: scale(col),
          });
          if (q.notApplicable) out.push(notApplicable(`${q.id}_${item.id}`, itemLabel, col));
        }
        break;
      case 'number': {
        const col = cols.numbers.get(q.id)!;
        out.push({
          name: q.id,
          label,
          type: 'numeric',
          level: 'scale',
          valueLabels: [],
          value: (i) => (Number.isNaN(col[i]) ? null : col[i]),
        });
        break;
      }
      case 'text': {
        const tx = cols.texts.get(q.id)!;
        const bySlot = new Map(tx.rows.map((slot, j) => [slot, tx.texts[j]]));
        out.push({
          name: q.id,
          label,
          type: 'string',
          level: 'nominal',
          valueLabels: [],
          value: (i) => bySlot.get(i) ?? null,
        });
        break;
      }
      case 'date':
      case 'yesno':
      case 'fields':
      case 'matrixScales':
        out.push(...moreTypeVariables(q, cols, ctx));
        break;
      // Contact details are personal data: they never reach a report or an export. An instructions block has no answer.
      case 'contact':
      case 'info':
        break;
      default:
        out.push(...researchVariables(q, cols, ctx));
    }
  }
  out.push(...extra);
  const give = nameGiver();
  return out.map((v) => ({ ...v, name: give(v.name) }));
}

/** The selected responses' slots, in completion order. */
export function selectedSlots(cols: Columns, sel: Selection): number[] {
  const slots: number[] = [];
  for (let i = 0; i < cols.n; i++) if (sel.mask[i]) slots.push(i);
  return slots.sort((a, b) => cols.completedAt[a] - cols.completedAt[b]);
}
