import type { SurveyTemplate } from './index';
import { ALL_LANGUAGES, tx } from './text';

/** Price sensitivity: Van Westendorp with purchase likelihood, then a Gabor-Granger ladder. */
export const price: SurveyTemplate = {
  id: 'price',
  name: tx('Price sensitivity', 'Sensibilità al prezzo', '价格敏感度', '價格敏感度', 'Độ nhạy về giá'),
  definition: {
    title: tx(
      'What is it worth to you?',
      'Quanto vale per te?',
      '它对您值多少钱？',
      '它對您值多少錢？',
      'Nó đáng giá bao nhiêu với bạn?',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    intro: tx(
      'Please read the description of the product, then tell us what you would pay. There are no right or wrong answers.',
      'Leggi la descrizione del prodotto, poi dicci quanto pagheresti. Non ci sono risposte giuste o sbagliate.',
      '请阅读产品说明，然后告诉我们您愿意支付多少。答案没有对错之分。',
      '請閱讀產品說明，然後告訴我們您願意支付多少。答案沒有對錯之分。',
      'Vui lòng đọc mô tả sản phẩm, rồi cho chúng tôi biết bạn sẵn sàng trả bao nhiêu. Không có câu trả lời đúng hay sai.',
    ),
    pages: [
      {
        id: 'psm',
        questions: [
          {
            id: 'vw',
            type: 'vanWestendorp',
            required: true,
            role: 'price',
            currency: 'EUR',
            likelihood: true,
            text: tx(
              'About the price of the product',
              'Sul prezzo del prodotto',
              '关于产品的价格',
              '關於產品的價格',
              'Về giá của sản phẩm',
            ),
          },
        ],
      },
      {
        id: 'ladder',
        questions: [
          {
            id: 'gg',
            type: 'gaborGranger',
            required: true,
            role: 'price',
            currency: 'EUR',
            prices: [19, 24, 29, 34, 39, 49],
            text: tx(
              'Would you buy the product at these prices?',
              'Compreresti il prodotto a questi prezzi?',
              '以这些价格您会购买该产品吗？',
              '以這些價格您會購買該產品嗎？',
              'Bạn có mua sản phẩm ở các mức giá này không?',
            ),
          },
        ],
      },
    ],
  },
};
