/**
 * Suggested themes of one open question: its frequent words and phrases per answer language,
 * grouped when they mostly occur in the same answers. Deterministic: ties are broken by the
 * words' code points, never by the order of a Map or the locale, so the same answers always give
 * the same suggestions. Every step is linear in the answers' words (the grouping looks only at the
 * most frequent terms).
 */
import { joinsWithoutSpace, textLanguage } from './language';
import { stopWords } from './stop-words';
import { wordRuns } from './segment';
import { runAtOnce, runInTurns, STEP, type Steps } from './turns';

export interface ThemeAnswer {
  text: string;
  /** The answer's language (any BCP-47 tag): the respondent's, else the survey's. */
  lang: string;
}

export interface ThemeOptions {
  /** A term must occur in at least this many answers (default: 3, or 0.5% of a language's answers if more). */
  minAnswers?: number;
  /** At most this many themes per language (default 20). */
  maxThemes?: number;
}

export interface SuggestedTerm {
  term: string;
  answers: number;
}

export interface SuggestedTheme {
  /** `language:label`, stable for the same answers. */
  id: string;
  language: string;
  /** The theme's most frequent term. */
  label: string;
  terms: SuggestedTerm[];
  /** Indexes (into the input) of the answers holding any of the terms, ascending. */
  members: number[];
}

export interface LanguageThemes {
  language: string;
  answers: number;
  themes: SuggestedTheme[];
}

/**
 * Two adjacent words are one word or phrase when most occurrences of both are in the pair (Dice's
 * coefficient 2·n(ab)/(n(a) + n(b))): Vietnamese syllables of one word ("nhân viên") and Chinese
 * compounds ICU cuts apart (服务|员) stand together nearly always; a noun and the adjective that
 * happens to follow it do not.
 */
const PHRASE_COHESION = 0.7;
/** Two terms join a theme when most answers of the rarer one also hold the other. */
const THEME_COHESION = 0.5;
/**
 * …and occurs with it at least this many times as often as chance would have it: a word found in
 * most answers (the product's name) is in most answers of every other word too, which says nothing.
 */
const MIN_LIFT = 1.5;
const MAX_TERMS_PER_THEME = 5;
/** Grouping looks at this many of the most frequent terms per theme asked for. */
const CANDIDATES_PER_THEME = 3;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A language's answers as interned word ids, in runs, with stop words marked by a negative id
 * (−(id + 1)), added one answer at a time so a caller can pause between answers.
 */
class Tokenised {
  readonly words: string[] = [];
  readonly answers: Int32Array[][] = [];
  private readonly ids = new Map<string, number>();
  constructor(readonly lang: string) {}

  add(text: string): void {
    this.answers.push(
      wordRuns(text, this.lang).map((run) => {
        const out = new Int32Array(run.words.length);
        run.words.forEach((w, i) => {
          let id = this.ids.get(w);
          if (id === undefined) {
            id = this.words.length;
            this.words.push(w);
            this.ids.set(w, id);
          }
          out[i] = run.stop[i] ? -(id + 1) : id;
        });
        return out;
      }),
    );
  }
}

function* tokenise(texts: readonly string[], lang: string): Steps<Tokenised> {
  const t = new Tokenised(lang);
  for (let i = 0; i < texts.length; i++) {
    t.add(texts[i]);
    if (i % STEP === STEP - 1) yield;
  }
  return t;
}

