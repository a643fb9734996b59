/** What the SurveyJS and LimeSurvey importers share: ids, languages, texts, and the final check. */
import * as v from 'valibot';
import { matchLocale, type Locale } from '../../i18n/locales';
import { isId, isReservedId } from '../ids';
import { issuePath, SurveyDefinitionSchema, type SurveyDefinition, type SurveyDefinitionInput, type Text } from '../schema';

/** One thing from the source file that is not in the imported survey, and why. */
export interface Unmapped {
  /** The source's name for it: a question code or element name, a page, or "survey". */
  source: string;
  message: string;
}

export interface ImportResult {
  definition: SurveyDefinition;
  unmapped: Unmapped[];
}

/** The source file cannot be read as a survey at all (not a partial loss: nothing to import). */
export class ImportError extends Error {}


/** Hands out ids valid in our schema, keeping the source's name when it already is one. */
export function idMaker(prefix: string, taken: Set<string> = new Set()) {
  return (name: string | number | undefined): string => {
    const raw = String(name ?? '');
    let id = isId(raw) ? raw : raw.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
    if (!/^[A-Za-z]/.test(id) || isReservedId(id)) id = `${prefix}${id}`.slice(0, 60);
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}_${n}`;
    taken.add(unique);
    return unique;
  };
}

/** Markup out, entities decoded, whitespace collapsed: our texts are plain. */
export function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n')
    .slice(0, 5000);
}

/** The survey languages a source's language codes map to, and the codes that have no counterpart. */
export function mapLanguages(codes: string[]): { map: Map<string, Locale>; dropped: string[] } {
  const map = new Map<string, Locale>();
  const dropped: string[] = [];
  for (const code of codes) {
    const l = matchLocale(code);
    if (l && ![...map.values()].includes(l)) map.set(code, l);
    else if (!l) dropped.push(code);
  }
  return { map, dropped };
}

/**
 * Validates the built definition; a question our schema still refuses (an empty text, too few
 * options) is dropped and listed, then logic that pointed at it, so the result always saves.
 */
export function finish(draft: SurveyDefinitionInput, unmapped: Unmapped[]): ImportResult {
  for (let round = 0; round < 200; round++) {
    const r = v.safeParse(SurveyDefinitionSchema, draft);
    if (r.success) return { definition: r.output, unmapped };
    const issue = r.issues[0];
    const path = issuePath(issue);
    const q = /^pages\[(\d+)\]\.questions\[(\d+)\]/.exec(path);
    const page = /^pages\[(\d+)\]\.visibleIf/.exec(path);
    const out = /^screenOuts\[(\d+)\]/.exec(path);
    const rest = (prefix: string) => path.slice(prefix.length).replace(/^\./, '') || 'it';
    if (q) {
      const list = draft.pages[Number(q[1])].questions;
      const question = list[Number(q[2])];
      if (/\.visibleIf/.test(path)) {
        unmapped.push({ source: question.id, message: `its display condition was left out: ${issue.message}` });
        delete question.visibleIf;
      } else {
        unmapped.push({ source: question.id, message: `left out: ${rest(q[0])} ${issue.message}` });
        list.splice(Number(q[2]), 1);
      }
    } else if (page) {
      const p = draft.pages[Number(page[1])];
      unmapped.push({ source: p.id, message: `the page's display condition was left out: ${issue.message}` });
      delete p.visibleIf;
    } else if (out && draft.screenOuts) {
      unmapped.push({ source: draft.screenOuts[Number(out[1])].id, message: `the screen-out was left out: ${issue.message}` });
      draft.screenOuts.splice(Number(out[1]), 1);
    } else {
      throw new ImportError(`${path || 'the survey'}: ${issue.message}`);
    }
  }
  throw new ImportError('the survey has too many problems to import');
}

/**
 * Turns the source's answer piping (`{q1}` in SurveyJS, `{Q1}` or `{Q1.shown}` in LimeSurvey) into
 * ours (`{{q1}}`) for questions already imported, which are the earlier ones. `leftover` says the
 * text still holds braces our piping cannot read (an expression, a later question).
 */
export function pipeText(text: Text | undefined, idOf: (name: string) => string | undefined): { text: Text | undefined; leftover: boolean } {
  if (!text) return { text, leftover: false };
  let leftover = false;
  const out = Object.fromEntries(Object.entries(text).map(([lang, s]) => {
    const piped = (s ?? '').replace(/(?<!\{)\{([A-Za-z_]\w*)(?:\.(?:shown|NAOK|value))?\}(?!\})/g, (whole: string, name: string) => {
      const id = idOf(name);
      return id ? `{{${id}}}` : whole;
    });
    if (/\{(?!\{)[^{}]*\}/.test(piped.replace(/\{\{\w+\}\}/g, ''))) leftover = true;
    return [lang, piped];
  })) as Text;
  return { text: out, leftover };
}
