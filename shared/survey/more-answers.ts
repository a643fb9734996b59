/** Answer validation of the types in more-types.ts (shapes listed there). */
import type { AnswerIssue, AnswerIssueCode } from './answers';
import { isIsoDate } from './iso-date';
import type { Question } from './schema';

export type MoreQuestion = Extract<Question, { type: 'info' | 'date' | 'yesno' | 'fields' | 'matrixScales' }>;
type Fail = (code: AnswerIssueCode, message: string, params?: Record<string, number>) => AnswerIssue;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The sum of a numeric fields answer, rounded where binary fractions would leave 99.99999999999999. */
export const fieldsSum = (value: Record<string, unknown>) =>
  Math.round(Object.values(value).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0) * 1e9) / 1e9;

export function checkMoreAnswer(q: MoreQuestion, value: unknown, fail: Fail): AnswerIssue | null {
  switch (q.type) {
    case 'info':
      return fail('wrong-type', 'an instructions block takes no answer');
    case 'date':
      if (!isIsoDate(value)) return fail('wrong-type', 'expected a date written YYYY-MM-DD');
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        return fail('out-of-range', `must be from ${q.min ?? 'any date'} to ${q.max ?? 'any date'}`);
      }
      return null;
    case 'yesno':
      return value === 'yes' || value === 'no' ? null : fail('wrong-type', 'expected "yes" or "no"');
    case 'fields': {
      if (!isRecord(value))
        return fail('wrong-type', `expected an object of field id → ${q.input === 'number' ? 'number' : 'text'}`);
      for (const [itemId, x] of Object.entries(value)) {
        if (!q.items.some((i) => i.id === itemId)) return fail('unknown-item', `"${itemId}" is not one of its fields`);
        if (q.input === 'text') {
          if (typeof x !== 'string') return fail('wrong-type', `field ${itemId}: expected text`);
          if (x.length > q.maxLength)
            return fail('too-long', `field ${itemId}: longer than ${q.maxLength} characters`, { max: q.maxLength });
          continue;
        }
        if (typeof x !== 'number' || !Number.isFinite(x))
          return fail('wrong-type', `field ${itemId}: expected a number`);
        if (q.integer && !Number.isInteger(x)) return fail('not-integer', `field ${itemId}: expected a whole number`);
        if ((q.min !== undefined && x < q.min) || (q.max !== undefined && x > q.max)) {
          return fail('out-of-range', `field ${itemId}: must be from ${q.min ?? '−∞'} to ${q.max ?? '∞'}`, {
            min: q.min ?? -Infinity,
            max: q.max ?? Infinity,
          });
        }
      }
      if (q.total !== undefined) {
        const sum = fieldsSum(value);
        if (sum !== q.total)
          return fail('constant-sum', `the fields must add up to ${q.total}; they add up to ${sum}`, {
            total: q.total,
            sum,
          });
      }
      const blank = (x: unknown) => x === undefined || (typeof x === 'string' && x.trim() === '');
      return q.required && q.items.some((i) => blank(value[i.id]))
        ? fail('required', 'every field needs an answer')
        : null;
    }
    case 'matrixScales': {
      if (!isRecord(value)) return fail('wrong-type', 'expected an object of item id → { scale id → point }');
      for (const [itemId, row] of Object.entries(value)) {
        if (!q.items.some((i) => i.id === itemId)) return fail('unknown-item', `"${itemId}" is not one of its items`);
        if (!isRecord(row)) return fail('wrong-type', `item ${itemId}: expected an object of scale id → point`);
        for (const [scaleId, x] of Object.entries(row)) {
          const column = q.scales.find((c) => c.id === scaleId);
          if (!column) return fail('unknown-item', `item ${itemId}: "${scaleId}" is not one of its scales`);
          if (typeof x !== 'number' || !Number.isInteger(x))
            return fail('wrong-type', `item ${itemId}.${scaleId}: expected a whole number`);
          const { min, max } = column.scale;
          if (x < min || x > max)
            return fail('out-of-range', `item ${itemId}.${scaleId}: must be from ${min} to ${max}`, { min, max });
        }
      }
      const complete = q.items.every(
        (i) =>
          isRecord(value[i.id]) && q.scales.every((c) => (value[i.id] as Record<string, unknown>)[c.id] !== undefined),
      );
      return q.required && !complete ? fail('required', 'every item needs an answer on every scale') : null;
    }
  }
}