/** Pairs of adjacent content words frequent and cohesive enough to read as one word or phrase. */
function* phrasePairs(t: Tokenised, minAnswers: number, lang: string): Steps<Map<number, string>> {
  const v = t.words.length;
  const single = new Float64Array(v);
  const pairs = new Map<number, number>();
  for (let a = 0; a < t.answers.length; a++) {
    if (a % STEP === STEP - 1) yield;
    for (const run of t.answers[a])
      for (let i = 0; i < run.length; i++) {
        if (run[i] < 0) continue;
        single[run[i]]++;
        if (i + 1 < run.length && run[i + 1] >= 0) {
          const key = run[i] * v + run[i + 1];
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
  }
  const stops = stopWords(lang);
  const glue = joinsWithoutSpace(lang) ? '' : ' ';
  const phrases = new Map<number, string>();
  let seen = 0;
  for (const [key, n] of pairs) {
    if (++seen % STEP === 0) yield;
    const a = Math.floor(key / v);
    const b = key % v;
    if (n < minAnswers || (2 * n) / (single[a] + single[b]) < PHRASE_COHESION) continue;
    const phrase = t.words[a] + glue + t.words[b];
    if (!stops.has(phrase)) phrases.set(key, phrase);
  }
  return phrases;
}

/** Each answer's distinct terms: content words, with cohesive pairs joined (left to right). */
function* answerTerms(t: Tokenised, phrases: Map<number, string>): Steps<{ terms: string[]; perAnswer: Int32Array[] }> {
  const v = t.words.length;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const intern = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      terms.push(term);
      ids.set(term, id);
    }
    return id;
  };
  const perAnswer: Int32Array[] = [];
  for (const runs of t.answers) {
    if (perAnswer.length % STEP === STEP - 1) yield;
    const found = new Set<number>();
    for (const run of runs)
      for (let i = 0; i < run.length; i++) {
        if (run[i] < 0) continue;
        const phrase = i + 1 < run.length && run[i + 1] >= 0 ? phrases.get(run[i] * v + run[i + 1]) : undefined;
        if (phrase !== undefined) {
          found.add(intern(phrase));
          i++;
        } else found.add(intern(t.words[run[i]]));
      }
    perAnswer.push(Int32Array.from(found).sort());
  }
  return { terms, perAnswer };
}

/** True when every word of the shorter term is in the longer one ("wait" and "wait time"). */
function contains(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short !== long && (long.startsWith(`${short} `) || long.endsWith(` ${short}`) || long.includes(` ${short} `));
}

/**
 * The words of each answer of one language, stop words left out, with syllables and word parts
 * that stand together in at least `minAnswers` places joined (see PHRASE_COHESION). `perAnswer`
 * holds each answer's distinct term ids, ascending.
 *
 * @example
 * answerWords(['Nhân viên thân thiện', …], 'vi', 3).terms; // ['nhân viên', 'thân thiện', …]
 */
export function answerWords(texts: readonly string[], lang: string, minAnswers: number) {
  return runAtOnce(
    (function* () {
      return yield* wordsOf(yield* tokenise(texts, textLanguage(lang)), minAnswers);
    })(),
  );
}

function* wordsOf(tokens: Tokenised, minAnswers: number) {
  return yield* answerTerms(tokens, yield* phrasePairs(tokens, minAnswers, tokens.lang));
}

