/**
 * Translations as CSV for translators: one row per text of the survey, named by its path in the
 * definition (`pages[0].questions[2].options[1].label`), one column per survey language. Reading
 * a CSV back changes only texts; every row that cannot be used is reported with its line and why.
 */
import Papa from 'papaparse';
import type { SurveyDefinition, Text } from './schema';
import { canonicalTag } from './survey-language';

type Path = (string | number)[];

// A text is keyed by language tags, one of them the survey's (any tag, so "id" alone could be
// Indonesian: the survey's list decides).
const isText = (x: unknown, languages: ReadonlySet<string>): x is Text =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  Object.keys(x).some((k) => languages.has(k)) &&
  Object.entries(x).every(([k, s]) => typeof s === 'string' && canonicalTag(k) === k);

// Ids, logic and settings hold strings too, but never a Text, so walking objects finds only texts.
function walkTexts(node: unknown, path: Path, out: [Path, Text][], languages: ReadonlySet<string>) {
  if (isText(node, languages)) out.push([path, node]);
  else if (Array.isArray(node))
    node.forEach((x, i) => {
      walkTexts(x, [...path, i], out, languages);
    });
  else if (node && typeof node === 'object')
    for (const [k, x] of Object.entries(node))
      if (k !== 'visibleIf' && k !== 'when') walkTexts(x, [...path, k], out, languages);
}

const pathText = (path: Path) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/** Every text of the definition with where it is. */
export function surveyTexts(def: SurveyDefinition): { path: string; text: Text }[] {
  const out: [Path, Text][] = [];
  walkTexts(def, [], out, new Set(def.languages));
  return out.map(([p, text]) => ({ path: pathText(p), text }));
}

/** Texts still missing in a language: what the side-by-side view and the translator need. */
export function missingTexts(def: SurveyDefinition, lang: string): string[] {
  return surveyTexts(def)
    .filter(({ text }) => !(text as Record<string, string | undefined>)[lang]?.trim())
    .map(({ path }) => path);
}

export function translationsCsv(def: SurveyDefinition): string {
  const langs = [def.defaultLanguage, ...def.languages.filter((l) => l !== def.defaultLanguage)];
  const rows = surveyTexts(def).map(({ path, text }) => [
    path,
    ...langs.map((l) => (text as Record<string, string | undefined>)[l] ?? ''),
  ]);
  return Papa.unparse({ fields: ['path', ...langs], data: rows });
}

export interface TranslationImport {
  definition: SurveyDefinition;
  /** Texts changed. */
  applied: number;
  /** Rows (1-based, the header is line 1) or columns that could not be used, and why. */
  problems: { line: number; message: string }[];
}

/** Applies a translator's CSV to a copy of the definition; texts left empty in the CSV are kept as they were. */
export function importTranslations(def: SurveyDefinition, csv: string): TranslationImport {
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  const problems: TranslationImport['problems'] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 1,
    message: e.message,
  }));
  const [header = [], ...rows] = parsed.data;
  const copy = structuredClone(def);
  const byPath = new Map(surveyTexts(copy).map(({ path, text }) => [path, text as Record<string, string>]));
  if (header[0] !== 'path')
    return { definition: def, applied: 0, problems: [{ line: 1, message: 'the first column must be "path"' }] };
  const columns = header.slice(1).map((lang, i) => {
    if (!(def.languages as string[]).includes(lang))
      problems.push({ line: 1, message: `column ${i + 2} "${lang}" is not a language of this survey` });
    return (def.languages as string[]).includes(lang) ? lang : null;
  });
  let applied = 0;
  rows.forEach((row, r) => {
    const line = r + 2;
    const text = byPath.get(row[0]);
    if (!text) {
      problems.push({ line, message: `"${row[0]}" is not a text of this survey` });
      return;
    }
    if (row.length !== header.length)
      problems.push({ line, message: `has ${row.length} cells, the header ${header.length}` });
    columns.forEach((lang, c) => {
      const value = row[c + 1]?.trim();
      if (!lang || !value || text[lang] === value) return;
      if (value.length > 5000) {
        problems.push({ line, message: `the ${lang} text is longer than 5,000 characters` });
        return;
      }
      text[lang] = value;
      applied++;
    });
  });
  return { definition: copy, applied, problems };
}
