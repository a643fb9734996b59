import type { SurveyTemplate } from './index';
import { again, ALL_LANGUAGES, improve, item, overall, recommend, satisfaction5, tx } from './text';

/** Retail purchase: channel, what was bought, the shopping experience, loyalty. */
export const retail: SurveyTemplate = {
  id: 'retail',
  name: tx('Retail purchase', 'Acquisto in negozio', '零售购物', '零售購物', 'Mua sắm bán lẻ'),
  definition: {
    title: tx(
      'Thank you for shopping with us',
      'Grazie per aver acquistato da noi',
      '感谢您的惠顾',
      '感謝您的惠顧',
      'Cảm ơn bạn đã mua sắm cùng chúng tôi',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    hiddenFields: ['store'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'channel',
            type: 'single',
            required: true,
            role: 'segment',
            text: tx(
              'Where did you make your purchase?',
              'Dove hai fatto l’acquisto?',
              '您在哪里购买的？',
              '您在哪裡購買的？',
              'Bạn đã mua hàng ở đâu?',
            ),
            options: [
              item('store', tx('In a store', 'In negozio', '实体店', '實體店', 'Tại cửa hàng')),
              item('online', tx('Online', 'Online', '网上', '網路', 'Trực tuyến')),
              item('app', tx('In our app', 'Nella nostra app', '我们的应用', '我們的 App', 'Trên ứng dụng')),
            ],
          },
          overall(),
        ],
      },
      {
        id: 'p2',
        questions: [
          {
            id: 'shopping',
            type: 'matrix',
            required: true,
            role: 'attribute',
            scale: satisfaction5,
            notApplicable: true,
            text: tx(
              'How satisfied were you with…',
              'Quanto sei rimasto soddisfatto di…',
              '您对以下方面的满意程度如何？',
              '您對以下方面的滿意程度如何？',
              'Bạn hài lòng thế nào về…',
            ),
            items: [
              item(
                'choice',
                tx('The choice of products', 'La scelta di prodotti', '商品种类', '商品種類', 'Sự đa dạng sản phẩm'),
              ),
              item(
                'find',
                tx(
                  'Finding what you wanted',
                  'Trovare ciò che cercavi',
                  '找到所需商品的容易程度',
                  '找到所需商品的容易程度',
                  'Tìm được thứ bạn cần',
                ),
              ),
              item(
                'advice',
                tx('Advice from staff', 'I consigli del personale', '员工的建议', '員工的建議', 'Tư vấn của nhân viên'),
              ),
              item('price', tx('Prices', 'I prezzi', '价格', '價格', 'Giá cả')),
              item('checkout', tx('Paying', 'Il pagamento', '结账', '結帳', 'Thanh toán')),
            ],
          },
        ],
      },
      { id: 'p3', questions: [again(), recommend(), improve()] },
    ],
  },
};
