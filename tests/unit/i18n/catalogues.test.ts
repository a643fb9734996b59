/**
 * Every language says everything English says, with the same placeholders and the plural forms
 * its grammar has (CLDR, through Intl.PluralRules), and nothing is left in English by accident.
 */
import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  loadAppMessages,
  loadRespondentMessages,
  placeholders,
  type Locale,
  type Message,
  type PluralCategory,
} from '../../../shared/i18n';

type Catalogue = Readonly<Record<string, Message>>;

const NAMESPACES: Record<string, (l: Locale) => Promise<Catalogue>> = {
  respondent: loadRespondentMessages,
  app: loadAppMessages,
};

/**
 * Messages that may read exactly as in English, per namespace:key, with the languages and why.
 * An entry that no longer matches English fails the test, so this list cannot go stale.
 */
const SAME_AS_ENGLISH: Record<string, { locales: Locale[]; reason: string }> = {
  'app:app.name': { locales: ['zh-Hans', 'zh-Hant', 'it', 'vi'], reason: 'brand name' },
  'app:editor.type.nps': { locales: ['it'], reason: 'Italian researchers say NPS' },
  'app:report.nps': { locales: ['it'], reason: 'Italian researchers say NPS' },
  'app:customers.value.nps': { locales: ['it'], reason: 'Italian researchers say NPS' },
  'app:customers.privacy.title': { locales: ['it'], reason: '"privacy" is the Italian word' },
  'app:report.topBox': { locales: ['it'], reason: 'Italian research reports use "top box" as is' },
  'app:plan.budget.title': { locales: ['it'], reason: '"budget" is the Italian business word' },
  'app:setup.password': { locales: ['it'], reason: '"password" is the Italian word' },
  'app:signIn.password': { locales: ['it'], reason: '"password" is the Italian word' },
  'app:export.no': { locales: ['it'], reason: '"no" is the Italian word' },
  'app:report.no': { locales: ['it'], reason: '"no" is the Italian word' },
  'respondent:question.no': { locales: ['it'], reason: '"no" is the Italian word' },
  'app:editor.where.placeField': { locales: ['it', 'vi'], reason: 'two placeholders and a comma' },
  'app:editor.problem.field': { locales: ['it', 'vi'], reason: 'two placeholders and a full stop' },
  'app:customers.history.scores': {
    locales: ['zh-Hans', 'zh-Hant', 'it', 'vi'],
    reason: 'R, F and M are the RFM letters in every language; the spelled-out label is translated',
  },
  'app:customers.scores.outOf': { locales: ['zh-Hans', 'zh-Hant', 'it', 'vi'], reason: 'two placeholders and a slash' },
  'app:customers.scores.no': { locales: ['it'], reason: '"no" is the Italian word' },
};

const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
const sorted = (s: Set<string>) => [...s].sort().join(', ');

function categoriesOf(locale: Locale): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}

describe.each(Object.entries(NAMESPACES))('the %s catalogues', (namespace, load) => {
  const catalogues = Promise.all(LOCALES.map(async (l) => [l, await load(l)] as const)).then((e) => new Map(e));

  it.each(LOCALES)('%s has exactly the keys of en', async (locale) => {
    const all = await catalogues;
    const en = Object.keys(all.get('en')!);
    const here = Object.keys(all.get(locale)!);
    expect({
      missing: en.filter((k) => !here.includes(k)),
      extra: here.filter((k) => !en.includes(k)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('%s uses the placeholders en uses, key by key', async (locale) => {
    const all = await catalogues;
    const en = all.get('en')!;
    const here = all.get(locale)!;
    const differing = Object.keys(en)
      .filter((k) => k in here && sorted(placeholders(en[k])) !== sorted(placeholders(here[k])))
      .map((k) => `${k}: en has {${sorted(placeholders(en[k]))}}, ${locale} has {${sorted(placeholders(here[k]))}}`);
    expect(differing).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message and no stray brace', async (locale) => {
    const bad = Object.entries((await catalogues).get(locale)!)
      .filter(([, m]) => texts(m).some((t) => t.trim() === '' || /[{}]/.test(t.replace(/\{\w+\}/g, ''))))
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('%s gives plural messages exactly the categories its language has', async (locale) => {
    const all = await catalogues;
    const en = all.get('en')!;
    const valid = categoriesOf(locale);
    const problems: string[] = [];
    for (const [key, m] of Object.entries(all.get(locale)!)) {
      if (typeof m === 'string') {
        // A language with one form may write a plain string; one with several must not lose them.
        if (typeof en[key] !== 'string' && valid.length > 1)
          problems.push(`${key}: needs plural forms ${valid.join(', ')}`);
        continue;
      }
      const given = Object.keys(m) as PluralCategory[];
      if (!('other' in m)) problems.push(`${key}: no "other" form`);
      const invalid = given.filter((c) => !valid.includes(c));
      if (invalid.length) problems.push(`${key}: ${invalid.join(', ')} not a plural category of ${locale}`);
      const absent = valid.filter((c) => !given.includes(c));
      if (absent.length) problems.push(`${key}: lacks ${absent.join(', ')}`);
      if (!placeholders(m).has('count')) problems.push(`${key}: a plural message should show {count}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s leaves nothing in English unless allowed', async (locale) => {
    const all = await catalogues;
    const en = all.get('en')!;
    const here = all.get(locale)!;
    const same = Object.keys(en).filter((k) => JSON.stringify(en[k]) === JSON.stringify(here[k]));
    const allowed = Object.entries(SAME_AS_ENGLISH)
      .filter(([id, a]) => id.startsWith(`${namespace}:`) && a.locales.includes(locale))
      .map(([id]) => id.slice(namespace.length + 1));
    expect({
      untranslated: same.filter((k) => !allowed.includes(k)),
      staleAllowances: allowed.filter((k) => !same.includes(k)),
    }).toEqual({ untranslated: [], staleAllowances: [] });
  });
});
