/**
 * Per-question figures of the types in shared/survey/more-types.ts, from the answers the report
 * keeps as given (the columns' raw store): yes/no and the several-scales matrix are tallied like
 * a single choice and a matrix item (weighted alike); dates by month and number fields by their
 * mean, unweighted, as the report's number questions are.
 */
import type { QuestionReport } from '../../shared/api/report';
import type { Question } from '../../shared/survey/schema';
import { meanCI } from '../../shared/stats';
import { MISSING, type Columns } from './columns';
import type { Selection } from './selection';
import { scaleItem, tally } from './sections/tally';

type More = Extract<Question, { type: 'date' | 'yesno' | 'fields' | 'matrixScales' }>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The selected responses' stored answers to question `id`, with their slots. */
function selected(cols: Columns, sel: Selection, id: string): { slots: number[]; values: unknown[] } {
  const r = cols.raw.get(id);
  const slots: number[] = [];
  const values: unknown[] = [];
  if (r)
    r.rows.forEach((slot, j) => {
      if (slot < cols.n && sel.mask[slot]) {
        slots.push(slot);
        values.push(r.values[j]);
      }
    });
  return { slots, values };
}

/** A scale column as the tallies read it: one int16 per slot, −1 where there is no answer. */
function column(cols: Columns, slots: readonly number[], point: (j: number) => unknown): Int16Array {
  const c = new Int16Array(Math.max(cols.n, 1)).fill(MISSING);
  slots.forEach((slot, j) => {
    const x = point(j);
    if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 32768) c[slot] = x;
  });
  return c;
}

export function moreTypeReport(q: More, cols: Columns, sel: Selection): QuestionReport {
  const { slots, values } = selected(cols, sel, q.id);
  switch (q.type) {
    case 'yesno': {
      const t = tally(
        column(cols, slots, (j) => (values[j] === 'yes' ? 1 : values[j] === 'no' ? 0 : undefined)),
        sel,
        0,
        1,
      );
      return {
        id: q.id,
        type: 'yesno',
        n: t.n,
        counts: [
          { value: 'yes', count: t.counts[1], share: t.shares[1] },
          { value: 'no', count: t.counts[0], share: t.shares[0] },
        ],
      };
    }
    case 'date': {
      const dates = values.filter((x): x is string => typeof x === 'string').sort();
      const months = new Map<string, number>();
      for (const d of dates) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + 1);
      return {
        id: q.id,
        type: 'date',
        n: dates.length,
        earliest: dates[0] ?? null,
        latest: dates[dates.length - 1] ?? null,
        // The lower middle of an even count: a date between two others has no midpoint to offer.
        median: dates.length ? dates[Math.floor((dates.length - 1) / 2)] : null,
        counts: [...months].map(([value, count]) => ({ value, count, share: count / dates.length })),
      };
    }
    case 'fields': {
      const items = q.items.map((item) => {
        const answers = values.map((v) => (isRecord(v) ? v[item.id] : undefined));
        if (q.input === 'text') {
          const texts = answers.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
          return { id: item.id, n: texts.length, mean: null, latest: texts.slice(-20).reverse() };
        }
        const xs = answers.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
        return { id: item.id, n: xs.length, mean: xs.length >= 2 ? meanCI(xs, 0.95) : null };
      });
      return { id: q.id, type: 'fields', n: values.length, items };
    }
    case 'matrixScales': {
      const items = q.items.map((item) => ({
        id: item.id,
        scales: q.scales.map((s) => {
          const c = column(cols, slots, (j) => {
            const row = isRecord(values[j]) ? (values[j] as Record<string, unknown>)[item.id] : undefined;
            return isRecord(row) ? row[s.id] : undefined;
          });
          const r = scaleItem(c, sel, `${q.id}.${item.id}.${s.id}`, q.id, item.id, s.scale.min, s.scale.max);
          return { id: s.id, n: r.n, counts: r.counts, mean: r.mean, topTwoBox: r.topTwoBox };
        }),
      }));
      return { id: q.id, type: 'matrixScales', n: values.length, items };
    }
  }
}
