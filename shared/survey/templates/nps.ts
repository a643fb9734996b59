import type { SurveyTemplate } from './index';
import { ALL_LANGUAGES, recommend, tx } from './text';

/** Net Promoter Score: the question, then the reason, worded for detractors and for promoters. */
export const nps: SurveyTemplate = {
  id: 'nps',
  name: tx('Net Promoter Score (NPS)', 'Net Promoter Score (NPS)', '净推荐值（NPS）', '淨推薦值（NPS）', 'Chỉ số NPS'),
  definition: {
    title: tx('A quick question', 'Una domanda veloce', '一个简单的问题', '一個簡單的問題', 'Một câu hỏi nhanh'),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    pages: [
      { id: 'p1', questions: [recommend()] },
      {
        id: 'p2',
        questions: [
          {
            id: 'whyLow',
            type: 'text',
            multiline: true,
            role: 'open-feedback',
            visibleIf: { match: 'all', conditions: [{ source: 'nps', op: 'between', min: 0, max: 6 }] },
            text: tx(
              'What disappointed you?',
              'Che cosa ti ha deluso?',
              '哪些地方让您失望？',
              '哪些地方讓您失望？',
              'Điều gì khiến bạn thất vọng?',
            ),
          },
          {
            id: 'whyHigh',
            type: 'text',
            multiline: true,
            role: 'open-feedback',
            visibleIf: { match: 'all', conditions: [{ source: 'nps', op: 'between', min: 7, max: 10 }] },
            text: tx(
              'What do you like most about us?',
              'Che cosa apprezzi di più di noi?',
              '您最喜欢我们哪一点？',
              '您最喜歡我們哪一點？',
              'Bạn thích điều gì nhất ở chúng tôi?',
            ),
          },
        ],
      },
    ],
  },
};
