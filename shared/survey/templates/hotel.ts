import type { SurveyTemplate } from './index';
import { again, ALL_LANGUAGES, improve, item, overall, recommend, satisfaction5, tx } from './text';

/** Hotel stay: purpose, the stay's touchpoints, overall, loyalty and recommendation. */
export const hotel: SurveyTemplate = {
  id: 'hotel',
  name: tx('Hotel stay', 'Soggiorno in hotel', '酒店住宿', '飯店住宿', 'Lưu trú khách sạn'),
  definition: {
    title: tx(
      'How was your stay?',
      'Com’è andato il tuo soggiorno?',
      '您的住宿体验如何？',
      '您的住宿體驗如何？',
      'Kỳ lưu trú của bạn thế nào?',
    ),
    defaultLanguage: 'en',
    languages: [...ALL_LANGUAGES],
    hiddenFields: ['room'],
    pages: [
      {
        id: 'p1',
        questions: [
          {
            id: 'purpose',
            type: 'single',
            required: true,
            role: 'segment',
            text: tx(
              'What was the main purpose of your stay?',
              'Qual era lo scopo principale del soggiorno?',
              '您此次住宿的主要目的是什么？',
              '您此次住宿的主要目的為何？',
              'Mục đích chính của kỳ lưu trú là gì?',
            ),
            options: [
              item('leisure', tx('Leisure', 'Vacanza', '休闲', '休閒', 'Du lịch')),
              item('business', tx('Business', 'Lavoro', '商务', '商務', 'Công tác')),
              item(
                'event',
                tx(
                  'An event or conference',
                  'Un evento o congresso',
                  '活动或会议',
                  '活動或會議',
                  'Sự kiện hoặc hội nghị',
                ),
              ),
            ],
            other: true,
          },
          overall(),
        ],
      },
      {
        id: 'p2',
        questions: [
          {
            id: 'stay',
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
              item('checkin', tx('Check-in', 'Check-in', '入住登记', '入住登記', 'Nhận phòng')),
              item('room', tx('Your room', 'La camera', '客房', '客房', 'Phòng của bạn')),
              item('clean', tx('Cleanliness', 'La pulizia', '清洁程度', '清潔程度', 'Sự sạch sẽ')),
              item('breakfast', tx('Breakfast', 'La colazione', '早餐', '早餐', 'Bữa sáng')),
              item('staff', tx('Staff', 'Il personale', '员工', '員工', 'Nhân viên')),
              item(
                'value',
                tx('Value for money', 'Il rapporto qualità-prezzo', '性价比', '性價比', 'Giá trị so với chi phí'),
              ),
            ],
          },
        ],
      },
      { id: 'p3', questions: [again(), recommend(), improve()] },
    ],
  },
};
