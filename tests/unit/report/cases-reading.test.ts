import { describe, expect, it } from 'vitest';
import { casesReading } from '../../../client/app/report/cases-reading';
import { createTranslator, formatNumber, formatPercent, loadAppMessages, type Locale } from '../../../shared/i18n';

const format = async (locale: Locale) => ({
  t: createTranslator(locale, await loadAppMessages(locale)),
  num: (n: number, digits?: number) => formatNumber(locale, n, digits),
  pct: (share: number, digits?: number) => formatPercent(locale, share, digits),
});

describe("the report's reading of its cases", () => {
  it('says none is resolved yet rather than giving a median of nothing, in every language', async () => {
    const unresolved = { opened: 3, shareResolved: 0, medianHoursToResolution: null };
    const expected: Record<Locale, string> = {
      en: '3 cases opened; none resolved yet.',
      it: '3 casi aperti; nessuno ancora risolto.',
      vi: 'Đã mở 3 hồ sơ; chưa hồ sơ nào được giải quyết.',
      'zh-Hans': '共开立 3 个案例；尚无已解决的案例。',
      'zh-Hant': '共開立 3 件案件；尚無已解決的案件。',
    };
    for (const [locale, sentence] of Object.entries(expected) as [Locale, string][]) {
      const reading = casesReading(unresolved, await format(locale));
      expect(reading).toBe(sentence);
      expect(reading).not.toContain('—');
    }
    expect(casesReading({ ...unresolved, opened: 1 }, await format('en'))).toBe('1 case opened; none resolved yet.');
  });

  it('gives the median time once a case is resolved: hours under two days, days from there', async () => {
    const en = await format('en');
    // 1 of 4 resolved is 25%; 30 h is under 48 h, 60 h is 2.5 days.
    expect(casesReading({ opened: 4, shareResolved: 0.25, medianHoursToResolution: 30 }, en)).toBe(
      '4 cases opened; 25% resolved, in a median of 30 h.',
    );
    expect(casesReading({ opened: 4, shareResolved: 0.25, medianHoursToResolution: 60 }, en)).toBe(
      '4 cases opened; 25% resolved, in a median of 2.5 days.',
    );
    expect(casesReading({ opened: 0, shareResolved: null, medianHoursToResolution: null }, en)).toBe(
      'No follow-up cases among these responses.',
    );
  });
});
