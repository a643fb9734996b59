/**
 * The hotel demo's follow-up survey at /s/demo-followup: a short questionnaire a guest whose
 * concern was resolved is sent (the case page's follow-up link carries the case id in hidden field
 * `case`), answered by about half of those guests, each response linked to the guest's customer,
 * so the report's "satisfaction after resolution" has data. It is set as the hotel's follow-up.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import * as v from 'valibot';
import { q, type Sql, type Work } from '../db/store';
import { cases, responses } from '../db/tables';
import { SurveyDefinitionSchema, type SurveyDefinitionInput } from '../../shared/survey/schema';
import { ALL_LANGUAGES, satisfaction5, tx } from '../../shared/survey/templates/text';
import { createSurvey, publish } from '../survey/service';
import { getAlertSettings, saveAlertSettings } from '../alerts/rules';
import { codedAnswers, responseDuration, storedAnswers } from '../report/coded-answers';

export const FOLLOW_UP_DEMO_SLUG = 'demo-followup';

const HOUR = 3_600_000;
/** Rows written by one statement, well within both databases' limits on bound parameters. */
const BATCH = 500;

/** Guests asked after their concern was resolved who answer: follow-ups reach about half. */
const RESPONSE_RATE = 0.5;

export const followUpDefinition: SurveyDefinitionInput = {
  title: tx(
    'Your concern and how we handled it',
    'La sua segnalazione e come l’abbiamo gestita',
    '您反映的问题及我们的处理',
    '您反映的問題及我們的處理',
    'Phản ánh của bạn và cách chúng tôi xử lý',
  ),
  defaultLanguage: 'en',
  languages: [...ALL_LANGUAGES],
  hiddenFields: ['case'],
  intro: tx(
    'You told us about a problem during your stay. Two questions on how we dealt with it.',
    'Ci ha segnalato un problema durante il soggiorno. Due domande su come l’abbiamo gestito.',
    '您曾向我们反映入住期间的问题。请回答两个关于我们处理情况的问题。',
    '您曾向我們反映住宿期間的問題。請回答兩個關於我們處理情況的問題。',
    'Bạn đã báo cho chúng tôi một vấn đề trong kỳ nghỉ. Hai câu hỏi về cách chúng tôi xử lý.',
  ),
  pages: [
    {
      id: 'handling',
      questions: [
        {
          id: 'handled',
          type: 'rating',
          role: 'overall-satisfaction',
          required: true,
          scale: satisfaction5,
          text: tx(
            'How satisfied are you with how we handled your concern?',
            'Quanto è soddisfatto di come abbiamo gestito la sua segnalazione?',
            '您对我们处理您所反映问题的方式满意吗？',
            '您對我們處理您所反映問題的方式滿意嗎？',
            'Bạn hài lòng thế nào với cách chúng tôi xử lý vấn đề của bạn?',
          ),
        },
        {
          id: 'comment',
          type: 'text',
          role: 'open-feedback',
          multiline: true,
          maxLength: 2000,
          text: tx(
            'Anything else you would like to tell us?',
            'C’è altro che vorrebbe dirci?',
            '您还有其他想告诉我们的吗？',
            '您還有其他想告訴我們的嗎？',
            'Bạn có muốn chia sẻ thêm điều gì không?',
          ),
        },
      ],
    },
  ],
  thankYou: tx(
    'Thank you for letting us know.',
    'Grazie per avercelo fatto sapere.',
    '感谢您的反馈。',
    '感謝您的回饋。',
    'Cảm ơn bạn đã cho chúng tôi biết.',
  ),
};

