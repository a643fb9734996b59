/** Helpers for writing templates: texts in the five interface languages, options with ids. */
import type { Text } from '../schema';

/** A text in en, it, zh-Hans, zh-Hant and vi, in that order; long texts may give English only. */
export function tx(en: string, it?: string, hans?: string, hant?: string, vi?: string): Text {
  return {
    en,
    ...(it ? { it } : {}),
    ...(hans ? { 'zh-Hans': hans } : {}),
    ...(hant ? { 'zh-Hant': hant } : {}),
    ...(vi ? { vi } : {}),
  };
}

export const ALL_LANGUAGES = ['en', 'it', 'zh-Hans', 'zh-Hant', 'vi'] as const;

/** A five-point satisfaction scale with its end labels. */
export const satisfaction5 = {
  min: 1,
  max: 5,
  minLabel: tx('Very dissatisfied', 'Per niente soddisfatto', '非常不满意', '非常不滿意', 'Rất không hài lòng'),
  maxLabel: tx('Very satisfied', 'Molto soddisfatto', '非常满意', '非常滿意', 'Rất hài lòng'),
};

/** A seven-point agreement scale, as SERVQUAL uses it. */
export const agree7 = {
  min: 1,
  max: 7,
  minLabel: tx('Strongly disagree', 'Per niente d’accordo', '非常不同意', '非常不同意', 'Hoàn toàn không đồng ý'),
  maxLabel: tx('Strongly agree', 'Del tutto d’accordo', '非常同意', '非常同意', 'Hoàn toàn đồng ý'),
};

export const importance5 = {
  min: 1,
  max: 5,
  minLabel: tx(
    'Not at all important',
    'Per niente importante',
    '完全不重要',
    '完全不重要',
    'Hoàn toàn không quan trọng',
  ),
  maxLabel: tx('Extremely important', 'Estremamente importante', '极其重要', '極為重要', 'Cực kỳ quan trọng'),
};

export const recommend = (id = 'nps') => ({
  id,
  type: 'nps' as const,
  required: true,
  role: 'recommend' as const,
  text: tx(
    'How likely are you to recommend us to a friend or colleague?',
    'Quanto è probabile che ci consiglieresti a un amico o a un collega?',
    '您向朋友或同事推荐我们的可能性有多大？',
    '您向朋友或同事推薦我們的可能性有多高？',
    'Bạn có sẵn lòng giới thiệu chúng tôi cho bạn bè hoặc đồng nghiệp không?',
  ),
});

export const overall = (id = 'overall') => ({
  id,
  type: 'rating' as const,
  required: true,
  role: 'overall-satisfaction' as const,
  scale: satisfaction5,
  text: tx(
    'Overall, how satisfied are you with us?',
    'Nel complesso, quanto sei soddisfatto di noi?',
    '总体而言，您对我们的满意程度如何？',
    '整體而言，您對我們的滿意程度如何？',
    'Nhìn chung, bạn hài lòng với chúng tôi đến mức nào?',
  ),
});

export const improve = (id = 'improve') => ({
  id,
  type: 'text' as const,
  multiline: true,
  role: 'open-feedback' as const,
  text: tx(
    'What could we do better?',
    'Che cosa potremmo fare meglio?',
    '我们有哪些地方可以做得更好？',
    '我們有哪些地方可以做得更好？',
    'Chúng tôi có thể làm gì tốt hơn?',
  ),
});

export const again = (id = 'again') => ({
  id,
  type: 'rating' as const,
  required: true,
  role: 'loyalty' as const,
  scale: {
    min: 1,
    max: 5,
    minLabel: tx('Definitely not', 'Sicuramente no', '肯定不会', '絕對不會', 'Chắc chắn không'),
    maxLabel: tx('Definitely', 'Sicuramente sì', '肯定会', '一定會', 'Chắc chắn có'),
  },
  text: tx(
    'Would you choose us again?',
    'Ci sceglieresti di nuovo?',
    '您会再次选择我们吗？',
    '您會再次選擇我們嗎？',
    'Bạn có chọn chúng tôi lần nữa không?',
  ),
});

export const item = (id: string, label: Text) => ({ id, label });
