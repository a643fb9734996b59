import { importSurvey } from './shared/survey/import';
import { duplicateChoices, largeLss, sameNamedQuestions } from './bench/import-files';
for (let rep = 0; rep < 2; rep++)
for (const [name, c] of [['dup2k', duplicateChoices(2000, 200)], ['dup8k', duplicateChoices(8000, 200)], ['dup32k', duplicateChoices(32000, 200)], ['q20k', sameNamedQuestions(20000)], ['lss250k', largeLss(250_000)], ['lss1m', largeLss(1_000_000)]] as const) {
  const t = performance.now();
  let out = '';
  try { const r = importSurvey(c); out = `${r.definition.pages.length} pages ${r.definition.pages.flatMap(p=>p.questions).length} q ${r.unmapped.length} unmapped`; } catch (e) { out = 'ERR ' + (e as Error).message; }
  console.log(name, c.length, (performance.now() - t).toFixed(0), 'ms', out);
}
