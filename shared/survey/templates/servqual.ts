import type { SurveyTemplate } from './index';
import { agree7, ALL_LANGUAGES, improve, overall, tx } from './text';

// The 22 items of Parasuraman, Zeithaml & Berry (1991), "Refinement and reassessment of the
// SERVQUAL scale", Journal of Retailing 67(4), with "XYZ" as "the company". Each is rated for
// what an excellent company would do (expectation) and what this one does (perception).
const ITEMS: [string, 'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy', string][] = [
  ['tan1', 'tangibles', 'The company has modern-looking equipment.'],
  ['tan2', 'tangibles', 'The company’s physical facilities are visually appealing.'],
  ['tan3', 'tangibles', 'The company’s employees are neat in appearance.'],
  ['tan4', 'tangibles', 'Materials associated with the service (such as pamphlets or statements) are visually appealing.'],
  ['rel1', 'reliability', 'When the company promises to do something by a certain time, it does so.'],
  ['rel2', 'reliability', 'When you have a problem, the company shows a sincere interest in solving it.'],
  ['rel3', 'reliability', 'The company performs the service right the first time.'],
  ['rel4', 'reliability', 'The company provides its services at the time it promises to do so.'],
  ['rel5', 'reliability', 'The company insists on error-free records.'],
  ['res1', 'responsiveness', 'Employees of the company tell you exactly when services will be performed.'],
  ['res2', 'responsiveness', 'Employees of the company give you prompt service.'],
  ['res3', 'responsiveness', 'Employees of the company are always willing to help you.'],
  ['res4', 'responsiveness', 'Employees of the company are never too busy to respond to your requests.'],
  ['ass1', 'assurance', 'The behaviour of the company’s employees instils confidence in you.'],
  ['ass2', 'assurance', 'You feel safe in your transactions with the company.'],
  ['ass3', 'assurance', 'Employees of the company are consistently courteous with you.'],
  ['ass4', 'assurance', 'Employees of the company have the knowledge to answer your questions.'],
  ['emp1', 'empathy', 'The company gives you individual attention.'],
  ['emp2', 'empathy', 'The company has operating hours convenient to all its customers.'],
  ['emp3', 'empathy', 'The company has employees who give you personal attention.'],
  ['emp4', 'empathy', 'The company has your best interests at heart.'],
  ['emp5', 'empathy', 'The employees of the company understand your specific needs.'],
];

const DIMENSION_PAGES = [
  ['tangibles', tx('Facilities and appearance', 'Strutture e aspetto', '设施与外观', '設施與外觀', 'Cơ sở vật chất và diện mạo')],
  ['reliability', tx('Reliability', 'Affidabilità', '可靠性', '可靠性', 'Độ tin cậy')],
  ['responsiveness', tx('Responsiveness', 'Prontezza', '响应性', '回應性', 'Khả năng đáp ứng')],
  ['assurance', tx('Assurance', 'Sicurezza e competenza', '保证性', '保證性', 'Sự đảm bảo')],
  ['empathy', tx('Empathy', 'Empatia', '移情性', '關懷性', 'Sự đồng cảm')],
] as const;

/** SERVQUAL, 22 items in 5 dimensions, one page per dimension, then overall satisfaction. */
export const servqual: SurveyTemplate = {
  id: 'servqual',
  name: tx('SERVQUAL service quality (22 items)', 'Qualità del servizio SERVQUAL (22 voci)', 'SERVQUAL 服务质量（22 项）', 'SERVQUAL 服務品質（22 項）', 'Chất lượng dịch vụ SERVQUAL (22 mục)'),
  definition: {
    title: tx('How good is our service?', 'Com’è il nostro servizio?', '我们的服务怎么样？', '我們的服務如何？', 'Dịch vụ của chúng tôi thế nào?'),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    intro: tx(
      'For each statement, tell us first what you expect of an excellent company of this kind, then what you experienced with us.',
      'Per ogni affermazione indica prima che cosa ti aspetti da un’azienda eccellente di questo tipo, poi che cosa hai trovato da noi.',
      '对于每项陈述，请先告诉我们您对同类优秀公司的期望，再告诉我们您在我们这里的实际感受。',
      '對於每項陳述，請先告訴我們您對同類優秀公司的期望，再告訴我們您在我們這裡的實際感受。',
      'Với mỗi nhận định, trước tiên hãy cho biết bạn mong đợi gì ở một công ty xuất sắc cùng loại, sau đó là điều bạn đã trải nghiệm ở chúng tôi.',
    ),
    pages: [
      // The battery's own text names the dimension; a page title saying the same would repeat it.
      ...DIMENSION_PAGES.map(([dimension, title]) => ({
        id: dimension,
        questions: [{
          id: `sq_${dimension}`, type: 'servqual' as const, required: true, role: 'dimension' as const, scale: agree7,
          text: title,
          items: ITEMS.filter(([, d]) => d === dimension).map(([id, d, en]) => ({ id, dimension: d, label: tx(en) })),
        }],
      })),
      { id: 'end', questions: [overall(), improve()] },
    ],
  },
};
