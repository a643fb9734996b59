/**
 * Reads the condition expressions of SurveyJS (`{q1} = 'a' and {nps} <= 6`) and LimeSurvey's
 * ExpressionScript (`Q1.NAOK == "A1" && !is_empty(Q2)`) into our logic: one list of conditions,
 * all or any. Anything our logic cannot say (mixed and/or, arithmetic, functions other than
 * emptiness tests) is refused with a reason, never guessed.
 */
import type { Condition, Logic } from '../logic';
import { note, type ImportNote, type ImportNoteCode } from './notes';

/** Why an expression cannot be read, as a note for the import's list. */
class Unreadable extends Error {
  readonly note: ImportNote;
  constructor(code: ImportNoteCode, params?: ImportNote['params']) {
    super(code);
    this.note = note(code, params);
  }
}

type Token = { t: 'var' | 'str' | 'num' | 'op' | 'word' | 'punct'; v: string };

export type Operand =
  | { kind: 'var'; name: string }
  | { kind: 'lit'; value: string | number | boolean }
  | { kind: 'list'; values: (string | number)[] };
type Node =
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }
  | { kind: 'cmp'; left: Operand; op: string; right?: Operand }
  | { kind: 'call'; name: string; args: Operand[] };

// SurveyJS also reads `=<` and `=>` as ≤ and ≥.
const OPS = ['==', '!=', '<>', '<=', '>=', '=<', '=>', '<', '>', '='];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new Unreadable('exprBrace');
      out.push({ t: 'var', v: src.slice(i + 1, end).trim() });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new Unreadable('exprQuote');
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) && /^\d+X\d+X\d/.test(src.slice(i, i + 40))) {
      // A LimeSurvey condition-designer name (282267X5X47SH101), read as a name.
      const word = /^\d+X\d+X\d+\w*(\.\w+)?/.exec(src.slice(i, i + 200))![0];
      out.push({ t: 'word', v: word });
      i += word.length;
    } else if (
      /[0-9]/.test(c) ||
      (c === '-' && /[0-9]/.test(src[i + 1] ?? '') && !['var', 'str', 'num', 'word'].includes(out.at(-1)?.t ?? ''))
    ) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i, i + 400))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (src.startsWith('&&', i) || src.startsWith('||', i)) {
      out.push({ t: 'word', v: src[i] === '&' ? 'and' : 'or' });
      i += 2;
    } else if (OPS.some((op) => src.startsWith(op, i))) {
      const op = OPS.find((o) => src.startsWith(o, i))!;
      out.push({ t: 'op', v: op });
      i += op.length;
    } else if ('()[],!'.includes(c)) {
      out.push({ t: 'punct', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][\w.]*/.exec(src.slice(i, i + 400))![0];
      out.push({ t: 'word', v: word });
      i += word.length;
    } else {
      throw new Unreadable('exprChar', { char: c });
    }
  }
  return out;
}

const WORD_OPS: Record<string, string> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  equal: '==',
  notequal: '!=',
  anyof: 'anyof',
  allof: 'allof',
  contains: 'contains',
  notcontains: 'notcontains',
  noneof: 'noneof',
};

