/**
 * npx tsx bench/coding.ts [answers]: the open-answer coding at scale (default 100,000 generated
 * answers in English, Italian, Simplified Chinese and Vietnamese, scores that go with what they
 * say). Prints the time to suggest themes (budget ≤ 5 s) and to build the distinguishing table
 * (budget ≤ 1 s): first the pure functions, then through the server's coding service on a temp
 * SQLite file (answers read from the report's columns, codes from the store), with the longest
 * the event loop was held meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v from 'valibot';
import { openDb } from '../server/db/client';
import { seeded } from '../server/demo/hotel';
import { codedAnswers, storedAnswers } from '../server/report/coded-answers';
import { prepareReport, reportSelection } from '../server/report/service';
import { createSurvey, publish } from '../server/survey/service';
import { SurveyDefinitionSchema } from '../shared/survey/schema';
import * as coding from '../server/coding/service';
import { createCode } from '../server/coding/codeframe';
import { distinguish, NPS_GROUPS, npsGroup } from '../shared/coding/distinguish';
import { suggestThemes } from '../shared/coding/themes';
import { runNow, sqliteStore, sqlOf } from '../server/db/sqlite-store';

const N = Number(process.argv[2] ?? 100_000);
const rand = seeded(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

/** Clauses per language: [text, effect on the score]. */
const CLAUSES: Record<string, [string, number][]> = {
  en: [
    ['the staff were friendly', 2],
    ['check-in took far too long', -3],
    ['breakfast was cold', -2],
    ['the bed was comfortable', 1],
    ['noisy air conditioning all night', -2],
    ['great location near the station', 1],
    ['overpriced minibar', -1],
    ['the pool was lovely', 1],
  ],
  it: [
    ['personale gentile e disponibile', 2],
    ['attesa lunga al check-in', -3],
    ['colazione abbondante', 1],
    ['camera rumorosa', -2],
    ['posizione comoda vicino alla stazione', 1],
    ['prezzo troppo alto', -1],
  ],
  'zh-CN': [
    ['服务员态度很好', 2],
    ['办理入住等了很久', -3],
    ['早餐种类太少', -2],
    ['房间干净整洁', 1],
    ['隔音效果差', -2],
    ['位置方便离地铁站近', 1],
    ['价格偏贵', -1],
  ],
  vi: [
    ['nhân viên thân thiện', 2],
    ['chờ đợi nhận phòng rất lâu', -3],
    ['bữa sáng không ngon', -2],
    ['phòng sạch sẽ thoáng mát', 1],
    ['máy lạnh ồn ào', -2],
    ['vị trí thuận tiện', 1],
    ['giá hơi đắt', -1],
  ],
};
const LANGS = Object.keys(CLAUSES);
const SEPARATOR: Record<string, string> = { en: ', ', it: ', ', 'zh-CN': '，', vi: ', ' };

const answers: { text: string; lang: string }[] = [];
const score = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const lang = pick(LANGS);
  const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(CLAUSES[lang]));
  answers.push({ text: parts.map((p) => p[0]).join(SEPARATOR[lang]), lang });
  const effect = parts.reduce((s, p) => s + p[1], 0);
  score[i] = Math.max(0, Math.min(10, Math.round(7 + effect + (rand() - 0.5) * 4)));
}

const print = (name: string, ms: number, budget: number) =>
  console.log(`${name}: ${ms.toFixed(0)} ms (budget ${budget} ms)`);

let t = performance.now();
const themes = suggestThemes(answers);
print(`coding suggestions, ${N} answers`, performance.now() - t, 5000);
console.log(
  themes
    .map((l) => `${l.language}: ${l.themes.slice(0, 4).map((th) => th.terms.map((x) => x.term).join('/'))}`)
    .join('\n'),
);

const codes = themes.flatMap((l) => l.themes.map((th) => ({ id: th.id, members: th.members })));
t = performance.now();
const table = distinguish({ groups: NPS_GROUPS, group: Array.from(score, npsGroup), score, codes });
print(`coding distinguishing table, ${codes.length} themes`, performance.now() - t, 1000);
console.log(`significant themes: ${table.codes.filter((c) => c.significant).length} of ${table.codes.length}`);

