import type { SurveyTemplate } from './index';
import { ALL_LANGUAGES, item, satisfaction5, tx } from './text';

/** Competitive benchmark: awareness, own brand and competitors on the same attributes, preference. */
export const benchmark: SurveyTemplate = {
  id: 'benchmark',
  name: tx('Competitive benchmark', 'Benchmark competitivo', '竞争对标', '競爭標竿', 'So sánh với đối thủ'),
  definition: {
    title: tx(
      'Comparing providers',
      'Confronto tra fornitori',
      '比较各家供应商',
      '比較各家供應商',
      'So sánh các nhà cung cấp',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    pages: [
      {
        id: 'grid',
        questions: [
          {
            id: 'brands',
            type: 'competitor',
            required: true,
            role: 'competitor',
            ownBrand: 'us',
            scale: satisfaction5,
            text: tx(
              'How do these providers compare?',
              'Come si confrontano questi fornitori?',
              '这些供应商相比如何？',
              '這些供應商相比如何？',
              'Các nhà cung cấp này so với nhau thế nào?',
            ),
            brands: [
              item('us', tx('Our company', 'La nostra azienda', '我们公司', '我們公司', 'Công ty chúng tôi')),
              item('c1', tx('Competitor A', 'Concorrente A', '竞争对手 A', '競爭對手 A', 'Đối thủ A')),
              item('c2', tx('Competitor B', 'Concorrente B', '竞争对手 B', '競爭對手 B', 'Đối thủ B')),
            ],
            attributes: [
              item('quality', tx('Quality', 'Qualità', '质量', '品質', 'Chất lượng')),
              item('price', tx('Price', 'Prezzo', '价格', '價格', 'Giá cả')),
              item('service', tx('Service', 'Servizio', '服务', '服務', 'Dịch vụ')),
              item('innovation', tx('Innovation', 'Innovazione', '创新', '創新', 'Sự đổi mới')),
            ],
          },
        ],
      },
      {
        id: 'choice',
        questions: [
          {
            id: 'preferred',
            type: 'single',
            required: true,
            role: 'loyalty',
            text: tx(
              'Which provider would you choose today?',
              'Quale fornitore sceglieresti oggi?',
              '如果今天选择，您会选哪家供应商？',
              '如果今天選擇，您會選哪家供應商？',
              'Hôm nay bạn sẽ chọn nhà cung cấp nào?',
            ),
            options: [
              item('us', tx('Our company', 'La nostra azienda', '我们公司', '我們公司', 'Công ty chúng tôi')),
              item('c1', tx('Competitor A', 'Concorrente A', '竞争对手 A', '競爭對手 A', 'Đối thủ A')),
              item('c2', tx('Competitor B', 'Concorrente B', '竞争对手 B', '競爭對手 B', 'Đối thủ B')),
            ],
            other: true,
          },
          {
            id: 'criteria',
            type: 'ranking',
            required: true,
            role: 'importance',
            text: tx(
              'Rank what matters most when you choose a provider',
              'Ordina ciò che conta di più nella scelta di un fornitore',
              '请对选择供应商时最看重的因素排序',
              '請對選擇供應商時最重視的因素排序',
              'Xếp hạng điều quan trọng nhất khi bạn chọn nhà cung cấp',
            ),
            options: [
              item('quality', tx('Quality', 'Qualità', '质量', '品質', 'Chất lượng')),
              item('price', tx('Price', 'Prezzo', '价格', '價格', 'Giá cả')),
              item('service', tx('Service', 'Servizio', '服务', '服務', 'Dịch vụ')),
              item('innovation', tx('Innovation', 'Innovazione', '创新', '創新', 'Sự đổi mới')),
            ],
          },
        ],
      },
    ],
  },
};
