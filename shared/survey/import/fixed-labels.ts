/**
 * Labels of LimeSurvey's fixed-answer types (Yes/No, Gender), which a .lss stores as codes only:
 * LimeSurvey shows them in the respondent's language, so the import writes them in each survey
 * language it knows here, by the language's primary subtag (Chinese by script).
 */
import type { Text } from '../schema';
import { isLocale } from '../../i18n/locales';

type Words = { yes: string; no: string; female: string; male: string };

const WORDS: Record<string, Words> = {
  en: { yes: 'Yes', no: 'No', female: 'Female', male: 'Male' },
  'zh-Hans': { yes: '是', no: '否', female: '女', male: '男' },
  'zh-Hant': { yes: '是', no: '否', female: '女', male: '男' },
  it: { yes: 'Sì', no: 'No', female: 'Femmina', male: 'Maschio' },
  vi: { yes: 'Có', no: 'Không', female: 'Nữ', male: 'Nam' },
  fr: { yes: 'Oui', no: 'Non', female: 'Femme', male: 'Homme' },
  de: { yes: 'Ja', no: 'Nein', female: 'Weiblich', male: 'Männlich' },
  es: { yes: 'Sí', no: 'No', female: 'Mujer', male: 'Hombre' },
  pt: { yes: 'Sim', no: 'Não', female: 'Feminino', male: 'Masculino' },
  nl: { yes: 'Ja', no: 'Nee', female: 'Vrouw', male: 'Man' },
  et: { yes: 'Jah', no: 'Ei', female: 'Naine', male: 'Mees' },
  fi: { yes: 'Kyllä', no: 'Ei', female: 'Nainen', male: 'Mies' },
  sv: { yes: 'Ja', no: 'Nej', female: 'Kvinna', male: 'Man' },
  da: { yes: 'Ja', no: 'Nej', female: 'Kvinde', male: 'Mand' },
  nb: { yes: 'Ja', no: 'Nei', female: 'Kvinne', male: 'Mann' },
  pl: { yes: 'Tak', no: 'Nie', female: 'Kobieta', male: 'Mężczyzna' },
  cs: { yes: 'Ano', no: 'Ne', female: 'Žena', male: 'Muž' },
  ru: { yes: 'Да', no: 'Нет', female: 'Женский', male: 'Мужской' },
  uk: { yes: 'Так', no: 'Ні', female: 'Жіноча', male: 'Чоловіча' },
  tr: { yes: 'Evet', no: 'Hayır', female: 'Kadın', male: 'Erkek' },
  el: { yes: 'Ναι', no: 'Όχι', female: 'Γυναίκα', male: 'Άνδρας' },
  ar: { yes: 'نعم', no: 'لا', female: 'أنثى', male: 'ذكر' },
  he: { yes: 'כן', no: 'לא', female: 'נקבה', male: 'זכר' },
  fa: { yes: 'بله', no: 'خیر', female: 'زن', male: 'مرد' },
  ja: { yes: 'はい', no: 'いいえ', female: '女性', male: '男性' },
  ko: { yes: '예', no: '아니요', female: '여성', male: '남성' },
  th: { yes: 'ใช่', no: 'ไม่ใช่', female: 'หญิง', male: 'ชาย' },
  id: { yes: 'Ya', no: 'Tidak', female: 'Perempuan', male: 'Laki-laki' },
  hi: { yes: 'हाँ', no: 'नहीं', female: 'महिला', male: 'पुरुष' },
};

function wordsFor(tag: string): Words | undefined {
  if (WORDS[tag]) return WORDS[tag];
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  if (locale.language === 'zh')
    return WORDS[(locale.script ?? locale.maximize().script) === 'Hant' ? 'zh-Hant' : 'zh-Hans'];
  // Norwegian written as "no" takes Bokmål's words.
  return WORDS[locale.language === 'no' ? 'nb' : locale.language];
}

/** The word in every language known here (English stands in for the others when the survey has none known). */
export function fixedLabel(word: keyof Words, languages: readonly string[]): Text {
  const out: Record<string, string> = {};
  for (const l of languages) {
    const w = wordsFor(l);
    if (w) out[l] = w[word];
  }
  return Object.keys(out).length ? out : { [languages[0]]: WORDS.en[word] };
}

/**
 * Labels for a yes/no question in a survey with a language outside the respondent page's five
 * (which word yes/no themselves): every survey language's words, so no language falls back to
 * another's. None when the page has every language.
 */
export function yesNoWords(languages: readonly string[]): { yesLabel?: Text; noLabel?: Text } {
  if (languages.every((l) => isLocale(l))) return {};
  return { yesLabel: fixedLabel('yes', languages), noLabel: fixedLabel('no', languages) };
}
