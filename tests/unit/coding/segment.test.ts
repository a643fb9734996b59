import { describe, expect, it } from 'vitest';
import { answerWords } from '../../../shared/coding/themes';
import { wordRuns } from '../../../shared/coding/segment';
import { stopWords } from '../../../shared/coding/stop-words';
import { textLanguage } from '../../../shared/coding/language';
import { CHINESE, VIETNAMESE } from './fixtures/answers';

const wordsOf = (texts: readonly string[], lang: string) => {
  const { terms, perAnswer } = answerWords(texts, lang, 2);
  return perAnswer.map((ids) => [...ids].map((id) => terms[id]).sort());
};

describe('the words of an answer', () => {
  it('finds the words a reader of Chinese finds, joining compounds the dictionary cuts apart', () => {
    // ICU cuts 服务员 (waiter) into 服务|员 and 入住 (check in) into 入|住; both stand together in
    // every answer of the set, so they are read as the words they are. 很 (very) and 了 are stop words.
    const words = wordsOf(CHINESE, 'zh-CN');
    expect(words[0]).toEqual(['房间', '很好', '干净', '态度', '服务员'].sort());
    // 等 (wait) is also "etc.", a stop word of the list, and goes with it.
    expect(words[4]).toEqual(['入住', '办理', '差', '很久', '态度', '服务员'].sort());
    expect(words[8]).toEqual(['位置', '地铁', '站', '方便', '近'].sort());
    expect(words.flat()).not.toContain('员');
    expect(words.flat()).not.toContain('很');
  });

  it('finds the words a reader of Vietnamese finds, made of several syllables', () => {
    // Vietnamese is written a syllable at a time: "nhân viên" (staff), "thân thiện" (friendly),
    // "phục vụ" (serve), "bữa sáng" (breakfast), "chờ đợi" (wait) are one word each. "rất" (very)
    // and "nhưng" (but) are stop words.
    const words = wordsOf(VIETNAMESE, 'vi');
    expect(words[0]).toEqual(['gàng', 'gọn', 'nhân viên', 'phòng', 'thân thiện', 'ốc'].sort());
    expect(words[1]).toEqual(['chậm', 'giá', 'hơi', 'nhân viên', 'phục vụ', 'đắt'].sort());
    expect(words[3]).toEqual(['bữa sáng', 'nhiệt tình', 'ngon', 'nhân viên'].sort());
    expect(words[4]).toEqual(['giá', 'hơi', 'phòng', 'rộng', 'đắt'].sort());
    expect(words[5]).toEqual(['chậm', 'chờ đợi', 'lâu', 'phục vụ'].sort());
  });

  it('keeps a phrase within a clause: punctuation ends a run of words', () => {
    expect(wordRuns('Phục vụ chậm, giá hơi đắt.', 'vi').map((r) => r.words)).toEqual([
      ['phục', 'vụ', 'chậm'],
      ['giá', 'hơi', 'đắt'],
    ]);
  });

  it('cuts spaced scripts where Intl.Segmenter does, by its faster path', () => {
    const texts = [
      ...VIETNAMESE,
      "The staff weren't friendly; check-in took ages — never again!",
      'Personale gentile, ma l’attesa è stata lunga.',
      'Обслуживание медленное, но номер чистый.',
    ];
    for (const [text, lang] of texts.map((t, i) => [t, i < VIETNAMESE.length ? 'vi' : 'en'])) {
      const icu = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text.normalize('NFC'))]
        .filter((s) => s.isWordLike)
        .map((s) => s.segment.toLowerCase());
      expect(wordRuns(text, lang).flatMap((r) => r.words)).toEqual(icu);
    }
  });

  it('leaves numbers out and lower-cases', () => {
    const runs = wordRuns('The STAFF were friendly; 2 hours wait!', 'en');
    expect(runs.map((r) => r.words)).toEqual([
      ['the', 'staff', 'were', 'friendly'],
      ['hours', 'wait'],
    ]);
    expect(runs[0].stop).toEqual([true, false, true, false]);
  });
});

describe('stop words', () => {
  it('come from stopwords-iso for each interface language', () => {
    expect(stopWords('en').has('the')).toBe(true);
    expect(stopWords('it').has('della')).toBe(true);
    expect(stopWords('vi').has('nhưng')).toBe(true);
    expect(stopWords('zh-Hans').has('我们')).toBe(true);
    expect(stopWords('en').has('staff')).toBe(false);
  });

  it('are given in traditional characters to Traditional Chinese answers', () => {
    // 这个 (this) and 我们 (we) of the simplified list are written 這個 and 我們 in Taiwan and Hong Kong.
    expect(stopWords('zh-TW').has('這個')).toBe(true);
    expect(stopWords('zh-Hant').has('我們')).toBe(true);
    expect(stopWords('zh-Hant').has('这个')).toBe(true);
    expect(wordRuns('這個價格不值得', 'zh-TW').flatMap((r) => r.words.filter((_, i) => !r.stop[i]))).toEqual([
      '價格',
      '不值得',
    ]);
  });

  it('are none for a language the package does not list', () => {
    expect(stopWords('tlh').size).toBe(0);
  });
});

describe('the language of an answer', () => {
  it('tells the Chinese scripts apart and reduces others to their language', () => {
    expect(textLanguage('zh')).toBe('zh-Hans');
    expect(textLanguage('zh_TW')).toBe('zh-Hant');
    expect(textLanguage('zh-HK')).toBe('zh-Hant');
    expect(textLanguage('vi-VN')).toBe('vi');
    expect(textLanguage('not a tag')).toBe('und');
  });
});
