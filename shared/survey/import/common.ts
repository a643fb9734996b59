/** What the SurveyJS and LimeSurvey importers share: ids, languages, texts, and the final check. */
import * as v from 'valibot';
import { matchLocale } from '../../i18n/locales';
import { isId, isReservedId } from '../ids';
import {
  issuePath,
  SurveyDefinitionSchema,
  type SurveyDefinition,
  type SurveyDefinitionInput,
  type Text,
} from '../schema';
import { canonicalTag, type SurveyLanguage } from '../survey-language';
import { issueRule } from '../issues';
import { referenceIssues } from '../references';
import { inEnglish } from './english';
import { note, type ImportNote } from './notes';

export { note, type ImportNote } from './notes';

/** One thing from the source file that is not in the imported survey, and why (a note the app words). */
export interface Unmapped extends ImportNote {
  /** The source's name for it: a question code or element name, a page, or "survey". */
  source: string;
  /** The note in English, for API users: set by importSurvey() and the server. */
  message?: string;
}

export interface ImportResult {
  definition: SurveyDefinition;
  unmapped: Unmapped[];
}

/** The source file cannot be read as a survey at all (not a partial loss: nothing to import). */
export class ImportError extends Error {
  constructor(readonly note: ImportNote) {
    super(inEnglish(note));
  }
}

/** A problem with the field a Valibot issue names, as note params: where, and which rule it breaks. */
export const ruleParams = (issue: v.BaseIssue<unknown>): Record<string, string | number> => {
  const { rule, limit } = issueRule(issue);
  return limit === undefined ? { rule } : { rule, limit };
};

/**
 * Hands out ids valid in our schema, keeping the source's name when it already is one. A name
 * seen before gets `_2`, `_3`…, the search resuming where that name's last one stopped, so n
 * copies of one name cost n steps, not n²/2.
 */
export function idMaker(prefix: string, taken: Set<string> = new Set()) {
  const next = new Map<string, number>();
  return (name: string | number | undefined): string => {
    const raw = String(name ?? '').slice(0, 200);
    let id = isId(raw)
      ? raw
      : raw
          .replace(/[^A-Za-z0-9_]+/g, '_')
          .replace(/^_+|_+$/g, '')
          .slice(0, 56);
    if (!/^[A-Za-z]/.test(id) || isReservedId(id)) id = `${prefix}${id}`.slice(0, 56);
    let unique = id;
    let n = next.get(id) ?? 2;
    for (; taken.has(unique); n++) unique = `${id}_${n}`;
    next.set(id, n);
    taken.add(unique);
    return unique;
  };
}

/** Whether a source text holds code (a script, a style sheet) that plain() leaves out. */
export const holdsCode = (html: string) => /<(script|style)\b/i.test(html);

/** Markup out (scripts and style sheets with their contents), entities decoded, whitespace collapsed: our texts are plain. */
export function plain(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, 5000);
}

/** A survey-language tag for a source's language code: SurveyJS's zh-cn / zh-tw by script, the rest as BCP 47. */
export function surveyLanguageOf(code: string): SurveyLanguage | null {
  // LimeSurvey's own variants that are no BCP 47 tag ("de-easy") fall back to their language.
  const tag =
    canonicalTag(code) ?? (/^[a-z]{2,3}-/i.test(code.trim()) ? canonicalTag(code.trim().split('-')[0]) : null);
  if (!tag) return null;
  return tag.toLowerCase().startsWith('zh') ? matchLocale(tag) : tag;
}

/** Languages beyond this many are dropped and listed: the schema's limit. */
export const MAX_LANGUAGES = 40;

/** The survey languages a source's language codes map to, and the codes that have no counterpart. */
export function mapLanguages(codes: string[]): { map: Map<string, SurveyLanguage>; dropped: string[] } {
  const map = new Map<string, SurveyLanguage>();
  const used = new Set<SurveyLanguage>();
  const dropped: string[] = [];
  for (const code of codes) {
    const l = surveyLanguageOf(code);
    if (l && used.has(l)) continue;
    if (l && used.size < MAX_LANGUAGES) {
      map.set(code, l);
      used.add(l);
    } else dropped.push(code);
  }
  return { map, dropped };
}

