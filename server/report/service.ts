import { desc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/client';
import { surveyVersions } from '../db/schema';
import { AppError, badRequest } from '../http/errors';
import { getRow } from '../survey/service';
import { storedPlan } from '../plan/service';
import { SurveyDefinitionSchema, allQuestions, type Question, type SurveyDefinition } from '../../shared/survey/schema';
import type { Count, QuestionReport, ReportDto } from '../../shared/api/report';
import type { ReportQuery } from '../../shared/api/report-query';
import type { ReportSections } from '../../shared/api/report-sections';
import { marginOfError, nps } from '../../shared/stats';
import { itemKey, partialCount, surveyColumns, type Columns } from './dataset';
import { select, weightByCells, type Selection } from './selection';
import { expand, meanOf, scaleItem, tally } from './sections/tally';
import type { SectionInput } from './sections/input';
import { cellShares, fieldworkSection } from './sections/fieldwork';
import { satisfactionSection } from './sections/satisfaction';
import { prioritiesSection } from './sections/priorities';
import { loyaltySection } from './sections/loyalty';
import { verbatimsSection } from './sections/verbatims';
import { excludedMask, qualityFlags, qualitySection } from './sections/quality';
import { trendSection } from './sections/trend';

function optionCounts(column: Int16Array | null, chosen: Uint8Array[] | null, options: readonly string[], sel: Selection): { n: number; counts: Count[] } {
  const totals = new Float64Array(options.length);
  let n = 0;
  let base = 0;
  for (let i = 0; i < sel.mask.length; i++) {
    if (!sel.mask[i]) continue;
    const w = sel.weights ? sel.weights[i] : 1;
    if (column) {
      if (column[i] < 0) continue;
      if (column[i] < options.length) totals[column[i]] += w;
    } else {
      let any = false;
      chosen!.forEach((c, k) => {
        if (c[i]) {
          totals[k] += w;
          any = true;
        }
      });
      if (!any) continue;
    }
    n++;
    base += w;
  }
  return { n, counts: options.map((value, k) => ({ value, count: sel.weights ? totals[k] : totals[k], share: base > 0 ? totals[k] / base : 0 })) };
}

/** One question's figures over the selected responses. */
function questionReport(q: Question, cols: Columns, sel: Selection): QuestionReport {
  switch (q.type) {
    case 'single':
      return { id: q.id, type: q.type, ...optionCounts(cols.ints.get(q.id)!, null, q.options.map((o) => o.id), sel) };
    case 'multiple': {
      const m = cols.multi.get(q.id)!;
      return { id: q.id, type: q.type, ...optionCounts(null, m.chosen, m.options, sel) };
    }
    case 'rating': {
      const s = scaleItem(cols.ints.get(q.id)!, sel, q.id, q.id, null, q.scale.min, q.scale.max);
      const t = tally(cols.ints.get(q.id)!, sel, q.scale.min, q.scale.max);
      return { id: q.id, type: 'rating', n: s.n, notApplicable: t.notApplicable, counts: s.counts, mean: s.mean, topBox: s.topBox, topTwoBox: s.topTwoBox };
    }
    case 'nps': {
      const t = tally(cols.ints.get(q.id)!, sel, 0, 10);
      const scores = expand(t.counts, 0);
      return {
        id: q.id, type: 'nps', n: t.n, counts: t.counts.map((count, k) => ({ value: k, count, share: t.shares[k] })),
        nps: scores.length > 0 ? nps(scores, 0.95) : null,
      };
    }
    case 'matrix': {
      let answered = 0;
      const columns = q.items.map((item) => cols.ints.get(itemKey(q.id, item.id))!);
      for (let i = 0; i < sel.mask.length; i++) if (sel.mask[i] && columns.some((c) => c[i] !== -1)) answered++;
      const items = q.items.map((item, k) => {
        const s = scaleItem(columns[k], sel, itemKey(q.id, item.id), q.id, item.id, q.scale.min, q.scale.max);
        return { id: item.id, n: s.n, counts: s.counts, mean: s.mean, topTwoBox: s.topTwoBox };
      });
      return { id: q.id, type: 'matrix', n: answered, items };
    }
    case 'number': {
      const col = cols.numbers.get(q.id)!;
      const xs: number[] = [];
      for (let i = 0; i < sel.mask.length; i++) if (sel.mask[i] && !Number.isNaN(col[i])) xs.push(col[i]);
      let min = Infinity;
      let max = -Infinity;
      for (const x of xs) {
        if (x < min) min = x;
        if (x > max) max = x;
      }
      return { id: q.id, type: 'number', n: xs.length, mean: xs.length >= 2 ? meanOf([], 0) ?? numberMean(xs) : null, min: xs.length ? min : null, max: xs.length ? max : null };
    }
    case 'text': {
      const t = cols.texts.get(q.id)!;
      const slots: number[] = [];
      for (let j = 0; j < t.rows.length; j++) if (t.rows[j] < cols.n && sel.mask[t.rows[j]]) slots.push(j);
      const latest = slots.slice(-50).reverse().map((j) => ({ text: t.texts[j], at: cols.completedAt[t.rows[j]] }));
      return { id: q.id, type: 'text', n: slots.length, latest };
    }
  }
}
