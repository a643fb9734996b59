/**
 * The research question types as export variables, one per answer part, so an analyst can
 * recompute every report section from the download alone (shapes in shared/survey/research-types.ts):
 *
 *   servqual       `<q>_<item>_e`, `<q>_<item>_p`        expectation and perception (ordinal)
 *   importance     `<q>_<item>`                         rating (ordinal) or constant-sum points (scale)
 *   vanWestendorp  `<q>_too_cheap`, `<q>_cheap`, `<q>_expensive`, `<q>_too_expensive` (scale),
 *                  `<q>_likely_cheap`, `<q>_likely_expensive` (ordinal 1–5, when asked)
 *   gaborGranger   `<q>_at_<price>`                     would buy at that price, 1/0 (nominal),
 *                  `<q>_highest`                        highest price accepted, blank for none (scale)
 *   competitor     `<q>_<brand>_known` (1/0), `<q>_<brand>_<attribute>` (ordinal)
 *   ranking        `<q>_<option>`                       rank given, 1 = first (ordinal)
 *
 * A respondent who did not answer the question is missing in all of its variables.
 */
import type { Question } from '../../../shared/survey/schema';
import type { Columns } from '../columns';
import { importanceColumnsOf, servqualColumnsOf } from '../sections/research-columns';
import { scaleEnds, yesNo, type LabelContext, type Variable } from './variable';

type Research = Extract<
  Question,
  { type: 'servqual' | 'importance' | 'vanWestendorp' | 'gaborGranger' | 'competitor' | 'ranking' }
>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const price = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

/** The stored answer of each slot (undefined where there is none), read once from the columns' raw store. */
function answersBySlot(cols: Columns, questionId: string): unknown[] {
  const bySlot = new Array<unknown>(cols.n);
  const r = cols.raw.get(questionId);
  if (r) for (let j = 0; j < r.rows.length; j++) if (r.rows[j] < cols.n) bySlot[r.rows[j]] = r.values[j];
  return bySlot;
}

/** A price as a name part: 24 → `24`, 2.5 → `2_5`. */
const priceName = (p: number) => String(p).replace(/[^0-9]/g, '_');

