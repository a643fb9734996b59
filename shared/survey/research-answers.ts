/** Answer validation of the research question types (shapes in research-types.ts). */
import type { AnswerIssue, AnswerIssueCode } from './answers';
import { isLadderPath, ladderHighest, type LadderStep } from './ladder';
import type { Question } from './schema';

type ResearchQuestion = Extract<
  Question,
  { type: 'servqual' | 'importance' | 'vanWestendorp' | 'gaborGranger' | 'competitor' | 'ranking' | 'contact' }
>;
type Fail = (code: AnswerIssueCode, message: string, params?: Record<string, number>) => AnswerIssue;

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPrice = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The four Van Westendorp questions, in the order their prices must rise. */
export const VW_PRICES = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'] as const;

// Deliberately loose: one @, a dot in the domain, no spaces. Stricter patterns refuse real addresses.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE_RE = /^\+?[0-9 ()./-]{6,24}$/;
export const isEmail = (s: string) => s.length <= 254 && EMAIL_RE.test(s);

function onScale(x: unknown, scale: { min: number; max: number }): 'wrong-type' | 'out-of-range' | null {
  if (!isInt(x)) return 'wrong-type';
  return x < scale.min || x > scale.max ? 'out-of-range' : null;
}

export function checkResearchAnswer(q: ResearchQuestion, value: unknown, fail: Fail): AnswerIssue | null {
  const range = (scale: { min: number; max: number }, what: string, err: 'wrong-type' | 'out-of-range') =>
    err === 'wrong-type'
      ? fail('wrong-type', `${what}: expected a whole number`)
      : fail('out-of-range', `${what}: must be from ${scale.min} to ${scale.max}`, { min: scale.min, max: scale.max });
  switch (q.type) {
    case 'servqual': {
      if (!isRecord(value)) return fail('wrong-type', 'expected an object of item id → { e, p }');
      for (const [itemId, pair] of Object.entries(value)) {
        if (!q.items.some((i) => i.id === itemId)) return fail('unknown-item', `"${itemId}" is not one of its items`);
        if (!isRecord(pair) || Object.keys(pair).some((k) => k !== 'e' && k !== 'p'))
          return fail('wrong-type', `item ${itemId}: expected { e, p }`);
        for (const k of ['e', 'p'] as const) {
          if (pair[k] === undefined) continue;
          const err = onScale(pair[k], q.scale);
          if (err) return range(q.scale, `item ${itemId}.${k}`, err);
        }
      }
      const complete = q.items.every(
        (i) =>
          isRecord(value[i.id]) &&
          (value[i.id] as Record<string, unknown>).e !== undefined &&
          (value[i.id] as Record<string, unknown>).p !== undefined,
      );
      return q.required && !complete ? fail('required', 'every item needs an expectation and a perception') : null;
    }
    case 'importance': {
      if (!isRecord(value)) return fail('wrong-type', 'expected an object of item id → number');
      for (const [itemId, x] of Object.entries(value)) {
        if (!q.items.some((i) => i.id === itemId)) return fail('unknown-item', `"${itemId}" is not one of its items`);
        if (q.mode === 'sum') {
          if (!isInt(x) || x < 0)
            return fail('wrong-type', `item ${itemId}: expected a whole number of points, 0 or more`);
        } else {
          const err = onScale(x, q.scale);
          if (err) return range(q.scale, `item ${itemId}`, err);
        }
      }
      if (q.mode === 'sum') {
        const sum = Object.values(value).reduce<number>((s, x) => s + (x as number), 0);
        if (sum !== q.total)
          return fail('constant-sum', `the points must add up to ${q.total}; they add up to ${sum}`, {
            total: q.total,
            sum,
          });
        return null;
      }
      return q.required && q.items.some((i) => value[i.id] === undefined)
        ? fail('required', 'every item needs an answer')
        : null;
    }
    case 'vanWestendorp': {
      if (!isRecord(value))
        return fail('wrong-type', 'expected an object with tooCheap, cheap, expensive, tooExpensive');
      const allowed: string[] = [...VW_PRICES, ...(q.likelihood ? ['likelyCheap', 'likelyExpensive'] : [])];
      const extra = Object.keys(value).find((k) => !allowed.includes(k));
      if (extra) return fail('unknown-item', `"${extra}" is not one of its questions`);
      for (const k of VW_PRICES) {
        if (value[k] !== undefined && !isPrice(value[k]))
          return fail('wrong-type', `${k}: expected a price, 0 or more`);
      }
      if (VW_PRICES.some((k) => value[k] === undefined)) return fail('required', 'all four prices are needed');
      const prices = VW_PRICES.map((k) => value[k] as number);
      if (prices.some((p, i) => i > 0 && p <= prices[i - 1])) {
        return fail('price-order', 'prices must rise strictly: too cheap < cheap < expensive < too expensive');
      }
      for (const k of ['likelyCheap', 'likelyExpensive']) {
        if (value[k] === undefined) {
          if (q.likelihood && q.required) return fail('required', `${k}: an answer is required`);
          continue;
        }
        const err = onScale(value[k], { min: 1, max: 5 });
        if (err) return range({ min: 1, max: 5 }, k, err);
      }
      return null;
    }
    case 'gaborGranger': {
      if (!isRecord(value) || !Array.isArray(value.path))
        return fail('wrong-type', 'expected { path: [{ price, buy }], highest }');
      const path = value.path as unknown[];
      if (!path.every((s) => isRecord(s) && isPrice(s.price) && typeof s.buy === 'boolean'))
        return fail('wrong-type', 'path: each step needs a price and buy true/false');
      const steps = path as LadderStep[];
      if (!isLadderPath(q.prices, q.start, steps))
        return fail('ladder', 'path does not follow the price ladder to its end');
      if (value.highest !== ladderHighest(steps))
        return fail('ladder', 'highest must be the highest price answered yes, or null');
      return null;
    }
    case 'competitor': {
      if (
        !isRecord(value) ||
        !Array.isArray(value.known) ||
        (value.ratings !== undefined && !isRecord(value.ratings))
      ) {
        return fail('wrong-type', 'expected { known: [brandId], ratings: { brandId: { attributeId: n } } }');
      }
      const known = value.known as unknown[];
      const bad = known.find((b) => !q.brands.some((x) => x.id === b));
      if (bad !== undefined) return fail('unknown-option', `"${String(bad)}" is not one of its brands`);
      if (new Set(known).size !== known.length) return fail('duplicate', 'a brand is listed twice');
      const ratings = (value.ratings ?? {}) as Record<string, unknown>;
      for (const [brand, row] of Object.entries(ratings)) {
        if (!known.includes(brand)) return fail('unknown-option', `"${brand}" is rated but not among the brands known`);
        if (!isRecord(row)) return fail('wrong-type', `${brand}: expected an object of attribute id → number`);
        for (const [attr, x] of Object.entries(row)) {
          if (!q.attributes.some((a) => a.id === attr))
            return fail('unknown-item', `"${attr}" is not one of its attributes`);
          const err = onScale(x, q.scale);
          if (err) return range(q.scale, `${brand}.${attr}`, err);
        }
      }
      const complete = known.every((b) =>
        q.attributes.every(
          (a) =>
            isRecord(ratings[b as string]) && (ratings[b as string] as Record<string, unknown>)[a.id] !== undefined,
        ),
      );
      return q.required && !complete ? fail('required', 'every known brand needs a rating on every attribute') : null;
    }
    case 'ranking': {
      if (!Array.isArray(value) || !value.every((x) => typeof x === 'string'))
        return fail('wrong-type', 'expected a list of option ids');
      const bad = value.find((x) => !q.options.some((o) => o.id === x));
      if (bad !== undefined) return fail('unknown-option', `"${bad}" is not one of its options`);
      if (new Set(value).size !== value.length) return fail('duplicate', 'an option is ranked twice');
      return value.length !== q.options.length ? fail('required', 'every option needs a rank') : null;
    }
    case 'contact': {
      if (!isRecord(value)) return fail('wrong-type', 'expected { name, email, phone, consent }');
      const allowed = [
        'consent',
        ...(q.name ? ['name'] : []),
        ...(q.email ? ['email'] : []),
        ...(q.phone ? ['phone'] : []),
      ];
      const extra = Object.keys(value).find((k) => !allowed.includes(k));
      if (extra) return fail('unknown-item', `"${extra}" is not asked by this question`);
      for (const k of ['name', 'email', 'phone']) {
        if (value[k] !== undefined && (typeof value[k] !== 'string' || (value[k] as string).length > 200))
          return fail('wrong-type', `${k}: expected text of at most 200 characters`);
      }
      if (value.consent !== undefined && typeof value.consent !== 'boolean')
        return fail('wrong-type', 'consent: expected true or false');
      const email = (value.email as string | undefined)?.trim();
      if (email && !isEmail(email)) return fail('email', 'email: not a valid e-mail address');
      const phone = (value.phone as string | undefined)?.trim();
      if (phone && !PHONE_RE.test(phone)) return fail('phone', 'phone: not a valid phone number');
      // Contact details without consent must not be kept: the consent is what allows storing them.
      if (value.consent !== true && (email || phone || (value.name as string | undefined)?.trim())) {
        return fail('consent', 'contact details need the consent box ticked');
      }
      return q.required && value.consent !== true ? fail('consent', 'consent is required') : null;
    }
  }
}
