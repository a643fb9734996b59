/**
 * The demo study: a hotel-stay satisfaction survey with realistic answers, so a newcomer sees
 * every report screen with data. Answers come from a small latent model (one "stay quality" per
 * guest drives every rating, with noise), so correlations and drivers look like real data.
 */
import type { SurveyDefinitionInput } from '../../shared/survey/schema';

const t = (en: string, it: string, zhHans: string, zhHant: string, vi: string) => ({
  en,
  it,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  vi,
});

const scale5 = {
  min: 1,
  max: 5,
  minLabel: t('Very dissatisfied', 'Molto insoddisfatto', '非常不满意', '非常不滿意', 'Rất không hài lòng'),
  maxLabel: t('Very satisfied', 'Molto soddisfatto', '非常满意', '非常滿意', 'Rất hài lòng'),
};

export const HOTEL_ATTRIBUTES = ['checkin', 'room', 'cleanliness', 'staff', 'breakfast', 'value'] as const;

export const hotelDefinition: SurveyDefinitionInput = {
  title: t('Your stay with us', 'Il suo soggiorno', '您的入住体验', '您的住宿體驗', 'Kỳ nghỉ của bạn'),
  defaultLanguage: 'en',
  languages: ['en', 'it', 'zh-Hans', 'zh-Hant', 'vi'],
  hiddenFields: ['tier', 'region'],
  intro: t(
    'Thank you for staying with us. This takes about two minutes.',
    'Grazie per aver soggiornato da noi. Servono circa due minuti.',
    '感谢您的入住。本问卷约需两分钟。',
    '感謝您的入住。本問卷約需兩分鐘。',
    'Cảm ơn bạn đã lưu trú. Khảo sát mất khoảng hai phút.',
  ),
  pages: [
    {
      id: 'overall',
      questions: [
        {
          id: 'osat',
          type: 'rating',
          role: 'overall-satisfaction',
          required: true,
          scale: scale5,
          text: t(
            'Overall, how satisfied are you with your stay?',
            'Nel complesso, quanto è soddisfatto del soggiorno?',
            '总体而言，您对本次入住的满意度如何？',
            '整體而言，您對本次住宿的滿意度如何？',
            'Nhìn chung, bạn hài lòng thế nào với kỳ nghỉ?',
          ),
        },
        {
          id: 'nps',
          type: 'nps',
          role: 'recommend',
          required: true,
          text: t(
            'How likely are you to recommend our hotel to a friend or colleague?',
            'Quanto è probabile che consigli il nostro hotel a un amico o collega?',
            '您向朋友或同事推荐我们酒店的可能性有多大？',
            '您向朋友或同事推薦我們飯店的可能性有多大？',
            'Bạn có sẵn lòng giới thiệu khách sạn cho bạn bè hoặc đồng nghiệp không?',
          ),
        },
        {
          id: 'return',
          type: 'single',
          role: 'loyalty',
          required: true,
          text: t(
            'Would you stay with us again?',
            'Soggiornerebbe di nuovo da noi?',
            '您会再次入住我们酒店吗？',
            '您會再次入住我們飯店嗎？',
            'Bạn có muốn quay lại lưu trú không?',
          ),
          options: [
            { id: 'certainly', label: t('Certainly', 'Sicuramente', '一定会', '一定會', 'Chắc chắn') },
            { id: 'probably', label: t('Probably', 'Probabilmente', '可能会', '可能會', 'Có thể') },
            { id: 'unsure', label: t('Not sure', 'Non so', '不确定', '不確定', 'Chưa chắc') },
            { id: 'no', label: t('No', 'No', '不会', '不會', 'Không') },
          ],
        },
      ],
    },
    {
      id: 'attributes',
      title: t('Your experience', 'La sua esperienza', '您的体验', '您的體驗', 'Trải nghiệm của bạn'),
      questions: [
        {
          id: 'attrs',
          type: 'matrix',
          role: 'attribute',
          required: true,
          scale: scale5,
          text: t(
            'How satisfied are you with…',
            'Quanto è soddisfatto di…',
            '您对以下方面的满意度如何？',
            '您對以下方面的滿意度如何？',
            'Bạn hài lòng thế nào với…',
          ),
          items: [
            { id: 'checkin', label: t('Check-in', 'Check-in', '入住登记', '入住登記', 'Nhận phòng') },
            {
              id: 'room',
              label: t('Room comfort', 'Comfort della camera', '客房舒适度', '客房舒適度', 'Tiện nghi phòng'),
            },
            { id: 'cleanliness', label: t('Cleanliness', 'Pulizia', '清洁卫生', '清潔衛生', 'Sự sạch sẽ') },
            {
              id: 'staff',
              label: t(
                'Staff friendliness',
                'Cortesia del personale',
                '员工友好程度',
                '員工友善程度',
                'Sự thân thiện của nhân viên',
              ),
            },
            { id: 'breakfast', label: t('Breakfast', 'Colazione', '早餐', '早餐', 'Bữa sáng') },
            {
              id: 'value',
              label: t('Value for money', 'Rapporto qualità-prezzo', '性价比', '性價比', 'Giá trị so với chi phí'),
            },
          ],
        },
        {
          id: 'purpose',
          type: 'single',
          role: 'segment',
          required: true,
          text: t(
            'What was the main purpose of your stay?',
            'Qual era lo scopo principale del soggiorno?',
            '您此次入住的主要目的是什么？',
            '您此次住宿的主要目的是什麼？',
            'Mục đích chính của chuyến lưu trú là gì?',
          ),
          options: [
            { id: 'business', label: t('Business', 'Lavoro', '商务', '商務', 'Công tác') },
            { id: 'leisure', label: t('Leisure', 'Vacanza', '休闲', '休閒', 'Du lịch') },
            {
              id: 'event',
              label: t(
                'Event or conference',
                'Evento o congresso',
                '活动或会议',
                '活動或會議',
                'Sự kiện hoặc hội nghị',
              ),
            },
          ],
        },
        {
          id: 'used',
          type: 'multiple',
          text: t(
            'Which services did you use?',
            'Quali servizi ha utilizzato?',
            '您使用了哪些服务？',
            '您使用了哪些服務？',
            'Bạn đã sử dụng những dịch vụ nào?',
          ),
          options: [
            { id: 'restaurant', label: t('Restaurant', 'Ristorante', '餐厅', '餐廳', 'Nhà hàng') },
            { id: 'spa', label: t('Spa', 'Spa', '水疗', '水療', 'Spa') },
            { id: 'gym', label: t('Gym', 'Palestra', '健身房', '健身房', 'Phòng tập') },
            { id: 'parking', label: t('Parking', 'Parcheggio', '停车场', '停車場', 'Bãi đỗ xe') },
          ],
        },
      ],
    },
    {
      id: 'comments',
      questions: [
        {
          id: 'comment',
          type: 'text',
          role: 'open-feedback',
          multiline: true,
          maxLength: 2000,
          text: t(
            'What could we do better?',
            'Cosa potremmo migliorare?',
            '我们有哪些地方可以做得更好？',
            '我們有哪些地方可以做得更好？',
            'Chúng tôi có thể cải thiện điều gì?',
          ),
        },
      ],
    },
  ],
  thankYou: t(
    'Thank you! Your answers help us improve.',
    'Grazie! Le sue risposte ci aiutano a migliorare.',
    '谢谢！您的回答将帮助我们改进。',
    '謝謝！您的回答將幫助我們改進。',
    'Cảm ơn bạn! Câu trả lời giúp chúng tôi cải thiện.',
  ),
};

/** Mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  'Breakfast ran out of fresh fruit by 9am.',
  'Check-in took too long, only one person at the desk.',
  'Lovely staff, especially at the bar.',
  'The room was noisy because of the street.',
  'Spotless room, great bed.',
  'Wi-Fi kept dropping in the evening.',
  'Parking is expensive for guests.',
  'Colazione ottima, personale gentilissimo.',
  '房间很干净，但是早餐选择太少。',
  '服務很好，下次還會再來。',
  'Phòng sạch sẽ, nhân viên thân thiện.',
  'Air conditioning was loud.',
];

/**
 * Who answers, by loyalty tier: platinum guests answer more readily than their 5 % of the
 * population (see hotel-plan.ts), lead guests less, so the demo shows cells filling unevenly.
 */
const TIER_RESPONSE_SHARES: [string, number][] = [
  ['platinum', 0.1],
  ['gold', 0.16],
  ['iron', 0.28],
  ['lead', 0.46],
];

function pick(shares: [string, number][], u: number): string {
  let acc = 0;
  for (const [value, share] of shares) if (u < (acc += share)) return value;
  return shares[shares.length - 1][0];
}

/** One synthetic guest's answers, hidden fields and language. */
export function hotelRespondent(rand: () => number) {
  const tier = pick(TIER_RESPONSE_SHARES, rand());
  const region = ['north', 'centre', 'south'][Math.floor(rand() * 3)];
  const quality = 0.35 + 0.5 * rand() + (tier === 'platinum' ? 0.08 : 0);
  const point = (bias: number) =>
    Math.max(1, Math.min(5, Math.round(1 + 4 * (quality + bias + (rand() - 0.5) * 0.45))));
  const attrs: Record<string, number> = {
    checkin: point(-0.08),
    room: point(0.05),
    cleanliness: point(0.1),
    staff: point(0.12),
    breakfast: point(-0.12),
    value: point(-0.05),
  };
  const osat = point(0);
  const nps = Math.max(0, Math.min(10, Math.round(quality * 11 + (rand() - 0.4) * 3)));
  const ret = nps >= 9 ? 'certainly' : nps >= 7 ? 'probably' : nps >= 5 ? 'unsure' : 'no';
  const used = ['restaurant', 'spa', 'gym', 'parking'].filter(() => rand() < 0.4);
  const answers: Record<string, unknown> = {
    osat,
    nps,
    return: ret,
    attrs,
    purpose: ['business', 'leisure', 'event'][Math.floor(rand() * 2.4)],
  };
  if (used.length) answers.used = used;
  if (rand() < 0.35) answers.comment = COMMENTS[Math.floor(rand() * COMMENTS.length)];
  const lang = ['en', 'en', 'en', 'it', 'zh-Hans', 'zh-Hant', 'vi'][Math.floor(rand() * 7)];
  return { answers, hidden: { tier, region }, lang };
}