// Through the server: the same answers stored as completed responses.
const dir = mkdtempSync(join(tmpdir(), 'yardstick-coding-bench-'));
const db = openDb(join(dir, 'bench.db'));
const NOW = Date.UTC(2026, 11, 1);
const langs = ['en', 'it', 'zh-Hans', 'vi'];
const def = v.parse(SurveyDefinitionSchema, {
  title: { en: 'Coding benchmark', it: 'Coding', 'zh-Hans': '编码', vi: 'Mã hóa' },
  defaultLanguage: 'en',
  languages: langs,
  pages: [
    {
      id: 'p1',
      questions: [
        { id: 'nps', type: 'nps', role: 'recommend', text: { en: 'R', it: 'R', 'zh-Hans': 'R', vi: 'R' } },
        { id: 'why', type: 'text', text: { en: 'W', it: 'W', 'zh-Hans': 'W', vi: 'W' }, maxLength: 2000 },
      ],
    },
  ],
});
const survey = runNow(createSurvey(sqlOf(db), def, null, NOW, 'coding-bench'));
const versionId = runNow(publish(sqlOf(db), survey.id, null, NOW, true)).versions[0].id;
const insert = db.$client.prepare(
  `insert into responses (survey_id, version_id, client_id, status, answers, coded, lang, wave, page, is_test, started_at, updated_at, completed_at)
   values (?, ?, ?, 'complete', ?, ?, ?, 1, 0, 0, ?, ?, ?)`,
);
db.$client.transaction(() => {
  answers.forEach((a, i) => {
    const given = { nps: score[i], why: a.text };
    const at = NOW - (N - i) * 1000;
    insert.run(
      survey.id,
      versionId,
      `c${i}`,
      storedAnswers(given, {}).answers,
      codedAnswers(def, versionId, given, 60_000),
      a.lang === 'zh-CN' ? 'zh-Hans' : a.lang,
      at - 60_000,
      at,
      at,
    );
  });
})();
const user = db.$client.prepare(
  `insert into users (id, name, email, role, password_hash, created_at) values ('bench', 'Bench', 'bench@example.com', 'researcher', 'x', ?)`,
);
user.run(NOW);

let longest = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longest = Math.max(longest, now - last - 1);
  last = now;
}, 1);
const timed = async <T>(name: string, budget: number, run: () => Promise<T>) => {
  longest = 0;
  last = performance.now();
  const start = performance.now();
  const out = await run();
  // The ticker reports a block that just ended only on its next tick.
  await new Promise((resolve) => setTimeout(resolve, 5));
  print(`${name} (event loop held at most ${longest.toFixed(0)} ms)`, performance.now() - start, budget);
  return out;
};
/** The coding area's databases: its tables through the store, the answers from the report's columns. */
const area = { db, store: sqliteStore(db) };
await timed('server: report columns, first build', 5000, async () => {
  await prepareReport(area.store, survey.id);
  return (await reportSelection(area.store, survey.id, { filter: undefined, weight: 'none', exclude: [] })).cols.n;
});
const served = await timed('server: suggested themes', 5000, () => coding.themes(area, survey.id, 'why'));
await timed('server: suggested themes again (kept)', 1000, () => coding.themes(area, survey.id, 'why'));
// The first four themes of each language become codes, each given to the theme's answers.
for (const l of served.languages)
  for (const th of l.themes.slice(0, 4)) {
    const code = await createCode(
      area,
      survey.id,
      'why',
      { label: { en: th.label }, isNet: false, netId: null, words: [] },
      'bench',
      NOW,
    );
    await coding.bulkAssign(area, survey.id, 'why', { codeId: code.id, themeId: th.id }, 'bench', NOW);
  }
await timed('server: distinguishing table of 16 codes', 1000, () =>
  coding.distinguishTable(area, survey.id, 'why', 'bench', { of: 'codes' }),
);
await timed('server: distinguishing table of the themes', 1000, () =>
  coding.distinguishTable(area, survey.id, 'why', 'bench', { of: 'themes' }),
);
await timed('server: a page of 200 answers to code', 1000, () =>
  coding.answersPage(area, survey.id, 'why', 'bench', { offset: 50_000, limit: 200, search: '', uncoded: '0' }),
);
clearInterval(ticker);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