/** Comments in the guest's own language, kind or not by how the handling went. */
const COMMENTS: Record<string, { good: string[]; poor: string[] }> = {
  en: {
    good: ['The manager called me the same day, much appreciated.', 'Quick and friendly, thank you.'],
    poor: ['The apology came, but the problem was still there the next night.'],
  },
  it: {
    good: ['Mi hanno richiamato subito, molto gentili.'],
    poor: ['Le scuse sono arrivate, il problema è rimasto.'],
  },
  'zh-Hans': { good: ['经理当天就联系了我，很满意。'], poor: ['道歉了，但问题没有真正解决。'] },
  'zh-Hant': { good: ['經理當天就聯絡了我，很滿意。'], poor: ['道歉了，但問題沒有真正解決。'] },
  vi: {
    good: ['Quản lý gọi lại ngay trong ngày, rất chu đáo.'],
    poor: ['Có xin lỗi nhưng vấn đề vẫn chưa được giải quyết.'],
  },
};

/**
 * How satisfied a guest is with the handling: three in five at 4 or 5 after a general complaint,
 * fewer after a serious one.
 */
function handlingScore(rand: () => number, serious: boolean): number {
  const u = rand() - (serious ? 0.2 : 0);
  return u < 0.08 ? 1 : u < 0.18 ? 2 : u < 0.38 ? 3 : u < 0.72 ? 4 : 5;
}

/**
 * Creates the follow-up survey, sets it as the hotel's follow-up, and answers it for about half of
 * the hotel's resolved cases, a few days after each was resolved, in the guest's language, linked
 * to the guest's customer (when the register linked one).
 */
export function* followUpDemo(
  tx: Sql,
  hotelSurveyId: string,
  now: number,
  userId: string | null,
  rand: () => number,
): Work<void> {
  const def = v.parse(SurveyDefinitionSchema, followUpDefinition);
  const survey = yield* createSurvey(tx, def, userId, now, FOLLOW_UP_DEMO_SLUG);
  const published = yield* publish(tx, survey.id, userId, now);
  const versionId = published.versions[0].id;
  const settings = yield* getAlertSettings(tx, hotelSurveyId);
  yield* saveAlertSettings(tx, hotelSurveyId, { ...settings, followUpSurveyId: survey.id }, now);
  const resolved = yield* q(
    tx
      .select({
        id: cases.id,
        resolvedAt: cases.resolvedAt,
        severity: cases.severity,
        customerId: responses.customerId,
        lang: responses.lang,
      })
      .from(cases)
      .innerJoin(responses, eq(responses.id, cases.responseId))
      .where(and(eq(cases.surveyId, hotelSurveyId), isNotNull(cases.resolvedAt)))
      .orderBy(cases.resolvedAt, cases.id),
  );
  const rows: (typeof responses.$inferInsert)[] = [];
  for (const c of resolved) {
    if (rand() >= RESPONSE_RATE) continue;
    const handled = handlingScore(rand, c.severity === 'serious');
    const lang = c.lang !== null && c.lang in COMMENTS ? c.lang : 'en';
    const answers: Record<string, unknown> = { handled };
    if (rand() < 0.4) {
      const pool = handled >= 4 ? COMMENTS[lang].good : COMMENTS[lang].poor;
      answers.comment = pool[Math.floor(rand() * pool.length)];
    }
    // Answered within a few days of the resolution, never after now.
    const startedAt = Math.min(c.resolvedAt! + Math.round((2 + rand() * 70) * HOUR), now - HOUR);
    const took = 25_000 + Math.floor(rand() * 60_000);
    const pageTimes = { handling: took };
    const duration = responseDuration(pageTimes, took);
    rows.push({
      surveyId: survey.id,
      versionId,
      clientId: `demo-followup-${c.id}`,
      status: 'complete',
      quotaCell: null,
      customerId: c.customerId,
      ...storedAnswers(answers, pageTimes),
      coded: codedAnswers(def, versionId, answers, duration),
      duration,
      hidden: JSON.stringify({ case: c.id }),
      lang,
      page: 0,
      startedAt,
      updatedAt: startedAt + took,
      completedAt: startedAt + took,
    });
  }
  // A few dozen rows for the usual demo; a benchmark's larger hotel gives more, a batch at a time.
  for (let i = 0; i < rows.length; i += BATCH) yield* q(tx.insert(responses).values(rows.slice(i, i + BATCH)));
}
