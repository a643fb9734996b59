import type { SurveyTemplate } from './index';
import { ALL_LANGUAGES, improve, importance5, item, recommend, satisfaction5, tx } from './text';

// The four areas dealer-satisfaction studies measure a supplier on (product, service, economy,
// corporate image), each a battery of attributes plus how much the area matters to the dealer.
const AREAS = [
  [
    'product',
    tx('Product', 'Prodotto', '产品', '產品', 'Sản phẩm'),
    [
      ['quality', tx('Product quality', 'Qualità dei prodotti', '产品质量', '產品品質', 'Chất lượng sản phẩm')],
      ['range', tx('Range of products', 'Ampiezza della gamma', '产品系列', '產品系列', 'Danh mục sản phẩm')],
      ['innovation', tx('Innovation', 'Innovazione', '创新', '創新', 'Sự đổi mới')],
    ],
  ],
  [
    'service',
    tx('Service', 'Servizio', '服务', '服務', 'Dịch vụ'),
    [
      ['delivery', tx('On-time delivery', 'Puntualità delle consegne', '准时交货', '準時交貨', 'Giao hàng đúng hạn')],
      ['support', tx('Sales support', 'Supporto commerciale', '销售支持', '銷售支援', 'Hỗ trợ bán hàng')],
      [
        'aftersales',
        tx(
          'After-sales and warranty',
          'Assistenza post-vendita e garanzia',
          '售后与保修',
          '售後與保固',
          'Hậu mãi và bảo hành',
        ),
      ],
    ],
  ],
  [
    'economy',
    tx('Economy', 'Aspetti economici', '经济条件', '經濟條件', 'Kinh tế'),
    [
      ['margin', tx('Margins', 'Margini', '利润率', '利潤率', 'Biên lợi nhuận')],
      ['terms', tx('Payment terms', 'Condizioni di pagamento', '付款条件', '付款條件', 'Điều khoản thanh toán')],
      ['incentives', tx('Incentives and bonuses', 'Incentivi e premi', '激励与奖金', '激勵與獎金', 'Ưu đãi và thưởng')],
    ],
  ],
  [
    'image',
    tx('Corporate image', 'Immagine aziendale', '企业形象', '企業形象', 'Hình ảnh doanh nghiệp'),
    [
      ['brand', tx('Brand strength', 'Forza del marchio', '品牌实力', '品牌實力', 'Sức mạnh thương hiệu')],
      ['trust', tx('Trustworthiness', 'Affidabilità', '可信度', '可信度', 'Độ tin cậy')],
      [
        'partnership',
        tx(
          'Partnership with dealers',
          'Collaborazione con i rivenditori',
          '与经销商的合作关系',
          '與經銷商的合作關係',
          'Quan hệ đối tác với đại lý',
        ),
      ],
    ],
  ],
] as const;

/** Dealer (intermediary) satisfaction with a supplier: product, service, economy, corporate image. */
export const dealer: SurveyTemplate = {
  id: 'dealer',
  name: tx(
    'Dealer satisfaction',
    'Soddisfazione dei rivenditori',
    '经销商满意度',
    '經銷商滿意度',
    'Mức độ hài lòng của đại lý',
  ),
  definition: {
    title: tx(
      'How do we work together?',
      'Come lavoriamo insieme?',
      '我们的合作情况如何？',
      '我們的合作情況如何？',
      'Chúng ta hợp tác thế nào?',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    hiddenFields: ['dealer'],
    pages: [
      ...AREAS.map(([id, title, items]) => ({
        id,
        title,
        questions: [
          {
            id: `sat_${id}`,
            type: 'matrix' as const,
            required: true,
            role: 'attribute' as const,
            scale: satisfaction5,
            notApplicable: true,
            text: title,
            items: items.map(([itemId, label]) => item(itemId, label)),
          },
        ],
      })),
      {
        id: 'weights',
        questions: [
          {
            id: 'importance',
            type: 'importance',
            required: true,
            role: 'importance',
            mode: 'rating',
            scale: importance5,
            text: tx(
              'How important is each area to your business?',
              'Quanto conta ciascun aspetto per la tua attività?',
              '各方面对您的业务有多重要？',
              '各方面對您的業務有多重要？',
              'Mỗi lĩnh vực quan trọng thế nào với doanh nghiệp của bạn?',
            ),
            items: AREAS.map(([id, title]) => item(id, title)),
          },
          {
            id: 'overall',
            type: 'rating',
            required: true,
            role: 'overall-satisfaction',
            scale: satisfaction5,
            text: tx(
              'Overall, how satisfied are you with us as a supplier?',
              'Nel complesso, quanto sei soddisfatto di noi come fornitore?',
              '总体而言，您对我们作为供应商的满意程度如何？',
              '整體而言，您對我們作為供應商的滿意程度如何？',
              'Nhìn chung, bạn hài lòng với chúng tôi với tư cách nhà cung cấp đến mức nào?',
            ),
          },
          recommend(),
          improve(),
        ],
      },
    ],
  },
};
