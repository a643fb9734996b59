import type { SurveyTemplate } from './index';
import { again, ALL_LANGUAGES, improve, item, overall, satisfaction5, tx } from './text';

/** Customer satisfaction (CSAT): overall satisfaction, the key attributes, loyalty, one open question. */
export const csat: SurveyTemplate = {
  id: 'csat',
  name: tx(
    'Customer satisfaction (CSAT)',
    'Soddisfazione dei clienti (CSAT)',
    '客户满意度（CSAT）',
    '顧客滿意度（CSAT）',
    'Mức độ hài lòng của khách hàng (CSAT)',
  ),
  definition: {
    title: tx(
      'Your opinion matters',
      'La tua opinione conta',
      '您的意见很重要',
      '您的意見很重要',
      'Ý kiến của bạn rất quan trọng',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    pages: [
      { id: 'p1', questions: [overall('csat')] },
      {
        id: 'p2',
        questions: [
          {
            id: 'attributes',
            type: 'matrix',
            required: true,
            role: 'attribute',
            scale: satisfaction5,
            text: tx(
              'How satisfied are you with…',
              'Quanto sei soddisfatto di…',
              '您对以下方面的满意程度如何？',
              '您對以下方面的滿意程度如何？',
              'Bạn hài lòng thế nào về…',
            ),
            items: [
              item(
                'quality',
                tx(
                  'The quality of the product or service',
                  'La qualità del prodotto o servizio',
                  '产品或服务的质量',
                  '產品或服務的品質',
                  'Chất lượng sản phẩm hoặc dịch vụ',
                ),
              ),
              item(
                'value',
                tx('Value for money', 'Il rapporto qualità-prezzo', '性价比', '性價比', 'Giá trị so với chi phí'),
              ),
              item(
                'staff',
                tx(
                  'The friendliness of our staff',
                  'La cortesia del personale',
                  '员工的友好程度',
                  '員工的親切程度',
                  'Sự thân thiện của nhân viên',
                ),
              ),
              item(
                'speed',
                tx(
                  'How quickly we served you',
                  'La rapidità del servizio',
                  '服务的速度',
                  '服務的速度',
                  'Tốc độ phục vụ',
                ),
              ),
            ],
          },
          again(),
        ],
      },
      { id: 'p3', questions: [improve()] },
    ],
  },
};