function parse(tokens: Token[], bareNames: boolean): Node {
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const expect = (v: string) => {
    if (peek()?.v !== v) throw new Unreadable('exprExpected', { token: v });
    i++;
  };
  const operand = (): Operand => {
    const tk = take();
    if (!tk) throw new Unreadable('exprEnds');
    if (tk.t === 'var') return { kind: 'var', name: tk.v };
    if (tk.t === 'str') return { kind: 'lit', value: tk.v };
    if (tk.t === 'num') return { kind: 'lit', value: Number(tk.v) };
    if (tk.t === 'word' && (tk.v === 'true' || tk.v === 'false')) return { kind: 'lit', value: tk.v === 'true' };
    if (tk.t === 'punct' && tk.v === '[') {
      const values: (string | number)[] = [];
      while (peek() && peek().v !== ']') {
        const o = operand();
        if (o.kind !== 'lit' || typeof o.value === 'boolean') throw new Unreadable('exprListValues');
        values.push(o.value);
        if (peek()?.v === ',') i++;
      }
      expect(']');
      return { kind: 'list', values };
    }
    if (tk.t === 'word' && bareNames) return { kind: 'var', name: tk.v };
    throw new Unreadable('exprOperand', { token: tk.v });
  };
  const primary = (): Node => {
    const tk = peek();
    if (!tk) throw new Unreadable('exprEnds');
    if (tk.v === '(') {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (tk.v === '!' || (tk.t === 'word' && tk.v === 'not')) {
      i++;
      return { kind: 'not', item: primary() };
    }
    if (tk.t === 'word' && tokens[i + 1]?.v === '(' && bareNames) {
      i += 2;
      const args: Operand[] = [];
      while (peek() && peek().v !== ')') {
        args.push(operand());
        if (peek()?.v === ',') i++;
      }
      expect(')');
      if (peek()?.t === 'op' || WORD_OPS[peek()?.v.toLowerCase() ?? ''])
        throw new Unreadable('exprFunction', { name: tk.v });
      return { kind: 'call', name: tk.v.toLowerCase(), args };
    }
    const left = operand();
    const next = peek();
    if (next?.t === 'word' && (next.v === 'empty' || next.v === 'notempty')) {
      i++;
      return { kind: 'cmp', left, op: next.v };
    }
    let op = next?.t === 'op' ? next.v : next?.t === 'word' ? WORD_OPS[next.v.toLowerCase()] : undefined;
    if (!op) {
      // LimeSurvey treats a bare `1` as "always".
      if (left.kind === 'lit') return { kind: 'cmp', left, op: 'const' };
      throw new Unreadable('exprNoComparison', { name: left.kind === 'var' ? left.name : '[…]' });
    }
    i++;
    if (op === '=') op = '==';
    if (op === '<>') op = '!=';
    if (op === '=<') op = '<=';
    if (op === '=>') op = '>=';
    return { kind: 'cmp', left, op, right: operand() };
  };
  const chain = (word: 'and' | 'or', inner: () => Node): Node => {
    const items = [inner()];
    while (peek()?.t === 'word' && peek().v.toLowerCase() === word) {
      i++;
      items.push(inner());
    }
    return items.length === 1 ? items[0] : { kind: word, items };
  };
  const and = () => chain('and', primary);
  const or = (): Node => chain('or', and);
  const node = or();
  if (i < tokens.length) throw new Unreadable('exprUnexpected', { token: tokens[i].v });
  return node;
}

/** What the importer knows of a variable named in an expression. */
export interface Resolved {
  /** Our question id or hidden field, with `.item` for a matrix row. */
  source: string;
  /** Maps a raw value of the source format to ours (an option id, a number), or undefined if it has none. */
  value: (raw: string | number | boolean) => string | number | undefined;
  /** Integer-valued sources (ratings, NPS) read `< 3` as `≤ 2`. */
  integer: boolean;
  /** Set for a LimeSurvey multiple-choice subquestion: "chosen" is a comparison with "Y". */
  chosen?: string;
  /** A choice question's source values and our option ids: `>= 4` on values 1…5 is "any of" those at 4 or above. */
  choices?: { raw: string; id: string }[];
}

export type Resolver = (name: string) => Resolved | null;

function condition(node: Node, resolve: Resolver): Condition | null | 'always' {
  if (node.kind === 'not') {
    const inner = condition(node.item, resolve);
    if (inner === null || inner === 'always') return null;
    const flip: Partial<Record<Condition['op'], Condition['op']>> = {
      answered: 'notAnswered',
      notAnswered: 'answered',
      equals: 'notEquals',
      notEquals: 'equals',
      in: 'notIn',
      notIn: 'in',
    };
    const op = flip[inner.op];
    if (!op) throw new Unreadable('exprNotRange');
    return { ...inner, op };
  }
  if (node.kind === 'call') {
    if (node.name !== 'is_empty' || node.args.length !== 1 || node.args[0].kind !== 'var')
      throw new Unreadable('exprFunction', { name: node.name });
    const r = resolve(node.args[0].name);
    if (!r) throw new Unreadable('exprUnknown', { name: node.args[0].name });
    return { source: r.source, op: r.chosen ? 'notEquals' : 'notAnswered', ...(r.chosen ? { value: r.chosen } : {}) };
  }
  if (node.kind !== 'cmp') return null;
  if (node.op === 'const')
    return node.left.kind === 'lit' && (node.left.value === 1 || node.left.value === true) ? 'always' : null;
  if (node.left.kind !== 'var') throw new Unreadable('exprStart');
  const r = resolve(node.left.name);
  if (!r) throw new Unreadable('exprUnknown', { name: node.left.name });
  const { source } = r;
  if (node.op === 'empty') return { source, op: 'notAnswered' };
  if (node.op === 'notempty') return { source, op: 'answered' };
  const right = node.right!;
  if (right.kind === 'var') throw new Unreadable('exprTwoQuestions');
  // Both tools read an unanswered question as "": `x != ""` is "answered", `x == ""` "not answered".
  if (!r.chosen && right.kind === 'lit' && right.value === '') {
    if (node.op === '!=') return { source, op: 'answered' };
    if (node.op === '==') return { source, op: 'notAnswered' };
  }
  if (r.choices && right.kind === 'lit' && ['<', '<=', '>', '>='].includes(node.op))
    return choicesCompared(r, node.op, right.value);
  if (r.chosen) {
    // LimeSurvey stores a ticked subquestion as "Y" and an unticked one as "".
    if (right.kind !== 'lit') throw new Unreadable('exprSubValue');
    const ticked = right.value === 'Y';
    if (node.op !== '==' && node.op !== '!=') throw new Unreadable('exprSubOp');
    return { source, op: ticked === (node.op === '==') ? 'equals' : 'notEquals', value: r.chosen };
  }
  const map = (raw: string | number | boolean) => {
    const mapped = r.value(raw);
    if (mapped === undefined)
      throw new Unreadable('exprValue', { value: String(raw), name: node.left.kind === 'var' ? node.left.name : '' });
    return mapped;
  };
  if (right.kind === 'list') {
    const values = right.values.map(map);
    if (node.op === 'anyof') return { source, op: 'in', values };
    if (node.op === 'noneof') return { source, op: 'notIn', values };
    if (node.op === 'allof' && values.length === 1) return { source, op: 'equals', value: values[0] };
    throw new Unreadable('exprListOp', { op: node.op });
  }
  const value = map(right.value);
  switch (node.op) {
    case '==':
    case 'contains':
    case 'anyof':
      return { source, op: 'equals', value };
    case '!=':
    case 'notcontains':
    case 'noneof':
      return { source, op: 'notEquals', value };
  }
  if (typeof value !== 'number') throw new Unreadable('exprNumber', { op: node.op });
  const step = r.integer ? 1 : 0;
  if ((node.op === '<' || node.op === '>') && !r.integer) throw new Unreadable('exprStrict', { op: node.op });
  switch (node.op) {
    case '<=':
      return { source, op: 'between', max: value };
    case '<':
      return { source, op: 'between', max: value - step };
    case '>=':
      return { source, op: 'between', min: value };
    case '>':
      return { source, op: 'between', min: value + step };
  }
  throw new Unreadable('exprOp', { op: node.op });
}

/** `{score} >= 4` on a choice question whose values are numbers: any of the options that meet it. */
function choicesCompared(r: Resolved, op: string, raw: string | number | boolean): Condition {
  const limit = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isNaN(limit)) throw new Unreadable('exprNumber', { op });
  const meets = (n: number) =>
    op === '<' ? n < limit : op === '<=' ? n <= limit : op === '>' ? n > limit : n >= limit;
  const values = r
    .choices!.filter((c) => c.raw.trim() !== '' && !Number.isNaN(Number(c.raw)) && meets(Number(c.raw)))
    .map((c) => c.id);
  if (values.length === 0) throw new Unreadable('exprNever', { name: r.source, op, limit });
  return { source: r.source, op: 'in', values };
}

