import type { SectionInput } from './input';

/** The stored answers of a research-type question over the selected responses, with their slots. */
export function rawAnswers(input: SectionInput, questionId: string): { slots: number[]; values: unknown[] } {
  const r = input.cols.raw.get(questionId);
  const slots: number[] = [];
  const values: unknown[] = [];
  if (!r) return { slots, values };
  const { mask } = input.sel;
  for (let j = 0; j < r.rows.length; j++) {
    const slot = r.rows[j];
    if (slot < input.cols.n && mask[slot]) {
      slots.push(slot);
      values.push(r.values[j]);
    }
  }
  return { slots, values };
}
