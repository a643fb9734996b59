/**
 * npx tsx bench/coding.ts [answers]: the open-answer coding at scale (default 100,000 generated
 * answers in English, Italian, Simplified Chinese and Vietnamese, scores that go with what they
 * say). Prints the time to suggest themes (budget ≤ 5 s) and to build the distinguishing table of
 * the suggested themes (budget ≤ 1 s).
 */
import { performance } from 'node:perf_hooks';
import { seeded } from '../server/demo/hotel';
import { distinguish, NPS_GROUPS, npsGroup } from '../shared/coding/distinguish';
import { suggestThemes } from '../shared/coding/themes';

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