/**
 * Both tools compare an unanswered question as empty, so "≠ x" and "none of" hold while it is
 * unanswered; ours holds no condition on an unanswered question but notAnswered. Where the logic
 * can say it (one condition, or any of several), "or not answered" is added; where it can't (all
 * of several), the caveat says so for the import's list of what didn't carry over.
 */
function unansweredAsBoth(
  conditions: Condition[],
  match: 'all' | 'any',
  dialect: 'surveyjs' | 'limesurvey',
  guarded: ReadonlySet<Condition>,
): { logic: Logic; caveat?: ImportNote } {
  const negative = conditions.filter((c) => (c.op === 'notEquals' || c.op === 'notIn') && !guarded.has(c));
  if (negative.length === 0) return { logic: { match, conditions } };
  if (match === 'all' && conditions.length > 1) {
    return {
      logic: { match, conditions },
      caveat: note('conditionUnanswered', {
        tool: dialect === 'limesurvey' ? 'LimeSurvey' : 'SurveyJS',
        names: [...new Set(negative.map((c) => c.source))].join(', '),
      }),
    };
  }
  const unanswered = [...new Set(negative.map((c) => c.source))]
    .filter((source) => !conditions.some((c) => c.source === source && c.op === 'notAnswered'))
    .map((source): Condition => ({ source, op: 'notAnswered' }));
  return { logic: { match: 'any', conditions: [...conditions, ...unanswered] } };
}

