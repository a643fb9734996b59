import type { Verbatim, VerbatimsSection } from '../../../shared/api/report-sections';
import { withRole, type SectionInput } from './input';
import { allQuestions } from '../../../shared/survey/schema';
import { newestFirst } from './newest';

const PAGE = 50;

/**
 * Open answers, newest first, each with the respondent's segment: hidden fields and answers to
 * segment-role questions (option ids), never contact details. `search` matches case-insensitively.
 */
export function verbatimsSection(input: SectionInput, search = '', limit = PAGE, offset = 0): VerbatimsSection | null {
  const { cols, sel, def } = input;
  const questions = allQuestions(def).filter((q) => q.type === 'text' && q.role !== 'contact');
  if (questions.length === 0) return null;
  const segments = withRole(def, 'segment').filter((q) => q.type === 'single');
  const needle = search.trim().toLocaleLowerCase();
  const found: { slot: number; questionId: string; text: string }[] = [];
  const counts = questions.map((q) => {
    const t = cols.texts.get(q.id)!;
    let n = 0;
    for (let j = 0; j < t.rows.length; j++) {
      const slot = t.rows[j];
      if (slot >= cols.n || !sel.mask[slot]) continue;
      n++;
      if (needle === '' || t.texts[j].toLocaleLowerCase().includes(needle))
        found.push({ slot, questionId: q.id, text: t.texts[j] });
    }
    return { id: q.id, n };
  });
  const at = (f: (typeof found)[number]) => cols.completedAt[f.slot];
  // The first pages keep only the newest few while scanning; a deep page sorts once (n log n)
  // rather than keep a long list sorted by insertion.
  const page =
    offset + limit <= 1000
      ? newestFirst(found, at, offset + limit).slice(offset)
      : found
          .map((f, k) => ({ f, k }))
          .sort((a, b) => at(b.f) - at(a.f) || a.k - b.k)
          .slice(offset, offset + limit)
          .map((x) => x.f);
  const items: Verbatim[] = page.map((f) => {
    const segment: Record<string, string> = {};
    for (const [name, h] of cols.hidden) if (h.codes[f.slot] >= 0) segment[name] = h.dict[h.codes[f.slot]];
    for (const q of segments) {
      if (q.type !== 'single') continue;
      const k = cols.ints.get(q.id)![f.slot];
      if (k >= 0 && k < q.options.length) segment[q.id] = q.options[k].id;
    }
    return { questionId: f.questionId, text: f.text, at: cols.completedAt[f.slot], segment };
  });
  return { questions: counts, total: found.length, offset, items };
}
