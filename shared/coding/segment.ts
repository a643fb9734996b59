/**
 * Open answers cut into words by the Unicode word boundaries (UAX #29): `Intl.Segmenter` with ICU's
 * dictionaries where a script has no spaces between words (Chinese, Japanese, Thai…); for scripts
 * with spaces (Latin, Vietnamese, Cyrillic…) the same boundaries by one regular expression, which
 * is several times faster than iterating segment objects. Vietnamese comes out in syllables, which
 * the themes join back into words by how often they stand together.
 */
import { textLanguage } from './language';
import { stopWords } from './stop-words';

/**
 * A run of words with nothing but spaces between them: punctuation ends a run, so a phrase never
 * spans two clauses. `stop[i]` marks a stop word.
 */
export interface WordRun {
  words: string[];
  stop: boolean[];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Words made only of digits and number punctuation say nothing about a theme. */
const NUMBER = /^[\p{N}.,:/%-]+$/u;
const SPACE = /^\s+$/u;

/** Scripts written without spaces between words: only a dictionary finds their words. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/**
 * A word (letters, marks and digits, with apostrophes inside, as UAX #29's MidLetter) or a run of
 * anything else but spaces.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]+/gu;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;

/**
 * The answer's words in runs, lower-cased and NFC-normalised, numbers left out. `lang` is any
 * BCP-47 tag; see textLanguage.
 *
 * @example
 * wordRuns('Nhân viên rất thân thiện.', 'vi'); // [{ words: ['nhân','viên','rất','thân','thiện'], stop: [f,f,t,f,f] }]
 */
export function wordRuns(text: string, lang: string): WordRun[] {
  const key = textLanguage(lang);
  const stops = stopWords(key);
  const runs: WordRun[] = [];
  let run: WordRun = { words: [], stop: [] };
  const end = () => {
    if (run.words.length > 0) runs.push(run);
    run = { words: [], stop: [] };
  };
  const word = (segment: string) => {
    const w = segment.toLowerCase();
    if (NUMBER.test(w)) end();
    else {
      run.words.push(w);
      run.stop.push(stops.has(w));
    }
  };
  const normalised = text.normalize('NFC');
  if (UNSPACED.test(normalised)) {
    for (const s of segmenter(key).segment(normalised)) {
      if (s.isWordLike) word(s.segment);
      else if (!SPACE.test(s.segment)) end();
    }
  } else
    for (const m of normalised.matchAll(TOKEN)) {
      if (WORD_START.test(m[0])) word(m[0]);
      else end();
    }
  end();
  return runs;
}
