/**
 * Stop words per answer language, from the stopwords-iso package (a maintained union of the common
 * published lists). Its Chinese list is in simplified characters; Traditional Chinese answers get the
 * same list with its simplified characters mapped to their traditional forms.
 */
import { createRequire } from 'node:module';
import { textLanguage } from './language';

// The package is one JSON file: ESM needs an import attribute for it, which the production build
// (esbuild, target node20) drops, so it is read with require. The suggestions run on the server
// only; the app imports this area's types, never this module.
const LISTS = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

/**
 * Simplified → traditional forms of the characters of the package's Chinese stop words that differ
 * between the scripts (mapped by hand; where one simplified character stands for two traditional
 * ones, the common form). Both forms are kept, so a mapping never loses a stop word.
 */
const TRADITIONAL: Record<string, string> = {
  个: '個',
  则: '則',
  来: '來',
  种: '種',
  转: '轉',
  万: '萬',
  仅: '僅',
  单: '單',
  尽: '盡',
  论: '論',
  过: '過',
  问: '問',
  与: '與',
  说: '說',
  时: '時',
  两: '兩',
  别: '別',
  临: '臨',
  为: '為',
  么: '麼',
  着: '著',
  乌: '烏',
  罢: '罷',
  尔: '爾',
  们: '們',
  旧: '舊',
  从: '從',
  凭: '憑',
  会: '會',
  处: '處',
  余: '餘',
  据: '據',
  傥: '儻',
  儿: '兒',
  体: '體',
  关: '關',
  内: '內',
  冲: '衝',
  几: '幾',
  区: '區',
  却: '卻',
  见: '見',
  吓: '嚇',
  吗: '嗎',
  哒: '噠',
  呕: '嘔',
  呗: '唄',
  呜: '嗚',
  哟: '喲',
  哗: '嘩',
  边: '邊',
  里: '裡',
  达: '達',
  喽: '嘍',
  嗳: '噯',
  嘘: '噓',
  宁: '寧',
  愿: '願',
  对: '對',
  将: '將',
  岂: '豈',
  并: '並',
  开: '開',
  归: '歸',
  齐: '齊',
  总: '總',
  办: '辦',
  无: '無',
  极: '極',
  欤: '歟',
  间: '間',
  没: '沒',
  点: '點',
  犹: '猶',
  确: '確',
  离: '離',
  称: '稱',
  简: '簡',
  紧: '緊',
  纵: '縱',
  经: '經',
  结: '結',
  给: '給',
  继: '繼',
  综: '綜',
  腾: '騰',
  虽: '雖',
  让: '讓',
  许: '許',
  设: '設',
  诚: '誠',
  该: '該',
  请: '請',
  诸: '諸',
  谁: '誰',
  贼: '賊',
  赖: '賴',
  赶: '趕',
  较: '較',
  还: '還',
  这: '這',
  进: '進',
  连: '連',
  针: '針',
  随: '隨',
  难: '難',
  顺: '順',
  鉴: '鑒',
  后: '後',
  于: '於',
  类: '類',
  云: '雲',
};

const cache = new Map<string, ReadonlySet<string>>();

function toTraditional(word: string): string {
  let out = '';
  for (const ch of word) out += TRADITIONAL[ch] ?? ch;
  return out;
}

/**
 * The stop words of a language tag (`en`, `zh-Hant`, `vi`…), lower-cased; an empty set for a
 * language the package has no list for. Vietnamese entries of several syllables ("bao giờ") stay as
 * they are: the themes drop a phrase equal to one.
 */
export function stopWords(lang: string): ReadonlySet<string> {
  const key = textLanguage(lang);
  let set = cache.get(key);
  if (!set) {
    const base = key === 'zh-Hans' || key === 'zh-Hant' ? 'zh' : key;
    const list = LISTS[base] ?? [];
    const words = list.map((w) => w.normalize('NFC').toLowerCase());
    if (key === 'zh-Hant') for (const w of list) words.push(toTraditional(w));
    set = new Set(words);
    cache.set(key, set);
  }
  return set;
}