export function researchVariables(q: Research, cols: Columns, ctx: LabelContext): Variable[] {
  const { text, t } = ctx;
  const label = text(q.text);
  switch (q.type) {
    case 'servqual': {
      const decoded = servqualColumnsOf(cols, q)!;
      const ends = scaleEnds(q.scale, ctx);
      const parts = [
        ['e', text(q.expectationLabel) || t('report.servqual.expectation'), decoded.e],
        ['p', text(q.perceptionLabel) || t('report.servqual.perception'), decoded.p],
      ] as const;
      return q.items.flatMap((item, k) =>
        parts.map(
          ([suffix, part, columns]): Variable => ({
            name: `${q.id}_${item.id}_${suffix}`,
            label: ctx.note(ctx.item(label, text(item.label)), part),
            type: 'numeric',
            level: 'ordinal',
            valueLabels: ends,
            value: (i) => (columns[k][i] >= 0 ? columns[k][i] : null),
          }),
        ),
      );
    }
    case 'importance': {
      const columns = importanceColumnsOf(cols, q)!;
      const sum = q.mode === 'sum';
      return q.items.map(
        (item, k): Variable => ({
          name: `${q.id}_${item.id}`,
          label: sum
            ? ctx.note(ctx.item(label, text(item.label)), t('export.points', { total: q.total }))
            : ctx.item(label, text(item.label)),
          type: 'numeric',
          level: sum ? 'scale' : 'ordinal',
          valueLabels: sum ? [] : scaleEnds(q.scale, ctx),
          value: (i) => (Number.isNaN(columns[k][i]) ? null : columns[k][i]),
        }),
      );
    }
    case 'vanWestendorp': {
      const answers = answersBySlot(cols, q.id);
      const field = (i: number, key: string) => {
        const a = answers[i];
        return isRecord(a) ? a[key] : undefined;
      };
      const prices = [
        ['too_cheap', 'tooCheap', t('report.price.tooCheap')],
        ['cheap', 'cheap', t('export.cheap')],
        ['expensive', 'expensive', t('export.expensive')],
        ['too_expensive', 'tooExpensive', t('report.price.tooExpensive')],
      ] as const;
      const out = prices.map(
        ([suffix, key, part]): Variable => ({
          name: `${q.id}_${suffix}`,
          label: ctx.item(label, ctx.note(part, q.currency)),
          type: 'numeric',
          level: 'scale',
          valueLabels: [],
          value: (i) => price(field(i, key)),
        }),
      );
      if (q.likelihood) {
        for (const [suffix, key, part] of [
          ['likely_cheap', 'likelyCheap', t('export.likelyCheap')],
          ['likely_expensive', 'likelyExpensive', t('export.likelyExpensive')],
        ] as const) {
          out.push({
            name: `${q.id}_${suffix}`,
            label: ctx.item(label, part),
            type: 'numeric',
            level: 'ordinal',
            valueLabels: [],
            value: (i) => {
              const x = field(i, key);
              return typeof x === 'number' && Number.isInteger(x) ? x : null;
            },
          });
        }
      }
      return out;
    }
    case 'gaborGranger': {
      const answers = answersBySlot(cols, q.id);
      // The ladder settles every price: yes up to the highest accepted, no above it (ladder.ts).
      const highest = (i: number): number | null | undefined => {
        const a = answers[i];
        if (!isRecord(a) || !Array.isArray(a.path)) return undefined;
        return a.highest === null ? null : (price(a.highest) ?? undefined);
      };
      const out = q.prices.map(
        (p): Variable => ({
          name: `${q.id}_at_${priceName(p)}`,
          label: ctx.item(label, t('export.buysAt', { price: `${p} ${q.currency}` })),
          type: 'numeric',
          ...yesNo(ctx),
          value: (i) => {
            const h = highest(i);
            return h === undefined ? null : h !== null && p <= h ? 1 : 0;
          },
        }),
      );
      out.push({
        name: `${q.id}_highest`,
        label: ctx.item(label, ctx.note(t('export.highest'), q.currency)),
        type: 'numeric',
        level: 'scale',
        valueLabels: [],
        value: (i) => highest(i) ?? null,
      });
      return out;
    }
    case 'competitor': {
      const answers = answersBySlot(cols, q.id);
      const ends = scaleEnds(q.scale, ctx);
      return q.brands.flatMap((brand): Variable[] => [
        {
          name: `${q.id}_${brand.id}_known`,
          label: ctx.item(label, t('export.known', { brand: text(brand.label) })),
          type: 'numeric',
          ...yesNo(ctx),
          value: (i) => {
            const a = answers[i];
            return isRecord(a) && Array.isArray(a.known) ? (a.known.includes(brand.id) ? 1 : 0) : null;
          },
        },
        ...q.attributes.map(
          (attr): Variable => ({
            name: `${q.id}_${brand.id}_${attr.id}`,
            label: ctx.item(label, ctx.item(text(brand.label), text(attr.label))),
            type: 'numeric',
            level: 'ordinal',
            valueLabels: ends,
            value: (i) => {
              const a = answers[i];
              const row = isRecord(a) && isRecord(a.ratings) ? a.ratings[brand.id] : undefined;
              const x = isRecord(row) ? row[attr.id] : undefined;
              return typeof x === 'number' && Number.isInteger(x) && x >= q.scale.min && x <= q.scale.max ? x : null;
            },
          }),
        ),
      ]);
    }
    case 'ranking': {
      const answers = answersBySlot(cols, q.id);
      return q.options.map(
        (o): Variable => ({
          name: `${q.id}_${o.id}`,
          label: ctx.note(ctx.item(label, text(o.label)), t('export.rank')),
          type: 'numeric',
          level: 'ordinal',
          valueLabels: [],
          value: (i) => {
            const a = answers[i];
            const k = Array.isArray(a) ? a.indexOf(o.id) : -1;
            return k >= 0 ? k + 1 : null;
          },
        }),
      );
    }
  }
}