/** A survey holds at most this many pages, and a page this many questions (shared/survey/schema.ts). */
const MAX_PAGES = 100;
const MAX_PER_PAGE = 200;

/**
 * Pages without questions are dropped (a screen-out after one moves to the page before); a page
 * longer than a page may be is split. With no question at all one empty page stays, so the
 * draft saves, and the list says it cannot be published.
 */
function shapePages(draft: SurveyDefinitionInput, unmapped: Unmapped[]) {
  const kept: SurveyDefinitionInput['pages'] = [];
  const movedTo = new Map<string, string | undefined>();
  for (const p of draft.pages) {
    if (p.questions.length === 0) {
      movedTo.set(p.id, kept.at(-1)?.id);
      unmapped.push({ source: p.id, ...note('pageEmpty') });
      continue;
    }
    for (let from = 0, part = 1; from < p.questions.length; from += MAX_PER_PAGE, part++) {
      const questions = p.questions.slice(from, from + MAX_PER_PAGE);
      kept.push(from === 0 ? { ...p, questions } : { ...p, id: `${p.id}_${part}`.slice(0, 64), questions });
    }
    if (p.questions.length > MAX_PER_PAGE)
      unmapped.push({ source: p.id, ...note('pageSplit', { n: p.questions.length, max: MAX_PER_PAGE }) });
  }
  if (kept.length === 0) {
    unmapped.push({ source: 'survey', ...note('noQuestions') });
    kept.push({ id: draft.pages[0]?.id ?? 'p1', questions: [] });
  }
  if (kept.length > MAX_PAGES) throw new ImportError(note('tooManyPages', { n: kept.length, max: MAX_PAGES }));
  for (const out of draft.screenOuts ?? []) {
    if (!movedTo.has(out.afterPage)) continue;
    const to = movedTo.get(out.afterPage);
    if (to) out.afterPage = to;
  }
  draft.pages = kept;
}

/**
 * Validates the built definition; a question our schema still refuses (an empty text, too few
 * options) is dropped and listed, then logic that pointed at it, so the result always saves.
 * Every refusal of a round is handled at once: a file with thousands of faulty questions takes a
 * few rounds, not one round per fault.
 */
export function finish(draft: SurveyDefinitionInput, unmapped: Unmapped[]): ImportResult {
  shapePages(draft, unmapped);
  for (let round = 0; round < 20; round++) {
    const r = v.safeParse(SurveyDefinitionSchema, draft);
    if (r.success) {
      if (r.output.pages.some((p) => p.questions.length === 0) && r.output.pages.length > 1) {
        shapePages(draft, unmapped);
        continue;
      }
      return { definition: r.output, unmapped };
    }
    // A condition's fault in the terms the notes word (which question it names, and why), by path.
    const refs = new Map(
      r.issues.some((i) => /visibleIf|^screenOuts/.test(issuePath(i)))
        ? referenceIssues(draft as SurveyDefinition).map((x) => [pathOf(x.path), { ref: x.kind, name: x.name }])
        : [],
    );
    const why = (issue: v.BaseIssue<unknown>) => refs.get(issuePath(issue)) ?? ruleParams(issue);
    const dropQuestions = new Map<number, Set<number>>();
    const dropOuts = new Set<number>();
    for (const issue of r.issues) {
      const path = issuePath(issue);
      const q = /^pages\[(\d+)\]\.questions\[(\d+)\]/.exec(path);
      const page = /^pages\[(\d+)\]\.visibleIf/.exec(path);
      const out = /^screenOuts\[(\d+)\]/.exec(path);
      if (q) {
        const question = draft.pages[Number(q[1])].questions[Number(q[2])];
        if (dropQuestions.get(Number(q[1]))?.has(Number(q[2]))) continue;
        if (/\.visibleIf/.test(path)) {
          if (!question.visibleIf) continue;
          unmapped.push({ source: question.id, ...note('conditionRefused', why(issue)) });
          delete question.visibleIf;
        } else {
          unmapped.push({
            source: question.id,
            ...note('questionRefused', {
              field: path.slice(q[0].length).replace(/^\./, '') || question.id,
              ...ruleParams(issue),
            }),
          });
          dropQuestions.set(Number(q[1]), (dropQuestions.get(Number(q[1])) ?? new Set()).add(Number(q[2])));
        }
      } else if (page) {
        const p = draft.pages[Number(page[1])];
        if (!p.visibleIf) continue;
        unmapped.push({ source: p.id, ...note('pageConditionRefused', why(issue)) });
        delete p.visibleIf;
      } else if (out && draft.screenOuts) {
        if (dropOuts.has(Number(out[1]))) continue;
        unmapped.push({ source: draft.screenOuts[Number(out[1])].id, ...note('screenOutRefused', why(issue)) });
        dropOuts.add(Number(out[1]));
      } else {
        throw new ImportError(note('ownFormat', { field: path || '—', ...ruleParams(issue) }));
      }
    }
    for (const [page, drop] of dropQuestions) {
      draft.pages[page].questions = draft.pages[page].questions.filter((_, i) => !drop.has(i));
    }
    if (draft.screenOuts) draft.screenOuts = draft.screenOuts.filter((_, i) => !dropOuts.has(i));
  }
  throw new ImportError(note('tooManyProblems'));
}