function* themesOf(tokens: Tokenised, indexes: readonly number[], options: ThemeOptions): Steps<SuggestedTheme[]> {
  const language = tokens.lang;
  const maxThemes = options.maxThemes ?? 20;
  const minAnswers = options.minAnswers ?? Math.max(3, Math.ceil(indexes.length * 0.005));
  const { terms, perAnswer } = yield* wordsOf(tokens, minAnswers);
  const df = new Float64Array(terms.length);
  for (let a = 0; a < perAnswer.length; a++) {
    if (a % STEP === STEP - 1) yield;
    for (const id of perAnswer[a]) df[id]++;
  }
  const candidates = terms
    .map((_, id) => id)
    .filter((id) => df[id] >= minAnswers)
    .sort((a, b) => df[b] - df[a] || byCodePoint(terms[a], terms[b]))
    .slice(0, maxThemes * CANDIDATES_PER_THEME);
  const slot = new Map(candidates.map((id, k) => [id, k]));
  const members: number[][] = candidates.map(() => []);
  const together = new Map<number, number>();
  const k = candidates.length;
  for (let a = 0; a < perAnswer.length; a++) {
    if (a % STEP === STEP - 1) yield;
    const found = perAnswer[a];
    const present: number[] = [];
    for (const id of found) {
      const s = slot.get(id);
      if (s !== undefined) {
        present.push(s);
        members[s].push(a);
      }
    }
    present.sort((x, y) => x - y);
    for (let i = 0; i < present.length; i++)
      for (let j = i + 1; j < present.length; j++) {
        const key = present[i] * k + present[j];
        together.set(key, (together.get(key) ?? 0) + 1);
      }
  }
  // A star around each theme's head term: a term joins the head it occurs with most, never a
  // member of another theme, so a theme cannot drift along a chain of loose associations.
  const heads: number[] = [];
  const groupOf: number[][] = [];
  for (let s = 0; s < k; s++) {
    let best = -1;
    let bestStrength = THEME_COHESION;
    heads.forEach((h, g) => {
      if (groupOf[g].length >= MAX_TERMS_PER_THEME) return;
      const both = together.get(h * k + s) ?? 0;
      const lift = (both * indexes.length) / (members[h].length * members[s].length);
      const strength = contains(terms[candidates[h]], terms[candidates[s]])
        ? 1
        : both >= minAnswers && lift >= MIN_LIFT
          ? both / members[s].length
          : 0;
      if (strength >= bestStrength && (best < 0 || strength > bestStrength)) {
        best = g;
        bestStrength = strength;
      }
    });
    if (best >= 0) groupOf[best].push(s);
    else {
      heads.push(s);
      groupOf.push([s]);
    }
  }
  const themes: SuggestedTheme[] = [];
  for (const slots of groupOf) {
    // Answers of any of the theme's terms, ascending, without sorting: a flag per answer.
    const has = new Uint8Array(indexes.length);
    for (const s of slots) for (const a of members[s]) has[a] = 1;
    yield;
    const union: number[] = [];
    for (let a = 0; a < has.length; a++) if (has[a]) union.push(indexes[a]);
    yield;
    const label = terms[candidates[slots[0]]];
    themes.push({
      id: `${language}:${label}`,
      language,
      label,
      terms: slots.map((s) => ({ term: terms[candidates[s]], answers: members[s].length })),
      members: union,
    });
  }
  themes.sort((x, y) => y.members.length - x.members.length || byCodePoint(x.label, y.label));
  return themes.slice(0, maxThemes);
}

/** Answer indexes by language, the most answered language first, then by tag. */
function* byLanguage(answers: readonly ThemeAnswer[]): Steps<[string, number[]][]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < answers.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const lang = textLanguage(answers[i].lang);
    const list = groups.get(lang);
    if (list) list.push(i);
    else groups.set(lang, [i]);
  }
  return [...groups.entries()].sort((x, y) => y[1].length - x[1].length || byCodePoint(x[0], y[0]));
}

function* allThemes(answers: readonly ThemeAnswer[], options: ThemeOptions): Steps<LanguageThemes[]> {
  const out: LanguageThemes[] = [];
  for (const [language, indexes] of yield* byLanguage(answers)) {
    const texts = indexes.map((i) => answers[i].text);
    yield;
    const themes = yield* themesOf(yield* tokenise(texts, language), indexes, options);
    out.push({ language, answers: indexes.length, themes });
  }
  return out;
}

/**
 * The suggested themes of a question's answers, per language (languages by number of answers,
 * then tag). A theme's `members` index the input.
 *
 * @example
 * suggestThemes([{ text: 'Nhân viên thân thiện', lang: 'vi' }, …]); // [{ language: 'vi', themes: [{ label: 'nhân viên', … }] }]
 */
export function suggestThemes(answers: readonly ThemeAnswer[], options: ThemeOptions = {}): LanguageThemes[] {
  return runAtOnce(allThemes(answers, options));
}

/**
 * suggestThemes in turns of at most about `turnMs` each, awaiting `pause()` between them, so a
 * server answers other requests meanwhile. The same result.
 */
export function suggestThemesInTurns(
  answers: readonly ThemeAnswer[],
  options: ThemeOptions,
  pause: () => Promise<void>,
  turnMs?: number,
): Promise<LanguageThemes[]> {
  return runInTurns(allThemes(answers, options), pause, turnMs);
}
