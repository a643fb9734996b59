import type { SurveyTemplate } from './index';
import { agree7, ALL_LANGUAGES, improve, overall, tx } from './text';

// The 22 items of Parasuraman, Zeithaml & Berry (1991), "Refinement and reassessment of the
// SERVQUAL scale", Journal of Retailing 67(4), with "XYZ" as "the company", in English, Italian,
// Simplified and Traditional Chinese and Vietnamese. Each is rated for what an excellent company
// would do (expectation) and what this one does (perception).
const ITEMS: [string, 'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy', string, string, string, string, string][] = [
  ['tan1', 'tangibles', 'The company has modern-looking equipment.', 'L’azienda ha attrezzature dall’aspetto moderno.', '公司拥有外观现代的设备。', '公司擁有外觀現代的設備。', 'Công ty có trang thiết bị trông hiện đại.'],
  ['tan2', 'tangibles', 'The company’s physical facilities are visually appealing.', 'Le strutture fisiche dell’azienda sono gradevoli alla vista.', '公司的实体设施在视觉上很吸引人。', '公司的實體設施在視覺上很吸引人。', 'Cơ sở vật chất của công ty trông hấp dẫn.'],
  ['tan3', 'tangibles', 'The company’s employees are neat in appearance.', 'I dipendenti dell’azienda hanno un aspetto curato.', '公司员工的仪表整洁。', '公司員工的儀容整潔。', 'Nhân viên của công ty có diện mạo gọn gàng.'],
  ['tan4', 'tangibles', 'Materials associated with the service (such as pamphlets or statements) are visually appealing.', 'I materiali legati al servizio (come opuscoli o estratti conto) sono gradevoli alla vista.', '与服务相关的资料（如宣传册或对账单）在视觉上很吸引人。', '與服務相關的資料（如文宣或對帳單）在視覺上很吸引人。', 'Tài liệu liên quan đến dịch vụ (như tờ rơi hay bảng sao kê) trông hấp dẫn.'],
  ['rel1', 'reliability', 'When the company promises to do something by a certain time, it does so.', 'Quando l’azienda promette di fare qualcosa entro un certo momento, lo fa.', '公司承诺在某个时间之前做某事时，都会做到。', '公司承諾在某個時間之前做某事時，都會做到。', 'Khi công ty hứa làm điều gì trước một thời điểm, họ đều làm đúng.'],
  ['rel2', 'reliability', 'When you have a problem, the company shows a sincere interest in solving it.', 'Quando hai un problema, l’azienda mostra un sincero interesse a risolverlo.', '当您遇到问题时，公司会真诚地帮您解决。', '當您遇到問題時，公司會真誠地幫您解決。', 'Khi bạn gặp vấn đề, công ty thật lòng quan tâm giải quyết.'],
  ['rel3', 'reliability', 'The company performs the service right the first time.', 'L’azienda esegue il servizio correttamente fin dalla prima volta.', '公司第一次就能把服务做好。', '公司第一次就能把服務做好。', 'Công ty thực hiện dịch vụ đúng ngay từ lần đầu.'],
  ['rel4', 'reliability', 'The company provides its services at the time it promises to do so.', 'L’azienda fornisce i servizi nei tempi promessi.', '公司在承诺的时间提供服务。', '公司在承諾的時間提供服務。', 'Công ty cung cấp dịch vụ đúng thời gian đã hứa.'],
  ['rel5', 'reliability', 'The company insists on error-free records.', 'L’azienda tiene a documenti privi di errori.', '公司坚持记录准确无误。', '公司堅持紀錄正確無誤。', 'Công ty luôn đảm bảo hồ sơ không có sai sót.'],
  ['res1', 'responsiveness', 'Employees of the company tell you exactly when services will be performed.', 'I dipendenti dell’azienda ti dicono esattamente quando il servizio verrà svolto.', '公司员工会确切告诉您何时提供服务。', '公司員工會確切告訴您何時提供服務。', 'Nhân viên công ty cho bạn biết chính xác khi nào dịch vụ được thực hiện.'],
  ['res2', 'responsiveness', 'Employees of the company give you prompt service.', 'I dipendenti dell’azienda ti servono con prontezza.', '公司员工为您提供及时的服务。', '公司員工為您提供即時的服務。', 'Nhân viên công ty phục vụ bạn nhanh chóng.'],
  ['res3', 'responsiveness', 'Employees of the company are always willing to help you.', 'I dipendenti dell’azienda sono sempre disposti ad aiutarti.', '公司员工总是乐意帮助您。', '公司員工總是樂意協助您。', 'Nhân viên công ty luôn sẵn lòng giúp đỡ bạn.'],
  ['res4', 'responsiveness', 'Employees of the company are never too busy to respond to your requests.', 'I dipendenti dell’azienda non sono mai troppo occupati per rispondere alle tue richieste.', '公司员工从不会忙到无法回应您的请求。', '公司員工從不會忙到無法回應您的需求。', 'Nhân viên công ty không bao giờ quá bận để đáp ứng yêu cầu của bạn.'],
  ['ass1', 'assurance', 'The behaviour of the company’s employees instils confidence in you.', 'Il comportamento dei dipendenti dell’azienda ti ispira fiducia.', '公司员工的言行让您有信心。', '公司員工的言行讓您有信心。', 'Cách cư xử của nhân viên công ty tạo cho bạn sự tin tưởng.'],
  ['ass2', 'assurance', 'You feel safe in your transactions with the company.', 'Ti senti sicuro nelle tue transazioni con l’azienda.', '您在与公司的交易中感到安心。', '您在與公司的交易中感到安心。', 'Bạn cảm thấy an toàn khi giao dịch với công ty.'],
  ['ass3', 'assurance', 'Employees of the company are consistently courteous with you.', 'I dipendenti dell’azienda sono sempre cortesi con te.', '公司员工始终对您以礼相待。', '公司員工始終對您以禮相待。', 'Nhân viên công ty luôn lịch sự với bạn.'],
  ['ass4', 'assurance', 'Employees of the company have the knowledge to answer your questions.', 'I dipendenti dell’azienda hanno le conoscenze per rispondere alle tue domande.', '公司员工具备回答您问题的知识。', '公司員工具備回答您問題的知識。', 'Nhân viên công ty có đủ kiến thức để trả lời câu hỏi của bạn.'],
  ['emp1', 'empathy', 'The company gives you individual attention.', 'L’azienda ti dedica un’attenzione individuale.', '公司给予您个别的关注。', '公司給予您個別的關注。', 'Công ty dành cho bạn sự quan tâm riêng.'],
  ['emp2', 'empathy', 'The company has operating hours convenient to all its customers.', 'L’azienda ha orari comodi per tutti i suoi clienti.', '公司的营业时间对所有客户都很方便。', '公司的營業時間對所有客戶都很方便。', 'Công ty có giờ làm việc thuận tiện cho mọi khách hàng.'],
  ['emp3', 'empathy', 'The company has employees who give you personal attention.', 'L’azienda ha dipendenti che ti dedicano un’attenzione personale.', '公司有员工给予您个人化的关注。', '公司有員工給予您個人化的關注。', 'Công ty có nhân viên quan tâm đến cá nhân bạn.'],
  ['emp4', 'empathy', 'The company has your best interests at heart.', 'L’azienda ha a cuore i tuoi interessi.', '公司真心为您的利益着想。', '公司真心為您的利益著想。', 'Công ty thật sự quan tâm đến lợi ích của bạn.'],
  ['emp5', 'empathy', 'The employees of the company understand your specific needs.', 'I dipendenti dell’azienda capiscono le tue esigenze specifiche.', '公司员工了解您的具体需求。', '公司員工了解您的具體需求。', 'Nhân viên công ty hiểu nhu cầu cụ thể của bạn.'],
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
          items: ITEMS.filter(([, d]) => d === dimension).map(([id, d, ...texts]) => ({ id, dimension: d, label: tx(...texts) })),
        }],
      })),
      { id: 'end', questions: [overall(), improve()] },
    ],
  },
};