/** A reference issue's path as issuePath() writes it: `pages[0].questions[2].visibleIf…`. */
const pathOf = (keys: readonly (string | number)[]) =>
  keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** `{if(p1sex == 'M', 'his', 'her')}`: both words, "his/her", read well whichever holds. */
const IF_WORDS = /^\s*if\s*\(.*,\s*(['"])(.*?)\1\s*,\s*(['"])(.*?)\3\s*\)\s*$/s;

/**
 * Turns the source's answer piping (`{q1}` in SurveyJS, `{Q1}` or `{Q1.shown}` in LimeSurvey) into
 * ours (`{{q1}}`) for questions already imported, which are the earlier ones. Any other expression
 * in braces is code a respondent must not see: `{if(…, 'his', 'her')}` becomes "his/her", the rest
 * is removed; `unpiped` lists each, as written. (A brace followed by a space is text, as in
 * LimeSurvey's ExpressionScript.)
 */
export function pipeText(
  text: Text | undefined,
  idOf: (name: string) => string | undefined,
): { text: Text | undefined; unpiped: string[] } {
  if (!text) return { text, unpiped: [] };
  const unpiped = new Set<string>();
  const out = Object.fromEntries(
    Object.entries(text).map(([lang, s]) => {
      const piped = (s ?? '').replace(/(?<!\{)\{(?![\s{])([^{}\n]{1,500})\}(?!\})/g, (whole: string, inner: string) => {
        const name = /^([A-Za-z_][\w-]*)(?:\.(?:shown|NAOK|value))?$/.exec(inner.trim());
        const id = name ? idOf(name[1]) : undefined;
        if (id) return `{{${id}}}`;
        unpiped.add(whole);
        const words = IF_WORDS.exec(inner);
        if (words) return [words[2], words[4]].filter((w) => w.trim()).join('/');
        return '';
      });
      // What held only a removed expression, "()" say, goes with it.
      const tidy = piped === s ? piped : piped.replace(/\(\s*\)|\[\s*\]/g, '');
      return [lang, tidy.replace(/[ \t]{2,}/g, ' ').trim()];
    }),
  ) as Text;
  return { text: out, unpiped: [...unpiped] };
}

/** The import list's note for what pipeText() could not pipe. */
export const unpipedNote = (unpiped: string[]): ImportNote =>
  note(unpiped.some((u) => IF_WORDS.test(u.slice(1, -1))) ? 'unpipedIf' : 'unpiped', {
    list: `${unpiped.slice(0, 5).join(', ')}${unpiped.length > 5 ? ' …' : ''}`,
  });