/** `q notempty and q <> x` (either order): the comparison, which needs no "or not answered". */
function guardedNegative(node: { items: Node[] }): Node | null {
  if (node.items.length !== 2) return null;
  const [a, b] = node.items;
  if (
    a.kind !== 'cmp' ||
    b.kind !== 'cmp' ||
    a.left.kind !== 'var' ||
    b.left.kind !== 'var' ||
    a.left.name !== b.left.name
  )
    return null;
  const negative = (n: typeof a) => n.op === '!=' || n.op === 'noneof' || n.op === 'notcontains';
  if (a.op === 'notempty' && negative(b)) return b;
  if (b.op === 'notempty' && negative(a)) return a;
  return null;
}

/**
 * Our logic for an expression, `undefined` when it always holds (LimeSurvey's relevance "1"), or
 * an error naming why it cannot be said.
 * @example toLogic("{visit} = 'buy' or {nps} <= 6", resolve, 'surveyjs')
 */
export function toLogic(
  expression: string,
  resolve: Resolver,
  dialect: 'surveyjs' | 'limesurvey',
): { logic?: Logic; error?: ImportNote; caveat?: ImportNote } {
  try {
    // Real conditions are a few hundred characters; a far longer one is not worth reading.
    if (expression.length > 10_000) throw new Unreadable('exprTooLong', { max: 10_000 });
    const node = parse(tokenize(expression), dialect === 'limesurvey');
    const flat = node.kind === 'and' || node.kind === 'or' ? node : { kind: 'and' as const, items: [node] };
    let conditions: Condition[] = [];
    // "≠ x" guarded by "answered" (`({q} notempty and {q} <> 'x')`, as our export writes it) is our own notEquals.
    const guarded = new Set<Condition>();
    for (const item of flat.items) {
      const inner = item.kind === 'and' ? guardedNegative(item) : null;
      if ((item.kind === 'and' && !inner) || item.kind === 'or') throw new Unreadable('exprMixed');
      const c = condition(inner ?? item, resolve);
      if (inner && c && c !== 'always') guarded.add(c);
      if (c === null) throw new Unreadable('exprUnsayable');
      if (c === 'always') {
        if (flat.kind === 'or') return {};
        continue;
      }
      conditions.push(c);
    }
    if (flat.kind === 'and') {
      const answered = new Set(conditions.filter((c) => c.op === 'answered').map((c) => c.source));
      const covered = new Set<string>();
      for (const c of conditions) {
        if ((c.op === 'notEquals' || c.op === 'notIn') && answered.has(c.source)) {
          guarded.add(c);
          covered.add(c.source);
        }
      }
      conditions = conditions.filter((c) => !(c.op === 'answered' && covered.has(c.source)));
    }
    return conditions.length ? unansweredAsBoth(conditions, flat.kind === 'or' ? 'any' : 'all', dialect, guarded) : {};
  } catch (err) {
    if (err instanceof Unreadable) return { error: err.note };
    throw err;
  }
}
