/**
 * The coding benchmark's data: generated open answers in English, Italian, Simplified Chinese and
 * Vietnamese with scores that go with what they say, stored as completed responses to a published
 * survey on a SQLite file (answers in the report's coded form, as submissions store them).
 */
import * as v from 'valibot';
import type { openDb } from '../server/db/client';
import { seeded } from '../server/demo/hotel';
import { codedAnswers, storedAnswers } from '../server/report/coded-answers';
import { createSurvey, publish } from '../server/survey/service';
import { SurveyDefinitionSchema } from '../shared/survey/schema';
import { runNow, sqlOf } from '../server/db/sqlite-store';

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
const SEPARATOR: Record<string, string> = { en: ', ', it: ', ', 'zh-CN': '，', vi: ', ' };

export interface Answers {
  answers: { text: string; lang: string }[];
  score: Float64Array;
}

/** `n` answers of one to three clauses each, the same ones for a given seed. */
export function generateAnswers(n: number, seed = 7): Answers {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const langs = Object.keys(CLAUSES);
  const answers: { text: string; lang: string }[] = [];
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lang = pick(langs);
    const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(CLAUSES[lang]));
    answers.push({ text: parts.map((p) => p[0]).join(SEPARATOR[lang]), lang });
    const effect = parts.reduce((s, p) => s + p[1], 0);
    score[i] = Math.max(0, Math.min(10, Math.round(7 + effect + (rand() - 0.5) * 4)));
  }
  return { answers, score };
}

/** The respondents' language as the survey names it. */
export const surveyLanguage = (lang: string) => (lang === 'zh-CN' ? 'zh-Hans' : lang);

/** A published survey asking a recommendation score and why, with every answer a completed response. */
export function storeAnswers(db: ReturnType<typeof openDb>, data: Answers, now: number): string {
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
  const survey = runNow(createSurvey(sqlOf(db), def, null, now, 'coding-bench'));
  const versionId = runNow(publish(sqlOf(db), survey.id, null, now, true)).versions[0].id;
  const insert = db.$client.prepare(
    `insert into responses (survey_id, version_id, client_id, status, answers, coded, lang, wave, page, is_test, started_at, updated_at, completed_at)
     values (?, ?, ?, 'complete', ?, ?, ?, 1, 0, 0, ?, ?, ?)`,
  );
  const n = data.answers.length;
  db.$client.transaction(() => {
    data.answers.forEach((a, i) => {
      const given = { nps: data.score[i], why: a.text };
      const at = now - (n - i) * 1000;
      insert.run(
        survey.id,
        versionId,
        `c${i}`,
        storedAnswers(given, {}).answers,
        codedAnswers(def, versionId, given, 60_000),
        surveyLanguage(a.lang),
        at - 60_000,
        at,
        at,
      );
    });
  })();
  return survey.id;
}
